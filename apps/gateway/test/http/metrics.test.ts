import client from 'prom-client';
import { describe, expect, it } from 'vitest';
import { Metrics } from '../../src/http/metrics.js';

/** The block of one metric (its HELP line to the next blank line) in Prometheus's text format. */
const block = (text: string, name: string) => text.split('\n\n').find((b) => b.startsWith(`# HELP ${name} `))?.trim();

describe('the request path metrics', () => {
  it('write what prom-client writes for the same observations', async () => {
    const m = new Metrics();
    const reference = new client.Registry();
    const requests = new client.Counter({ name: 'cordon_http_requests_total', help: 'HTTP requests by route (operationId), method, status and model.', labelNames: ['route', 'method', 'status', 'model'], registers: [reference] });
    const latency = new client.Histogram({ name: 'cordon_http_request_duration_seconds', help: 'HTTP request latency by route and model (until the last byte of the response).', labelNames: ['route', 'model'], buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60], registers: [reference] });
    const tokens = new client.Counter({ name: 'cordon_tokens_total', help: 'Tokens processed by model and direction (input, output).', labelNames: ['model', 'direction'], registers: [reference] });
    // Label values a caller could make odd (a model id with a quote, a backslash, a newline), bucket
    // bounds hit exactly, values past the last bound, a status the same metric sees twice.
    const seen: [string, string, number, string, number][] = [
      ['createChatCompletion', 'POST', 200, 'fake', 0.0004],
      ['createChatCompletion', 'POST', 200, 'fake', 0.001],
      ['createChatCompletion', 'POST', 429, 'fake', 0.0051],
      ['createChatCompletion', 'POST', 200, 'a"b\\c\nd', 61],
      ['listModels', 'GET', 200, '', 2.5],
      ['createChatCompletion', 'POST', 200, 'fake', 0.3],
    ];
    for (const [route, method, status, model, seconds] of seen) {
      m.observe(route, method, status, model, seconds);
      requests.labels(route, method, String(status), model).inc();
      latency.labels(route, model).observe(seconds);
    }
    for (const [model, direction, n] of [['fake', 'input', 12], ['fake', 'output', 3], ['fake', 'input', 5], ['a"b', 'output', 1]] as const) {
      m.countTokens(model, direction, n);
      tokens.labels(model, direction).inc(n);
    }
    const ours = await m.text();
    const theirs = await reference.metrics();
    for (const name of ['cordon_http_requests_total', 'cordon_http_request_duration_seconds', 'cordon_tokens_total']) {
      expect(block(ours, name)).toBeDefined();
      expect(block(ours, name)).toBe(block(theirs, name));
    }
    // prom-client's own metrics (the process's) are still there.
    expect(ours).toContain('# TYPE cordon_process_cpu_user_seconds_total counter');
  });

  it('keep at most 20,000 label sets a metric; the rest are counted under _other', async () => {
    const m = new Metrics();
    for (let i = 0; i < 20_005; i++) m.countTokens(`model-${i}`, 'input', 1);
    m.countTokens('one-more', 'output', 7);
    const text = block(await m.text(), 'cordon_tokens_total') ?? '';
    expect(text.split('\n').filter((l) => l.startsWith('cordon_tokens_total{'))).toHaveLength(20_001);
    expect(text).toContain('cordon_tokens_total{model="_other",direction="_other"} 12');
    expect(text).toContain('cordon_tokens_total{model="model-19999",direction="input"} 1');
    expect(text).not.toContain('model-20000');
  });
});
