/**
 * The gateway: HTTP → request id → auth (key → domain) → body parse → contract validation →
 * handler → platform / engine. Built from the generated server kit. An engine host (engine-host/)
 * is built here too (buildHandler with its own ServedApi): the same lanes and inference handlers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Express, type RequestHandler } from 'express';
import { bindHandlers, createApiRouter, createFastLane, errorHandler, notFoundHandler, operationDefs, routeOf, type SealedRoutes } from '@cordon/server-kit';
import { openapiSpec } from '@cordon/contract';
import type { Config } from './config.js';
import { requestLogger, type Log } from './log.js';
import { RequestContext } from './http/request-context.js';
import { Metrics } from './http/metrics.js';
import { readinessHandler } from './http/readiness.js';
import { authenticator, type AuthDeps } from './http/auth.js';
import { docsRouter } from './http/docs.js';
import { EngineSet } from './engines/engine-set.js';
import { createPlatform, type Platform } from './platform/index.js';
import type { GatewayDeps, GatewayHandlers, HandlerDeps } from './handlers/deps.js';
import { modelHandlers } from './handlers/openai/models.js';
import { chatHandlers } from './handlers/openai/chat.js';
import { completionHandlers } from './handlers/openai/completions.js';
import { embeddingHandlers } from './handlers/openai/embeddings.js';
import { adminHandlers } from './handlers/admin/index.js';
import { responsesHandlers } from './handlers/openai/responses.js';
import { audioHandlers } from './handlers/openai/audio.js';
import { attestationHandlers, sealedRoutes } from './handlers/openai/sealed.js';
import { createEngines } from './engines/index.js';
import { ensureDemoModel } from './platform/bootstrap-demo.js';
import { PolicyEnforcer } from './policy/enforcer.js';
import { MemoryRateLimiter, type RateLimiter } from './limits/index.js';

export interface Gateway {
  app: Express;
  /** The server's request listener: the fast lane for JSON inference calls and the polled reads, else the Express app. */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  deps: GatewayDeps;
  /** Resolves when the gateway may take traffic (store open, migrations run). */
  ready: boolean;
  close(): Promise<void>;
}

/** The inference handlers, which run on the gateway and on an engine host alike. */
export function inferenceHandlers(deps: HandlerDeps): GatewayHandlers {
  return {
    ...modelHandlers(deps),
    ...chatHandlers(deps),
    ...completionHandlers(deps),
    ...embeddingHandlers(deps),
    ...audioHandlers(deps),
  };
}

export function allHandlers(deps: GatewayDeps): GatewayHandlers {
  return {
    ...inferenceHandlers(deps),
    ...responsesHandlers(deps),
    ...attestationHandlers(deps),
    ...adminHandlers(deps),
  };
}

/**
 * What differs between the servers built here (the gateway; an engine host, see engine-host/):
 * who a caller is, the routes served ahead of the API, and whether the fast lane serves.
 */
export interface ServedApi {
  deps: HandlerDeps;
  handlers: GatewayHandlers;
  /** A bearer token to its key and domain. */
  callers: AuthDeps;
  /** Express routes ahead of the API router (health, readiness, metrics, docs). */
  routes?(app: Express): void;
  /** Serve JSON inference calls and the polled reads from the node:http fast lane (else everything through Express). */
  fastLane: boolean;
  /** Sealed (end-to-end encrypted) requests, which the fast lane forwards unopened (the gateway only). */
  sealed?: SealedRoutes<RequestContext>;
}

interface RequestFrame {
  /** The request's context (clock, request id), and one `finish` listener for the metrics and the request log line. */
  first(req: IncomingMessage, res: ServerResponse): RequestContext;
  /** Bearer key to domain, into the request's context. */
  auth(req: IncomingMessage): Promise<void>;
}

const frames = new WeakMap<ServedApi, RequestFrame>();
const requestIdOf = (req: IncomingMessage) => RequestContext.of(req).requestId;

/** What every request gets, on either lane (Express or node:http): built once per server. */
function requestFrame(api: ServedApi): RequestFrame {
  let frame = frames.get(api);
  if (frame) return frame;
  const { deps } = api;
  const requestLog = requestLogger(deps.log);
  const authenticate = authenticator(api.callers);
  frame = {
    first: (req, res) => {
      const ctx = RequestContext.for(req, res);
      res.once('finish', () => {
        const ms = ctx.elapsedMs();
        const route = routeOf(req);
        const operation = route?.op.operationId;
        deps.metrics.observe(operation ?? 'unmatched', req.method ?? '', res.statusCode, ctx.model ?? '', ms / 1000);
        const auth = ctx.authenticated;
        requestLog({ request_id: ctx.requestId, method: req.method, route: operation, status: res.statusCode, ms, domain: auth?.domainId, key_id: auth?.key.id, model: ctx.model ?? undefined, lane: route?.lane });
      });
      return ctx;
    },
    auth: (req) => authenticate(req, RequestContext.of(req)),
  };
  frames.set(api, frame);
  return frame;
}

/** The gateway's callers, routes and lanes. */
export function gatewayApi(deps: GatewayDeps, handlers: GatewayHandlers = allHandlers(deps)): ServedApi {
  return {
    deps,
    handlers,
    callers: {
      authenticate: (secret) => deps.platform.keys.authenticate(secret),
      getDomain: (id) => deps.platform.domains.get(id),
    },
    routes(app) {
      app.get('/healthz', (_req, res) => {
        res.json({ status: 'ok' });
      });
      app.get('/readyz', readinessHandler(deps));
      app.get(
        '/metrics',
        deps.metrics.handler({
          tokenHash: deps.config.operations.metricsTokenHash,
          roleOf: async (secret) => {
            const r = await deps.platform.keys.authenticate(secret);
            return r.ok ? r.key.role : null;
          },
        }),
      );
      app.use(docsRouter());
    },
    fastLane: deps.config.fastLane,
    sealed: sealedRoutes(deps),
  };
}

export function buildApp(api: ServedApi): Express {
  const { deps } = api;
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.set('query parser', 'extended');
  // Paths match as the server kit's path gate matches them: exact case, no trailing slash.
  app.set('case sensitive routing', true);
  app.set('strict routing', true);
  const { first, auth } = requestFrame(api);
  app.use((req, res, next) => {
    first(req, res);
    next();
  });
  api.routes?.(app);
  const authenticate: RequestHandler = (req, _res, next) => {
    auth(req).then(() => next(), next);
  };
  app.use(
    createApiRouter(api.handlers, {
      spec: openapiSpec,
      context: RequestContext.of,
      requestIdOf,
      // Every operation needs a key; the router's path gate has already refused any other path.
      before: [authenticate],
      jsonLimit: deps.config.bodyLimit,
      fileLimit: deps.config.fileLimit,
      multipart: deps.config.multipart,
      validateResponses: deps.config.validateResponses,
      log: deps.log,
    }),
  );
  app.use(notFoundHandler());
  app.use(errorHandler(deps.log, requestIdOf));
  return app;
}

/**
 * The operations served by the fast lane: the JSON POSTs on the inference path, and the reads
 * clients poll (without a query string: one goes to Express). Express keeps the rest (admin API,
 * multipart audio, docs, health): see server-kit's fast.ts for why the polled reads left it.
 */
export const FAST_LANE_OPERATIONS = ['createChatCompletion', 'createCompletion', 'createEmbedding', 'createResponse', 'listModels', 'retrieveModel', 'getResponse'] as const;

/**
 * The server's request listener: JSON inference calls and the polled reads go through the fast lane
 * (node:http, the same auth, contract validation and handlers, without Express); everything else to
 * the Express app.
 */
export function buildHandler(api: ServedApi, app: Express = buildApp(api)): (req: IncomingMessage, res: ServerResponse) => void {
  if (!api.fastLane) return app;
  const { deps } = api;
  const { first, auth } = requestFrame(api);
  const bound = bindHandlers(api.handlers);
  const routes = FAST_LANE_OPERATIONS.flatMap((id) => {
    const handler = bound[id];
    return handler ? [{ op: operationDefs[id], handler }] : [];
  });
  const lane = createFastLane({
    spec: openapiSpec,
    routes,
    context: RequestContext.of,
    requestIdOf,
    before: (req, res, done) => {
      first(req, res);
      auth(req).then(() => done(), done);
    },
    jsonLimit: deps.config.bodyLimit,
    validateResponses: deps.config.validateResponses,
    log: deps.log,
    sealed: api.sealed,
  });
  return (req, res) => {
    if (!lane(req, res)) app(req, res);
  };
}

export async function createGateway(config: Config, log: Log): Promise<Gateway> {
  const platform: Platform = await createPlatform({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, adminKey: config.adminKey, retention: config.retention, log });
  const metrics = new Metrics();
  const engines: EngineSet = createEngines(config, log, metrics);
  platform.registry.onChange((id) => engines.forget(id));
  if (config.demoModel) await ensureDemoModel(config, platform, log);
  // ioredis (and the TLS stack it loads) only when Redis is configured: about 25 MB of RSS otherwise.
  if (platform.store.kind === 'postgres' && !config.redisUrl) {
    // The store is shared, the limit counters are not: N instances let through N times each limit.
    log.warn(
      { store: 'postgres', redis: false },
      'rate limits are per instance: several gateway instances sharing this PostgreSQL database each count requests, tokens and concurrency on their own, so each limit is multiplied by the number of instances; set CORDON_REDIS_URL to share them',
    );
  }
  const limiter: RateLimiter = config.redisUrl ? new (await import('./limits/redis.js')).RedisRateLimiter(config.redisUrl, log) : new MemoryRateLimiter();
  const enforcer = new PolicyEnforcer({
    policies: platform.policies,
    limiter,
    metrics,
    log,
    // Buffered and written off the request path; rule, domain, key and time only, never content.
    violations: (v) => platform.violations.record(v),
  });
  const deps: GatewayDeps = { config, log, metrics, platform, engines, enforcer };
  const api = gatewayApi(deps);
  const app = buildApp(api);
  return {
    app,
    handler: buildHandler(api, app),
    deps,
    ready: true,
    async close() {
      await limiter.close();
      await engines.close();
      await platform.close();
    },
  };
}
