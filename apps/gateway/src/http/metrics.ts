/** Prometheus metrics: requests by route, status and model; latency histograms; guardrail violations. */
import client from 'prom-client';
import type { RequestHandler } from 'express';

export class Metrics {
  readonly registry = new client.Registry();
  readonly requests = new client.Counter({
    name: 'cordon_http_requests_total',
    help: 'HTTP requests by route (operationId), method, status and model.',
    labelNames: ['route', 'method', 'status', 'model'] as const,
    registers: [this.registry],
  });
  readonly latency = new client.Histogram({
    name: 'cordon_http_request_duration_seconds',
    help: 'HTTP request latency by route and model (until the last byte of the response).',
    labelNames: ['route', 'model'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });
  readonly tokens = new client.Counter({
    name: 'cordon_tokens_total',
    help: 'Tokens processed by model and direction (input, output).',
    labelNames: ['model', 'direction'] as const,
    registers: [this.registry],
  });
  readonly violations = new client.Counter({
    name: 'cordon_guardrail_violations_total',
    help: 'Guardrail violations by rule and direction.',
    labelNames: ['rule', 'direction'] as const,
    registers: [this.registry],
  });
  readonly rateLimited = new client.Counter({
    name: 'cordon_rate_limited_total',
    help: 'Requests refused by a rate limit, by scope.',
    labelNames: ['scope'] as const,
    registers: [this.registry],
  });

  /** Label children by metric and label values: the hot path does no label hashing. Bounded. */
  private children = new Map<string, any>();

  private child<T>(key: string, make: () => T): T {
    let c = this.children.get(key) as T | undefined;
    if (c === undefined) {
      c = make();
      if (this.children.size < 20_000) this.children.set(key, c);
    }
    return c;
  }

  /** Adds tokens for a model, direction 'input' or 'output'. */
  countTokens(model: string, direction: 'input' | 'output', n: number): void {
    this.child(`t\u0000${model}\u0000${direction}`, () => this.tokens.labels(model, direction)).inc(n);
  }

  constructor() {
    client.collectDefaultMetrics({ register: this.registry, prefix: 'cordon_' });
  }

  /** Records one finished request; label children are cached so the hot path does no label hashing. */
  observe(route: string, method: string, status: number, model: string, seconds: number): void {
    this.child(`r\u0000${route}\u0000${method}\u0000${status}\u0000${model}`, () => this.requests.labels(route, method, String(status), model)).inc();
    this.child(`l\u0000${route}\u0000${model}`, () => this.latency.labels(route, model)).observe(seconds);
  }

  handler(): RequestHandler {
    return async (_req, res) => {
      res.setHeader('content-type', this.registry.contentType);
      res.end(await this.registry.metrics());
    };
  }
}
