// A Cordon gateway in front of a second, real Cordon gateway (serving the embedded demo model),
// through the official `openai` SDK; faults from a TCP proxy on loopback.
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, makeDomainKey, spawnGateway, startTestGateway, type ChildGateway, type TestGateway } from '../helpers.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';

let upstream: ChildGateway;
let front: TestGateway;
let proxy: FaultProxy;
let direct: OpenAI;
let viaFront: OpenAI;
const user = (content: string) => [{ role: 'user' as const, content }];
const fast = { max_retries: 2, retry_base_delay_ms: 250, retry_max_delay_ms: 250, first_byte_timeout_ms: 1500, breaker_failures: 100 };

async function register(id: string, targets: string[], extra: Record<string, unknown> = {}) {
  const res = await front.req('/admin/v1/models', {
    method: 'POST',
    json: {
      id,
      engine: 'openai-compatible',
      settings: { targets: targets.map((base_url) => ({ base_url, model: 'cordon-demo', api_key_env: 'CORDON_UPSTREAM_KEY_TEST' })), ...fast, ...extra },
      capabilities: ['chat', 'completions', 'embeddings'],
    },
  });
  expect(res.status).toBe(201);
}

beforeAll(async () => {
  upstream = await spawnGateway();
  process.env.CORDON_UPSTREAM_KEY_TEST = upstream.adminKey;
  front = await startTestGateway({ CORDON_DEMO_MODEL: 'false' });
  proxy = await startFaultProxy({ target: upstream.url });
  await register('proxied', [`${upstream.url}/v1`]);
  await register('faulty', [`${proxy.url}/v1`]);
  await register('two-targets', [`${proxy.url}/v1`, `${upstream.url}/v1`]);
  await register('with-fallback', [`${proxy.url}/v1`], { fallback_model: 'proxied', max_retries: 0 });
  await register('native-responses', [`${upstream.url}/v1`], { native_responses: true });
  direct = new OpenAI({ baseURL: `${upstream.url}/v1`, apiKey: upstream.adminKey, maxRetries: 0 });
  viaFront = new OpenAI({ baseURL: `${front.url}/v1`, apiKey: front.adminKey, maxRetries: 0 });
});

afterAll(async () => {
  await proxy?.close();
  await front?.stop();
  upstream?.proc.kill('SIGTERM');
  await upstream?.exited;
});

describe('proxying gives the same answers as asking the upstream directly', () => {
  it('chat', async () => {
    const a = await direct.chat.completions.create({ model: 'cordon-demo', messages: user('Hello'), seed: 7, max_tokens: 24 });
    const { data: b, response } = await viaFront.chat.completions.create({ model: 'proxied', messages: user('Hello'), seed: 7, max_tokens: 24 }).withResponse();
    expect(contract.response('createChatCompletion', 200, 'application/json', b)).toBeNull();
    expect(b.model).toBe('proxied');
    expect(b.choices[0]!.message.content).toBe(a.choices[0]!.message.content);
    expect(b.usage).toMatchObject({ prompt_tokens: a.usage!.prompt_tokens, completion_tokens: a.usage!.completion_tokens });
    expect(Number(response.headers.get('x-cordon-overhead-ms'))).toBeGreaterThanOrEqual(0);
  });

  it('streamed chat, with the usage chunk only when asked', async () => {
    const a = await direct.chat.completions.create({ model: 'cordon-demo', messages: user('Hello'), seed: 8, max_tokens: 24 });
    for (const includeUsage of [true, false]) {
      const s = await viaFront.chat.completions.create({ model: 'proxied', messages: user('Hello'), seed: 8, max_tokens: 24, stream: true, ...(includeUsage ? { stream_options: { include_usage: true } } : {}) });
      let text = '';
      let usage: unknown = undefined;
      const fingerprints = new Set<string | undefined>();
      for await (const c of s) {
        expect(contract.response('createChatCompletion', 200, 'text/event-stream', c)).toBeNull();
        expect(c.model).toBe('proxied');
        fingerprints.add(c.system_fingerprint);
        text += c.choices[0]?.delta.content ?? '';
        if (c.usage) usage = c.usage;
      }
      // No output rule needs the text: the upstream's own chunks pass through (its fingerprint), model rewritten.
      expect([...fingerprints]).toEqual(['cordon_llama-cpp']);
      expect(text).toBe(a.choices[0]!.message.content);
      if (includeUsage) expect(usage).toMatchObject({ completion_tokens: a.usage!.completion_tokens });
      else expect(usage).toBeUndefined();
    }
  });

  it('tools', async () => {
    const tools = [{ type: 'function' as const, function: { name: 'pick', parameters: { type: 'object', properties: { n: { type: 'integer', minimum: 1, maximum: 9 } }, required: ['n'] } } }];
    const req = { messages: user('Pick'), tools, tool_choice: { type: 'function' as const, function: { name: 'pick' } }, seed: 9 };
    const a = await direct.chat.completions.create({ model: 'cordon-demo', ...req });
    const b = await viaFront.chat.completions.create({ model: 'proxied', ...req });
    expect(b.choices[0]!.finish_reason).toBe('tool_calls');
    expect((b.choices[0]!.message.tool_calls![0] as any).function).toEqual((a.choices[0]!.message.tool_calls![0] as any).function);
  });

  it('completions, plain and streamed', async () => {
    const a = await direct.completions.create({ model: 'cordon-demo', prompt: 'Once', max_tokens: 12, seed: 3 });
    const b = await viaFront.completions.create({ model: 'proxied', prompt: 'Once', max_tokens: 12, seed: 3 });
    expect(b.choices[0]!.text).toBe(a.choices[0]!.text);
    const s = await viaFront.completions.create({ model: 'proxied', prompt: 'Once', max_tokens: 12, seed: 3, stream: true });
    let text = '';
    for await (const c of s) text += c.choices[0]?.text ?? '';
    expect(text).toBe(a.choices[0]!.text);
  });

  it('embeddings', async () => {
    const a = await direct.embeddings.create({ model: 'cordon-demo', input: ['one', 'two'], encoding_format: 'float' });
    const b = await viaFront.embeddings.create({ model: 'proxied', input: ['one', 'two'], encoding_format: 'float' });
    expect(contract.response('createEmbedding', 200, 'application/json', b)).toBeNull();
    expect(b.data.map((d) => d.embedding)).toEqual(a.data.map((d) => d.embedding));
  });
});

describe('faults', () => {
  it('retries a failed connection, then succeeds', async () => {
    await proxy.setMode({ kind: 'reset' });
    proxy.resetStats();
    const flip = setInterval(() => {
      if (proxy.stats.exchanges > 0) {
        void proxy.setMode({ kind: 'pass' });
        clearInterval(flip);
      }
    }, 5);
    const r = await viaFront.chat.completions.create({ model: 'faulty', messages: user('Hi'), max_tokens: 4, seed: 1 });
    clearInterval(flip);
    expect(r.choices).toHaveLength(1);
    expect(proxy.stats.exchanges).toBeGreaterThanOrEqual(2); // the reset one, then the retry
  });

  it('falls back to the second target when the first refuses', async () => {
    await proxy.setMode({ kind: 'refuse' });
    const r = await viaFront.chat.completions.create({ model: 'two-targets', messages: user('Hi'), max_tokens: 4, seed: 1 });
    expect(r.choices).toHaveLength(1);
  });

  it('falls back to the fallback model when every target fails', async () => {
    await proxy.setMode('500' as any);
    const r = await viaFront.chat.completions.create({ model: 'with-fallback', messages: user('Hi'), max_tokens: 4, seed: 1 });
    expect(r.choices).toHaveLength(1);
  });

  it('a broken upstream is a 502 in the OpenAI shape', async () => {
    await proxy.setMode('500' as any);
    const err = await viaFront.chat.completions.create({ model: 'faulty', messages: user('Hi'), max_tokens: 4 }).catch((e) => e);
    expect(err.status).toBe(502);
    expect(contract.schema('ErrorResponse', err.error ? { error: err.error } : null)).toBeNull();
  });

  it('no retry after the first byte: the client sees an error event, not a duplicated answer', async () => {
    await proxy.setMode({ kind: 'pass' });
    proxy.resetStats();
    await proxy.setMode({ kind: 'cut', afterBytes: 1200 });
    const s = await viaFront.chat.completions.create({ model: 'faulty', messages: user('Tell a long story'), max_tokens: 400, temperature: 1, seed: 5, stream: true });
    const roles: number[] = [];
    const err = await (async () => {
      for await (const c of s) if (c.choices[0]?.delta.role) roles.push(1);
    })().catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect(roles).toHaveLength(1);
    expect(proxy.stats.exchanges).toBe(1);
  });

  it('a timeout gives 504 in time, and nothing hangs', async () => {
    await proxy.setMode({ kind: 'hang' });
    const t0 = Date.now();
    const err = await viaFront.chat.completions.create({ model: 'faulty', messages: user('Hi'), max_tokens: 4 }).catch((e) => e);
    expect(err.status).toBe(504);
    expect(Date.now() - t0).toBeLessThan(1500 * 3 + 2000);
    await proxy.setMode({ kind: 'pass' });
    proxy.dropConnections();
  });
});

describe('a model marked native_responses: the Responses API passes through', () => {
  it('plain: the upstream made and stored the response (its id is retrievable there); here too, per domain', async () => {
    const r = await viaFront.responses.create({ model: 'native-responses', input: 'Hello', max_output_tokens: 8, temperature: 1, seed: 3 } as any);
    expect(contract.response('createResponse', 200, 'application/json', r)).toBeNull();
    expect(r.model).toBe('native-responses');
    const there = await direct.responses.retrieve(r.id);
    expect(there.model).toBe('cordon-demo');
    expect(there.output_text).toBe(r.output_text);
    expect((await viaFront.responses.retrieve(r.id)).output_text).toBe(r.output_text);
    const other = await makeDomainKey(front, 'native-other');
    const stranger = new OpenAI({ baseURL: `${front.url}/v1`, apiKey: other.secret, maxRetries: 0 });
    expect((await stranger.responses.retrieve(r.id).catch((e) => e)).status).toBe(404);
    expect((await stranger.responses.create({ model: 'native-responses', input: 'more', previous_response_id: r.id }).catch((e) => e)).status).toBe(404);
    // The continuation goes upstream with the id: the upstream holds the conversation.
    const next = await viaFront.responses.create({ model: 'native-responses', input: 'And then?', previous_response_id: r.id, max_output_tokens: 4 });
    expect(next.previous_response_id).toBe(r.id);
    expect((await direct.responses.retrieve(next.id)).previous_response_id).toBe(r.id);
  });

  it('streamed: the upstream events, model rewritten, every one valid', async () => {
    const stream = await viaFront.responses.create({ model: 'native-responses', input: 'Hi', max_output_tokens: 8, stream: true });
    const events: any[] = [];
    for await (const ev of stream) {
      expect(contract.response('createResponse', 200, 'text/event-stream', ev)).toBeNull();
      events.push(ev);
    }
    expect(events[0].type).toBe('response.created');
    expect(events[0].response.model).toBe('native-responses');
    const last = events.at(-1);
    expect(last.type).toMatch(/^response\.(completed|incomplete)$/);
    expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, i) => i));
    const there = await direct.responses.retrieve(last.response.id);
    expect(there.output_text).toBe(last.response.output_text);
    expect((await viaFront.responses.retrieve(last.response.id)).model).toBe('native-responses');
  });
});
