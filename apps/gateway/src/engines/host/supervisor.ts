/**
 * The engine hosts the gateway runs: one child process per llama-cpp or whisper model (a crash costs
 * that model's requests only, is attributed to it exactly, and llama batches within one model's
 * context anyway), started on the model's first use.
 *
 *  - Each start of a host listens on a Unix socket of its own (a new one per start, so that a host
 *    still draining never removes its successor's) in the supervisor's 0700 directory (short:
 *    sun_path is 108 bytes) and takes requests with a random token made for that start; it says `{type:'ready'}`
 *    over IPC once it listens. It exits by itself when the IPC channel closes (the gateway died,
 *    even by SIGKILL): no orphans.
 *  - `ensure(model, deadline)` answers the ready host, starting it or waiting for a restart within
 *    the caller's deadline (past it: 503 `engine_host_unavailable`).
 *  - An exit nobody asked for is logged (model, code, signal), counted in /metrics
 *    (`cordon_engine_host_exits_total{model,reason}`) and followed by a restart with backoff
 *    (`restartBaseMs` doubling to `restartMaxMs`). `maxConsecutiveExits` exits in a row, without a
 *    healthy `healthyMs` or a served request between them, mark the model failed with the reason
 *    (status() says it) until its registry entry changes (`forget`).
 *  - The host's stdout (pino JSON lines) and stderr go into the gateway's log with `engine_host: <model>`.
 *  - A host whose model went unused for `CORDON_LLAMA_IDLE_UNLOAD_MS` says `{type:'idle'}` and exits
 *    (an idle model holds no process); the next request starts it again. Not counted as an exit.
 *  - close(): SIGTERM to every host (each drains its requests), SIGKILL after `shutdownTimeoutMs`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { CRASH_EXIT_CODE } from '../../crash.js';
import type { Log } from '../../log.js';
import { EngineError, type ModelEntry, type ModelState } from '../types.js';

/** What a host is told about its model (the registry entry minus the gateway's own fields). */
export type HostModelEntry = Pick<ModelEntry, 'id' | 'engine' | 'settings' | 'capabilities' | 'owned_by' | 'created'>;

/** One start of one model's host: where it listens and with which token. */
export interface EngineHostEndpoint {
  readonly modelId: string;
  /** Counts the starts of this model's host (1 for the first). */
  readonly generation: number;
  readonly socketPath: string;
  readonly token: string;
  readonly pid: number | undefined;
  /** Resolves once this process has exited, for whatever reason. */
  readonly exited: Promise<void>;
  hasExited(): boolean;
  /** A call to this host starts; the function returned ends it (once). */
  call(): () => void;
  /**
   * The host crashed by itself (a fatal signal of its own, or the crash handler's exit code; not a
   * SIGKILL or SIGTERM from outside) while it was serving one call only: that call most likely made
   * it crash, and made again it would crash the restarted host too.
   */
  crashedServingOneCall(): boolean;
}

/** Signals a process gets from its own fault (native code: llama.cpp's asserts abort). */
const FAULT_SIGNALS: ReadonlySet<string> = new Set(['SIGSEGV', 'SIGABRT', 'SIGBUS', 'SIGFPE', 'SIGILL', 'SIGTRAP', 'SIGSYS']);

export interface SupervisorCounters {
  engineHostExits: { labels(model: string, reason: string): { inc(): void } };
  engineHostStarts: { labels(model: string): { inc(): void } };
}

export interface SupervisorOptions {
  log: Log;
  /** JSON-able config of the host (engine-host/config.ts `HostConfig`), sent as CORDON_ENGINE_HOST_CONFIG. */
  hostConfig: object;
  /** The host's entry script (default: dist/engine-host/main.js; see hostEntry()). */
  entry?: string;
  metrics?: SupervisorCounters;
  startTimeoutMs: number;
  restartBaseMs: number;
  restartMaxMs: number;
  maxConsecutiveExits: number;
  healthyMs: number;
  /** How long close() and forget() wait after SIGTERM before SIGKILL. */
  shutdownTimeoutMs: number;
  /** The environment hosts inherit (default process.env; the gateway's CORDON_* settings are left out). */
  env?: NodeJS.ProcessEnv;
  /** A model's socket will not be used again (forget, close): its connection pools may go. */
  onRetired?: (socketPath: string) => void;
}

/**
 * dist/engine-host/main.js next to the running module. Under vitest the gateway runs from src/
 * (this file is src/engines/host/supervisor.ts), where there is only main.ts: then the built
 * apps/gateway/dist/engine-host/main.js is used (rebuild with `npx tsc -p apps/gateway/tsconfig.json`).
 */
export function hostEntry(): string {
  const beside = fileURLToPath(new URL('../../engine-host/main.js', import.meta.url));
  if (existsSync(beside)) return beside;
  const at = beside.lastIndexOf(`${sep}src${sep}`);
  return at === -1 ? beside : `${beside.slice(0, at)}${sep}dist${sep}${beside.slice(at + 5)}`;
}

const unavailable = (modelId: string, why: string) =>
  new EngineError(503, `The engine host of model '${modelId}' is not available (${why}). Try again shortly.`, 'engine_host_unavailable', null, 1);

const cancelled = (): Error => {
  const e = new Error('The request was cancelled.');
  e.name = 'AbortError';
  return e;
};

/** The environment of a host: the gateway's own, without its CORDON_* settings (the host gets its config as JSON). */
function hostEnv(base: NodeJS.ProcessEnv, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(base)) if (!k.startsWith('CORDON_')) env[k] = v;
  return { ...env, ...extra };
}

const PINO_LEVELS: Record<number, 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal'> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
const MAX_LINE = 16 * 1024;

interface Waiter {
  resolve(ep: EngineHostEndpoint): void;
  reject(err: Error): void;
}

type Phase = 'idle' | 'starting' | 'ready' | 'backoff' | 'failed';

class Endpoint implements EngineHostEndpoint {
  private done = false;
  private calls = 0;
  private callsAtExit = 0;
  private crashedByItself = false;
  readonly exited: Promise<void>;
  private markExited!: () => void;
  constructor(
    readonly modelId: string,
    readonly generation: number,
    readonly socketPath: string,
    readonly token: string,
    readonly proc: ChildProcess,
  ) {
    this.exited = new Promise<void>((r) => (this.markExited = r));
  }
  get pid(): number | undefined {
    return this.proc.pid;
  }
  hasExited(): boolean {
    return this.done;
  }
  call(): () => void {
    this.calls++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.calls--;
    };
  }
  crashedServingOneCall(): boolean {
    return this.done && this.crashedByItself && this.callsAtExit === 1;
  }
  /** The process ended: with `code` or by `signal`; `askedFor` when the supervisor stopped it. */
  exit(code: number | null, signal: NodeJS.Signals | null, askedFor: boolean): void {
    this.done = true;
    this.callsAtExit = this.calls;
    this.crashedByItself = !askedFor && (signal !== null ? FAULT_SIGNALS.has(signal) : code === CRASH_EXIT_CODE);
    this.markExited();
  }
}

/** One model's host: its current process, its failures, the requests waiting for it. */
class HostSlot {
  phase: Phase = 'idle';
  generation = 0;
  current: Endpoint | null = null;
  /** The process starting or running (current once ready). */
  live: Endpoint | null = null;
  consecutiveExits = 0;
  failure: string | null = null;
  /** What the host last said about its model (`{type:'state'}` messages). */
  reported: ModelState | null = null;
  readonly waiters = new Set<Waiter>();
  restartTimer: NodeJS.Timeout | null = null;
  healthyTimer: NodeJS.Timeout | null = null;
  startTimer: NodeJS.Timeout | null = null;
  /** Why the live process is being ended by us (start timeout), for its exit's reason. */
  killReason: string | null = null;
  /** Exits of these processes were asked for (forget, close). */
  readonly retiring = new Set<Endpoint>();

  constructor(readonly model: HostModelEntry) {}

  clearTimers(): void {
    for (const t of [this.restartTimer, this.healthyTimer, this.startTimer]) if (t) clearTimeout(t);
    this.restartTimer = this.healthyTimer = this.startTimer = null;
  }
}

export class EngineHostSupervisor {
  private readonly slots = new Map<string, HostSlot>();
  private dir: string | null = null;
  private nextSocket = 1;
  private closed = false;
  private closing: Promise<void> | null = null;
  private readonly entry: string;

  constructor(private readonly opts: SupervisorOptions) {
    this.entry = opts.entry ?? hostEntry();
  }

  /** The model's ready host: started if need be, waited for (a start, a restart) until `deadline`. */
  ensure(model: ModelEntry, deadline: number, signal?: AbortSignal): Promise<EngineHostEndpoint> {
    if (this.closed) return Promise.reject(unavailable(model.id, 'the gateway is shutting down'));
    let slot = this.slots.get(model.id);
    if (!slot) {
      slot = new HostSlot(hostModelOf(model));
      this.slots.set(model.id, slot);
    }
    if (slot.phase === 'ready' && slot.current) return Promise.resolve(slot.current);
    if (slot.phase === 'failed') return Promise.reject(this.failedError(model.id));
    if (slot.phase === 'idle') this.start(slot);
    return this.wait(slot, deadline, signal);
  }

  /** The ready host of a model, if there is one now. */
  current(modelId: string): EngineHostEndpoint | null {
    const slot = this.slots.get(modelId);
    return slot?.phase === 'ready' ? slot.current : null;
  }

  /** A request was served by this start of the host: its earlier exits no longer count towards `failed`. */
  served(ep: EngineHostEndpoint): void {
    const slot = this.slots.get(ep.modelId);
    if (slot && slot.current === ep) slot.consecutiveExits = 0;
  }

  status(modelId: string): ModelState {
    const slot = this.slots.get(modelId);
    if (!slot) return { state: 'unloaded' };
    switch (slot.phase) {
      case 'failed':
        return { state: 'failed', reason: slot.failure ?? 'its engine host failed' };
      case 'ready':
        return slot.reported ?? { state: 'ready' };
      case 'idle':
        return { state: 'unloaded' };
      default:
        return { state: 'loading' };
    }
  }

  /** The model's registry entry changed or went: its host stops, its failures are forgotten. */
  forget(modelId: string): void {
    const slot = this.slots.get(modelId);
    if (!slot) return;
    this.slots.delete(modelId);
    slot.clearTimers();
    this.rejectWaiters(slot, unavailable(modelId, 'the model was changed'));
    const ep = slot.live;
    slot.live = slot.current = null;
    slot.phase = 'idle';
    if (ep) void this.stop(slot, ep, this.opts.shutdownTimeoutMs);
  }

  /** SIGTERM to every host, SIGKILL to those still running after shutdownTimeoutMs; the socket directory goes. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.closed = true;
      const slots = [...this.slots.values()];
      this.slots.clear();
      await Promise.all(
        slots.map(async (slot) => {
          slot.clearTimers();
          this.rejectWaiters(slot, unavailable(slot.model.id, 'the gateway is shutting down'));
          const ep = slot.live;
          slot.live = slot.current = null;
          slot.phase = 'idle';
          if (ep) await this.stop(slot, ep, this.opts.shutdownTimeoutMs);
        }),
      );
      if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    })();
    return this.closing;
  }

  /** Process ids of the running hosts by model (tests, diagnostics). */
  pids(): Map<string, number> {
    const out = new Map<string, number>();
    for (const [id, slot] of this.slots) if (slot.live?.pid !== undefined && !slot.live.hasExited()) out.set(id, slot.live.pid);
    return out;
  }

  private socketPath(): string {
    this.dir ??= mkdtempSync(join(tmpdir(), 'cordon-eh-')); // mode 0700
    return join(this.dir, `h${this.nextSocket++}.sock`);
  }

  private failedError(modelId: string): EngineError {
    return new EngineError(503, `The model '${modelId}' is unavailable: its engine host failed. An administrator must check the model.`, 'engine_host_failed', 'model');
  }

  private wait(slot: HostSlot, deadline: number, signal?: AbortSignal): Promise<EngineHostEndpoint> {
    return new Promise<EngineHostEndpoint>((resolve, reject) => {
      if (signal?.aborted) return reject(cancelled());
      const ms = Number.isFinite(deadline) && deadline > 0 ? Math.max(0, deadline - Date.now()) : this.opts.startTimeoutMs + this.opts.restartMaxMs;
      const settle = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        slot.waiters.delete(w);
      };
      const w: Waiter = {
        resolve: (ep) => {
          settle();
          resolve(ep);
        },
        reject: (err) => {
          settle();
          reject(err);
        },
      };
      const timer = setTimeout(() => w.reject(unavailable(slot.model.id, slot.phase === 'backoff' ? 'it is restarting' : 'it is starting')), Math.min(ms, 2 ** 31 - 1));
      timer.unref();
      const onAbort = () => w.reject(cancelled());
      signal?.addEventListener('abort', onAbort, { once: true });
      slot.waiters.add(w);
    });
  }

  private rejectWaiters(slot: HostSlot, err: Error): void {
    for (const w of [...slot.waiters]) w.reject(err);
  }

  private start(slot: HostSlot): void {
    const { log } = this.opts;
    slot.phase = 'starting';
    slot.generation++;
    slot.reported = null;
    slot.killReason = null;
    const socketPath = this.socketPath();
    const token = randomBytes(32).toString('base64url');
    const env = hostEnv(this.opts.env ?? process.env, {
      CORDON_ENGINE_HOST_TOKEN: token,
      CORDON_ENGINE_HOST_MODELS: JSON.stringify([slot.model]),
      CORDON_ENGINE_HOST_CONFIG: JSON.stringify(this.opts.hostConfig),
    });
    const proc = spawn(process.execPath, [this.entry, '--socket', socketPath], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env });
    const ep = new Endpoint(slot.model.id, slot.generation, socketPath, token, proc);
    slot.live = ep;
    this.opts.metrics?.engineHostStarts.labels(slot.model.id).inc();
    // The gateway's own lifetime decides: these handles do not keep it running.
    proc.unref();
    proc.channel?.unref();
    const hostLog = log.child({ engine_host: slot.model.id });
    this.forwardLines(proc, hostLog);
    proc.on('message', (m: unknown) => this.onMessage(slot, ep, m));
    let ended = false;
    const onEnd = (code: number | null, signal: NodeJS.Signals | null, spawnError?: Error) => {
      if (ended) return;
      ended = true;
      ep.exit(code, signal, slot.retiring.has(ep) || slot.killReason !== null);
      // This start's socket will not be used again: its file and its connection pool go.
      rmSync(socketPath, { force: true });
      this.opts.onRetired?.(socketPath);
      this.onExit(slot, ep, code, signal, spawnError);
    };
    proc.on('error', (err) => {
      // Spawning failed (no exit follows), or a signal could not be sent (the exit follows).
      if (proc.pid === undefined || proc.exitCode !== null) onEnd(proc.exitCode, null, err);
    });
    proc.on('exit', (code, signal) => onEnd(code, signal));
    slot.startTimer = setTimeout(() => {
      slot.startTimer = null;
      if (slot.live !== ep || slot.phase !== 'starting') return;
      slot.killReason = 'start_timeout';
      hostLog.error({ timeout_ms: this.opts.startTimeoutMs }, 'engine host did not become ready in time');
      proc.kill('SIGKILL');
    }, this.opts.startTimeoutMs);
    slot.startTimer.unref();
  }

  /** The host's stdout (pino JSON lines) and stderr, line by line, into the gateway's log. */
  private forwardLines(proc: ChildProcess, hostLog: Log): void {
    const forward = (stream: NodeJS.ReadableStream | null, fallback: 'info' | 'warn') => {
      if (!stream) return;
      const lines = createInterface({ input: stream, crlfDelay: Infinity });
      lines.on('line', (raw) => {
        const line = raw.length > MAX_LINE ? raw.slice(0, MAX_LINE) : raw;
        if (!line.trim()) return;
        let parsed: unknown = null;
        if (line.startsWith('{')) {
          try {
            parsed = JSON.parse(line);
          } catch {
            parsed = null;
          }
        }
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
          const { level, time: _time, pid: host_pid, hostname: _hostname, service: _service, msg, ...fields } = Object.fromEntries(Object.entries(parsed));
          const method = (typeof level === 'number' && PINO_LEVELS[level]) || fallback;
          hostLog[method](host_pid === undefined ? fields : { ...fields, host_pid }, typeof msg === 'string' ? msg : undefined);
        } else {
          hostLog[fallback]({ line }, 'engine host output');
        }
      });
    };
    forward(proc.stdout, 'info');
    forward(proc.stderr, 'warn');
  }

  private onMessage(slot: HostSlot, ep: Endpoint, m: unknown): void {
    if (slot.live !== ep || !m || typeof m !== 'object' || !('type' in m)) return;
    if (m.type === 'ready' && slot.phase === 'starting') {
      if (slot.startTimer) clearTimeout(slot.startTimer);
      slot.startTimer = null;
      slot.phase = 'ready';
      slot.current = ep;
      slot.healthyTimer = setTimeout(() => {
        slot.healthyTimer = null;
        if (slot.current === ep) slot.consecutiveExits = 0;
      }, this.opts.healthyMs);
      slot.healthyTimer.unref();
      this.opts.log.info({ engine_host: slot.model.id, pid: ep.pid, generation: ep.generation }, 'engine host ready');
      for (const w of [...slot.waiters]) w.resolve(ep);
    } else if (m.type === 'idle' && slot.phase === 'ready' && slot.current === ep) {
      // Its model went unused: it exits (asked for, not counted); the next request starts it again.
      slot.retiring.add(ep);
      slot.clearTimers();
      slot.live = slot.current = null;
      slot.phase = 'idle';
      this.opts.log.info({ engine_host: slot.model.id, pid: ep.pid, generation: ep.generation }, 'engine host idle: it stops until its model is used again');
    } else if (m.type === 'state' && 'state' in m) {
      const state = modelStateOf(m.state);
      if (state) slot.reported = state;
    }
  }

  private onExit(slot: HostSlot, ep: Endpoint, code: number | null, signal: NodeJS.Signals | null, spawnError?: Error): void {
    if (slot.retiring.delete(ep)) return; // asked for (forget, close)
    if (slot.live !== ep || this.slots.get(slot.model.id) !== slot) return;
    const { log, metrics } = this.opts;
    slot.clearTimers();
    slot.live = slot.current = null;
    const reason = slot.killReason ?? (spawnError ? 'spawn_error' : signal ? signal : `code_${code ?? 'unknown'}`);
    metrics?.engineHostExits.labels(slot.model.id, reason).inc();
    slot.consecutiveExits++;
    const fields = { engine_host: slot.model.id, pid: ep.pid, generation: ep.generation, code, signal, reason, consecutive_exits: slot.consecutiveExits, ...(spawnError ? { error: spawnError.message } : {}) };
    if (slot.consecutiveExits >= this.opts.maxConsecutiveExits) {
      slot.phase = 'failed';
      slot.failure = `its engine host exited ${slot.consecutiveExits} times in a row (last: ${describeExit(code, signal, slot.killReason, spawnError)})`;
      log.error(fields, 'engine host exited; the model is marked failed');
      this.rejectWaiters(slot, this.failedError(slot.model.id));
      return;
    }
    const delay = Math.min(this.opts.restartMaxMs, this.opts.restartBaseMs * 2 ** (slot.consecutiveExits - 1));
    log.warn({ ...fields, restart_in_ms: delay }, 'engine host exited; restarting');
    slot.phase = 'backoff';
    slot.restartTimer = setTimeout(() => {
      slot.restartTimer = null;
      if (this.closed || this.slots.get(slot.model.id) !== slot || slot.phase !== 'backoff') return;
      this.start(slot);
    }, delay);
    slot.restartTimer.unref();
  }

  /** Ends one host: SIGTERM (it drains), SIGKILL after `graceMs`. Resolves once it exited. */
  private async stop(slot: HostSlot, ep: Endpoint, graceMs: number): Promise<void> {
    if (ep.hasExited()) return;
    slot.retiring.add(ep);
    // Held while it stops: the gateway's last handles may be closed by now, and it must see the exit.
    ep.proc.ref();
    ep.proc.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((r) => {
      timer = setTimeout(() => r(false), graceMs);
    });
    const exited = await Promise.race([ep.exited.then(() => true), late]);
    clearTimeout(timer);
    if (exited) return;
    this.opts.log.warn({ engine_host: slot.model.id, pid: ep.pid, grace_ms: graceMs }, 'engine host did not stop in time; killing it');
    ep.proc.kill('SIGKILL');
    await ep.exited;
  }

}

function describeExit(code: number | null, signal: NodeJS.Signals | null, killReason: string | null, spawnError?: Error): string {
  if (killReason === 'start_timeout') return 'it did not become ready in time';
  if (spawnError) return `it could not be started: ${spawnError.message}`;
  if (signal) return `killed by ${signal}`;
  return `exit code ${code ?? 'unknown'}`;
}

/** What the host is told about its model: the registry entry without the gateway's own fields (domains). */
export function hostModelOf(m: ModelEntry): HostModelEntry {
  return { id: m.id, engine: m.engine, settings: m.settings, capabilities: m.capabilities, owned_by: m.owned_by, created: m.created };
}

/** A ModelState as a host sent it over IPC, checked. */
function modelStateOf(v: unknown): ModelState | null {
  if (!v || typeof v !== 'object' || !('state' in v)) return null;
  switch (v.state) {
    case 'unloaded':
    case 'loading':
    case 'ready':
      return { state: v.state };
    case 'failed':
      return { state: 'failed', reason: 'reason' in v && typeof v.reason === 'string' ? v.reason.slice(0, 500) : 'the model failed to load' };
    default:
      return null;
  }
}
