/**
 * `cordon engine-host` (and `node dist/engine-host/main.js`, as the gateway's supervisor starts it):
 * serves the OpenAI API for embedded models (llama-cpp, whisper) on a Unix socket or a TCP port.
 *   --socket PATH | --port N [--host 127.0.0.1]     where to listen
 *   --models FILE                                   the models (JSON array), else $CORDON_ENGINE_HOST_MODELS
 *   $CORDON_ENGINE_HOST_TOKEN                       the bearer token callers must send (required)
 *   $CORDON_ENGINE_HOST_CONFIG                      the config subset as JSON (config.ts), else CORDON_*
 * Logs are pino JSON lines on stdout. When started with an IPC channel it tells its parent
 * `{type:'ready'}` once listening and `{type:'state', model, state}` when a model's state changes,
 * and exits at once when the channel closes (its gateway is gone, even by SIGKILL: no orphans).
 * SIGTERM or SIGINT: drain, close the engines, exit 0; an uncaught error: exit 70 (crash.ts).
 */
import { realpathSync, rmSync, rmdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ModelState } from '../engines/types.js';
import { createLogger, type Log } from '../log.js';
import { exitOnCrash } from '../crash.js';
import { fitGcToCpus } from '../http/one-cpu.js';
import { reduceMemoryWhenIdle } from '../http/memory-reducer.js';
import { loadHostConfig } from './config.js';
import { loadHostModels } from './catalog.js';
import { startEngineHost, type HostListen, type RunningEngineHost } from './host-server.js';

export const HOST_TOKEN_ENV = 'CORDON_ENGINE_HOST_TOKEN';

/** What a host tells its supervisor over IPC: it listens; a model's state changed; it is idle and exits. */
export type HostMessage = { type: 'ready' } | { type: 'idle' } | { type: 'state'; model: string; state: ModelState };

/**
 * Where the host listens: `--listen` (`unix:PATH` or a path with a slash, `HOST:PORT`, or `PORT`),
 * or its spelled-out forms `--socket PATH`, `--port N [--host H]`.
 */
function listenOf(values: { listen?: string; socket?: string; port?: string; host?: string }): HostListen {
  if (values.listen !== undefined) {
    if (values.socket !== undefined || values.port !== undefined || values.host !== undefined) throw new Error('pass --listen, or --socket/--port, not both');
    const l = values.listen;
    if (l.startsWith('unix:')) return listenOf({ socket: l.slice('unix:'.length) });
    if (l.includes('/')) return listenOf({ socket: l });
    const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d+)$/.exec(l);
    if (m) return listenOf({ host: m[1] ?? m[2], port: m[3] });
    if (/^\d+$/.test(l)) return listenOf({ port: l });
    throw new Error(`--listen takes unix:PATH, HOST:PORT or PORT, got '${l}'`);
  }
  if (values.socket !== undefined && values.port !== undefined) throw new Error('pass --socket or --port, not both');
  if (values.socket !== undefined) {
    if (values.socket === '') throw new Error('--socket needs a path');
    return { socket: values.socket };
  }
  if (values.port === undefined) throw new Error('pass --socket PATH or --port N');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got '${values.port}'`);
  return { port, host: values.host ?? '127.0.0.1' };
}

function tell(message: HostMessage): void {
  if (process.connected) process.send?.(message);
}

/** Exit now, after the log lines written so far (or 500 ms at most). */
function exitSoon(log: Log, code: number): void {
  setTimeout(() => process.exit(code), 500).unref();
  log.flush(() => process.exit(code));
}

/** Starts the host; resolves once it listens (it then runs until a signal or its parent's end). */
export async function engineHost(argv: string[]): Promise<RunningEngineHost> {
  const { values } = parseArgs({
    args: argv,
    options: { listen: { type: 'string' }, socket: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, models: { type: 'string' } },
  });
  const listen = listenOf(values);
  const token = process.env[HOST_TOKEN_ENV];
  if (!token) throw new Error(`${HOST_TOKEN_ENV} must be set: the bearer token callers of this host send`);
  // Not passed on to anything this process starts (ffmpeg).
  delete process.env[HOST_TOKEN_ENV];
  const config = loadHostConfig();
  const models = loadHostModels(values.models);
  const log = createLogger(config.logLevel);
  // The parent is gone (the IPC channel closed): a host never outlives its gateway.
  if (process.channel) {
    process.on('disconnect', () => {
      log.warn({}, 'engine host: the parent process is gone; exiting');
      if ('socket' in listen) {
        rmSync(listen.socket, { force: true });
        // The supervisor's socket directory, when this was its last host (it cannot clean up after a SIGKILL).
        try {
          rmdirSync(dirname(listen.socket));
        } catch {
          /* not empty, or not ours to remove */
        }
      }
      exitSoon(log, 0);
    });
  }
  let running: RunningEngineHost;
  try {
    running = await startEngineHost({ listen, token, models, config, log, onState: (model, state) => tell({ type: 'state', model, state }) });
  } catch (err) {
    log.error({ err: { message: err instanceof Error ? err.message : String(err) } }, 'engine host failed to start');
    exitSoon(log, 1);
    throw err;
  }
  // No buffered records to write: a crash just exits (the supervisor restarts the host).
  exitOnCrash({ log, flush: async () => {} });
  // As in `cordon serve`: V8's garbage goes back to the OS once the traffic is over.
  if (config.idleCollection) reduceMemoryWhenIdle(running.server, { log, afterStart: true });
  // With one CPU, V8's collector runs on the main thread as far as it can (see one-cpu.ts).
  fitGcToCpus(log);
  const onSignal = (signal: string) => {
    running.shutdown(signal).then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err: { message: err instanceof Error ? err.message : String(err) } }, 'error during engine host shutdown');
        process.exit(1);
      },
    );
  };
  // Permanent listeners, as `cordon serve` has (node-llama-cpp's signal-exit re-raises otherwise).
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
  tell({ type: 'ready' });
  // Supervised, a host whose model went unused as long as a model is kept loaded exits: an idle
  // model holds no process (the gateway starts it again on the next request).
  const idleMs = config.llama.idleUnloadMs;
  if (process.channel && idleMs > 0) {
    const check = setInterval(() => {
      if (running.idleMs() < idleMs) return;
      clearInterval(check);
      tell({ type: 'idle' });
      onSignal('idle');
    }, Math.min(30_000, Math.max(50, idleMs / 4)));
    check.unref();
  }
  return running;
}

function isEntry(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isEntry()) {
  engineHost(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`cordon engine-host: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
