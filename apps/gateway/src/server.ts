/** Starts the gateway and shuts it down gracefully on SIGTERM/SIGINT. */
import { STATUS_CODES, createServer, type Server } from 'node:http';
import { GatewayResponse, errorBody } from '@cordon/server-kit';
import type { Socket } from 'node:net';
import { loadConfig, type Config } from './config.js';
import { createLogger, type Log } from './log.js';
import { createGateway, type Gateway } from './app.js';
import { exitOnCrash } from './crash.js';
import { startDraining } from './http/readiness.js';
import { fitGcToCpus, yieldHelperThreads } from './http/one-cpu.js';
import { cpusAvailable } from './cpus.js';
import { reduceMemoryWhenIdle } from './http/memory-reducer.js';
import { trafficOf } from './http/traffic.js';

export interface RunningServer {
  server: Server;
  gateway: Gateway;
  url: string;
  /** Stop accepting, let in-flight requests finish up to the deadline, close engines and the store. */
  shutdown(reason?: string): Promise<void>;
}

/**
 * What Node would otherwise answer on its own, before the gateway sees a request:
 * - `Expect: 100-continue`: the client holds the body back until it hears "100 Continue". That is
 *   sent only when something starts reading the body, so a request refused first (unknown path, no
 *   key) never has its body sent at all.
 * - A head Node's parser refuses (bad or doubled Content-Length, a head over 16 KB, ...): an
 *   OpenAI-shaped error instead of Node's empty 400, then the connection is closed.
 */
export function answerBeforeTheBody(server: Server): void {
  server.on('checkContinue', (req, res) => {
    req.once('resume', () => {
      if (!res.headersSent) res.writeContinue();
    });
    server.emit('request', req, res);
  });
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const body = JSON.stringify(errorBody(status, status === 408 ? 'The request was not received in time.' : 'The request could not be read: it is not valid HTTP/1.1.', 'invalid_http'));
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  });
}

/**
 * The drain: the function returned stops accepting, closes idle keep-alive connections (and each
 * busy one when its last request ends: http/traffic.ts counts them), and resolves when all are
 * closed, or at the deadline after closing what is left.
 */
export function drainer(server: Server, log: Log): (timeoutMs: number) => Promise<void> {
  const traffic = trafficOf(server);
  let closing = false;
  traffic.onConnectionIdle((s) => {
    if (closing) s.destroy();
  });
  return async (timeoutMs) => {
    closing = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const [s, n] of traffic.connections) if (n === 0) s.destroy(); // idle keep-alive sockets
    const deadline = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
    if ((await Promise.race([closed, deadline])) === 'timeout') {
      log.warn({ open: traffic.connections.size }, 'shutdown deadline passed; closing remaining connections');
      server.closeAllConnections();
    }
  };
}

export async function startServer(config: Config = loadConfig(), log: Log = createLogger(config.logLevel)): Promise<RunningServer> {
  const gateway = await createGateway(config, log);
  const server = createServer({ ServerResponse: GatewayResponse }, gateway.handler);
  answerBeforeTheBody(server);
  server.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  const drain = drainer(server, log);
  let shutdownPromise: Promise<void> | undefined;
  log.info({ url, data_dir: config.dataDir }, 'cordon listening');
  const shutdown = (reason = 'shutdown') =>
    (shutdownPromise ??= (async () => {
      // /readyz answers 503 from here on; with a drain delay, new requests are still served for that
      // long so a load balancer can notice before connections are refused.
      startDraining(gateway.deps);
      if (config.operations.drainDelayMs > 0) {
        log.info({ reason, ms: config.operations.drainDelayMs }, 'draining: /readyz answers 503; still serving');
        await new Promise((resolve) => setTimeout(resolve, config.operations.drainDelayMs));
      }
      log.info({ reason }, 'shutting down: no new connections; finishing in-flight requests');
      await drain(config.shutdownTimeoutMs);
      await gateway.close();
      log.info('stopped');
      try {
        log.flush();
      } catch {
        // stdout is gone (its reader exited): nothing more can be written, and the stop goes on
      }
    })());
  return { server, gateway, url, shutdown };
}

/** `cordon serve`: start; exit 0 after a graceful shutdown on SIGTERM or SIGINT, 70 after a crash. */
export async function serve(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  let running: RunningServer;
  try {
    running = await startServer(config, log);
  } catch (err) {
    log.error({ err: { message: (err as Error).message } }, 'failed to start');
    process.exit(1);
  }
  // An uncaught error: log it, write the buffered usage and violations, exit non-zero (see crash.ts).
  exitOnCrash({ log, flush: () => running.gateway.deps.platform.close() });
  // After a burst of traffic, once idle, V8's garbage goes back to the OS (see memory-reducer.ts).
  if (config.idleCollection) reduceMemoryWhenIdle(running.server, { log, afterStart: true });
  // With one CPU, V8's collector runs on the main thread as far as it can, and the helper threads
  // yield to the request thread (see one-cpu.ts).
  const cpus = cpusAvailable();
  fitGcToCpus(log, cpus);
  yieldHelperThreads(log, cpus);
  const onSignal = (signal: string) => {
    // Whatever the shutdown waits on (a stuck close, a log whose reader is gone), the process ends:
    // 10 s after the drain delay and the in-flight deadline, with exit code 1.
    const bound = config.operations.drainDelayMs + config.shutdownTimeoutMs + 10_000;
    setTimeout(() => {
      process.stderr.write(`cordon: shutdown did not finish within ${bound} ms; exiting\n`);
      process.exit(1);
    }, bound).unref();
    running.shutdown(signal).then(
      () => process.exit(0),
      (err) => {
        try {
          log.error({ err: { message: err instanceof Error ? err.message : String(err) } }, 'error during shutdown');
        } finally {
          process.exit(1);
        }
      },
    );
  };
  // Permanent listeners (`on`, not `once`): signal-exit (a dependency of node-llama-cpp, loaded on
  // first use of a local model) re-raises a signal when it finds no other listener, which would
  // kill the process in the middle of draining. A second signal while draining changes nothing.
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
}
