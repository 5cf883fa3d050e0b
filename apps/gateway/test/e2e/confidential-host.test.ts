// Confidential inference on a real engine host (issue 16, docs/confidential.md): a standalone
// `cordon engine-host` serving the demo model; requests sealed with packages/confidential as a client
// would, to the key its evidence vouches for. The answers are what the clear path gives for the same
// seed, nothing of the prompt or the answer crosses the wire in clear, and every tampering is refused.
// Then a gateway that has the host registered as an openai-compatible upstream (a host on another
// machine) routes sealed requests from the openai SDK with confidentialFetch to it.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerOpener, confidentialFetch, generateHostKey, sealRequest, toB64u, verifyAttestation, type HostPublicKey, type SealedOperation } from '@cordon/confidential';
import { writeDemoGguf } from '../../src/platform/demo-models/gguf.js';
import { cliPath, contract, makeDomainKey, startTestGateway, until } from '../helpers.js';
import { freePort } from '../support/redis.js';

const MODEL = 'sealed-demo';
const CANARY = 'zq-canary-4471-do-not-leak';
const dir = mkdtempSync(join(tmpdir(), 'cordon-sealed-'));
const token = `host-token-${randomBytes(16).toString('hex')}`;
let host: ChildProcess;
let hostOut = '';
let base: string;
let hostKey: HostPublicKey;

beforeAll(async () => {
  const gguf = join(dir, 'demo.gguf');
  writeDemoGguf(gguf);
  const modelsFile = join(dir, 'models.json');
  writeFileSync(modelsFile, JSON.stringify([{ id: MODEL, engine: 'llama-cpp', settings: { path: gguf }, capabilities: ['chat', 'completions', 'embeddings'] }]));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env: Record<string, string | undefined> = { ...process.env, CORDON_ENGINE_HOST_TOKEN: token, CORDON_DATA_DIR: dir, CORDON_LOG_LEVEL: 'debug' };
  delete env.CORDON_ENGINE_HOST_CONFIG;
  delete env.CORDON_ENGINE_HOST_MODELS;
  host = spawn(process.execPath, [cliPath, 'engine-host', '--listen', `127.0.0.1:${port}`, '--models', modelsFile], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  host.stdout!.on('data', (d) => (hostOut += d));
  host.stderr!.on('data', (d) => (hostOut += d));
  await until(
    async () => {
      if (host.exitCode !== null) throw new Error(`the engine host exited (${host.exitCode}):\n${hostOut}`);
      return (await fetch(`${base}/healthz`).catch(() => null))?.status === 200;
    },
    30_000,
    'the engine host to listen',
  );
  const nonce = randomBytes(32);
  const att = await (await fetch(`${base}/v1/attestation?model=${MODEL}&nonce=${toB64u(nonce)}`, { headers: { authorization: `Bearer ${token}` } })).json();
  hostKey = await verifyAttestation(att, nonce, { allowInsecureNone: true });
}, 120_000);

afterAll(async () => {
  if (host && host.exitCode === null) {
    host.kill('SIGKILL');
    await new Promise((r) => host.once('exit', r));
  }
  rmSync(dir, { recursive: true, force: true });
});

const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const clear = (path: string, body: unknown) => fetch(`${base}/v1${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) });

/** Seals `body` for `op`, sends it; the raw answer text and the opener of its answer. */
async function sealed(op: SealedOperation, body: Record<string, unknown>, key: HostPublicKey = hostKey) {
  const s = await sealRequest(key, op, body);
  const res = await fetch(`${base}/v1${op}`, { method: 'POST', headers: { ...auth, 'x-cordon-encrypted': '1' }, body: JSON.stringify(s.body) });
  return { res, raw: await res.text(), opener: s.answer, wire: s.body };
}

/** The `data:` payloads of an SSE text. */
const dataOf = (text: string) =>
  text
    .split('\n\n')
    .map((e) => e.split('\n').find((l) => l.startsWith('data: '))?.slice(6))
    .filter((d): d is string => d !== undefined);

async function openStream(opener: AnswerOpener, raw: string): Promise<string[]> {
  const out: string[] = [];
  for (const d of dataOf(raw)) {
    if (d === '[DONE]') continue;
    const opened = await opener.openChunk(JSON.parse(d));
    if (opened !== null) out.push(opened);
  }
  opener.finish();
  return out;
}

describe('evidence', () => {
  it("the host's key comes with evidence bound to the caller's nonce; 'none' here, refused unless allowed", async () => {
    const nonce = randomBytes(32);
    const url = `${base}/v1/attestation?model=${MODEL}&nonce=${toB64u(nonce)}`;
    expect((await fetch(url)).status).toBe(401);
    const att = await (await fetch(url, { headers: auth })).json();
    expect(att.evidence.type).toBe('none'); // no TEE on this machine
    await expect(verifyAttestation(att, nonce)).rejects.toMatchObject({ code: 'evidence_not_attested' });
    expect((await verifyAttestation(att, nonce, { allowInsecureNone: true })).keyId).toBe(hostKey.keyId);
    await expect(verifyAttestation(att, randomBytes(32), { allowInsecureNone: true })).rejects.toMatchObject({ code: 'evidence_invalid' });
    const bad = await fetch(`${base}/v1/attestation?model=${MODEL}&nonce=short`, { headers: auth });
    expect(bad.status).toBe(400);
    expect(contract.schema('ErrorResponse', await bad.json())).toBeNull();
  });
});

describe('sealed requests', () => {
  const chatBody = { model: MODEL, messages: [{ role: 'user', content: `Say something about ${CANARY}` }], max_tokens: 12, seed: 7, temperature: 0.8 };

  it('chat: the same text as in clear for the same seed; neither prompt nor answer on the wire; usage in clear', async () => {
    const plain = await (await clear('/chat/completions', chatBody)).json();
    const { res, raw, opener, wire } = await sealed('/chat/completions', chatBody);
    expect(res.status, raw.slice(0, 300)).toBe(200);
    expect(JSON.stringify(wire)).not.toContain(CANARY);
    const text = plain.choices[0].message.content as string;
    expect(text.length).toBeGreaterThan(0);
    expect(raw).not.toContain(text);
    const envelope = JSON.parse(raw);
    expect(envelope.object).toBe('cordon.encrypted');
    expect(envelope.usage).toEqual(plain.usage);
    const answer = (await opener.openJson(envelope)) as any;
    expect(contract.response('createChatCompletion', 200, 'application/json', answer)).toBeNull();
    expect(answer.choices[0].message.content).toBe(text);
  });

  it('streamed chat: chunk by chunk, the same text as the clear stream, ending with the final chunk', async () => {
    const body = { ...chatBody, stream: true, stream_options: { include_usage: true } };
    const plainText = await (await clear('/chat/completions', body)).text();
    const plain = dataOf(plainText).filter((d) => d !== '[DONE]').map((d) => JSON.parse(d));
    const { res, raw, opener } = await sealed('/chat/completions', body);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const events = (await openStream(opener, raw)).map((d) => JSON.parse(d));
    for (const ev of events) expect(contract.response('createChatCompletion', 200, 'text/event-stream', ev)).toBeNull();
    const content = (evs: any[]) => evs.map((e) => e.choices[0]?.delta?.content ?? '').join('');
    expect(content(events)).toBe(content(plain));
    expect(content(events).length).toBeGreaterThan(0);
    expect(raw).not.toContain(content(events));
    // the usage chunk's counts travel in clear beside it, for metering
    const clearUsage = dataOf(raw).filter((d) => d !== '[DONE]').map((d) => JSON.parse(d).usage).filter(Boolean);
    expect(clearUsage).toEqual([events.at(-1).usage]);
  });

  it('completions with echo and embeddings: the prompt comes back only sealed; the same vector as in clear', async () => {
    const echo = await sealed('/completions', { model: MODEL, prompt: CANARY, echo: true, max_tokens: 2, seed: 1 });
    expect(echo.res.status).toBe(200);
    expect(echo.raw).not.toContain(CANARY);
    expect(((await echo.opener.openJson(JSON.parse(echo.raw))) as any).choices[0].text).toContain(CANARY);
    const plain = await (await clear('/embeddings', { model: MODEL, input: CANARY })).json();
    const emb = await sealed('/embeddings', { model: MODEL, input: CANARY });
    expect(emb.res.status).toBe(200);
    const answer = (await emb.opener.openJson(JSON.parse(emb.raw))) as any;
    expect(contract.response('createEmbedding', 200, 'application/json', answer)).toBeNull();
    expect(answer.data[0].embedding).toEqual(plain.data[0].embedding);
  });

  it('a replayed request, a changed clear field, a flipped bit and a request for another key are refused in clear, with their codes', async () => {
    const s = await sealRequest(hostKey, '/chat/completions', chatBody);
    const send = (body: unknown) => fetch(`${base}/v1/chat/completions`, { method: 'POST', headers: { ...auth, 'x-cordon-encrypted': '1' }, body: JSON.stringify(body) });
    expect((await send(s.body)).status).toBe(200);
    const expectRefused = async (res: Response, status: number, code: string) => {
      const body = await res.json();
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(contract.schema('ErrorResponse', body)).toBeNull();
      expect(body.error.code).toBe(code);
    };
    await expectRefused(await send(s.body), 409, 'replayed_request');
    const fresh = await sealRequest(hostKey, '/chat/completions', chatBody);
    await expectRefused(await send({ ...fresh.body, max_tokens: 500 }), 400, 'decryption_failed');
    const env = fresh.body.cordon_encrypted as Record<string, string>;
    const flipped = Buffer.from(env.ciphertext!, 'base64url');
    flipped[5]! ^= 0x10;
    await expectRefused(await send({ ...fresh.body, cordon_encrypted: { ...env, ciphertext: flipped.toString('base64url') } }), 400, 'decryption_failed');
    const other = await generateHostKey();
    await expectRefused(await send((await sealRequest(other, '/chat/completions', chatBody)).body), 409, 'unknown_key');
    // without the host's token: 401 before anything is read
    const anon = await fetch(`${base}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-cordon-encrypted': '1' }, body: JSON.stringify(fresh.body) });
    expect(anon.status).toBe(401);
    // and the host serves on
    expect((await clear('/chat/completions', chatBody)).status).toBe(200);
  });

  it("the prompt never reaches the host's log", () => {
    expect(hostOut.length).toBeGreaterThan(0);
    expect(hostOut).not.toContain(CANARY);
  });
});

describe('a remote engine host, registered in a gateway as an upstream', () => {
  const KEY_ENV = 'CORDON_UPSTREAM_KEY_SEALED_HOST_TEST';
  it('the openai SDK with confidentialFetch: the gateway routes sealed requests and evidence to it', async () => {
    process.env[KEY_ENV] = token;
    const gw = await startTestGateway({ CORDON_DEMO_MODEL: 'false' });
    try {
      const reg = await gw.req('/admin/v1/models', {
        method: 'POST',
        json: { id: MODEL, engine: 'openai-compatible', settings: { targets: [{ base_url: `${base}/v1`, model: MODEL, api_key_env: KEY_ENV }] }, capabilities: ['chat', 'completions', 'embeddings'] },
      });
      expect(reg.status, await reg.clone().text()).toBe(201);
      const key = (await makeDomainKey(gw, 'remote-sealed')).secret;
      const params = { model: MODEL, messages: [{ role: 'user' as const, content: `Hi ${CANARY}` }], max_tokens: 8, seed: 4 };
      const sealed = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: key, maxRetries: 0, fetch: confidentialFetch({ allowInsecureNone: true }) });
      const plain = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: key, maxRetries: 0 });
      const answer = await sealed.chat.completions.create(params);
      expect(answer.choices[0]!.message.content).toBe((await plain.chat.completions.create(params)).choices[0]!.message.content);
      let streamed = '';
      for await (const c of await sealed.chat.completions.create({ ...params, stream: true })) streamed += c.choices[0]?.delta?.content ?? '';
      expect(streamed).toBe(answer.choices[0]!.message.content);
      expect(gw.logs.join('')).not.toContain(CANARY);
    } finally {
      await gw.stop();
      delete process.env[KEY_ENV];
    }
  });
});
