// Engine hosts (issue 13): llama-cpp and whisper models run in child processes, one per model. A
// host killed mid-stream costs that stream (an OpenAI error event) and nothing else; a model that
// keeps bringing its host down is marked failed; a gateway that dies takes its hosts with it; the
// gateway process never maps a native engine library; a host refuses a wrong token and runs alone,
// registered in a gateway as an ordinary upstream.
//
// Host processes are found through /proc, not through gateway internals: a host is a process whose
// command line runs engine-host/main.js, whose parent is the gateway, and whose environment (or
// --models file) names its model.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoGguf } from '../../src/platform/demo-models/gguf.js';
import { cliPath, contract, engineStats, json, logRecords, makeDomainKey, spawnGateway, startTestGateway, until, type ChildGateway, type TestGateway } from '../helpers.js';
import { pcmWav } from '../support/wav.js';

const MODEL = 'cordon-demo';
const WHISPER = 'cordon-demo-whisper';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const user = (content: string) => [{ role: 'user' as const, content }];

// ---- host processes, through /proc ------------------------------------------------------------

interface HostProcess {
  pid: number;
  /** The model ids the host serves (one: a host per model). */
  models: string[];
  /** Its Unix socket, when it listens on one. */
  socket: string | null;
  /** Its token (from its environment), to talk to it as the gateway does. */
  token: string | null;
}

function procStat(pid: number): { state: string; ppid: number } | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { state: rest[0]!, ppid: Number(rest[1]) };
  } catch {
    return null;
  }
}

/** Running (a zombie, exited but not yet reaped by whoever inherited it, is gone). */
function alive(pid: number): boolean {
  const s = procStat(pid);
  return s !== null && s.state !== 'Z' && s.state !== 'X';
}

function readNullSeparated(path: string): string[] {
  try {
    return readFileSync(path, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

function modelIdsOf(models: string | undefined): string[] {
  if (!models) return [];
  try {
    const list: unknown = JSON.parse(models);
    return Array.isArray(list) ? list.map((m) => String(m?.id)) : [];
  } catch {
    return [];
  }
}

/** The live engine hosts whose parent is `ppid`. */
function hostsOf(ppid: number): HostProcess[] {
  const hosts: HostProcess[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    const stat = procStat(pid);
    if (!stat || stat.ppid !== ppid || !alive(pid)) continue;
    const argv = readNullSeparated(`/proc/${pid}/cmdline`);
    if (!argv.some((a) => a.endsWith('engine-host/main.js'))) continue;
    const env = Object.fromEntries(
      readNullSeparated(`/proc/${pid}/environ`).map((kv) => {
        const i = kv.indexOf('=');
        return [kv.slice(0, i), kv.slice(i + 1)];
      }),
    );
    const flag = (f: string) => {
      const i = argv.indexOf(f);
      return i >= 0 ? (argv[i + 1] ?? null) : null;
    };
    const modelsFile = flag('--models');
    const models = env.CORDON_ENGINE_HOST_MODELS ? modelIdsOf(env.CORDON_ENGINE_HOST_MODELS) : modelsFile && existsSync(modelsFile) ? modelIdsOf(readFileSync(modelsFile, 'utf8')) : [];
    hosts.push({ pid, models, socket: flag('--socket'), token: env.CORDON_ENGINE_HOST_TOKEN ?? null });
  }
  return hosts;
}

/** Waits (bounded) for a live host of `model` under `ppid`, other than the pids in `not`. */
async function hostFor(ppid: number, model: string, not: number[] = [], ms = 20_000): Promise<HostProcess> {
  let found: HostProcess | undefined;
  await until(() => (found = hostsOf(ppid).find((h) => h.models.includes(model) && !not.includes(h.pid))) !== undefined, ms, `an engine host for '${model}' under pid ${ppid}`);
  return found!;
}

/** The native engine libraries a process has mapped (node-llama-cpp's llama.cpp/ggml, the whisper binding). */
function nativeEngineLibraries(pid: number): string[] {
  const maps = readFileSync(`/proc/${pid}/maps`, 'utf8');
  const libs = new Set<string>();
  for (const line of maps.split('\n')) {
    const path = line.split(/\s+/).slice(5).join(' ');
    if (/\.node$|\.so(\.[\d.]+)?$/.test(path) && /node-llama-cpp|llama-addon|libllama|libggml|whisper/i.test(path)) libs.add(path);
  }
  return [...libs];
}

// ---- streams ----------------------------------------------------------------------------------

/** The JSON events of an SSE body, and whether it ended with [DONE]. */
function sseEvents(text: string): { events: any[]; done: boolean } {
  const events: any[] = [];
  let done = false;
  for (const block of text.split('\n\n')) {
    const data = block
      .split('\n')
      .filter((l) => l.startsWith('data: '))
      .map((l) => l.slice(6))
      .join('\n');
    if (!data) continue;
    if (data === '[DONE]') done = true;
    else events.push(JSON.parse(data));
  }
  return { events, done };
}

/** Reads a streamed response until its first content chunk; `rest()` reads the remainder. */
async function openStream(res: Response) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!/"content":"[^"]/.test(text)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`the stream ended before any content:\n${text.slice(0, 2000)}`);
    text += decoder.decode(value, { stream: true });
  }
  return {
    async rest(): Promise<string> {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return text + decoder.decode();
        text += decoder.decode(value, { stream: true });
      }
    },
  };
}

// ---- a small OpenAI-compatible upstream -------------------------------------------------------

function startFakeUpstream(): Promise<{ server: http.Server; baseUrl: string }> {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const r = JSON.parse(body || '{}');
      const base = { id: 'chatcmpl-fake', created: 1, model: String(r.model) };
      if (r.stream) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta: { role: 'assistant', content: 'Hello' }, finish_reason: null }] })}\n\n`);
        res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`);
        res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [], usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 } })}\n\n`);
        res.end('data: [DONE]\n\n');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          ...base,
          object: 'chat.completion',
          choices: [{ index: 0, message: { role: 'assistant', content: 'Hello', refusal: null }, logprobs: null, finish_reason: 'stop' }],
          usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
        }),
      );
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, baseUrl: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/v1` })));
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

/** A request over a host's Unix socket (as the gateway sends it), with the given bearer token. */
function overSocket(socketPath: string, path: string, token: string | null): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath, path, method: 'GET', headers: token === null ? {} : { authorization: `Bearer ${token}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer on ${socketPath}${path}`)));
    req.end();
  });
}

const transcribeForm = () => {
  const form = new FormData();
  form.set('file', new Blob([pcmWav({ freq: 440 })], { type: 'audio/wav' }), 'a.wav');
  form.set('model', WHISPER);
  form.set('language', 'en');
  return form;
};

// ---- supervised hosts, in a gateway running in this process -----------------------------------

describe('supervised engine hosts', () => {
  let gw: TestGateway;
  let upstream: http.Server;
  let member: string;
  const chat = (model: string, extra: Record<string, unknown> = {}, key: string | null = member) =>
    gw.req('/v1/chat/completions', { method: 'POST', key, json: { model, messages: user('Hello'), max_tokens: 4, seed: 1, ...extra } });
  const registryEntry = async (id: string) => (await json(await gw.req('/admin/v1/models'))).data.find((m: any) => m.id === id);
  beforeAll(async () => {
    gw = await startTestGateway();
    const up = await startFakeUpstream();
    upstream = up.server;
    const reg = await gw.req('/admin/v1/models', {
      method: 'POST',
      json: { id: 'up-chat', engine: 'openai-compatible', settings: { targets: [{ base_url: up.baseUrl, model: 'fake' }], max_retries: 0 }, capabilities: ['chat'] },
    });
    expect(reg.status, await reg.clone().text()).toBe(201);
    member = (await makeDomainKey(gw, 'hosts')).secret;
  }, 120_000);
  afterAll(async () => {
    await gw?.stop();
    upstream?.closeAllConnections();
    await new Promise((r) => upstream?.close(r));
  });

  it('a host per model, started on first use; the gateway process maps no native engine library', async () => {
    expect(hostsOf(process.pid)).toEqual([]);
    const res = await chat(MODEL);
    expect(res.status).toBe(200);
    const audio = await gw.req('/v1/audio/transcriptions', { method: 'POST', key: member, body: transcribeForm() });
    expect(audio.status, await audio.clone().text()).toBe(200);
    const llama = await hostFor(process.pid, MODEL);
    const whisper = await hostFor(process.pid, WHISPER);
    expect(llama.pid).not.toBe(whisper.pid);
    expect(llama.models).toEqual([MODEL]);
    expect(whisper.models).toEqual([WHISPER]);
    // The libraries are in the hosts, not here.
    expect(nativeEngineLibraries(llama.pid).length).toBeGreaterThan(0);
    expect(nativeEngineLibraries(whisper.pid).length).toBeGreaterThan(0);
    expect(nativeEngineLibraries(process.pid)).toEqual([]);
  });

  it("a host refuses a request without its token or with a wrong one (401, OpenAI-shaped); its own token passes", async () => {
    const host = await hostFor(process.pid, MODEL);
    expect(host.socket, 'the supervised host listens on a Unix socket').toBeTruthy();
    expect(host.token).toBeTruthy();
    for (const token of [null, 'wrong-token', `${host.token}x`]) {
      const r = await overSocket(host.socket!, '/v1/models', token);
      expect(r.status).toBe(401);
      expect(contract.schema('ErrorResponse', JSON.parse(r.body))).toBeNull();
      expect(r.body).not.toContain(host.token!);
    }
    const ok = await overSocket(host.socket!, '/v1/models', host.token);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).data.map((m: any) => m.id)).toEqual([MODEL]);
    expect((await overSocket(host.socket!, '/healthz', null)).status).toBe(200);
  });

  it('SIGKILL mid-stream: that stream ends with an error event; requests during the restart (upstream, admin, the same model) all succeed', async () => {
    const host = await hostFor(process.pid, MODEL);
    const res = await gw.req('/v1/chat/completions', {
      method: 'POST',
      key: member,
      json: { model: MODEL, messages: user('Tell me a long story'), max_tokens: 4000, temperature: 1, seed: 7, stream: true },
      signal: AbortSignal.timeout(60_000),
    });
    expect(res.status).toBe(200);
    const stream = await openStream(res);
    process.kill(host.pid, 'SIGKILL');

    // Sent at once, while the host is down and restarting.
    const timed = async (what: string, p: Promise<Response>) => {
      const t0 = performance.now();
      const r = await p;
      return { what, status: r.status, body: await r.text(), ms: performance.now() - t0 };
    };
    const during = Promise.all([
      timed('upstream chat', chat('up-chat')),
      timed('upstream chat (stream)', chat('up-chat', { stream: true })),
      timed('admin models', gw.req('/admin/v1/models')),
      timed('admin domains', gw.req('/admin/v1/domains')),
      timed('models list', gw.req('/v1/models', { key: member })),
      timed('healthz', gw.req('/healthz', { key: null })),
    ]);
    const queued = timed('the killed model, queued for the restart', chat(MODEL));

    const { events, done } = sseEvents(await stream.rest());
    expect(done).toBe(false);
    const last = events.at(-1);
    expect(contract.schema('ErrorResponse', last)).toBeNull();
    expect(last.error.code).toBe('engine_host_exited');
    expect(last.error.message).toContain(`'${MODEL}'`);
    for (const ev of events.slice(0, -1)) expect(contract.response('createChatCompletion', 200, 'text/event-stream', ev)).toBeNull();
    expect(events.slice(0, -1).map((e) => e.choices?.[0]?.delta?.content ?? '').join('').length).toBeGreaterThan(0);

    for (const r of await during) {
      expect(r.status, `${r.what}: ${r.body.slice(0, 300)}`).toBe(200);
      // Not held up by the restart.
      expect(r.ms, `${r.what} took ${r.ms.toFixed(0)} ms`).toBeLessThan(3000);
    }
    const q = await queued;
    expect(q.status, q.body.slice(0, 300)).toBe(200);
    expect(contract.response('createChatCompletion', 200, 'application/json', JSON.parse(q.body))).toBeNull();

    // The next request is served by a new host.
    const next = await chat(MODEL);
    expect(next.status).toBe(200);
    expect(contract.response('createChatCompletion', 200, 'application/json', await json(next))).toBeNull();
    const restarted = await hostFor(process.pid, MODEL, [host.pid]);
    expect(restarted.pid).not.toBe(host.pid);
    expect(alive(host.pid)).toBe(false);
    expect((await registryEntry(MODEL)).status).toEqual({ state: 'ready' });

    // The exit is logged (model, signal) and counted.
    const exitLine = logRecords(gw).find((l) => l.engine_host === MODEL && l.signal === 'SIGKILL' && l.pid === host.pid);
    expect(exitLine, 'a log line for the host exit, with model and signal').toBeDefined();
    const metrics = await (await gw.req('/metrics')).text();
    const counted = metrics.split('\n').filter((l) => l.startsWith('cordon_engine_host_exits_total{') && l.includes(`model="${MODEL}"`));
    expect(counted.length, metrics.split('\n').filter((l) => l.includes('engine_host')).join('\n')).toBeGreaterThan(0);
    expect(counted.reduce((n, l) => n + Number(l.split(' ').at(-1)), 0)).toBeGreaterThanOrEqual(1);
  }, 90_000);

  it('SIGKILL while a non-streamed request generates (nothing sent yet): it is retried once on the restarted host and answered', async () => {
    const host = await hostFor(process.pid, MODEL);
    const pending = chat(MODEL, { messages: user('Tell me a long story'), max_tokens: 3000, temperature: 1, seed: 11 });
    await until(async () => (await engineStats(gw, MODEL)).active > 0, 10_000, 'the generation to start');
    process.kill(host.pid, 'SIGKILL');
    const res = await pending;
    const body = await json(res);
    expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(200);
    expect(contract.response('createChatCompletion', 200, 'application/json', body)).toBeNull();
    expect(body.usage.completion_tokens).toBeGreaterThan(0);
    expect((await hostFor(process.pid, MODEL, [host.pid])).pid).not.toBe(host.pid);
  }, 60_000);

  // A model whose hosts load test/support/host-crash-preload.mjs: a request with the marker aborts its
  // host (SIGABRT) as it is read, as a native crash would.
  const POISONED = 'poison-target';
  const poison = { messages: user('CRASH-THE-ENGINE-HOST') };
  const aborts = () => logRecords(gw).filter((l) => l.engine_host === POISONED && l.signal === 'SIGABRT').length;
  const savedNodeOptions = process.env.NODE_OPTIONS;
  const restoreNodeOptions = () => {
    if (savedNodeOptions === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = savedNodeOptions;
  };
  it('a request that crashes its engine host by itself is not made again: one abort, a 502 saying so; the next request is served', async () => {
    const path = join(gw.dataDir, 'models', `${MODEL}.gguf`);
    // Set for this test and the next (the hosts they restart load it too); the next one restores it.
    process.env.NODE_OPTIONS = `${savedNodeOptions ?? ''} --import=${fileURLToPath(new URL('../support/host-crash-preload.mjs', import.meta.url))}`.trim();
    const reg = await gw.req('/admin/v1/models', { method: 'POST', json: { id: POISONED, engine: 'llama-cpp', settings: { path }, capabilities: ['chat', 'completions'] } });
    expect(reg.status).toBe(201);
    expect((await chat(POISONED)).status).toBe(200); // its host runs, with the preload
    const res = await chat(POISONED, poison);
    const body = await json(res);
    expect(res.status).toBe(502);
    expect(contract.schema('ErrorResponse', body)).toBeNull();
    expect(body.error.code).toBe('engine_host_exited');
    expect(body.error.message).toContain('not made again');
    expect(logRecords(gw).some((l) => l.model === POISONED && l.msg === 'engine host crashed serving this request alone; it is not made again')).toBe(true);
    await sleep(1000);
    expect(aborts()).toBe(1); // made again, it would have aborted the restarted host too
    expect((await chat(POISONED)).status).toBe(200);
  }, 90_000);

  it("a key whose requests crashed a model's host twice is refused that model (403 engine_crash_limit); other keys, and its other models, are served", async () => {
    try {
      await crashTwiceThenRefused();
    } finally {
      restoreNodeOptions();
    }
  }, 90_000);
  async function crashTwiceThenRefused(): Promise<void> {
    const crasher = (await makeDomainKey(gw, 'hosts')).secret; // another key of the same domain
    const before = aborts();
    // A streamed request and a whole one: both crash the host before any byte, both are 502s.
    for (const stream of [true, false]) {
      const res = await chat(POISONED, { ...poison, stream }, crasher);
      expect(res.status).toBe(502);
      expect((await json(res)).error.code).toBe('engine_host_exited');
    }
    expect(aborts()).toBe(before + 2);
    const refused = await chat(POISONED, {}, crasher);
    const body = await json(refused);
    expect(refused.status).toBe(403);
    expect(contract.schema('ErrorResponse', body)).toBeNull();
    expect(body.error.code).toBe('engine_crash_limit');
    expect(body.error.message).toContain(`'${POISONED}'`);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(500);
    expect(logRecords(gw).some((l) => l.model === POISONED && l.refused === true)).toBe(true);
    expect(aborts()).toBe(before + 2); // refused before it reached the host
    // Everyone else is served by the restarted host; the key keeps its other models.
    expect((await chat(POISONED)).status).toBe(200);
    expect((await chat(MODEL, {}, crasher)).status).toBe(200);
    expect((await gw.req('/admin/v1/models/' + POISONED, { method: 'DELETE' })).status).toBe(200);
  }

  it('three SIGKILLs in a row: the model is failed with the reason in the admin models list; other models are served; re-registering resets it', async () => {
    const path = join(gw.dataDir, 'models', `${MODEL}.gguf`);
    const entry = { id: 'crashy', engine: 'llama-cpp', settings: { path }, capabilities: ['chat', 'completions'] };
    expect((await gw.req('/admin/v1/models', { method: 'POST', json: entry })).status).toBe(201);
    expect((await chat('crashy')).status).toBe(200);
    const killed: number[] = [];
    for (let i = 0; i < 3; i++) {
      // The supervisor restarts the host after each exit (with backoff); no request is served in between.
      const host = await hostFor(process.pid, 'crashy', killed);
      process.kill(host.pid, 'SIGKILL');
      killed.push(host.pid);
      await until(() => !alive(host.pid), 5000, `host ${host.pid} to exit`);
    }
    let status: any;
    await until(async () => (status = (await registryEntry('crashy'))?.status)?.state === 'failed', 15_000, "'crashy' to be failed");
    expect(typeof status.reason).toBe('string');
    expect(status.reason.length).toBeGreaterThan(0);
    expect(status.reason).toMatch(/SIGKILL|exit/i);
    // No further restarts, and the model answers a clean OpenAI error.
    await sleep(1500);
    expect(hostsOf(process.pid).filter((h) => h.models.includes('crashy'))).toEqual([]);
    const refused = await chat('crashy');
    expect(refused.status).toBeGreaterThanOrEqual(500);
    const body = await json(refused);
    expect(contract.schema('ErrorResponse', body)).toBeNull();
    expect(body.error.message).toContain("'crashy'");
    // The model next door never noticed.
    expect((await chat(MODEL)).status).toBe(200);
    expect((await chat('up-chat')).status).toBe(200);

    // Re-registering (a registry change) resets the failures: it loads and serves again.
    expect((await gw.req('/admin/v1/models/crashy', { method: 'DELETE' })).status).toBe(200);
    expect((await gw.req('/admin/v1/models', { method: 'POST', json: entry })).status).toBe(201);
    expect((await registryEntry('crashy')).status?.state).not.toBe('failed');
    const again = await chat('crashy');
    expect(again.status, await again.clone().text()).toBe(200);
    expect((await registryEntry('crashy')).status).toEqual({ state: 'ready' });
    const fresh = await hostFor(process.pid, 'crashy', killed);
    expect(killed).not.toContain(fresh.pid);
  }, 120_000);
});

// ---- `cordon serve` as a process --------------------------------------------------------------

describe('hosts of a `cordon serve` process', () => {
  const served: ChildGateway[] = [];
  afterAll(async () => {
    for (const gw of served) {
      if (gw.proc.exitCode === null && gw.proc.signalCode === null) gw.proc.kill('SIGKILL');
      await gw.exited;
      rmSync(gw.dataDir, { recursive: true, force: true });
    }
  });
  const start = async () => {
    const gw = await spawnGateway();
    served.push(gw);
    return gw;
  };
  const post = (gw: ChildGateway, path: string, body: unknown) =>
    fetch(`${gw.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${gw.adminKey}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('after serving chat and a transcription, the gateway maps neither node-llama-cpp nor whisper; SIGKILL of the gateway: its hosts are gone within 2 s', async () => {
    const gw = await start();
    const pid = gw.proc.pid!;
    const c = await post(gw, '/v1/chat/completions', { model: MODEL, messages: user('Hello'), max_tokens: 4 });
    expect(c.status).toBe(200);
    const a = await fetch(`${gw.url}/v1/audio/transcriptions`, { method: 'POST', headers: { authorization: `Bearer ${gw.adminKey}` }, body: transcribeForm() });
    expect(a.status, await a.clone().text()).toBe(200);
    expect(typeof (await a.json()).text).toBe('string');
    const hosts = [await hostFor(pid, MODEL), await hostFor(pid, WHISPER)];
    expect(nativeEngineLibraries(pid)).toEqual([]);
    for (const h of hosts) expect(nativeEngineLibraries(h.pid).length).toBeGreaterThan(0);

    gw.proc.kill('SIGKILL');
    const t0 = Date.now();
    await gw.exited;
    while (hosts.some((h) => alive(h.pid)) && Date.now() - t0 < 2000) await sleep(20);
    const left = hosts.filter((h) => alive(h.pid)).map((h) => `${h.pid} (${h.models.join(',')})`);
    // Not to leave them behind if the assertion fails.
    for (const h of hosts) if (alive(h.pid)) process.kill(h.pid, 'SIGKILL');
    expect(left, `hosts still running ${Date.now() - t0} ms after the gateway was killed`).toEqual([]);
  }, 90_000);

  it('SIGTERM: the gateway drains (a stream in flight completes), then its hosts exit, then it exits 0', async () => {
    const gw = await start();
    const pid = gw.proc.pid!;
    const res = await post(gw, '/v1/chat/completions', { model: MODEL, messages: user('Tell me a long story'), max_tokens: 1500, stream: true, seed: 1, temperature: 1 });
    expect(res.status).toBe(200);
    const stream = await openStream(res);
    const host = await hostFor(pid, MODEL);
    gw.proc.kill('SIGTERM');
    const text = await stream.rest();
    // The host served the stream to its end: it outlived the drain.
    const { events, done } = sseEvents(text);
    expect(done, text.slice(-500)).toBe(true);
    expect(events.every((e) => !e.error)).toBe(true);
    expect(await gw.exited).toBe(0);
    // By the time the gateway has exited, so has its host (it waited for it).
    await until(() => !alive(host.pid), 1000, `host ${host.pid} to be gone after the gateway exited`);
  }, 90_000);
});

// ---- a standalone host, registered in a gateway as an upstream --------------------------------

describe('a standalone `cordon engine-host --listen HOST:PORT`', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cordon-host-'));
  const token = `host-token-${randomBytes(16).toString('hex')}`;
  const KEY_ENV = 'CORDON_UPSTREAM_KEY_ENGINE_HOST_TEST';
  let host: ChildProcess;
  let hostExited: Promise<number | null>;
  let hostOut = '';
  let base: string;
  let gw: TestGateway;

  beforeAll(async () => {
    const gguf = join(dir, 'hosted.gguf');
    writeDemoGguf(gguf);
    const modelsFile = join(dir, 'models.json');
    writeFileSync(modelsFile, JSON.stringify([{ id: 'hosted-demo', engine: 'llama-cpp', settings: { path: gguf }, capabilities: ['chat', 'completions', 'embeddings'] }]));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const env: Record<string, string | undefined> = { ...process.env, CORDON_ENGINE_HOST_TOKEN: token, CORDON_DATA_DIR: dir, CORDON_LOG_LEVEL: 'info' };
    delete env.CORDON_ENGINE_HOST_CONFIG;
    delete env.CORDON_ENGINE_HOST_MODELS;
    host = spawn(process.execPath, [cliPath, 'engine-host', '--listen', `127.0.0.1:${port}`, '--models', modelsFile], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    host.stdout!.on('data', (d) => (hostOut += d));
    host.stderr!.on('data', (d) => (hostOut += d));
    hostExited = new Promise((resolve) => host.once('exit', (code) => resolve(code)));
    await until(
      async () => {
        if (host.exitCode !== null) throw new Error(`the engine host exited (${host.exitCode}):\n${hostOut}`);
        return (await fetch(`${base}/healthz`).catch(() => null))?.status === 200;
      },
      30_000,
      'the standalone engine host to listen',
    );
    process.env[KEY_ENV] = token;
    gw = await startTestGateway({ CORDON_DEMO_MODEL: 'false' });
  }, 120_000);
  afterAll(async () => {
    await gw?.stop();
    delete process.env[KEY_ENV];
    if (host && host.exitCode === null) {
      host.kill('SIGKILL');
      await hostExited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('health without a token; 401 without or with a wrong token; never logs its token', async () => {
    const health = await fetch(`${base}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
    for (const headers of [{}, { authorization: 'Bearer wrong-token-0123456789' }, { authorization: `Bearer ${token.slice(0, -1)}` }]) {
      for (const path of ['/v1/models', '/host/v1/stats']) {
        const r = await fetch(`${base}${path}`, { headers });
        expect(r.status, path).toBe(401);
        expect(contract.schema('ErrorResponse', await r.json())).toBeNull();
      }
    }
    const chat = await fetch(`${base}/v1/chat/completions`, { method: 'POST', headers: { authorization: 'Bearer nope', 'content-type': 'application/json' }, body: JSON.stringify({ model: 'hosted-demo', messages: user('Hi') }) });
    expect(chat.status).toBe(401);
    expect(hostOut).not.toContain(token);
  });

  it('serves the official openai SDK directly', async () => {
    const openai = new OpenAI({ baseURL: `${base}/v1`, apiKey: token, maxRetries: 0 });
    const models = await openai.models.list();
    expect(models.data.map((m) => m.id)).toEqual(['hosted-demo']);
    const r = await openai.chat.completions.create({ model: 'hosted-demo', messages: user('Hello'), max_tokens: 8, seed: 1 });
    expect(contract.response('createChatCompletion', 200, 'application/json', r)).toBeNull();
    const s = await openai.chat.completions.create({ model: 'hosted-demo', messages: user('Hello'), max_tokens: 8, seed: 1, stream: true, stream_options: { include_usage: true } });
    let text = '';
    let usage = 0;
    for await (const c of s) {
      expect(contract.response('createChatCompletion', 200, 'text/event-stream', c)).toBeNull();
      text += c.choices[0]?.delta.content ?? '';
      usage += c.usage?.completion_tokens ?? 0;
    }
    expect(text.length).toBeGreaterThan(0);
    expect(usage).toBeGreaterThan(0);
    const e = await openai.embeddings.create({ model: 'hosted-demo', input: 'hello', encoding_format: 'float' });
    expect(e.data[0]!.embedding.length).toBeGreaterThan(0);
  });

  it("a second gateway registers it as an openai-compatible upstream (token through api_key_env) and serves it to a domain", async () => {
    const reg = await gw.req('/admin/v1/models', {
      method: 'POST',
      json: {
        id: 'remote-demo',
        engine: 'openai-compatible',
        settings: { targets: [{ base_url: `${base}/v1`, model: 'hosted-demo', api_key_env: KEY_ENV }] },
        capabilities: ['chat', 'completions', 'embeddings'],
        domains: ['hosted'],
      },
    });
    expect(reg.status, await reg.clone().text()).toBe(201);
    const key = await makeDomainKey(gw, 'hosted');
    const other = await makeDomainKey(gw, 'elsewhere');
    const openai = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: key.secret, maxRetries: 0 });
    const r = await openai.chat.completions.create({ model: 'remote-demo', messages: user('Hello'), max_tokens: 8, seed: 1 });
    expect(contract.response('createChatCompletion', 200, 'application/json', r)).toBeNull();
    expect(r.model).toBe('remote-demo');
    expect(r.choices[0]!.message.content!.length).toBeGreaterThan(0);
    const s = await openai.chat.completions.create({ model: 'remote-demo', messages: user('Hello'), max_tokens: 8, seed: 1, stream: true });
    let text = '';
    for await (const c of s) {
      expect(contract.response('createChatCompletion', 200, 'text/event-stream', c)).toBeNull();
      expect(c.model).toBe('remote-demo');
      text += c.choices[0]?.delta.content ?? '';
    }
    expect(text.length).toBeGreaterThan(0);
    const c = await openai.completions.create({ model: 'remote-demo', prompt: 'Once', max_tokens: 4, seed: 1 });
    expect(c.choices[0]!.text).toBeTypeOf('string');
    // Served to its domain only.
    const stranger = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: other.secret, maxRetries: 0 });
    expect((await stranger.chat.completions.create({ model: 'remote-demo', messages: user('Hello'), max_tokens: 2 }).catch((e) => e)).status).toBe(404);
  });

  it('SIGTERM: the host exits 0', async () => {
    host.kill('SIGTERM');
    const code = await Promise.race([hostExited, sleep(15_000).then(() => 'still running')]);
    expect(code).toBe(0);
  }, 30_000);
});
