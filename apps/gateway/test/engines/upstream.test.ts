/**
 * The upstream engine (`openai-compatible` / `ollama`) against real HTTP servers on loopback,
 * speaking the OpenAI wire format, with a TCP fault proxy in between where faults are needed.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AllTargetsFailedError,
  OpenAICompatibleEngine,
  RawSseRewriter,
  SseParser,
  clientWantsUsage,
  type UpstreamEngineOptions,
} from '../../src/engines/upstream/index.js';
import { OllamaEngine, listOllamaModels, pullOllamaModel } from '../../src/engines/upstream/ollama.js';
import { fromTransportError } from '../../src/engines/upstream/errors.js';
import { readSettings } from '../../src/engines/upstream/settings.js';
import { EngineError, type ChatEvent, type EngineCallContext, type ModelEntry } from '../../src/engines/types.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';

// ---------------------------------------------------------------- fixtures

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  json: any;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, seen: Seen, n: number) => unknown;

interface Upstream {
  origin: string;
  /** origin + '/v1' */
  base: string;
  requests: Seen[];
  /** Responses whose connection closed before they were finished (client cancelled). */
  aborted: number;
  onAbort: Array<() => void>;
  handle(h: Handler): void;
  close(): Promise<void>;
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function chatCompletion(model: string, content = 'hello') {
  return {
    id: 'chatcmpl-up',
    object: 'chat.completion',
    created: 1,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop', logprobs: null }],
    usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
  };
}

const chunk = (model: string, delta: object, finish: string | null = null) => ({
  id: 'chatcmpl-up',
  object: 'chat.completion.chunk',
  created: 1,
  model,
  choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
});

function startSse(res: http.ServerResponse) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.flushHeaders();
}
const send = (res: http.ServerResponse, data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);

/** A default upstream: answers chat (JSON or SSE), completions and embeddings. */
const defaultHandler: Handler = (_req, res, seen) => {
  const model = seen.json?.model ?? 'unknown';
  if (seen.url.endsWith('/chat/completions')) {
    if (seen.json.stream) {
      startSse(res);
      send(res, chunk(model, { role: 'assistant', content: '' }));
      send(res, chunk(model, { content: 'hel' }));
      send(res, chunk(model, { content: 'lo' }, 'stop'));
      if (seen.json.stream_options?.include_usage) send(res, { id: 'chatcmpl-up', object: 'chat.completion.chunk', created: 1, model, choices: [], usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 } });
      res.end('data: [DONE]\n\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(chatCompletion(model)));
    return;
  }
  if (seen.url.endsWith('/completions')) {
    if (seen.json.stream) {
      startSse(res);
      send(res, { id: 'cmpl-up', object: 'text_completion', created: 1, model, choices: [{ index: 0, text: 'a', finish_reason: null, logprobs: null }] });
      send(res, { id: 'cmpl-up', object: 'text_completion', created: 1, model, choices: [{ index: 0, text: 'b', finish_reason: 'length', logprobs: null }] });
      send(res, { id: 'cmpl-up', object: 'text_completion', created: 1, model, choices: [], usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } });
      res.end('data: [DONE]\n\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: 'cmpl-up', object: 'text_completion', created: 1, model, choices: [{ index: 0, text: 'ab', finish_reason: 'length', logprobs: null }], usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } }));
    return;
  }
  if (seen.url.endsWith('/embeddings')) {
    const inputs: string[] = Array.isArray(seen.json.input) ? seen.json.input : [seen.json.input];
    const vec = (i: number) => [i + 0.5, -1, 0.25];
    const data = inputs.map((_, i) => ({
      object: 'embedding',
      index: i,
      embedding: seen.json.encoding_format === 'base64' ? Buffer.from(new Float32Array(vec(i)).buffer).toString('base64') : vec(i),
    }));
    res.writeHead(200, { 'content-type': 'application/json' });
    // Deliberately out of order: the engine sorts by index.
    res.end(JSON.stringify({ object: 'list', model, data: data.reverse(), usage: { prompt_tokens: 4, total_tokens: 4 } }));
    return;
  }
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error', param: null, code: null } }));
};

async function startUpstream(handler: Handler = defaultHandler): Promise<Upstream> {
  let h = handler;
  const up: Upstream = {
    origin: '',
    base: '',
    requests: [],
    aborted: 0,
    onAbort: [],
    handle: (x) => {
      h = x;
    },
    close: async () => {},
  };
  const server = http.createServer(async (req, res) => {
    const parts: Buffer[] = [];
    for await (const c of req) parts.push(c as Buffer);
    const body = Buffer.concat(parts).toString('utf8');
    let json: any = null;
    try {
      json = JSON.parse(body);
    } catch {
      // multipart or empty
    }
    const seen: Seen = { method: req.method!, url: req.url!, headers: req.headers, body, json };
    up.requests.push(seen);
    res.on('close', () => {
      if (!res.writableFinished) {
        up.aborted++;
        for (const f of up.onAbort.splice(0)) f();
      }
    });
    try {
      await h(req, res, seen, up.requests.length);
    } catch {
      res.destroy();
    }
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  up.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  up.base = `${up.origin}/v1`;
  up.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  };
  cleanups.push(() => up.close());
  return up;
}

async function proxyTo(up: Upstream): Promise<FaultProxy> {
  const p = await startFaultProxy({ target: up.origin });
  cleanups.push(() => p.close());
  return p;
}

function engine(opts: UpstreamEngineOptions = {}): OpenAICompatibleEngine {
  const e = new OpenAICompatibleEngine({ random: () => 0, ...opts });
  cleanups.push(() => e.close());
  return e;
}

function modelOf(targets: Array<{ base_url: string; model: string; api_key_env?: string }>, settings: Record<string, unknown> = {}): ModelEntry {
  return {
    id: 'my-model',
    engine: 'openai-compatible',
    settings: { targets, ...settings },
    capabilities: ['chat', 'completions', 'embeddings'],
    owned_by: 'test',
    created: 0,
    domains: null,
  };
}

function ctxOf(timeoutMs = 30_000): EngineCallContext & { controller: AbortController } {
  const controller = new AbortController();
  return { controller, signal: controller.signal, requestId: 'req-test-1', deadline: Date.now() + timeoutMs };
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

async function failure(p: Promise<unknown> | AsyncIterable<unknown>): Promise<EngineError & Record<string, any>> {
  try {
    if (Symbol.asyncIterator in (p as object)) await collect(p as AsyncIterable<unknown>);
    else await p;
  } catch (err) {
    return err as any;
  }
  throw new Error('expected a failure');
}

const text = (events: ChatEvent[]) => events.map((e) => (e.type === 'choice' ? (e.choice.delta.content ?? '') : '')).join('');


// ---------------------------------------------------------------- request shaping

describe('requests', () => {
  it('passes unknown fields through untouched and rewrites only model', async () => {
    const up = await startUpstream();
    const e = engine();
    const req = {
      model: 'my-model',
      messages: [{ role: 'user', content: 'hi' }],
      temperature: 0.2,
      top_k: 40,
      guided_json: { type: 'object', properties: { a: { type: 'integer' } } },
      chat_template_kwargs: { enable_thinking: false },
      repetition_penalty: 1.05,
      extra_body_thing: [1, { nested: null }],
    };
    const events = await collect(e.chat(modelOf([{ base_url: up.base, model: 'upstream/model-7b' }]), req, ctxOf()));
    expect(up.requests).toHaveLength(1);
    expect(up.requests[0]!.url).toBe('/v1/chat/completions');
    expect(up.requests[0]!.json).toEqual({ ...req, model: 'upstream/model-7b' });
    expect(text(events)).toBe('hello');
    expect(events.find((x) => x.type === 'choice')).toMatchObject({ choice: { index: 0, delta: { role: 'assistant', content: 'hello' }, finish_reason: 'stop' } });
    expect(events.at(-1)).toEqual({ type: 'usage', usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 } });
  });

  it("sends the configured key, never the client's, forwards x-request-id and no hop-by-hop headers", async () => {
    const up = await startUpstream();
    const e = engine({ env: { CORDON_UPSTREAM_KEY_TEST: 'sk-upstream-secret' } });
    const m = modelOf([{ base_url: up.base, model: 'up', api_key_env: 'CORDON_UPSTREAM_KEY_TEST' }]);
    await collect(e.chat(m, { model: 'my-model', messages: [] }, ctxOf()));
    const h = up.requests[0]!.headers;
    expect(h.authorization).toBe('Bearer sk-upstream-secret');
    expect(h['x-request-id']).toBe('req-test-1');

    // Without api_key_env: no Authorization at all.
    await collect(e.chat(modelOf([{ base_url: up.base, model: 'up' }]), { model: 'my-model', messages: [] }, ctxOf()));
    expect(up.requests[1]!.headers.authorization).toBeUndefined();

    // The raw multipart pass-through filters the client's headers.
    const res = await e.forwardBody(
      m,
      '/audio/transcriptions',
      {
        authorization: 'Bearer client-key',
        'x-api-key': 'client-key',
        cookie: 'a=b',
        connection: 'keep-alive, x-hop',
        'x-hop': 'drop me',
        'keep-alive': 'timeout=5',
        'transfer-encoding': 'chunked',
        'content-type': 'multipart/form-data; boundary=XyZ',
        'x-custom': 'kept',
      },
      Readable.from([Buffer.from('--XyZ\r\ncontent-disposition: form-data; name="model"\r\n\r\nup\r\n--XyZ--\r\n')]),
      ctxOf(),
    );
    expect(res.status).toBe(404); // the default upstream has no audio route: status passes through
    await collect(res.body);
    const mh = up.requests[2]!.headers;
    expect(up.requests[2]!.url).toBe('/v1/audio/transcriptions');
    expect(mh.authorization).toBe('Bearer sk-upstream-secret');
    expect(mh['x-api-key']).toBeUndefined();
    expect(mh.cookie).toBeUndefined();
    expect(mh['x-hop']).toBeUndefined();
    expect(mh['keep-alive']).toBeUndefined();
    expect(mh['x-custom']).toBe('kept');
    expect(mh['x-request-id']).toBe('req-test-1');
    expect(mh['content-type']).toBe('multipart/form-data; boundary=XyZ');
    expect(up.requests[2]!.body).toContain('name="model"');
  });

  it('forwardBody streams the body and the answer, and retries when given a body factory', async () => {
    const up = await startUpstream((req, res, seen, n) => {
      if (n === 1) {
        res.writeHead(503).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'x-upstream': '1', connection: 'keep-alive' });
      res.end(JSON.stringify({ text: `got ${seen.body.length} bytes` }));
    });
    const e = engine();
    const payload = Buffer.alloc(200_000, 'a');
    const res = await e.forwardBody(
      modelOf([{ base_url: up.base, model: 'whisper-up' }]),
      'audio/transcriptions',
      { 'content-type': 'application/octet-stream' },
      (upstreamModel) => {
        expect(upstreamModel).toBe('whisper-up');
        return Readable.from([payload.subarray(0, 100_000), payload.subarray(100_000)]);
      },
      ctxOf(),
    );
    expect(res.status).toBe(200);
    expect(res.headers['x-upstream']).toBe('1');
    expect(res.headers.connection).toBeUndefined();
    expect(Buffer.concat(await collect(res.body)).toString()).toBe('{"text":"got 200000 bytes"}');
    expect(up.requests).toHaveLength(2);
  });
});

// ---------------------------------------------------------------- streaming

describe('streaming', () => {
  it('yields each event as it arrives, and accounts usage the client did not ask for', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let secondWritten = false;
    let releasedByTest = false;
    const up = await startUpstream(async (_req, res, seen) => {
      startSse(res);
      send(res, chunk(seen.json.model, { role: 'assistant', content: 'first' }));
      await Promise.race([gate, sleep(3_000)]);
      secondWritten = true;
      send(res, chunk(seen.json.model, { content: ' second' }, 'stop'));
      send(res, { id: 'x', object: 'chat.completion.chunk', created: 1, model: seen.json.model, choices: [], usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } });
      res.end('data: [DONE]\n\n');
    });
    const e = engine();
    const req = { model: 'my-model', messages: [{ role: 'user', content: 'x' }], stream: true };
    expect(clientWantsUsage(req)).toBe(false);
    const events: ChatEvent[] = [];
    for await (const ev of e.chat(modelOf([{ base_url: up.base, model: 'up' }]), req, ctxOf())) {
      if (events.length === 0) {
        expect(secondWritten).toBe(false); // the first event arrived before the server wrote the second
        releasedByTest = true;
        release();
      }
      events.push(ev);
    }
    expect(releasedByTest).toBe(true);
    expect(text(events)).toBe('first second');
    expect(events.at(-1)).toEqual({ type: 'usage', usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } });
    // The upstream was asked for usage; the rest of the request is untouched.
    expect(up.requests[0]!.json).toEqual({ ...req, model: 'up', stream_options: { include_usage: true } });
  });

  it('keeps the client stream_options and reports that it asked for usage', async () => {
    const up = await startUpstream();
    const e = engine();
    const req = { model: 'my-model', messages: [], stream: true, stream_options: { include_usage: true, continuous_usage_stats: false } };
    expect(clientWantsUsage(req)).toBe(true);
    const events = await collect(e.chat(modelOf([{ base_url: up.base, model: 'up' }]), req, ctxOf()));
    expect(up.requests[0]!.json.stream_options).toEqual({ include_usage: true, continuous_usage_stats: false });
    expect(events.filter((x) => x.type === 'usage')).toHaveLength(1);
  });

  it('parses SSE split at every byte, with CRLF, comments and multi-byte characters', () => {
    const p = new SseParser();
    const raw = Buffer.from(': ping\r\n\r\ndata: {"a":"héllo ✓"}\r\n\r\nevent: x\ndata: 1\ndata: 2\n\ndata: [DONE]\n\n');
    const out = [];
    for (let i = 0; i < raw.length; i++) out.push(...p.push(raw.subarray(i, i + 1)));
    out.push(...p.end());
    expect(out).toEqual([
      { event: '', data: '{"a":"héllo ✓"}' },
      { event: 'x', data: '1\n2' },
      { event: '', data: '[DONE]' },
    ]);
  });

  it('streams legacy completions and answers them whole', async () => {
    const up = await startUpstream();
    const e = engine();
    const m = modelOf([{ base_url: up.base, model: 'up' }]);
    const streamed = await collect(e.completion(m, { model: 'my-model', prompt: 'x', stream: true, best_of: 1 }, ctxOf()));
    expect(streamed.map((x) => (x.type === 'choice' ? x.choice.text : '|'))).toEqual(['a', 'b', '|']);
    expect(up.requests[0]!.url).toBe('/v1/completions');
    expect(up.requests[0]!.json.best_of).toBe(1);
    const whole = await collect(e.completion(m, { model: 'my-model', prompt: 'x' }, ctxOf()));
    expect(whole[0]).toMatchObject({ type: 'choice', choice: { index: 0, text: 'ab', finish_reason: 'length' } });
    expect(whole[1]).toEqual({ type: 'usage', usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } });
  });

  it('embeddings: float and base64 vectors, in input order', async () => {
    const up = await startUpstream();
    const e = engine();
    const m = modelOf([{ base_url: up.base, model: 'up' }]);
    const r1 = await e.embeddings(m, { model: 'my-model', input: ['a', 'b'] }, ctxOf());
    expect(r1.prompt_tokens).toBe(4);
    expect(r1.vectors.map((v) => Array.from(v))).toEqual([
      [0.5, -1, 0.25],
      [1.5, -1, 0.25],
    ]);
    const r2 = await e.embeddings(m, { model: 'my-model', input: ['a', 'b'], encoding_format: 'base64', dimensions: 3 }, ctxOf());
    expect(up.requests[1]!.json).toEqual({ model: 'up', input: ['a', 'b'], encoding_format: 'base64', dimensions: 3 });
    expect(r2.vectors.map((v) => Array.from(v))).toEqual([
      [0.5, -1, 0.25],
      [1.5, -1, 0.25],
    ]);
  });
});

// ---------------------------------------------------------------- retries, fail-over, breaker

describe('resilience', () => {
  it('retries a 500 and a 429, then succeeds', async () => {
    const up = await startUpstream((req, res, seen, n) => {
      if (n === 1) {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'boom', type: 'server_error', param: null, code: null } }));
        return;
      }
      if (n === 2) {
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' }).end(JSON.stringify({ error: { message: 'slow down', type: 'rate_limit', param: null, code: null } }));
        return;
      }
      defaultHandler(req, res, seen, n);
    });
    const e = engine();
    const events = await collect(e.chat(modelOf([{ base_url: up.base, model: 'up' }], { max_retries: 2 }), { model: 'my-model', messages: [], stream: true }, ctxOf()));
    expect(text(events)).toBe('hello');
    expect(up.requests).toHaveLength(3);
  });

  it('retries a connection cut before the first event, and a reset connection', async () => {
    const up = await startUpstream();
    const proxy = await proxyTo(up);
    // Backoff pinned to its full value: 200 ms, then the proxy is healthy again.
    const e = engine({ random: () => 0.999 });
    const m = modelOf([{ base_url: `${proxy.url}/v1`, model: 'up' }], { max_retries: 3, retry_base_delay_ms: 200 });
    await proxy.setMode('reset');
    const p = collect(e.chat(m, { model: 'my-model', messages: [], stream: true }, ctxOf())).catch((err) => err);
    await sleep(60);
    await proxy.setMode('pass');
    const events = await p;
    expect(text(events)).toBe('hello');
    expect(proxy.stats.exchanges).toBe(2);

    // Deterministic: the server cuts the first response before any event, the second is fine.
    const up2 = await startUpstream((req, res, seen, n) => {
      if (n === 1) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(': starting\n\n');
        setTimeout(() => res.socket?.destroy(), 20);
        return;
      }
      defaultHandler(req, res, seen, n);
    });
    const ev2 = await collect(e.chat(modelOf([{ base_url: up2.base, model: 'up' }]), { model: 'my-model', messages: [], stream: true }, ctxOf()));
    expect(text(ev2)).toBe('hello');
    expect(up2.requests).toHaveLength(2);
  });

  it('falls back to the next target when one refuses connections', async () => {
    const a = await startUpstream();
    const b = await startUpstream();
    const proxyA = await proxyTo(a);
    await proxyA.setMode('refuse');
    const e = engine();
    const m = modelOf([
      { base_url: `${proxyA.url}/v1`, model: 'on-a' },
      { base_url: b.base, model: 'on-b' },
    ], { max_retries: 0 });
    for (let i = 0; i < 4; i++) {
      const events = await collect(e.chat(m, { model: 'my-model', messages: [] }, ctxOf()));
      expect(text(events)).toBe('hello');
    }
    expect(b.requests).toHaveLength(4);
    expect(b.requests.every((r) => r.json.model === 'on-b')).toBe(true);
    expect(a.requests).toHaveLength(0);
  });

  it('gives an AllTargetsFailedError (with the fallback model) when every target fails', async () => {
    const a = await startUpstream((_q, res) => res.writeHead(503, { 'content-type': 'text/plain' }).end('overloaded'));
    const b = await startUpstream((_q, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<html>bad gateway</html>'));
    const e = engine();
    const m = modelOf([
      { base_url: a.base, model: 'x' },
      { base_url: b.base, model: 'y' },
    ], { fallback_model: 'small-backup', max_retries: 1 });
    const err = await failure(e.chat(m, { model: 'my-model', messages: [] }, ctxOf()));
    expect(err).toBeInstanceOf(AllTargetsFailedError);
    expect(err).toBeInstanceOf(EngineError);
    expect(err.fallbackModel).toBe('small-backup');
    expect(err.status).toBe(502);
    expect(err.code).toBe('upstream_error');
    expect(err.message).toMatch(/All upstream targets failed/);
    expect(err.message).not.toContain('127.0.0.1');
    expect(a.requests.length + b.requests.length).toBe(3); // one per target + one retry
  });

  it('opens the circuit breaker after N failures, fails fast, then recovers through a half-open trial', async () => {
    const up = await startUpstream();
    const proxy = await proxyTo(up);
    const e = engine();
    const m = modelOf([{ base_url: `${proxy.url}/v1`, model: 'up' }], { max_retries: 0, breaker_failures: 2, breaker_cooldown_ms: 300 });
    const call = () => collect(e.chat(m, { model: 'my-model', messages: [] }, ctxOf()));
    await proxy.setMode('500');
    for (let i = 0; i < 2; i++) expect((await failure(call())).code).toBe('upstream_error');
    expect(e.status(m)).toMatchObject({ state: 'failed' });
    const before = proxy.stats.exchanges;
    const fast = await failure(call());
    expect(fast).toBeInstanceOf(AllTargetsFailedError);
    expect(fast.status).toBe(503);
    expect(fast.code).toBe('upstream_unavailable');
    expect(fast.retryAfterSeconds).toBeGreaterThan(0);
    expect(proxy.stats.exchanges).toBe(before); // not even tried

    // Cool-down over, still failing: one trial, open again at once.
    await sleep(350);
    expect(e.status(m)).toEqual({ state: 'ready' });
    expect((await failure(call())).code).toBe('upstream_error');
    expect(proxy.stats.exchanges).toBe(before + 1);
    expect((await failure(call())).code).toBe('upstream_unavailable');

    // Cool-down over and healthy again: the trial closes the breaker.
    await proxy.setMode('pass');
    await sleep(350);
    expect(text(await call())).toBe('hello');
    expect(e.status(m)).toEqual({ state: 'ready' });
    expect(text(await call())).toBe('hello');
  });

  it('balances by least outstanding requests', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const holding: Handler = async (req, res, seen, n) => {
      if (seen.json.hold) await gate;
      defaultHandler(req, res, seen, n);
    };
    const a = await startUpstream(holding);
    const b = await startUpstream(holding);
    const e = engine();
    const m = modelOf([
      { base_url: a.base, model: 'a' },
      { base_url: b.base, model: 'b' },
    ]);
    const held = [collect(e.chat(m, { model: 'my-model', messages: [], hold: true }, ctxOf())), collect(e.chat(m, { model: 'my-model', messages: [], hold: true }, ctxOf()))];
    await sleep(50);
    expect(a.requests).toHaveLength(1); // one each, not two on one
    expect(b.requests).toHaveLength(1);
    release();
    await Promise.all(held);
  });

  it('a kept-alive connection the upstream closes as it is reused gets one attempt more on a new one, even with max_retries 0', async () => {
    // The server closes its side (FIN, no answer) when a request arrives on a connection that has
    // already served one: what a server's idle timeout does when it fires as the client reuses it.
    const sockets = new Map<unknown, number>();
    let cut = 0;
    const up = await startUpstream((req, res, seen, n) => {
      const served = sockets.get(req.socket) ?? 0;
      sockets.set(req.socket, served + 1);
      if (served > 0) {
        cut++;
        req.socket.end();
        return;
      }
      defaultHandler(req, res, seen, n);
    });
    const e = engine();
    // breaker_failures 1: a close held against the target would open its breaker for the next call.
    const m = modelOf([{ base_url: up.base, model: 'up' }], { max_retries: 0, breaker_failures: 1 });
    for (const stream of [false, true, false, true]) {
      const events = await collect(e.chat(m, { model: 'my-model', messages: [], stream }, ctxOf()));
      expect(text(events)).toBe('hello');
      await sleep(30); // the socket is back in the pool: the next call reuses it
    }
    // Each call after the first: its request on the kept-alive socket was cut, then a new socket.
    expect(cut).toBe(3);
    expect(up.requests).toHaveLength(4 + 3);
    expect(sockets.size).toBe(4);

    // The new connection comes at once, not after a retry's backoff (here up to 5 s).
    const slow = engine({ random: () => 0.999 });
    const m5 = modelOf([{ base_url: up.base, model: 'up' }], { max_retries: 0, retry_base_delay_ms: 5000, retry_max_delay_ms: 5000 });
    await collect(slow.chat(m5, { model: 'my-model', messages: [], stream: false }, ctxOf()));
    await sleep(30);
    const t0 = Date.now();
    expect(text(await collect(slow.chat(m5, { model: 'my-model', messages: [], stream: false }, ctxOf())))).toBe('hello');
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(cut).toBe(4);

    // Only once per call, and never on a connection that served nothing yet: with max_retries 0,
    // a server that closes every connection on its first request is one attempt and a 502.
    const up2 = await startUpstream((req) => {
      req.socket.end();
    });
    const err = await failure(e.chat(modelOf([{ base_url: up2.base, model: 'up' }], { max_retries: 0 }), { model: 'my-model', messages: [], stream: false }, ctxOf()));
    expect(err.status).toBe(502);
    expect(up2.requests).toHaveLength(1);
  });

  it('reuses keep-alive connections', async () => {
    const up = await startUpstream();
    const proxy = await proxyTo(up);
    const e = engine();
    const m = modelOf([{ base_url: `${proxy.url}/v1`, model: 'up' }]);
    for (let i = 0; i < 5; i++) await collect(e.chat(m, { model: 'my-model', messages: [], stream: i % 2 === 0 }, ctxOf()));
    expect(proxy.stats.exchanges).toBe(5);
    // undici may open a second socket when the next request is dispatched before the previous
    // socket is marked free; either way sockets are reused, not one per request.
    expect(proxy.stats.connections).toBeLessThanOrEqual(2);
  });
});

// ---------------------------------------------------------------- failures after the first byte

describe('after the first event', () => {
  it('never retries: the stream ends with upstream_stream_interrupted (server drops the socket)', async () => {
    const up = await startUpstream(async (_req, res, seen) => {
      startSse(res);
      send(res, chunk(seen.json.model, { role: 'assistant', content: 'partial' }));
      await sleep(30);
      res.socket?.destroy();
    });
    const e = engine();
    const events: ChatEvent[] = [];
    let err: any;
    try {
      for await (const ev of e.chat(modelOf([{ base_url: up.base, model: 'up' }], { max_retries: 3 }), { model: 'my-model', messages: [], stream: true }, ctxOf())) events.push(ev);
    } catch (x) {
      err = x;
    }
    expect(text(events)).toBe('partial');
    expect(err).toBeInstanceOf(EngineError);
    expect(err.status).toBe(502);
    expect(err.code).toBe('upstream_stream_interrupted');
    expect(err).not.toBeInstanceOf(AllTargetsFailedError); // no fallback: an answer already started
    await sleep(50);
    expect(up.requests).toHaveLength(1);
  });

  it('never retries: a connection cut by the proxy mid-stream', async () => {
    const pad = 'x'.repeat(2_000);
    const up = await startUpstream(async (_req, res, seen) => {
      startSse(res);
      send(res, chunk(seen.json.model, { role: 'assistant', content: 'one' }));
      await sleep(50);
      send(res, chunk(seen.json.model, { content: pad }));
      send(res, chunk(seen.json.model, { content: 'three' }, 'stop'));
      res.end('data: [DONE]\n\n');
    });
    const proxy = await proxyTo(up);
    await proxy.setMode({ kind: 'cut', afterBytes: 1_000 });
    const e = engine();
    const events: ChatEvent[] = [];
    const err = await failure(
      (async function* () {
        for await (const ev of e.chat(modelOf([{ base_url: `${proxy.url}/v1`, model: 'up' }], { max_retries: 3 }), { model: 'my-model', messages: [], stream: true }, ctxOf())) {
          events.push(ev);
          yield ev;
        }
      })(),
    );
    expect(text(events)).toBe('one');
    expect(err.code).toBe('upstream_stream_interrupted');
    expect(up.requests).toHaveLength(1);
  });

  it('an in-stream error event after output ends the stream with upstream_stream_interrupted', async () => {
    const up = await startUpstream(async (_req, res, seen) => {
      startSse(res);
      send(res, chunk(seen.json.model, { content: 'a' }));
      send(res, { error: { message: 'engine crashed', type: 'server_error', code: 500 } });
      res.end();
    });
    const e = engine();
    const err = await failure(e.chat(modelOf([{ base_url: up.base, model: 'up' }]), { model: 'my-model', messages: [], stream: true }, ctxOf()));
    expect(err.code).toBe('upstream_stream_interrupted');
    // What an upstream 5xx says is for the log, not the client (issue 11, item 8).
    expect(err.message).not.toContain('engine crashed');
  });
});

// ---------------------------------------------------------------- timeouts and cancellation

describe('timeouts', () => {
  it('first byte: 504 upstream_timeout in time', async () => {
    const up = await startUpstream(() => {
      /* never answers */
    });
    const e = engine();
    const t0 = Date.now();
    const err = await failure(e.chat(modelOf([{ base_url: up.base, model: 'up' }], { first_byte_timeout_ms: 300 }), { model: 'my-model', messages: [] }, ctxOf()));
    const took = Date.now() - t0;
    expect(err.status).toBe(504);
    expect(err.code).toBe('upstream_timeout');
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(1_500);
    expect(up.requests).toHaveLength(1); // a slow target is not asked twice
    await sleep(50);
    expect(up.aborted).toBe(1); // and the request was closed
  });

  it('first byte through the delay proxy: the next replica answers', async () => {
    const slow = await startUpstream();
    const fast = await startUpstream();
    const proxy = await proxyTo(slow);
    await proxy.setMode({ kind: 'delay', ms: 2_000 });
    const e = engine();
    const m = modelOf([
      { base_url: `${proxy.url}/v1`, model: 'slow' },
      { base_url: fast.base, model: 'fast' },
    ], { first_byte_timeout_ms: 250 });
    for (let i = 0; i < 2; i++) expect(text(await collect(e.chat(m, { model: 'my-model', messages: [] }, ctxOf())))).toBe('hello');
    expect(fast.requests).toHaveLength(2);
  });

  it('idle between chunks: 504 upstream_timeout after the first event', async () => {
    const up = await startUpstream(async (_req, res, seen) => {
      startSse(res);
      send(res, chunk(seen.json.model, { content: 'a' }));
      // then silence
    });
    const e = engine();
    const events: ChatEvent[] = [];
    const t0 = Date.now();
    const err = await failure(
      (async function* () {
        for await (const ev of e.chat(modelOf([{ base_url: up.base, model: 'up' }], { idle_timeout_ms: 300 }), { model: 'my-model', messages: [], stream: true }, ctxOf())) {
          events.push(ev);
          yield ev;
        }
      })(),
    );
    expect(events).toHaveLength(1);
    expect(err.status).toBe(504);
    expect(err.code).toBe('upstream_timeout');
    expect(Date.now() - t0).toBeLessThan(1_500);
  });

  it('idle in a whole answer: half a JSON body, then silence, is 504 upstream_timeout in time', async () => {
    const up = await startUpstream(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '200' });
      res.write('{"id":"chatcmpl-1","object":"chat.completion","choices":[');
      // then silence
    });
    const e = engine();
    const t0 = Date.now();
    const err = await failure(e.chat(modelOf([{ base_url: up.base, model: 'up' }], { idle_timeout_ms: 300, max_retries: 0 }), { model: 'my-model', messages: [] }, ctxOf()));
    expect(err.status).toBe(504);
    expect(err.code).toBe('upstream_timeout');
    expect(Date.now() - t0).toBeLessThan(1_500);
    await sleep(50);
    expect(up.aborted).toBe(1); // the upstream request was closed
  });

  it('a whole answer cut in the middle of its body is retried, then a 502', async () => {
    const up = await startUpstream(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '200' });
      res.write('{"id":"chatcmpl-1","object":"chat.completion","choices":[');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const e = engine();
    const err = await failure(e.chat(modelOf([{ base_url: up.base, model: 'up' }], { max_retries: 1 }), { model: 'my-model', messages: [] }, ctxOf()));
    expect(err.status).toBe(502);
    expect(err.code).toBe('upstream_error');
    expect(up.requests).toHaveLength(2);
  });

  it('total: a stream that trickles forever is stopped at total_timeout_ms', async () => {
    const up = await startUpstream(async (_req, res, seen) => {
      startSse(res);
      for (let i = 0; i < 100 && !res.destroyed; i++) {
        send(res, chunk(seen.json.model, { content: '.' }));
        await sleep(50);
      }
      res.end('data: [DONE]\n\n');
    });
    const e = engine();
    const t0 = Date.now();
    const err = await failure(e.chat(modelOf([{ base_url: up.base, model: 'up' }], { total_timeout_ms: 400, idle_timeout_ms: 1_000 }), { model: 'my-model', messages: [], stream: true }, ctxOf()));
    expect(err.code).toBe('upstream_timeout');
    expect(Date.now() - t0).toBeLessThan(1_200);
  });

  it('the call deadline caps the total time', async () => {
    const up = await startUpstream(() => {});
    const e = engine();
    const t0 = Date.now();
    const err = await failure(e.chat(modelOf([{ base_url: up.base, model: 'up' }]), { model: 'my-model', messages: [] }, ctxOf(300)));
    expect(err.code).toBe('upstream_timeout');
    expect(Date.now() - t0).toBeLessThan(1_200);
  });
});

describe('cancellation', () => {
  it('ctx.signal aborts the upstream request at once (the server sees the connection close)', async () => {
    const up = await startUpstream(async (_req, res, seen) => {
      startSse(res);
      send(res, chunk(seen.json.model, { content: 'a' }));
      // keeps the stream open
    });
    const e = engine();
    const ctx = ctxOf();
    const closed = new Promise<number>((r) => up.onAbort.push(() => r(Date.now())));
    let err: any;
    try {
      for await (const _ev of e.chat(modelOf([{ base_url: up.base, model: 'up' }]), { model: 'my-model', messages: [], stream: true }, ctx)) ctx.controller.abort(new Error('client closed the connection'));
    } catch (x) {
      err = x;
    }
    const abortedAt = Date.now();
    expect(err?.name).toBe('AbortError');
    const closedAt = await Promise.race([closed, sleep(1_000).then(() => -1)]);
    expect(closedAt).not.toBe(-1);
    expect(closedAt - abortedAt).toBeLessThan(500);
  });

  it('aborting before the answer started, and stopping the iteration, both close the upstream request', async () => {
    const up = await startUpstream(async (_req, res, seen) => {
      if (seen.json.wait) return; // never answers
      startSse(res);
      send(res, chunk(seen.json.model, { content: 'a' }));
    });
    const e = engine();
    const m = modelOf([{ base_url: up.base, model: 'up' }]);
    const ctx = ctxOf();
    const p = failure(e.chat(m, { model: 'my-model', messages: [], wait: true }, ctx));
    await sleep(50);
    ctx.controller.abort();
    expect((await p).name).toBe('AbortError');
    await sleep(50);
    expect(up.aborted).toBe(1);

    for await (const _ev of e.chat(m, { model: 'my-model', messages: [], stream: true }, ctxOf())) break;
    await sleep(100);
    expect(up.aborted).toBe(2);
  });
});

// ---------------------------------------------------------------- error mapping

describe('errors', () => {
  it('an upstream 400 keeps its status and OpenAI-shaped message, without retry or fallback', async () => {
    const up = await startUpstream((_q, res) =>
      res
        .writeHead(400, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: "'temperature' must be at most 2.", type: 'invalid_request_error', param: 'temperature', code: 'invalid_value' } })),
    );
    const e = engine();
    const err = await failure(e.chat(modelOf([{ base_url: up.base, model: 'up' }], { fallback_model: 'other' }), { model: 'my-model', messages: [], temperature: 9 }, ctxOf()));
    expect(err).toBeInstanceOf(EngineError);
    expect(err).not.toBeInstanceOf(AllTargetsFailedError);
    expect(err.status).toBe(400);
    expect(err.message).toBe("'temperature' must be at most 2.");
    expect(err.param).toBe('temperature');
    expect(err.code).toBe('invalid_value');
    expect(up.requests).toHaveLength(1);
  });

  it('a non-OpenAI error body is wrapped and truncated; upstream auth failures are the gateway’s, not the client’s', async () => {
    let status = 422;
    const up = await startUpstream((_q, res) => res.writeHead(status, { 'content-type': 'text/plain' }).end(`Unprocessable: ${'z'.repeat(5_000)}`));
    const e = engine();
    const m = modelOf([{ base_url: up.base, model: 'up' }]);
    const err = await failure(e.chat(m, { model: 'my-model', messages: [] }, ctxOf()));
    expect(err.status).toBe(422);
    expect(err.message).toMatch(/^Upstream returned HTTP 422: Unprocessable: z+…$/);
    expect(err.message.length).toBeLessThan(400);
    status = 401;
    const auth = await failure(e.chat(m, { model: 'my-model', messages: [] }, ctxOf()));
    expect(auth.status).toBe(502);
    expect(auth.code).toBe('upstream_error');
  });

  it('a broken upstream (garbage, reset) is a 502 upstream_error', async () => {
    const up = await startUpstream((_q, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('this is not json'));
    const e = engine();
    const err = await failure(e.chat(modelOf([{ base_url: up.base, model: 'up' }], { max_retries: 1 }), { model: 'my-model', messages: [] }, ctxOf()));
    expect(err.status).toBe(502);
    expect(err.code).toBe('upstream_error');
    expect(up.requests).toHaveLength(2); // garbage is retried while nothing was yielded

    const up2 = await startUpstream();
    const proxy = await proxyTo(up2);
    await proxy.setMode('reset');
    const err2 = await failure(e.chat(modelOf([{ base_url: `${proxy.url}/v1`, model: 'up' }], { max_retries: 1 }), { model: 'my-model', messages: [] }, ctxOf()));
    expect(err2.status).toBe(502);
    expect(err2.code).toBe('upstream_error');
    expect(proxy.stats.connections).toBe(2);
  });

  it('maps transport failures: connect timeout -> 504, refused/reset -> 502', () => {
    expect(fromTransportError(Object.assign(new Error('x'), { code: 'UND_ERR_CONNECT_TIMEOUT' }))).toMatchObject({ status: 504, code: 'upstream_timeout', retryable: true });
    expect(fromTransportError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toMatchObject({ status: 502, code: 'upstream_error', retryable: true });
    expect(fromTransportError(Object.assign(new Error('x'), { code: 'UND_ERR_SOCKET' }))).toMatchObject({ status: 502, code: 'upstream_error', kind: 'connect' });
    expect(fromTransportError(Object.assign(new Error('x'), { code: 'HPE_INVALID_CONSTANT' }))).toMatchObject({ status: 502, code: 'upstream_error', kind: 'protocol' });
  });

  it('a model without targets, and status()', async () => {
    const e = engine();
    const m = modelOf([]);
    expect(e.status(m)).toMatchObject({ state: 'failed' });
    const err = await failure(e.chat(m, { model: 'my-model', messages: [] }, ctxOf()));
    expect(err.status).toBe(500);
    expect(err.code).toBe('model_misconfigured');
  });
});

// ---------------------------------------------------------------- raw fast path

describe('raw SSE pass-through', () => {
  it('rewrites only model, drops the usage chunk unless asked, and accounts usage', async () => {
    const up = await startUpstream();
    const e = engine();
    const m = modelOf([{ base_url: up.base, model: 'upstream/model-7b' }]);
    const s1 = await e.chatRaw(m, { model: 'my-model', messages: [], stream: true }, ctxOf());
    expect(s1.includeUsage).toBe(false);
    const out1 = Buffer.concat(await collect(s1)).toString();
    expect(out1).not.toContain('upstream/model-7b');
    expect(out1).toContain('"model":"my-model"');
    expect(out1).not.toContain('"usage"');
    expect(out1.endsWith('data: [DONE]\n\n')).toBe(true);
    expect(s1.usage).toMatchObject({ prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 });
    expect(up.requests[0]!.json.stream_options).toEqual({ include_usage: true });
    const events = new SseParser().push(Buffer.from(out1));
    expect(events).toHaveLength(4);

    const s2 = await e.chatRaw(m, { model: 'my-model', messages: [], stream: true, stream_options: { include_usage: true } }, ctxOf());
    const out2 = Buffer.concat(await collect(s2)).toString();
    expect(out2).toContain('"usage":{"prompt_tokens":5');
    expect(new SseParser().push(Buffer.from(out2))).toHaveLength(5);
  });

  it('rewriter handles events split anywhere, spaced JSON, and usage riding on a choice chunk', () => {
    const rw = new RawSseRewriter('up', 'mine', false);
    const src = Buffer.from(
      'data: {"id":"1","model":"up","choices":[{"index":0,"delta":{"content":"a"}}]}\n\n' +
        'data: {"id": "2", "model": "up", "choices": []}\r\n\r\n' +
        'data: {"id":"3","object":"x","model" : "up","choices":[]}\n\n' +
        'data: {"id":"4","model":"up","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}\n\n' +
        'data: [DONE]\n\n',
    );
    const parts: Buffer[] = [];
    for (let i = 0; i < src.length; i += 7) {
      const o = rw.push(src.subarray(i, i + 7));
      if (o) parts.push(o);
    }
    const tail = rw.end();
    if (tail) parts.push(tail);
    const out = Buffer.concat(parts).toString();
    const events = new SseParser().push(Buffer.from(out)).map((x) => x.data);
    expect(events).toHaveLength(5);
    expect(events.slice(0, 4).map((d) => JSON.parse(d).model)).toEqual(['mine', 'mine', 'mine', 'mine']);
    expect(JSON.parse(events[3]!).usage).toBeUndefined();
    expect(JSON.parse(events[3]!).choices[0].finish_reason).toBe('stop');
    expect(rw.usage).toEqual({ prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 });
    expect(rw.done).toBe(true);
  });

  it('errors before the first event reject (after retries); after it, the iteration throws', async () => {
    const up = await startUpstream(async (_req, res, seen, n) => {
      if (n === 1) return void res.writeHead(503).end();
      startSse(res);
      send(res, chunk(seen.json.model, { content: 'a' }));
      await sleep(20);
      res.socket?.destroy();
    });
    const e = engine();
    const s = await e.chatRaw(modelOf([{ base_url: up.base, model: 'up' }]), { model: 'my-model', messages: [], stream: true }, ctxOf());
    const got: string[] = [];
    const err = await failure(
      (async function* () {
        for await (const b of s) {
          got.push(b.toString());
          yield b;
        }
      })(),
    );
    expect(got.join('')).toContain('"content":"a"');
    expect(err.code).toBe('upstream_stream_interrupted');
    expect(up.requests).toHaveLength(2);
  });
});

// ---------------------------------------------------------------- Ollama

describe('ollama', () => {
  it('is the same engine under its own name, and lists and pulls models', async () => {
    const up = await startUpstream(async (req, res, seen, n) => {
      if (seen.url === '/api/tags') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ models: [{ name: 'qwen2.5:0.5b', model: 'qwen2.5:0.5b', size: 397821319, digest: 'abc', modified_at: '2025-01-01T00:00:00Z', details: { family: 'qwen2' } }] }));
        return;
      }
      if (seen.url === '/api/pull') {
        if (seen.json.model === 'nope') {
          res.writeHead(200, { 'content-type': 'application/x-ndjson' });
          res.end('{"status":"pulling manifest"}\n{"error":"pull model manifest: file does not exist"}\n');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/x-ndjson' });
        res.write('{"status":"pulling manifest"}\n');
        await sleep(20);
        res.write('{"status":"pulling abc","digest":"sha256:abc","total":100,"completed":50}\n{"status":"pulling abc","digest":"sha256:abc","total":100,');
        await sleep(20);
        res.end('"completed":100}\n{"status":"verifying sha256 digest"}\n{"status":"success"}\n');
        return;
      }
      defaultHandler(req, res, seen, n);
    });
    const e = new OllamaEngine({ random: () => 0 });
    cleanups.push(() => e.close());
    expect(e.name).toBe('ollama');
    const m = { ...modelOf([{ base_url: up.base, model: 'qwen2.5:0.5b' }]), engine: 'ollama' as const };
    expect(text(await collect(e.chat(m, { model: 'my-model', messages: [], stream: true }, ctxOf())))).toBe('hello');
    expect(up.requests[0]!.json.model).toBe('qwen2.5:0.5b');

    const models = await listOllamaModels(up.base);
    expect(models.map((x) => x.name)).toEqual(['qwen2.5:0.5b']);
    const progress: any[] = [];
    await pullOllamaModel(`${up.origin}/`, 'qwen2.5:0.5b', (p) => progress.push(p));
    expect(progress.map((p) => p.status)).toEqual(['pulling manifest', 'pulling abc', 'pulling abc', 'verifying sha256 digest', 'success']);
    expect(progress[2]).toEqual({ status: 'pulling abc', digest: 'sha256:abc', total: 100, completed: 100 });
    await expect(pullOllamaModel(up.base, 'nope')).rejects.toThrow(/file does not exist/);
  });
});

// ---------------------------------------------------------------- the fault proxy itself

describe('fault proxy', () => {
  it('passes, delays, answers 500, cuts, resets and refuses', async () => {
    const up = await startUpstream((_q, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(1_000)));
    const proxy = await proxyTo(up);
    const get = async () => {
      const r = await fetch(`${proxy.url}/hello`);
      return { status: r.status, body: await r.text() };
    };
    expect(await get()).toEqual({ status: 200, body: 'x'.repeat(1_000) });

    await proxy.setMode({ kind: 'delay', ms: 200 });
    const t0 = Date.now();
    expect((await get()).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(190);

    await proxy.setMode('500');
    expect((await get()).status).toBe(500);

    await proxy.setMode({ kind: 'cut', afterBytes: 150 });
    await expect(get()).rejects.toThrow();

    await proxy.setMode('reset');
    await expect(get()).rejects.toThrow();

    await proxy.setMode('refuse');
    const refused = await fetch(`${proxy.url}/hello`).catch((e) => e);
    expect(refused.cause?.code).toBe('ECONNREFUSED');

    await proxy.setMode('pass');
    expect((await get()).status).toBe(200);
  });
});

describe('settings from the registry', () => {
  it('cannot carry the internal socket path or bearer token of a local engine host', () => {
    const model = {
      id: 'smuggler',
      engine: 'openai-compatible',
      settings: { targets: [{ base_url: 'http://127.0.0.1:9/v1', model: 'x', socketPath: '/tmp/cordon-eh-x/h1.sock', bearerToken: 'stolen-token' }] },
      capabilities: ['chat'],
      owned_by: 'cordon',
      created: 1,
      domains: null,
    } as ModelEntry;
    const [target] = readSettings(model).targets;
    expect(target).toMatchObject({ base_url: 'http://127.0.0.1:9/v1', model: 'x', origin: 'http://127.0.0.1:9' });
    expect(target).not.toHaveProperty('socketPath');
    expect(target).not.toHaveProperty('bearerToken');
    expect(target!.key).not.toContain('unix:');
  });
});
