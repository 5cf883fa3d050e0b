// Confidential inference through the gateway (issue 16, docs/confidential.md): the demo model runs
// in its engine host child, the gateway routes sealed requests to it on the clear fields without
// opening them. Every byte through every socket of this process (client <-> gateway, gateway <->
// host) is tapped: the prompt and the answer never cross in clear; nor do they reach the gateway's
// log or its database. Usage and rate limits apply to sealed requests as to clear ones.
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { AnswerOpener, confidentialFetch, sealRequest, toB64u, verifyAttestation, type HostPublicKey, type SealedOperation } from '@cordon/confidential';
import { createChatCompletion, createCordonClients, createEmbedding } from '@cordon/client';
import { contract, makeDomainKey, startTestGateway, until, type TestGateway } from '../helpers.js';

const MODEL = 'cordon-demo';
const CANARY = 'qx-canary-9931-never-in-clear';
let gw: TestGateway;
let key: string;
let hostKey: HostPublicKey;

// ---- the tap: everything written to or read from any TCP or Unix socket in this process -----------
const tapped: Buffer[] = [];
const origWrite = net.Socket.prototype.write;
const origPush = net.Socket.prototype.push;
function tapOn() {
  net.Socket.prototype.write = function tappedWrite(this: net.Socket, chunk: unknown, ...rest: unknown[]) {
    if (typeof chunk === 'string' || Buffer.isBuffer(chunk) || chunk instanceof Uint8Array) tapped.push(Buffer.from(chunk));
    return Reflect.apply(origWrite, this, [chunk, ...rest]);
  } as typeof origWrite;
  net.Socket.prototype.push = function tappedPush(this: net.Socket, chunk: unknown, ...rest: unknown[]) {
    if (Buffer.isBuffer(chunk)) tapped.push(Buffer.from(chunk));
    return Reflect.apply(origPush, this, [chunk, ...rest]);
  } as typeof origPush;
}
function tapOff() {
  net.Socket.prototype.write = origWrite;
  net.Socket.prototype.push = origPush;
}
const tappedText = () => Buffer.concat(tapped).toString('latin1');

beforeAll(async () => {
  gw = await startTestGateway();
  key = (await makeDomainKey(gw, 'sealed')).secret;
  const nonce = randomBytes(32);
  const res = await gw.req(`/v1/attestation?model=${MODEL}&nonce=${toB64u(nonce)}`, { key });
  if (res.status !== 200) throw new Error(`attestation: ${res.status} ${await res.text()}`);
  hostKey = await verifyAttestation(await res.json(), nonce, { allowInsecureNone: true });
}, 120_000);
afterAll(() => gw?.stop());
afterEach(tapOff);

async function sealedCall(op: SealedOperation, body: Record<string, unknown>, callerKey = key) {
  const s = await sealRequest(hostKey, op, body);
  const res = await gw.req(`/v1${op}`, { key: callerKey, method: 'POST', headers: { 'x-cordon-encrypted': '1' }, json: s.body });
  return { res, raw: await res.text(), opener: s.answer };
}

const dataOf = (text: string) =>
  text
    .split('\n\n')
    .map((e) => e.split('\n').find((l) => l.startsWith('data: '))?.slice(6))
    .filter((d): d is string => d !== undefined);

async function openStream(opener: AnswerOpener, raw: string) {
  const out: any[] = [];
  for (const d of dataOf(raw)) {
    if (d === '[DONE]') continue;
    const opened = await opener.openChunk(JSON.parse(d));
    if (opened !== null) out.push(JSON.parse(opened));
  }
  opener.finish();
  return out;
}

const chatBody = { model: MODEL, messages: [{ role: 'user', content: `Tell me about ${CANARY}` }], max_tokens: 10, seed: 3, temperature: 0.7 };

describe('sealed requests through the gateway', () => {
  it('the evidence route needs a key and a model the key can use', async () => {
    const nonce = toB64u(randomBytes(32));
    expect((await gw.req(`/v1/attestation?model=${MODEL}&nonce=${nonce}`, { key: null })).status).toBe(401);
    const missing = await gw.req(`/v1/attestation?model=nope&nonce=${nonce}`, { key });
    expect(missing.status).toBe(404);
    expect(contract.schema('ErrorResponse', await missing.json())).toBeNull();
  });

  it('chat, streamed chat, completions and embeddings: the same answers as in clear, and the canary never in clear on any socket', async () => {
    const clearChat = await (await gw.req('/v1/chat/completions', { key, method: 'POST', json: chatBody })).json();
    const streamBody = { ...chatBody, stream: true, stream_options: { include_usage: true } };
    const clearStream = dataOf(await (await gw.req('/v1/chat/completions', { key, method: 'POST', json: streamBody })).text()).filter((d) => d !== '[DONE]').map((d) => JSON.parse(d));
    const clearEmb = await (await gw.req('/v1/embeddings', { key, method: 'POST', json: { model: MODEL, input: CANARY } })).json();
    const logsBefore = gw.logs.length;

    tapped.length = 0;
    tapOn();
    const chat = await sealedCall('/chat/completions', chatBody);
    const stream = await sealedCall('/chat/completions', streamBody);
    const echo = await sealedCall('/completions', { model: MODEL, prompt: CANARY, echo: true, max_tokens: 3, seed: 1 });
    const emb = await sealedCall('/embeddings', { model: MODEL, input: CANARY });
    tapOff();

    expect(chat.res.status, chat.raw.slice(0, 300)).toBe(200);
    const answer = (await chat.opener.openJson(JSON.parse(chat.raw))) as any;
    expect(contract.response('createChatCompletion', 200, 'application/json', answer)).toBeNull();
    expect(answer.choices[0].message.content).toBe(clearChat.choices[0].message.content);
    expect(JSON.parse(chat.raw).usage).toEqual(clearChat.usage);

    expect(stream.res.status).toBe(200);
    const events = await openStream(stream.opener, stream.raw);
    for (const ev of events) expect(contract.response('createChatCompletion', 200, 'text/event-stream', ev)).toBeNull();
    const text = (evs: any[]) => evs.map((e) => e.choices[0]?.delta?.content ?? '').join('');
    expect(text(events)).toBe(text(clearStream));

    expect(((await echo.opener.openJson(JSON.parse(echo.raw))) as any).choices[0].text).toContain(CANARY);
    expect(((await emb.opener.openJson(JSON.parse(emb.raw))) as any).data[0].embedding).toEqual(clearEmb.data[0].embedding);

    // Every byte this process sent or received on a socket while the sealed calls ran.
    const wire = tappedText();
    expect(wire.length).toBeGreaterThan(10_000);
    expect(wire).toContain('cordon_encrypted'); // the tap saw the traffic
    expect(wire).not.toContain(CANARY);
    expect(wire).not.toContain(answer.choices[0].message.content);
    // The gateway's log while they ran, and everything in its data directory.
    expect(gw.logs.slice(logsBefore).join('')).not.toContain(CANARY);
    const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
    for (const f of files(gw.dataDir)) expect(readFileSync(f).toString('latin1'), f).not.toContain(CANARY);
  });

  it('the official openai SDK with confidentialFetch: chat, streamed chat, completions and embeddings, the same as in clear', async () => {
    const plainSdk = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: key, maxRetries: 0 });
    const sealedSdk = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: key, maxRetries: 0, fetch: confidentialFetch({ allowInsecureNone: true }) });
    const messages = [{ role: 'user' as const, content: `Hello ${CANARY}` }];
    const params = { model: MODEL, messages, max_tokens: 10, seed: 11, temperature: 0.9 };

    tapped.length = 0;
    tapOn();
    const chat = await sealedSdk.chat.completions.create(params);
    const stream = await sealedSdk.chat.completions.create({ ...params, stream: true, stream_options: { include_usage: true } });
    let streamed = '';
    let streamUsage: unknown = null;
    for await (const chunk of stream) {
      streamed += chunk.choices[0]?.delta?.content ?? '';
      if (chunk.usage) streamUsage = chunk.usage;
    }
    const completion = await sealedSdk.completions.create({ model: MODEL, prompt: CANARY, max_tokens: 5, seed: 2 });
    const embedding = await sealedSdk.embeddings.create({ model: MODEL, input: CANARY });
    tapOff();
    expect(tappedText()).toContain('cordon_encrypted');
    expect(tappedText()).not.toContain(CANARY);

    const plainChat = await plainSdk.chat.completions.create(params);
    expect(chat.choices[0]!.message.content).toBe(plainChat.choices[0]!.message.content);
    expect(chat.usage).toEqual(plainChat.usage);
    expect(streamed).toBe(plainChat.choices[0]!.message.content);
    expect(streamUsage).toEqual(plainChat.usage);
    expect(completion.choices[0]!.text).toBe((await plainSdk.completions.create({ model: MODEL, prompt: CANARY, max_tokens: 5, seed: 2 })).choices[0]!.text);
    expect(embedding.data[0]!.embedding).toEqual((await plainSdk.embeddings.create({ model: MODEL, input: CANARY })).data[0]!.embedding);
    // evidence of type 'none' is refused unless allowed
    const strict = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: key, maxRetries: 0, fetch: confidentialFetch() });
    // (the SDK reports a fetch that throws as a connection error; the refusal is its cause)
    await expect(strict.chat.completions.create(params)).rejects.toMatchObject({ cause: { code: 'evidence_not_attested' } });
  });

  it("the generated client (@cordon/client) with confidentialFetch: the same answers as in clear", async () => {
    const sealed = createCordonClients({ baseUrl: gw.url, apiKey: key, fetch: confidentialFetch({ allowInsecureNone: true }) });
    const plain = createCordonClients({ baseUrl: gw.url, apiKey: key });
    const body = { model: MODEL, messages: [{ role: 'user' as const, content: CANARY }], max_tokens: 6, seed: 21 };
    const a = await createChatCompletion({ client: sealed.api, body });
    const b = await createChatCompletion({ client: plain.api, body });
    expect(a.response.status).toBe(200);
    expect(a.data!.choices[0]!.message.content).toBe(b.data!.choices[0]!.message.content);
    const e = await createEmbedding({ client: sealed.api, body: { model: MODEL, input: CANARY } });
    expect(e.data!.data[0]!.embedding).toEqual((await createEmbedding({ client: plain.api, body: { model: MODEL, input: CANARY } })).data!.data[0]!.embedding);
  });

  it('confidentialFetch refuses a stream a man in the middle cut short, or whose chunks it reordered', async () => {
    // A fetch between the client and the gateway that changes what the gateway sends back.
    const tamper = (mutate: (events: string[]) => string[]) =>
      (async (input: RequestInfo | URL, init?: RequestInit) => {
        const res = await fetch(input, init);
        if (!/event-stream/.test(res.headers.get('content-type') ?? '')) return res;
        const events = (await res.text()).split('\n\n').filter(Boolean);
        return new Response(mutate(events).map((e) => `${e}\n\n`).join(''), { status: res.status, headers: res.headers });
      }) as typeof fetch;
    const params = { model: MODEL, messages: [{ role: 'user' as const, content: 'Hi' }], max_tokens: 8, seed: 5, stream: true as const };
    const run = async (mutate: (events: string[]) => string[]) => {
      const sdk = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: key, maxRetries: 0, fetch: confidentialFetch({ allowInsecureNone: true, fetch: tamper(mutate) }) });
      let text = '';
      for await (const chunk of await sdk.chat.completions.create(params)) text += chunk.choices[0]?.delta?.content ?? '';
      return text;
    };
    expect((await run((e) => e)).length).toBeGreaterThan(0); // untouched: fine
    await expect(run((e) => e.slice(0, -2).concat('data: [DONE]'))).rejects.toMatchObject({ code: 'truncated_stream' });
    await expect(run((e) => [e[1]!, e[0]!, ...e.slice(2)])).rejects.toMatchObject({ code: 'chunk_out_of_order' });
    await expect(run((e) => e.filter((_, i) => i !== 2))).rejects.toMatchObject({ code: 'chunk_out_of_order' });
    // one bit of one chunk's ciphertext
    const flip = (e: string[]) =>
      e.map((ev, i) => {
        if (i !== 1) return ev;
        const j = JSON.parse(ev.slice(6));
        const ct = Buffer.from(j.cordon_encrypted.ciphertext, 'base64url');
        ct[3]! ^= 0x04;
        j.cordon_encrypted.ciphertext = ct.toString('base64url');
        return `data: ${JSON.stringify(j)}`;
      });
    await expect(run(flip)).rejects.toMatchObject({ code: 'answer_tampered' });
  });

  it('usage is metered from the counts the host reports in clear', async () => {
    const k = await makeDomainKey(gw, 'sealed-usage');
    const one = await sealedCall('/chat/completions', chatBody, k.secret);
    const usage = JSON.parse(one.raw).usage;
    expect(usage.completion_tokens).toBeGreaterThan(0);
    const s = await sealedCall('/chat/completions', { ...chatBody, stream: true, stream_options: { include_usage: true } }, k.secret);
    const last = (await openStream(s.opener, s.raw)).at(-1);
    let totals: any;
    await until(
      async () => {
        totals = (await (await gw.req('/admin/v1/usage?domain_id=sealed-usage')).json()).totals;
        return totals.requests === 2;
      },
      5_000,
      'the two sealed requests to be recorded',
    );
    expect(totals).toEqual({ requests: 2, input_tokens: usage.prompt_tokens + last.usage.prompt_tokens, output_tokens: usage.completion_tokens + last.usage.completion_tokens });
  });

  it('rate limits hold for sealed requests; a domain with input rules refuses them', async () => {
    const limited = await makeDomainKey(gw, 'sealed-limited');
    expect((await gw.req('/admin/v1/domains/sealed-limited/policy', { method: 'PUT', json: { limits: { key: { requests_per_minute: 2 } } } })).status).toBe(200);
    expect((await sealedCall('/chat/completions', chatBody, limited.secret)).res.status).toBe(200);
    expect((await sealedCall('/chat/completions', chatBody, limited.secret)).res.status).toBe(200);
    const third = await sealedCall('/chat/completions', chatBody, limited.secret);
    expect(third.res.status).toBe(429);
    expect(JSON.parse(third.raw).error.code).toBe('rate_limit_exceeded');
    expect(third.res.headers.get('retry-after')).toBeTruthy();

    const guarded = await makeDomainKey(gw, 'sealed-guarded');
    const set = await gw.req('/admin/v1/domains/sealed-guarded/policy', { method: 'PUT', json: { guardrails: { input: { blocked_terms: ['secret project'] } } } });
    expect(set.status).toBe(200);
    const refused = await sealedCall('/chat/completions', chatBody, guarded.secret);
    expect(refused.res.status).toBe(400);
    const err = JSON.parse(refused.raw);
    expect(contract.schema('ErrorResponse', err)).toBeNull();
    expect(err.error.code).toBe('encrypted_input_not_inspectable');
  });

  it("output guardrails run in the engine host for sealed answers, as the gateway runs them on clear ones, and are counted", async () => {
    const k = await makeDomainKey(gw, 'sealed-out');
    // A pattern every answer matches: the answer is cut the same way whichever side filters it.
    const set = await gw.req('/admin/v1/domains/sealed-out/policy', { method: 'PUT', json: { guardrails: { output: { blocked_patterns: [{ name: 'anything', pattern: '\\S' }] } } } });
    expect(set.status).toBe(200);
    const count = async () => {
      const m = /cordon_guardrail_violations_total\{rule="blocked_pattern\.anything",direction="output"\} (\d+)/.exec(await (await gw.req('/metrics')).text());
      return Number(m?.[1] ?? 0);
    };
    const before = await count();
    const clearAnswer = await (await gw.req('/v1/chat/completions', { key: k.secret, method: 'POST', json: chatBody })).json();
    expect(clearAnswer.choices[0].finish_reason).toBe('content_filter');
    const sealedCallResult = await sealedCall('/chat/completions', chatBody, k.secret);
    expect(sealedCallResult.res.status).toBe(200);
    const opened = (await sealedCallResult.opener.openJson(JSON.parse(sealedCallResult.raw))) as any;
    expect(opened.choices[0].finish_reason).toBe('content_filter');
    expect(opened.choices[0].message.content).toBe(clearAnswer.choices[0].message.content);
    expect(JSON.parse(sealedCallResult.raw).violations).toEqual(['blocked_pattern.anything']);
    // streamed: the stream ends with content_filter too
    const s = await sealedCall('/chat/completions', { ...chatBody, stream: true }, k.secret);
    const events = await openStream(s.opener, s.raw);
    expect(events.some((e) => e.choices[0]?.finish_reason === 'content_filter')).toBe(true);
    expect(await count()).toBe(before + 3); // clear, sealed, sealed stream
  });

  it('a malformed envelope, a sealed field sent in clear, or a changed clear field are refused with clear errors', async () => {
    const send = (body: unknown) => gw.req('/v1/chat/completions', { key, method: 'POST', headers: { 'x-cordon-encrypted': '1' }, json: body });
    const s = await sealRequest(hostKey, '/chat/completions', chatBody);
    const cases: Array<[unknown, number, string]> = [
      [{ model: MODEL, cordon_encrypted: { version: 2 } }, 400, 'invalid_value'],
      [{ ...s.body, messages: [{ role: 'user', content: 'x' }] }, 400, 'invalid_value'],
      [{ ...s.body, max_tokens: 900 }, 400, 'decryption_failed'], // the host refuses: the clear fields are bound
    ];
    const responses = await gw.req('/v1/responses', { key, method: 'POST', headers: { 'x-cordon-encrypted': '1' }, json: { model: MODEL, cordon_encrypted: s.body.cordon_encrypted } });
    expect(responses.status).toBe(400);
    expect((await responses.json()).error.code).toBe('unsupported_value');
    // the same sealed request sent again (a replay by whoever saw it pass): the host refuses it
    const once = await sealRequest(hostKey, '/chat/completions', chatBody);
    expect((await send(once.body)).status).toBe(200);
    const replay = await send(once.body);
    expect(replay.status).toBe(409);
    expect((await replay.json()).error.code).toBe('replayed_request');
    // a clear field nested 20,000 deep (the gateway passes clear fields on): a 400, and the gateway serves on
    const deep = `${'['.repeat(20_000)}"x"${']'.repeat(20_000)}`;
    const nested = await gw.req('/v1/chat/completions', { key, method: 'POST', headers: { 'x-cordon-encrypted': '1', 'content-type': 'application/json' }, body: `{"model":"${MODEL}","stop":${deep},"cordon_encrypted":${JSON.stringify(once.body.cordon_encrypted)}}` });
    expect(nested.status).toBe(400);
    expect((await nested.json()).error.code).toBe('invalid_value');
    for (const [body, status, code] of cases) {
      const res = await send(body);
      const j = await res.json();
      expect(res.status, JSON.stringify(j)).toBe(status);
      expect(contract.schema('ErrorResponse', j)).toBeNull();
      expect(j.error.code).toBe(code);
    }
  });
});
