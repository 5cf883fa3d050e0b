// The fast lane (node:http, no Express on the path) against the Express path, request by request:
// two gateways, one with CORDON_FAST_LANE=false, get the same requests and must answer alike:
// the same status, the same OpenAI error (message, type, param, code), the same generated text for
// the same seed. The request log says which lane served each request, so the test also checks that
// the fast lane took what it should and left the rest to Express.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, logRecords, makeDomainKey, startTestGateway, type TestGateway } from '../helpers.js';

let fast: TestGateway;
let slow: TestGateway;
const env = { CORDON_BODY_LIMIT: '4kb' };

beforeAll(async () => {
  [fast, slow] = await Promise.all([startTestGateway(env), startTestGateway({ ...env, CORDON_FAST_LANE: 'false' })]);
  for (const gw of [fast, slow]) {
    // The same domain and key layout on both (ids and secrets differ; the test uses each gateway's own).
    (gw as any).member = await makeDomainKey(gw, 'team-a');
    await makeDomainKey(gw, 'team-b');
  }
});
afterAll(async () => {
  await Promise.all([fast?.stop(), slow?.stop()]);
});

interface Case {
  name: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
  key?: 'admin' | 'member' | 'none' | 'bad';
  /** Which lane should serve it on the fast gateway. */
  lane: 'fast' | 'express';
}

const chat = (o: Record<string, unknown>) => JSON.stringify({ model: 'cordon-demo', messages: [{ role: 'user', content: 'Hello' }], max_tokens: 4, seed: 7, ...o });
const JSON_CT = { 'content-type': 'application/json' };

const cases: Case[] = [
  { name: 'valid chat', path: '/v1/chat/completions', body: chat({}), lane: 'fast' },
  { name: 'valid chat, charset given', path: '/v1/chat/completions', body: chat({}), headers: { 'content-type': 'application/json; charset=utf-8' }, lane: 'fast' },
  { name: 'a string number is coerced', path: '/v1/chat/completions', body: chat({ temperature: '0.5' }), lane: 'fast' },
  { name: 'valid completion', path: '/v1/completions', body: JSON.stringify({ model: 'cordon-demo', prompt: 'Once', max_tokens: 4, seed: 3 }), lane: 'fast' },
  { name: 'valid embeddings', path: '/v1/embeddings', body: JSON.stringify({ model: 'cordon-demo', input: ['a', 'b'] }), lane: 'fast' },
  { name: 'broken JSON', path: '/v1/chat/completions', body: '{"model": "cordon-demo", ', lane: 'fast' },
  { name: 'a JSON string, not an object', path: '/v1/chat/completions', body: '"hello"', lane: 'fast' },
  { name: 'empty body', path: '/v1/chat/completions', body: '', lane: 'fast' },
  { name: 'a body of whitespace alone', path: '/v1/chat/completions', body: ' \n\t ', lane: 'fast' },
  { name: 'missing messages', path: '/v1/chat/completions', body: JSON.stringify({ model: 'cordon-demo' }), lane: 'fast' },
  { name: 'missing model', path: '/v1/embeddings', body: JSON.stringify({ input: 'x' }), lane: 'fast' },
  { name: 'temperature out of range', path: '/v1/chat/completions', body: chat({ temperature: 5 }), lane: 'fast' },
  { name: 'temperature of the wrong type', path: '/v1/chat/completions', body: chat({ temperature: 'hot' }), lane: 'fast' },
  { name: 'an unknown role', path: '/v1/chat/completions', body: JSON.stringify({ model: 'cordon-demo', messages: [{ role: 'wizard', content: 'x' }] }), lane: 'fast' },
  { name: 'a bad encoding_format', path: '/v1/embeddings', body: JSON.stringify({ model: 'cordon-demo', input: 'x', encoding_format: 'hex' }), lane: 'fast' },
  { name: 'an unknown model', path: '/v1/chat/completions', body: chat({ model: 'no-such-model' }), lane: 'fast' },
  { name: 'too large', path: '/v1/chat/completions', body: chat({ user: 'x'.repeat(5000) }), lane: 'fast' },
  { name: 'no key', path: '/v1/chat/completions', body: chat({}), key: 'none', lane: 'fast' },
  { name: 'a wrong key', path: '/v1/chat/completions', body: chat({}), key: 'bad', lane: 'fast' },
  { name: 'own domain by name', path: '/proxy/team-a/v1/chat/completions', body: chat({}), key: 'member', lane: 'fast' },
  { name: 'another domain', path: '/proxy/team-b/v1/chat/completions', body: chat({}), key: 'member', lane: 'fast' },
  { name: 'an unknown domain (superadmin)', path: '/proxy/nowhere/v1/embeddings', body: JSON.stringify({ model: 'cordon-demo', input: 'x' }), lane: 'fast' },
  { name: 'text/plain', path: '/v1/chat/completions', body: chat({}), headers: { 'content-type': 'text/plain' }, lane: 'express' },
  { name: 'latin1 charset', path: '/v1/chat/completions', body: chat({}), headers: { 'content-type': 'application/json; charset=latin1' }, lane: 'express' },
  { name: 'a query string', path: '/v1/chat/completions?x=1', body: chat({}), lane: 'express' },
  { name: 'an encoded domain id', path: '/proxy/team%2Da/v1/embeddings', body: JSON.stringify({ model: 'cordon-demo', input: 'x' }), key: 'member', lane: 'express' },
  { name: 'an unknown operation', path: '/v1/chat/completion', body: chat({}), lane: 'express' },
];

async function send(gw: TestGateway, c: Case) {
  const headers: Record<string, string> = { ...JSON_CT, ...c.headers };
  const member = (gw as any).member.secret as string;
  const key = c.key === 'none' ? null : c.key === 'bad' ? 'cdn_nope_0000000000000000000000000000000000000000000' : c.key === 'member' ? member : gw.adminKey;
  const res = await gw.req(c.path, { method: 'POST', key, headers, body: c.body });
  const body = await json(res);
  return { status: res.status, body, requestId: res.headers.get('x-request-id')!, overhead: res.headers.get('x-cordon-overhead-ms') };
}

function lineFor(gw: TestGateway, requestId: string): Record<string, any> | undefined {
  return logRecords(gw).find((l) => l.msg === 'request' && l.request_id === requestId);
}

describe('the fast lane answers exactly as the Express path does', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const [a, b] = await Promise.all([send(fast, c), send(slow, c)]);
      expect(a.status, JSON.stringify(a.body)).toBe(b.status);
      if (a.status >= 400) {
        expect(a.body).toEqual(b.body);
      } else if (a.body.object === 'list') {
        expect(a.body.data.map((d: any) => d.embedding)).toEqual(b.body.data.map((d: any) => d.embedding));
        expect(a.body.usage).toEqual(b.body.usage);
      } else {
        const text = (r: any) => r.choices.map((ch: any) => ch.message?.content ?? ch.text);
        expect(text(a.body)).toEqual(text(b.body));
        expect(a.body.usage).toEqual(b.body.usage);
        expect(Number(a.overhead)).toBeGreaterThanOrEqual(0);
      }
      // Which lane served it: the fast gateway's log line says so; the other never uses the fast lane.
      await new Promise((r) => setTimeout(r, 20));
      expect(lineFor(fast, a.requestId)?.lane ?? 'express').toBe(c.lane);
      expect(lineFor(slow, b.requestId)?.lane ?? 'express').toBe('express');
      expect(lineFor(fast, a.requestId)?.status).toBe(a.status);
    });
  }

  it('a body that passes validation gets the contract defaults filled in on both paths', async () => {
    // n defaults to 1: one choice, on both.
    const c: Case = { name: 'defaults', path: '/v1/chat/completions', body: chat({ max_tokens: 2 }), lane: 'fast' };
    const [a, b] = await Promise.all([send(fast, c), send(slow, c)]);
    expect(a.body.choices).toHaveLength(1);
    expect(b.body.choices).toHaveLength(1);
  });

  it('a client that sends half a body and goes away does not disturb the lane', async () => {
    const { request } = await import('node:http');
    const u = new URL(fast.url);
    await new Promise<void>((resolve) => {
      const r = request({ host: u.hostname, port: u.port, path: '/v1/chat/completions', method: 'POST', headers: { ...JSON_CT, authorization: `Bearer ${fast.adminKey}`, 'content-length': '500' } });
      r.on('error', () => resolve());
      r.write('{"model": "cordon-');
      setTimeout(() => {
        r.destroy();
        resolve();
      }, 50);
    });
    const after = await send(fast, cases[0]!);
    expect(after.status).toBe(200);
  });
});

// Streams: the same events on both lanes, apart from the ids and timestamps each gateway makes.
interface StreamCase {
  name: string;
  path: string;
  body: Record<string, unknown>;
}

const streamCases: StreamCase[] = [
  { name: 'streamed chat with a seed', path: '/v1/chat/completions', body: { model: 'cordon-demo', messages: [{ role: 'user', content: 'Hello' }], max_tokens: 6, seed: 7, stream: true } },
  { name: 'streamed completion with a seed', path: '/v1/completions', body: { model: 'cordon-demo', prompt: 'Once upon a time', max_tokens: 6, seed: 3, stream: true } },
  {
    name: 'streamed chat with include_usage',
    path: '/v1/chat/completions',
    body: { model: 'cordon-demo', messages: [{ role: 'user', content: 'Hi' }], max_tokens: 5, seed: 11, stream: true, stream_options: { include_usage: true } },
  },
  { name: 'streamed chat on a proxy path', path: '/proxy/team-a/v1/chat/completions', body: { model: 'cordon-demo', messages: [{ role: 'user', content: 'Hello' }], max_tokens: 4, seed: 5, stream: true } },
  { name: 'a streamed Responses request', path: '/v1/responses', body: { model: 'cordon-demo', input: 'Say hello', max_output_tokens: 6, temperature: 0, stream: true } },
  { name: 'a stream for an unknown model', path: '/v1/chat/completions', body: { model: 'no-such-model', messages: [{ role: 'user', content: 'Hello' }], stream: true } },
  { name: 'a stream with bad stream_options', path: '/v1/chat/completions', body: { model: 'cordon-demo', messages: [{ role: 'user', content: 'Hello' }], stream: true, stream_options: { include_usage: 'maybe' } } },
  { name: 'a streamed completion with an out-of-range temperature', path: '/v1/completions', body: { model: 'cordon-demo', prompt: 'x', stream: true, temperature: 9 } },
];

/** What may differ between two gateways: ids, timestamps, and the fingerprint. */
const VARYING = new Set(['id', 'created', 'created_at', 'completed_at', 'item_id', 'response_id', 'system_fingerprint']);
function normalized(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalized);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !VARYING.has(k)).map(([k, v]) => [k, normalized(v)]));
}

/** The events of an SSE body: `{ event, data }`, data parsed when it is JSON. */
function sseEvents(text: string): Array<{ event?: string; data: unknown }> {
  return text
    .split(/\n\n/)
    .filter((block) => block.trim() !== '' && !block.split('\n').every((l) => l.startsWith(':')))
    .map((block) => {
      let event: string | undefined;
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      const raw = data.join('\n');
      try {
        return { event, data: JSON.parse(raw) };
      } catch {
        return { event, data: raw };
      }
    });
}

async function sendStream(gw: TestGateway, c: StreamCase) {
  const member = (gw as any).member.secret as string;
  const key = c.path.startsWith('/proxy/') ? member : gw.adminKey;
  const res = await gw.req(c.path, { method: 'POST', key, headers: JSON_CT, body: JSON.stringify(c.body) });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text, requestId: res.headers.get('x-request-id')! };
}

describe('streams: the fast lane sends the same events as the Express path', () => {
  for (const c of streamCases) {
    it(c.name, async () => {
      const [a, b] = await Promise.all([sendStream(fast, c), sendStream(slow, c)]);
      expect(a.status, a.text.slice(0, 300)).toBe(b.status);
      expect(a.contentType.split(';')[0]).toBe(b.contentType.split(';')[0]);
      if (a.status >= 400) {
        expect(JSON.parse(a.text)).toEqual(JSON.parse(b.text));
      } else {
        expect(a.contentType).toMatch(/^text\/event-stream/);
        const [ea, eb] = [sseEvents(a.text), sseEvents(b.text)];
        expect(ea.length).toBeGreaterThan(1);
        expect(ea.map((e) => normalized(e))).toEqual(eb.map((e) => normalized(e)));
        if (c.path.endsWith('/responses')) {
          // max_output_tokens ends it early: response.incomplete.
          expect(ea.at(-1)?.event).toMatch(/^response\.(completed|incomplete)$/);
          expect(ea[0]?.event).toBe('response.created');
        } else {
          expect(ea.at(-1)?.data).toBe('[DONE]');
          if ((c.body.stream_options as { include_usage?: boolean } | undefined)?.include_usage) {
            const usage = ea.at(-2)?.data as { usage?: unknown; choices?: unknown[] };
            expect(usage.usage).toBeTruthy();
            expect(usage.choices).toEqual([]);
          }
        }
      }
      await new Promise((r) => setTimeout(r, 20));
      expect(lineFor(fast, a.requestId)?.lane).toBe('fast');
      expect(lineFor(slow, b.requestId)?.lane ?? 'express').toBe('express');
      expect(lineFor(fast, a.requestId)?.status).toBe(a.status);
    });
  }
});

// The reads clients poll (GET, no body): the fast lane serves them too, with the same answers.
interface ReadCase {
  name: string;
  path: string;
  key?: 'admin' | 'member' | 'none';
  lane: 'fast' | 'express';
}

const readCases: ReadCase[] = [
  { name: 'the model list', path: '/v1/models', lane: 'fast' },
  { name: 'the model list of the own domain by name', path: '/proxy/team-a/v1/models', key: 'member', lane: 'fast' },
  { name: 'the model list of another domain', path: '/proxy/team-b/v1/models', key: 'member', lane: 'fast' },
  { name: 'the model list without a key', path: '/v1/models', key: 'none', lane: 'fast' },
  { name: 'a model', path: '/v1/models/cordon-demo', key: 'member', lane: 'fast' },
  { name: 'an unknown model', path: '/v1/models/no-such-model', lane: 'fast' },
  { name: 'an unknown stored response', path: '/v1/responses/resp_0123456789abcdef', lane: 'fast' },
  { name: 'a read with a query string', path: '/v1/models?limit=2', lane: 'express' },
  { name: 'a read with a percent-encoded model id', path: '/v1/models/cordon%2Ddemo', lane: 'express' },
];

async function read(gw: TestGateway, path: string, who: ReadCase['key'] = 'admin') {
  const key = who === 'none' ? null : who === 'member' ? ((gw as any).member.secret as string) : gw.adminKey;
  const res = await gw.req(path, { method: 'GET', key });
  return { status: res.status, contentType: res.headers.get('content-type'), body: await json(res), requestId: res.headers.get('x-request-id')! };
}

/** A body without what two gateways make differently (registration times, ids and timestamps of responses). */
const comparable = (body: any) => (Array.isArray(body?.data) ? { ...body, data: body.data.map(({ created: _c, ...m }: any) => m) } : body?.object === 'model' ? { ...body, created: undefined } : normalized(body));

describe('polled reads: the fast lane answers GETs exactly as the Express path does', () => {
  for (const c of readCases) {
    it(c.name, async () => {
      const [a, b] = await Promise.all([read(fast, c.path, c.key), read(slow, c.path, c.key)]);
      expect(a.status, JSON.stringify(a.body)).toBe(b.status);
      expect(a.contentType).toBe(b.contentType);
      expect(comparable(a.body)).toEqual(comparable(b.body));
      if (c.name === 'the model list') expect(a.body.data.map((m: any) => m.id)).toContain('cordon-demo');
      await new Promise((r) => setTimeout(r, 20));
      expect(lineFor(fast, a.requestId)?.lane ?? 'express').toBe(c.lane);
      expect(lineFor(slow, b.requestId)?.lane ?? 'express').toBe('express');
      expect(lineFor(fast, a.requestId)?.status).toBe(a.status);
    });
  }

  it('a stored response reads back the same on both lanes', async () => {
    const body = JSON.stringify({ model: 'cordon-demo', input: 'Say hello', max_output_tokens: 6, temperature: 0 });
    const made = await Promise.all([fast, slow].map(async (gw) => (await json(await gw.req('/v1/responses', { method: 'POST', headers: JSON_CT, body }))).id as string));
    const [a, b] = await Promise.all([read(fast, `/v1/responses/${made[0]}`), read(slow, `/v1/responses/${made[1]}`)]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(a.body.id).toBe(made[0]);
    expect(a.body.output_text).toBeTruthy();
    expect(comparable(a.body)).toEqual(comparable(b.body));
    await new Promise((r) => setTimeout(r, 20));
    expect(lineFor(fast, a.requestId)?.lane).toBe('fast');
  });
});
