/**
 * An engine host's server: one node:http listener on a Unix socket or a TCP port. `GET /healthz`
 * and the host's own endpoints (/host/v1/*, host-endpoints.ts) first; everything else is the
 * OpenAI API for the host's models, served by the gateway's own handlers and pipeline (app.ts:
 * the fast lane and the Express router) with the host's deps (host-deps.ts).
 */
import { chmodSync, lstatSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { bearerToken } from '../http/auth.js';
import { GatewayResponse, parseByteLimit, pathOf, writeJson } from '@cordon/server-kit';
import type { ModelEntry, ModelState } from '../engines/types.js';
import type { Log } from '../log.js';
import type { HandlerDeps } from '../handlers/deps.js';
import { buildHandler, inferenceHandlers, type ServedApi } from '../app.js';
import { answerBeforeTheBody, drainer } from '../server.js';
import { trafficOf } from '../http/traffic.js';
import type { HostConfig } from './config.js';
import { StaticCatalog } from './catalog.js';
import { createLocalEngines, type LocalEngines } from './local-engines.js';
import { HostAdmitter, RecentUsage, hostCallers, tokenChecker, uncounted } from './host-deps.js';
import { HOST_API_PREFIX, hostEndpoints } from './host-endpoints.js';
import { SEALED_HEADER, attestationHandlers, createConfidentialHost, sealedLane, sealedOperationOf } from './confidential.js';

export type HostListen = { socket: string } | { port: number; host: string };

export interface EngineHostOptions {
  listen: HostListen;
  /** The bearer token every request but /healthz must carry. */
  token: string;
  models: ModelEntry[];
  config: HostConfig;
  log: Log;
  /** A model's state changed (loading, ready, failed). */
  onState?(model: string, state: ModelState): void;
}

export interface RunningEngineHost {
  server: Server;
  /** The socket path, or http://host:port. */
  address: string;
  engines: LocalEngines;
  /** Stop accepting, let in-flight requests finish up to shutdownTimeoutMs, close the engines. */
  shutdown(reason?: string): Promise<void>;
  /** How long the host has had no request in flight (0 while one is), ms. */
  idleMs(): number;
}

/** Removes a socket file a previous host left behind; anything else at that path is an error. */
function removeStaleSocket(path: string): void {
  let isSocket: boolean;
  try {
    isSocket = lstatSync(path).isSocket();
  } catch {
    return; // nothing there
  }
  if (!isSocket) throw new Error(`${path} exists and is not a socket`);
  rmSync(path, { force: true });
}

async function listen(server: Server, where: HostListen): Promise<string> {
  const listening = new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  if ('socket' in where) {
    removeStaleSocket(where.socket);
    // Owner-only from the moment it exists (umask), and chmod for good measure.
    const umask = process.umask(0o177);
    try {
      server.listen(where.socket);
      await listening;
    } finally {
      process.umask(umask);
    }
    chmodSync(where.socket, 0o600);
    return where.socket;
  }
  server.listen(where.port, where.host);
  await listening;
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : where.port;
  return `http://${where.host.includes(':') ? `[${where.host}]` : where.host}:${port}`;
}

export async function startEngineHost(o: EngineHostOptions): Promise<RunningEngineHost> {
  const { config, log } = o;
  const engines = createLocalEngines(config, log);
  const catalog = new StaticCatalog(o.models);
  const isToken = tokenChecker(o.token);
  const usage = new RecentUsage();
  const admitter = new HostAdmitter();
  const deps: HandlerDeps = {
    config,
    log,
    metrics: uncounted,
    platform: { registry: catalog, usage },
    engines: engines.set,
    enforcer: admitter,
  };
  const confidential = await createConfidentialHost();
  const api: ServedApi = { deps, handlers: { ...inferenceHandlers(deps), ...attestationHandlers(confidential, catalog) }, callers: hostCallers(isToken), fastLane: true };
  const openai = buildHandler(api);

  // The states last told, so that only changes are sent.
  const told = new Map<string, string>();
  const tell = (model: ModelEntry, state: ModelState) => {
    const text = JSON.stringify(state);
    if (told.get(model.id) === text) return;
    told.set(model.id, text);
    o.onState?.(model.id, state);
  };
  const tellAll = () => {
    for (const m of catalog.models) tell(m, engines.set.for(m).status(m));
  };
  const hostApi = hostEndpoints({ catalog, engines, isToken, config, log, usage, onState: tell });
  const sealed = sealedLane(confidential, admitter, parseByteLimit(config.bodyLimit), log, openai);

  const server = createServer({ ServerResponse: GatewayResponse }, (req, res) => {
    const path = pathOf(req.url ?? '');
    if (path === '/healthz' && req.method === 'GET') return writeJson(res, 200, { status: 'ok' });
    res.once('finish', tellAll);
    if (path.startsWith(HOST_API_PREFIX)) return hostApi(req, res);
    // A sealed request (docs/confidential.md) from a caller that holds the token: opened, then served like a clear one;
    // without the token it goes on to the lanes, which answer 401.
    const sealedOp = req.headers[SEALED_HEADER] !== undefined && req.method === 'POST' ? sealedOperationOf(path) : undefined;
    const secret = sealedOp ? bearerToken(req.headers.authorization) : null;
    if (sealedOp && secret !== null && isToken(secret)) return sealed(req, res, sealedOp);
    openai(req, res);
  });
  const traffic = trafficOf(server);
  answerBeforeTheBody(server);
  const address = await listen(server, o.listen);
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const drain = drainer(server, log);
  tellAll();
  log.info({ address, models: o.models.map((m) => m.id) }, 'engine host listening');

  let stopping: Promise<void> | undefined;
  const shutdown = (reason = 'shutdown') =>
    (stopping ??= (async () => {
      log.info({ reason }, 'engine host shutting down: no new connections; finishing in-flight requests');
      await drain(config.shutdownTimeoutMs);
      await engines.set.close();
      if ('socket' in o.listen) rmSync(o.listen.socket, { force: true });
      log.info('engine host stopped');
      log.flush();
    })());
  return { server, address, engines, shutdown, idleMs: () => traffic.idleMs() };
}
