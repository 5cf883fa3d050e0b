// Backpressure (issue 11, item 5): a client that stops reading a stream holds a bounded buffer, is
// disconnected after the write timeout, and its engine slot (llama sequence, upstream connection) is
// freed with a usage record written; an upstream that never ends a line cannot grow memory.
// A slow reader is a raw node:net socket that sends a streamed request, reads the headers and stops.
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, engineStats, makeDomainKey, startTestGateway, until, type TestGateway } from '../helpers.js';
import { RawSseRewriter, SseParser } from '../../src/engines/upstream/index.js';

const WRITE_TIMEOUT_MS = 1000;
const MAX_EVENT_BYTES = 256 * 1024;
/** What a test upstream sends at most (a gateway that reads without backpressure reaches it in a few seconds). */
const UPSTREAM_CAP = 192 * 1024 * 1024;

let gw: TestGateway;
let upstream: http.Server;
let upstreamUrl: string;

interface UpstreamStream {
  mode: string;
  sent: number;
  closed: boolean;
}
const upstreamStreams: UpstreamStream[] = [];

const chunk = (model: string, content: string) =>
  `data: ${JSON.stringify({ id: 'chatcmpl-up', object: 'chat.completion.chunk', created: 1, model, choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;

/** An OpenAI-compatible upstream that streams fast, honouring its own backpressure, and counts what it sent. */
function startUpstream(): Promise<void> {
  upstream = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', async () => {
      const model = String(JSON.parse(body).model);
      const st: UpstreamStream = { mode: model, sent: 0, closed: false };
      upstreamStreams.push(st);
      res.on('close', () => (st.closed = true));
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const write = async (s: string) => {
        st.sent += s.length;
        if (!res.write(s) && !st.closed) {
          await new Promise<void>((resolve) => {
            const done = () => {
              res.off('drain', done);
              res.off('close', done);
              resolve();
            };
            res.on('drain', done);
            res.on('close', done);
          });
        }
      };
      if (model === 'short') {
        await write(chunk(model, 'Hello'));
        await write(`data: ${JSON.stringify({ id: 'chatcmpl-up', object: 'chat.completion.chunk', created: 1, model, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`);
        await write(`data: ${JSON.stringify({ id: 'chatcmpl-up', object: 'chat.completion.chunk', created: 1, model, choices: [], usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 } })}\n\n`);
        res.end('data: [DONE]\n\n');
        return;
      }
      let block: string;
      if (model === 'flood') block = chunk(model, 'x'.repeat(100)).repeat(128);
      else {
        // Two good events, then one line that never ends.
        await write(chunk(model, 'start'));
        await write(chunk(model, ' more'));
        await write(`data: {"id":"chatcmpl-up","object":"chat.completion.chunk","created":1,"model":"${model}","choices":[{"index":0,"delta":{"content":"`);
        block = 'a'.repeat(64 * 1024);
      }
      while (!st.closed && st.sent < UPSTREAM_CAP) await write(block);
      res.end();
    });
  });
  return new Promise((resolve) =>
    upstream.listen(0, '127.0.0.1', () => {
      upstreamUrl = `http://127.0.0.1:${(upstream.address() as net.AddressInfo).port}/v1`;
      resolve();
    }),
  );
}

async function register(id: string, upstreamModel: string, extra: Record<string, unknown> = {}) {
  const res = await gw.req('/admin/v1/models', {
    method: 'POST',
    json: { id, engine: 'openai-compatible', settings: { targets: [{ base_url: upstreamUrl, model: upstreamModel }], max_retries: 0, ...extra }, capabilities: ['chat', 'completions'] },
  });
  expect(res.status, await res.clone().text()).toBe(201);
}

/** A client that sends a streamed request, reads the response headers, then stops reading. */
async function slowReader(path: string, body: unknown, key: string) {
  const payload = JSON.stringify(body);
  const u = new URL(gw.url);
  const sock = net.connect(Number(u.port), u.hostname);
  let closed = false;
  sock.on('error', () => {});
  sock.on('close', () => (closed = true));
  sock.write(`POST ${path} HTTP/1.1\r\nhost: ${u.host}\r\nauthorization: Bearer ${key}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(payload)}\r\n\r\n${payload}`);
  const head = await new Promise<string>((resolve) =>
    sock.once('data', (d) => {
      sock.pause();
      resolve(String(d));
    }),
  );
  return {
    head,
    get closed() {
      return closed;
    },
    /** Reads what is left; resolves with it once the connection is closed. */
    drainToClose(): Promise<string> {
      let rest = '';
      sock.on('data', (d) => (rest += String(d)));
      sock.resume();
      return new Promise((resolve) => (closed ? resolve(rest) : sock.once('close', () => resolve(rest))));
    },
    destroy: () => sock.destroy(),
  };
}

/** The gateway's log line for a client dropped because it stopped reading (the n-th one). */
async function stallLog(n: number, withinMs: number): Promise<{ buffered_bytes: number; sent_bytes: number; timeout_ms: number; requestId?: string }> {
  const until = Date.now() + withinMs;
  for (;;) {
    const lines = gw.logs.flatMap((l) => l.split('\n')).filter((l) => l.includes('client stopped reading the stream'));
    if (lines.length >= n) return JSON.parse(lines[n - 1]!);
    if (Date.now() > until) throw new Error(`no stall log line #${n} within ${withinMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function usageOf(keyId: string) {
  await gw.gateway.deps.platform.usage.flush();
  const report = await gw.gateway.deps.platform.usage.report({ group_by: ['key', 'model'] });
  return report.data.filter((r) => r.key_id === keyId);
}

beforeAll(async () => {
  await startUpstream();
  gw = await startTestGateway({ CORDON_STREAM_WRITE_TIMEOUT_MS: String(WRITE_TIMEOUT_MS), CORDON_STREAM_MAX_EVENT_BYTES: String(MAX_EVENT_BYTES) });
  await register('up-flood', 'flood');
  await register('up-short', 'short');
  await register('up-endless', 'endless');
  // With a fallback model the stream is read event by event (the parsed path, not the raw pass-through).
  await register('up-endless-parsed', 'endless', { fallback_model: 'up-short' });
}, 60_000);

afterAll(async () => {
  await gw?.stop();
  upstream?.closeAllConnections();
  await new Promise((r) => upstream?.close(r));
});

describe('a client that stops reading', () => {
  it('embedded llama: bounded buffer, dropped after the write timeout, sequence released, usage recorded, others served', async () => {
    const key = await makeDomainKey(gw, 'slow-llama');
    // Greedy decoding runs to max_tokens: 16 x 2000 tokens is about 5 MB of events, more than the
    // loopback socket buffers (about 4 MB) take, so the gateway's writes are refused at some point.
    const slow = await slowReader('/v1/completions', { model: 'cordon-demo', prompt: 'Once', max_tokens: 2000, n: 16, temperature: 0, stream: true }, key.secret);
    expect(slow.head).toMatch(/^HTTP\/1\.1 200/);
    expect(slow.head).toMatch(/text\/event-stream/);
    // Served meanwhile: another request on the same model.
    const other = await gw.req('/v1/completions', { method: 'POST', json: { model: 'cordon-demo', prompt: 'Hi', max_tokens: 4 } });
    expect(other.status).toBe(200);
    expect((await other.json()).choices[0].text).toBeTypeOf('string');

    const log = await stallLog(1, 90_000);
    expect(log.timeout_ms).toBe(WRITE_TIMEOUT_MS);
    // Held in the gateway: at most the socket's high-water mark and the event that crossed it.
    expect(log.buffered_bytes).toBeLessThan(64 * 1024);
    expect(log.sent_bytes).toBeGreaterThan(0);
    // The generation is aborted and the sequence given back.
    await until(async () => (await engineStats(gw, 'cordon-demo')).active === 0, 5000, 'the llama sequence to be released');
    const tokens = (await engineStats(gw, 'cordon-demo')).generatedTokens;
    await new Promise((r) => setTimeout(r, 300));
    expect((await engineStats(gw, 'cordon-demo')).generatedTokens).toBe(tokens);
    // The connection is gone: what the client finally reads has no end of stream.
    const rest = await slow.drainToClose();
    expect(rest).not.toContain('data: [DONE]');
    expect(slow.closed).toBe(true);
    // One usage record for the dropped stream (499), and the model serves again.
    const rows = await usageOf(key.id);
    expect(rows).toEqual([expect.objectContaining({ model: 'cordon-demo', requests: 1, errors: 1 })]);
    // ...which counts the tokens generated before the drop: disconnecting does not dodge token limits.
    expect(rows[0]!.output_tokens).toBeGreaterThan(1000);
    expect(rows[0]!.input_tokens).toBeGreaterThan(0);
    const again = await gw.req('/v1/completions', { method: 'POST', json: { model: 'cordon-demo', prompt: 'Hi', max_tokens: 4, stream: true } });
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('data: [DONE]');
  }, 120_000);

  it('upstream (raw pass-through): the upstream is not read while the client is not, and its connection is closed', async () => {
    const key = await makeDomainKey(gw, 'slow-upstream');
    const before = upstreamStreams.length;
    const logsBefore = gw.logs.flatMap((l) => l.split('\n')).filter((l) => l.includes('client stopped reading the stream')).length;
    const slow = await slowReader('/v1/chat/completions', { model: 'up-flood', messages: [{ role: 'user', content: 'Hi' }], max_tokens: 100000, stream: true }, key.secret);
    expect(slow.head).toMatch(/^HTTP\/1\.1 200/);
    const st = upstreamStreams[before]!;
    expect(st.mode).toBe('flood');
    // Served meanwhile: another client of the same upstream.
    const other = await gw.req('/v1/chat/completions', { method: 'POST', json: { model: 'up-short', messages: [{ role: 'user', content: 'Hi' }], stream: true } });
    expect(other.status).toBe(200);
    expect(await other.text()).toContain('data: [DONE]');

    const log = await stallLog(logsBefore + 1, 30_000);
    expect(log.buffered_bytes).toBeLessThan(512 * 1024);
    // Backpressure reached the upstream: it could send only what the socket buffers on the way hold.
    expect(st.sent).toBeLessThan(32 * 1024 * 1024);
    await until(() => st.closed, 5000, 'the upstream connection to be closed');
    const sent = st.sent;
    const rest = await slow.drainToClose();
    expect(rest).not.toContain('data: [DONE]');
    expect(st.sent).toBe(sent);
    const rows = await usageOf(key.id);
    expect(rows).toEqual([expect.objectContaining({ model: 'up-flood', requests: 1, errors: 1 })]);
  }, 60_000);
});

describe('a client that stops reading Responses events', () => {
  it('translated through chat: the upstream is paused, the client dropped, usage recorded', async () => {
    const key = await makeDomainKey(gw, 'slow-responses');
    const before = upstreamStreams.length;
    const logsBefore = gw.logs.flatMap((l) => l.split('\n')).filter((l) => l.includes('client stopped reading the stream')).length;
    const slow = await slowReader('/v1/responses', { model: 'up-flood', input: 'Hi', stream: true, store: false }, key.secret);
    expect(slow.head).toMatch(/^HTTP\/1\.1 200/);
    await until(() => upstreamStreams.length > before, 5000, 'the upstream request');
    const st = upstreamStreams[before]!;
    const log = await stallLog(logsBefore + 1, 30_000);
    expect(log.buffered_bytes).toBeLessThan(512 * 1024);
    expect(st.sent).toBeLessThan(32 * 1024 * 1024);
    await until(() => st.closed, 5000, 'the upstream connection to be closed');
    expect(await slow.drainToClose()).not.toContain('response.completed');
    const rows = await usageOf(key.id);
    expect(rows).toEqual([expect.objectContaining({ model: 'up-flood', requests: 1, errors: 1 })]);
  }, 60_000);
});

describe('Responses translated through chat on an upstream', () => {
  it('a reading client gets the whole event sequence, with usage from the upstream stream', async () => {
    const res = await gw.req('/v1/responses', { method: 'POST', json: { model: 'up-short', input: 'Hi', stream: true, store: false } });
    expect(res.status).toBe(200);
    const events = (await res.text()).split('\n\n').filter(Boolean).map((e) => JSON.parse(e.slice(e.indexOf('data: ') + 6)));
    const done = events.at(-1);
    expect(done.type).toBe('response.completed');
    expect(done.response.output_text).toBe('Hello');
    expect(done.response.usage).toMatchObject({ input_tokens: 3, output_tokens: 1 });
  });
});

describe('an upstream line that never ends', () => {
  for (const model of ['up-endless', 'up-endless-parsed']) {
    it(`${model}: the stream ends with an OpenAI error event at the cap, the upstream is dropped, and it is logged`, async () => {
      const before = upstreamStreams.length;
      const res = await gw.req('/v1/chat/completions', { method: 'POST', json: { model, messages: [{ role: 'user', content: 'Hi' }], stream: true } });
      expect(res.status).toBe(200);
      const text = await res.text();
      const events = text.split('\n\n').filter(Boolean).map((e) => JSON.parse(e.replace(/^data: /, '')));
      expect(events.map((e) => e.choices?.[0]?.delta?.content).filter(Boolean).join('')).toBe('start more');
      const last = events.at(-1);
      expect(contract.schema('ErrorResponse', last)).toBeNull();
      expect(last.error.code).toBe('upstream_stream_interrupted');
      expect(last.error.message).toContain(`exceeded ${MAX_EVENT_BYTES} bytes`);
      expect(text).not.toContain('data: [DONE]');
      const st = upstreamStreams[before]!;
      await until(() => st.closed, 5000, 'the upstream connection to be closed');
      expect(st.sent).toBeLessThan(16 * 1024 * 1024);
      const logged = gw.logs.flatMap((l) => l.split('\n')).filter((l) => l.includes('stream ended with an error') && l.includes(`"model":"${model}"`));
      expect(logged).toHaveLength(1);
      expect(logged[0]).toContain('exceeded');
    }, 60_000);
  }
});

describe('the parsers hold at most one capped event', () => {
  // 64 MB in 64 KB pieces with no line feed: linear work, and a failure once the cap is passed.
  const piece = Buffer.alloc(64 * 1024, 0x61);
  for (const [name, make] of [
    ['RawSseRewriter', () => new RawSseRewriter('up', 'mine', false, MAX_EVENT_BYTES)],
    ['SseParser', () => new SseParser(MAX_EVENT_BYTES)],
  ] as const) {
    it(`${name}: an endless line is refused at the cap`, () => {
      const p = make();
      p.push(Buffer.from('data: {"id":"x","choices":[{"delta":{"content":"ok"}}]}\n\ndata: {"x":"'));
      let pushed = 0;
      const t0 = performance.now();
      expect(() => {
        for (let i = 0; i < 1024; i++) {
          p.push(piece);
          pushed += piece.length;
        }
      }).toThrow(`exceeded ${MAX_EVENT_BYTES} bytes`);
      expect(pushed).toBeLessThanOrEqual(MAX_EVENT_BYTES);
      expect(performance.now() - t0).toBeLessThan(200);
      // Events after the failure parse again (nothing of the refused line is held).
      const out = p.push(Buffer.from('data: {"id":"y"}\n\n'));
      expect(Buffer.isBuffer(out) ? String(out) : (out as Array<{ data: string }>).map((e) => e.data).join('')).toContain('{"id":"y"}');
    });
  }
});
