/**
 * The engine host supervisor (src/engines/host/supervisor.ts) against the real built host
 * (dist/engine-host/main.js; rebuild with `npx tsc -p apps/gateway/tsconfig.json`): start and ready
 * wait, restart with backoff after a SIGKILL, the deadline of a request waiting for a restart,
 * `failed` after 3 exits in a row (and a served request resetting the count), forget, close
 * (SIGTERM, then SIGKILL for a host that does not stop), and log lines forwarded with `engine_host`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'undici';
import { EngineHostSupervisor, hostEntry, type EngineHostEndpoint, type SupervisorOptions } from '../../src/engines/host/supervisor.js';
import { EngineError, type ModelEntry } from '../../src/engines/types.js';
import { createLogger } from '../../src/log.js';
import { writeDemoGguf } from '../../src/platform/demo-models/gguf.js';

let dir: string;
let model: ModelEntry;
const lines: Array<Record<string, unknown>> = [];
const log = createLogger('info', {
  write(s: string) {
    for (const l of s.split('\n')) if (l) lines.push(JSON.parse(l));
  },
});

/** Counters as the supervisor sees /metrics. */
function counters() {
  const exits: string[] = [];
  const starts: string[] = [];
  return {
    exits,
    starts,
    metrics: {
      engineHostExits: { labels: (m: string, reason: string) => ({ inc: () => void exits.push(`${m}:${reason}`) }) },
      engineHostStarts: { labels: (m: string) => ({ inc: () => void starts.push(m) }) },
    },
  };
}

function supervisor(over: Partial<SupervisorOptions> = {}) {
  const c = counters();
  const sup = new EngineHostSupervisor({
    log,
    hostConfig: hostConfig(),
    metrics: c.metrics,
    startTimeoutMs: 20_000,
    restartBaseMs: 100,
    restartMaxMs: 400,
    maxConsecutiveExits: 3,
    healthyMs: 60_000,
    shutdownTimeoutMs: 2_000,
    ...over,
  });
  return { sup, ...c };
}

function hostConfig(idleUnloadMs = 60_000) {
  return {
    llama: { sequences: 2, queueSize: 8, idleUnloadMs, contextSize: 512 },
    audio: { maxDurationSeconds: 60, minSampleRate: 8000, maxChannels: 2, whisperQueue: 2 },
    ffmpeg: null,
    requestCaps: { messages: 64, tools: 8, stop: 4, logitBias: 16, generations: 4, inputTokens: 1000, schemaDepth: 8, schemaNodes: 100 },
    bodyLimit: '1mb',
    fileLimit: 1024 * 1024,
    multipart: { fields: 8, fieldBytes: 1024, fieldNameBytes: 100, parts: 10, rejectUnknownFields: false },
    streams: { writeTimeoutMs: 5_000, maxEventBytes: 65536 },
    logLevel: 'info',
    validateResponses: false,
    requestTimeoutMs: 30_000,
    shutdownTimeoutMs: 2_000,
    idleCollection: true,
  };
}

const soon = () => Date.now() + 20_000;

/** GET /healthz over the host's socket. */
async function health(ep: EngineHostEndpoint): Promise<unknown> {
  const client = new Client('http://localhost', { socketPath: ep.socketPath });
  try {
    const res = await client.request({ path: '/healthz', method: 'GET' });
    return await res.body.json();
  } finally {
    await client.close();
  }
}

async function kill(ep: EngineHostEndpoint, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  process.kill(ep.pid!, signal);
  await ep.exited;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(() => {
  if (!existsSync(hostEntry())) throw new Error(`the engine host is not built (${hostEntry()}): run npx tsc -p apps/gateway/tsconfig.json`);
  dir = mkdtempSync(join(tmpdir(), 'cordon-sup-'));
  const path = join(dir, 'demo.gguf');
  writeDemoGguf(path);
  model = { id: 'sup-demo', engine: 'llama-cpp', settings: { path }, capabilities: ['chat', 'completions'], owned_by: 'test', created: 0, domains: null };
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('engine host supervisor (real host)', () => {
  it('starts a host on first use, waits for ready, forwards its log lines; a SIGKILL is counted and the host restarts with backoff', async () => {
    const { sup, exits, starts } = supervisor();
    try {
      expect(sup.status(model.id)).toEqual({ state: 'unloaded' });
      const t0 = performance.now();
      const ep = await sup.ensure(model, soon());
      const startMs = performance.now() - t0;
      expect(ep.generation).toBe(1);
      expect(await health(ep)).toEqual({ status: 'ok' });
      expect(sup.status(model.id).state).not.toBe('failed');
      expect(sup.pids().get(model.id)).toBe(ep.pid);
      // The host's own pino lines arrive in the gateway's log with engine_host.
      await expect.poll(() => lines.some((l) => l.engine_host === model.id && l.msg === 'engine host listening')).toBe(true);
      // Concurrent callers share the one host.
      const [a, b] = await Promise.all([sup.ensure(model, soon()), sup.ensure(model, soon())]);
      expect(a).toBe(ep);
      expect(b).toBe(ep);

      const t1 = performance.now();
      await kill(ep);
      expect(sup.status(model.id)).toEqual({ state: 'loading' });
      const next = await sup.ensure(model, soon());
      const restartMs = performance.now() - t1;
      expect(next.generation).toBe(2);
      expect(next.pid).not.toBe(ep.pid);
      // A new socket per start: a host still draining never removes its successor's.
      expect(next.socketPath).not.toBe(ep.socketPath);
      expect(existsSync(ep.socketPath)).toBe(false);
      expect(next.token).not.toBe(ep.token);
      expect(await health(next)).toEqual({ status: 'ok' });
      expect(exits).toEqual([`${model.id}:SIGKILL`]);
      expect(starts).toEqual([model.id, model.id]);
      const exitLine = lines.find((l) => l.msg === 'engine host exited; restarting' && l.engine_host === model.id);
      expect(exitLine).toMatchObject({ signal: 'SIGKILL', code: null, reason: 'SIGKILL', restart_in_ms: 100 });
      console.log(`engine host: start to ready ${startMs.toFixed(0)} ms; SIGKILL to ready again ${restartMs.toFixed(0)} ms (backoff 100 ms)`);
    } finally {
      await sup.close();
    }
  });

  it('a request waiting for a restart past its deadline gets 503 engine_host_unavailable', async () => {
    const { sup } = supervisor({ restartBaseMs: 3_000, restartMaxMs: 3_000 });
    try {
      const ep = await sup.ensure(model, soon());
      await kill(ep);
      const t0 = Date.now();
      const err = await sup.ensure(model, Date.now() + 150).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(EngineError);
      expect(err).toMatchObject({ status: 503, code: 'engine_host_unavailable' });
      expect(Date.now() - t0).toBeLessThan(1_000);
      // A client that leaves while waiting: an AbortError at once.
      const ac = new AbortController();
      const waiting = sup.ensure(model, soon(), ac.signal).catch((e: unknown) => e);
      ac.abort();
      expect(await waiting).toMatchObject({ name: 'AbortError' });
    } finally {
      await sup.close();
    }
  });

  it('3 exits in a row mark the model failed with the reason; a served request resets the count; forget starts over', async () => {
    const { sup, exits } = supervisor();
    try {
      // Two exits, a served request, two more exits: not failed (never 3 in a row).
      let ep = await sup.ensure(model, soon());
      await kill(ep);
      ep = await sup.ensure(model, soon());
      await kill(ep);
      ep = await sup.ensure(model, soon());
      sup.served(ep);
      await kill(ep);
      ep = await sup.ensure(model, soon());
      await kill(ep);
      ep = await sup.ensure(model, soon());
      expect(ep.generation).toBe(5);
      expect(sup.status(model.id).state).not.toBe('failed');
      // The third exit in a row: failed, with the reason, and no restart.
      await kill(ep);
      const status = sup.status(model.id);
      expect(status.state).toBe('failed');
      expect(status.state === 'failed' && status.reason).toMatch(/exited 3 times in a row \(last: killed by SIGKILL\)/);
      expect(exits).toHaveLength(5);
      const err = await sup.ensure(model, soon()).catch((e: unknown) => e);
      expect(err).toMatchObject({ status: 503, code: 'engine_host_failed' });
      await new Promise((r) => setTimeout(r, 500)); // past any backoff: nothing restarted it
      expect(sup.pids().size).toBe(0);
      // A registry change forgets the failures: the next use starts a host again.
      sup.forget(model.id);
      expect(sup.status(model.id)).toEqual({ state: 'unloaded' });
      const fresh = await sup.ensure(model, soon());
      expect(fresh.generation).toBe(1);
      expect(await health(fresh)).toEqual({ status: 'ok' });
    } finally {
      await sup.close();
    }
  });

  it('forget stops the host (not counted as an exit) and removes its socket', async () => {
    const { sup, exits } = supervisor();
    try {
      const ep = await sup.ensure(model, soon());
      sup.forget(model.id);
      await ep.exited;
      await expect.poll(() => existsSync(ep.socketPath)).toBe(false);
      expect(exits).toEqual([]);
      expect(sup.status(model.id)).toEqual({ state: 'unloaded' });
    } finally {
      await sup.close();
    }
  });

  it('close: SIGTERM to every host, SIGKILL to one that does not stop in time; the socket directory goes', async () => {
    const { sup, exits } = supervisor({ shutdownTimeoutMs: 400 });
    const other: ModelEntry = { ...model, id: 'sup-demo-2' };
    const a = await sup.ensure(model, soon());
    const b = await sup.ensure(other, soon());
    expect(a.pid).not.toBe(b.pid);
    process.kill(b.pid!, 'SIGSTOP'); // b cannot act on SIGTERM
    const t0 = performance.now();
    await sup.close();
    const ms = performance.now() - t0;
    expect(a.hasExited() && b.hasExited()).toBe(true);
    expect(alive(a.pid!) || alive(b.pid!)).toBe(false);
    expect(ms).toBeGreaterThanOrEqual(350);
    expect(ms).toBeLessThan(3_000);
    expect(existsSync(dirname(a.socketPath))).toBe(false);
    expect(exits).toEqual([]);
    expect(lines.some((l) => l.msg === 'engine host did not stop in time; killing it' && l.engine_host === other.id)).toBe(true);
    await expect(sup.ensure(model, soon())).rejects.toMatchObject({ status: 503, code: 'engine_host_unavailable' });
  });

  it('a host whose model goes unused exits by itself (not counted as an exit); the next use starts it again', async () => {
    const { sup, exits, starts } = supervisor({ hostConfig: hostConfig(400) });
    try {
      const ep = await sup.ensure(model, soon());
      expect(await health(ep)).toEqual({ status: 'ok' });
      const t0 = performance.now();
      await ep.exited;
      expect(performance.now() - t0).toBeGreaterThanOrEqual(300);
      expect(exits).toEqual([]);
      expect(sup.status(model.id)).toEqual({ state: 'unloaded' });
      expect(lines.some((l) => l.msg === 'engine host idle: it stops until its model is used again' && l.pid === ep.pid)).toBe(true);
      const next = await sup.ensure(model, soon());
      expect(next.generation).toBe(2);
      expect(await health(next)).toEqual({ status: 'ok' });
      expect(starts).toEqual([model.id, model.id]);
    } finally {
      await sup.close();
    }
  });

  it('a host that never says ready is killed at the start timeout (reason start_timeout)', async () => {
    const silent = join(dir, 'silent-host.mjs');
    writeFileSync(silent, 'setInterval(() => {}, 1000);\n');
    const { sup, exits } = supervisor({ entry: silent, startTimeoutMs: 300, maxConsecutiveExits: 1 });
    try {
      const err = await sup.ensure(model, soon()).catch((e: unknown) => e);
      expect(err).toMatchObject({ status: 503, code: 'engine_host_failed' });
      expect(exits).toEqual([`${model.id}:start_timeout`]);
      const status = sup.status(model.id);
      expect(status.state === 'failed' && status.reason).toMatch(/did not become ready in time/);
    } finally {
      await sup.close();
    }
  });
});
