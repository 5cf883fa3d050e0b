// The engine host as a process (dist/engine-host/main.js, as the gateway's supervisor starts it): the
// OpenAI API for its models on a Unix socket (chat, completions, embeddings, audio), every answer
// checked against the contract; the host token; the /host/v1 endpoints; the IPC messages; no
// orphan when its parent dies; SIGTERM drains and exits 0.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoGguf } from '../../src/platform/demo-models/gguf.js';
import { writeWhisperModel } from '../../src/platform/demo-models/whisper.js';
import { loadConfig } from '../../src/config.js';
import { hostConfigOf } from '../../src/engine-host/config.js';
import { contract, gatewayRoot, until } from '../helpers.js';
import { pcmWav } from '../support/wav.js';

const hostEntry = join(gatewayRoot, 'dist/engine-host/main.js');
const token = `host-${randomBytes(16).toString('hex')}`;
const dir = mkdtempSync(join(tmpdir(), 'ceh-'));
const socket = join(dir, 'h.sock');
const CHAT = 'host-demo';
const WHISPER = 'host-whisper';

let host: ChildProcess;
let hostExited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
let out = '';
const messages: any[] = [];

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json(): any;
}

function send(path: string, o: { method?: string; auth?: string | null; json?: unknown; body?: Buffer; contentType?: string } = {}): Promise<Answer> {
  const body = o.json !== undefined ? Buffer.from(JSON.stringify(o.json)) : o.body;
  const headers: Record<string, string> = {};
  if (o.auth !== null) headers.authorization = `Bearer ${o.auth ?? token}`;
  if (body) {
    headers['content-type'] = o.contentType ?? 'application/json';
    headers['content-length'] = String(body.length);
  }
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath: socket, path, method: o.method ?? (body ? 'POST' : 'GET'), headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The `data:` payloads of an SSE body, parsed, up to (not including) `[DONE]`; throws if `[DONE]` is missing. */
function events(text: string): any[] {
  const data = text
    .split('\n\n')
    .filter((e) => e.trim() !== '')
    .map((e) => e.replace(/^data: /, ''));
  expect(data.at(-1)).toBe('[DONE]');
  return data.slice(0, -1).map((d) => JSON.parse(d));
}

async function multipart(fields: Record<string, string>, wav: Buffer): Promise<{ body: Buffer; contentType: string }> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(wav)], { type: 'audio/wav' }), 'a.wav');
  const r = new Request('http://host.invalid/', { method: 'POST', body: form });
  return { body: Buffer.from(await r.arrayBuffer()), contentType: r.headers.get('content-type')! };
}

function valid(op: string, status: number, mediaType: string, body: unknown) {
  expect(contract.response(op, status, mediaType, body)).toBeNull();
}

function validError(a: Answer, status: number, code: string) {
  expect(a.status).toBe(status);
  const body = a.json();
  expect(contract.schema('ErrorResponse', body)).toBeNull();
  expect(body.error.code).toBe(code);
}

/** Whether a process still runs (a zombie waiting for its reaper does not). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function hostEnv(): NodeJS.ProcessEnv {
  const gguf = join(dir, 'demo.gguf');
  const whisper = join(dir, 'whisper.bin');
  if (!existsSync(gguf)) writeDemoGguf(gguf);
  if (!existsSync(whisper)) writeWhisperModel(whisper);
  const models = [
    { id: CHAT, engine: 'llama-cpp', settings: { path: gguf }, capabilities: ['chat', 'completions', 'embeddings'], owned_by: 'cordon', created: 1_700_000_000 },
    { id: WHISPER, engine: 'whisper', settings: { path: whisper }, capabilities: ['transcription'] },
  ];
  const config = hostConfigOf(loadConfig({ CORDON_VALIDATE_RESPONSES: 'true', CORDON_LOG_LEVEL: 'info' }));
  return { ...process.env, CORDON_ENGINE_HOST_TOKEN: token, CORDON_ENGINE_HOST_MODELS: JSON.stringify(models), CORDON_ENGINE_HOST_CONFIG: JSON.stringify(config) };
}

beforeAll(async () => {
  host = spawn(process.execPath, [hostEntry, '--socket', socket], { env: hostEnv(), stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  host.stdout!.on('data', (d) => (out += d));
  host.stderr!.on('data', (d) => (out += d));
  host.on('message', (m) => messages.push(m));
  hostExited = new Promise((resolve) => host.once('exit', (code, signal) => resolve({ code, signal })));
  await until(
    () => {
      if (host.exitCode !== null) throw new Error(`the engine host exited (${host.exitCode}):\n${out}`);
      return messages.some((m) => m.type === 'ready');
    },
    30_000,
    'the engine host to be ready',
  );
}, 120_000);

afterAll(async () => {
  if (host && host.exitCode === null && host.signalCode === null) {
    host.kill('SIGKILL');
    await hostExited;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('engine host on a Unix socket', () => {
  it('listens on an owner-only socket; /healthz needs no token', async () => {
    expect(statSync(socket).isSocket()).toBe(true);
    expect(statSync(socket).mode & 0o777).toBe(0o600);
    const health = await send('/healthz', { auth: null });
    expect(health.status).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
  });

  it('refuses a request without the host token or with a wrong one: 401, OpenAI-shaped', async () => {
    validError(await send('/v1/models', { auth: null }), 401, 'invalid_api_key');
    validError(await send('/v1/models', { auth: `${token}x` }), 401, 'invalid_api_key');
    validError(await send('/v1/chat/completions', { auth: 'wrong', json: { model: CHAT, messages: [{ role: 'user', content: 'hi' }] } }), 401, 'invalid_api_key');
    validError(await send('/host/v1/stats', { auth: 'wrong' }), 401, 'invalid_api_key');
    validError(await send('/host/v1/stats', { auth: null }), 401, 'invalid_api_key');
  });

  it('lists and retrieves its models', async () => {
    const list = await send('/v1/models');
    expect(list.status).toBe(200);
    valid('listModels', 200, 'application/json', list.json());
    expect(list.json().data.map((m: any) => m.id)).toEqual([CHAT, WHISPER]);
    const one = await send(`/v1/models/${CHAT}`);
    valid('retrieveModel', 200, 'application/json', one.json());
    expect(one.json()).toMatchObject({ id: CHAT, created: 1_700_000_000, owned_by: 'cordon' });
    validError(await send('/v1/models/nope'), 404, 'model_not_found');
  });

  it('answers chat completions, whole and streamed (with the usage chunk)', async () => {
    const whole = await send('/v1/chat/completions', { json: { model: CHAT, messages: [{ role: 'user', content: 'Hello' }], max_tokens: 8, seed: 1 } });
    expect(whole.status).toBe(200);
    valid('createChatCompletion', 200, 'application/json', whole.json());
    expect(whole.json().usage.completion_tokens).toBeGreaterThan(0);

    const streamed = await send('/v1/chat/completions', { json: { model: CHAT, messages: [{ role: 'user', content: 'Hello' }], max_tokens: 8, seed: 1, stream: true, stream_options: { include_usage: true } } });
    expect(streamed.status).toBe(200);
    expect(streamed.headers['content-type']).toMatch(/^text\/event-stream/);
    const chunks = events(streamed.text);
    for (const c of chunks) valid('createChatCompletion', 200, 'text/event-stream', c);
    expect(chunks[0].choices[0].delta.role).toBe('assistant');
    expect(chunks.at(-1).choices).toEqual([]);
    expect(chunks.at(-1).usage.completion_tokens).toBeGreaterThan(0);
  });

  it('answers completions, whole and streamed', async () => {
    const whole = await send('/v1/completions', { json: { model: CHAT, prompt: 'Once upon', max_tokens: 6 } });
    expect(whole.status).toBe(200);
    valid('createCompletion', 200, 'application/json', whole.json());
    const streamed = await send('/v1/completions', { json: { model: CHAT, prompt: 'Once upon', max_tokens: 6, stream: true, stream_options: { include_usage: true } } });
    const chunks = events(streamed.text);
    for (const c of chunks) valid('createCompletion', 200, 'text/event-stream', c);
    expect(chunks.at(-1).usage.prompt_tokens).toBeGreaterThan(0);
  });

  it('answers embeddings', async () => {
    const r = await send('/v1/embeddings', { json: { model: CHAT, input: ['one', 'two'] } });
    expect(r.status).toBe(200);
    valid('createEmbedding', 200, 'application/json', r.json());
    expect(r.json().data).toHaveLength(2);
  });

  it('transcribes and translates a WAV upload (decoded in the host)', async () => {
    const t = await multipart({ model: WHISPER, language: 'en' }, pcmWav({ seconds: 1, freq: 440 }));
    const transcript = await send('/v1/audio/transcriptions', { body: t.body, contentType: t.contentType });
    expect(transcript.status).toBe(200);
    valid('createTranscription', 200, 'application/json', transcript.json());
    expect(typeof transcript.json().text).toBe('string');
    const v = await multipart({ model: WHISPER, response_format: 'verbose_json' }, pcmWav({ seconds: 1, freq: 440 }));
    const translation = await send('/v1/audio/translations', { body: v.body, contentType: v.contentType });
    expect(translation.status).toBe(200);
    valid('createTranslation', 200, 'application/json', translation.json());
  });

  it('does not serve the Responses API or the admin API', async () => {
    expect((await send('/v1/responses', { json: { model: CHAT, input: 'hi' } })).status).not.toBe(200);
    expect((await send('/admin/v1/domains')).status).not.toBe(200);
  });

  it('serves its own endpoints: model state and vocabulary, tokenize, detokenize, stats', async () => {
    const info = await send(`/host/v1/models/${CHAT}`);
    expect(info.status).toBe(200);
    expect(info.json()).toMatchObject({ id: CHAT, state: { state: 'ready' } });
    expect(info.json().vocabulary_size).toBeGreaterThan(256);
    expect(info.json().context_size).toBeGreaterThan(0);
    expect((await send(`/host/v1/models/${WHISPER}`)).json()).toMatchObject({ id: WHISPER, state: { state: 'ready' } });
    validError(await send('/host/v1/models/nope'), 404, 'model_not_found');

    const count = await send('/host/v1/tokenize', { json: { model: CHAT, text: 'hello world' } });
    expect(count.status).toBe(200);
    expect(count.json().count).toBeGreaterThan(0);
    const text = await send('/host/v1/detokenize', { json: { model: CHAT, tokens: [104, 105] } });
    expect(text.status).toBe(200);
    expect(typeof text.json().text).toBe('string');
    validError(await send('/host/v1/detokenize', { json: { model: CHAT, tokens: [info.json().vocabulary_size] } }), 400, 'invalid_value');
    validError(await send('/host/v1/detokenize', { json: { model: CHAT, tokens: [1.5] } }), 400, 'invalid_value');
    validError(await send('/host/v1/tokenize', { json: { model: WHISPER, text: 'x' } }), 400, 'model_not_supported');
    validError(await send('/host/v1/nothing'), 404, 'unknown_url');

    const stats = (await send('/host/v1/stats')).json();
    expect(stats.models[CHAT]).toEqual({ active: 0, generatedTokens: expect.any(Number), queued: 0 });
    expect(stats.models[CHAT].generatedTokens).toBeGreaterThan(0);
    expect(stats.models[WHISPER]).toEqual({ active: 0, generatedTokens: 0, queued: 0 });
  });

  it('tells its parent over IPC when a model changes state; never logs its token', () => {
    const states = messages.filter((m) => m.type === 'state' && m.model === CHAT).map((m) => m.state.state);
    expect(states[0]).toBe('unloaded');
    expect(states).toContain('ready');
    expect(out).not.toContain(token);
    expect(out).toContain('"msg":"engine host listening"');
  });

  it('on SIGTERM finishes the request in flight, exits 0 and removes its socket', async () => {
    const inFlight = send('/v1/chat/completions', { json: { model: CHAT, messages: [{ role: 'user', content: 'Hello' }], max_tokens: 40, stream: true } });
    await until(async () => (await send('/host/v1/stats')).json().models[CHAT].active > 0, 10_000, 'the stream to start');
    host.kill('SIGTERM');
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(events(answer.text).length).toBeGreaterThan(0);
    expect(await hostExited).toEqual({ code: 0, signal: null });
    expect(existsSync(socket)).toBe(false);
  });
});

describe('engine host whose parent dies', () => {
  it('exits by itself when its parent is SIGKILLed (the IPC channel closes)', async () => {
    const sock = join(dir, 'orphan.sock');
    // A parent that starts the host with an IPC channel, as the supervisor does, and prints its pid once ready.
    const parentScript = `
      const { spawn } = require('node:child_process');
      const child = spawn(process.execPath, [${JSON.stringify(hostEntry)}, '--socket', ${JSON.stringify(sock)}], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      child.on('message', (m) => { if (m.type === 'ready') process.stdout.write(child.pid + '\\n'); });
    `;
    const parent = spawn(process.execPath, ['-e', parentScript], { env: hostEnv(), stdio: ['ignore', 'pipe', 'inherit'] });
    let printed = '';
    parent.stdout!.on('data', (d) => (printed += d));
    const parentExited = new Promise((resolve) => parent.once('exit', resolve));
    await until(() => /^\d+\n/.test(printed), 30_000, 'the host under a parent to be ready');
    const hostPid = Number(printed.trim());
    expect(running(hostPid)).toBe(true);
    parent.kill('SIGKILL');
    await parentExited;
    const killedAt = Date.now();
    await until(() => !running(hostPid), 2_000, 'the orphaned host to exit');
    expect(Date.now() - killedAt).toBeLessThan(2_000);
    expect(existsSync(sock)).toBe(false);
  });
});
