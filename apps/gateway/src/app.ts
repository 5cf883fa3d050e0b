/**
 * The gateway: HTTP → request id → auth (key → domain) → body parse → contract validation →
 * handler → platform / engine. Built from the generated server kit.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Express, type RequestHandler } from 'express';
import { bindHandlers, createApiRouter, createFastLane, errorHandler, notFoundHandler, operationDefs, routeOf } from '@cordon/server-kit';
import { openapiSpec } from '@cordon/contract';
import type { Config } from './config.js';
import { requestLogger, type Log } from './log.js';
import { RequestContext } from './http/request-context.js';
import { Metrics } from './http/metrics.js';
import { readinessHandler } from './http/readiness.js';
import { authenticator } from './http/auth.js';
import { docsRouter } from './http/docs.js';
import { EngineSet } from './engines/engine-set.js';
import { createPlatform, type Platform } from './platform/index.js';
import type { GatewayHandlers, HandlerDeps } from './handlers/deps.js';
import { modelHandlers } from './handlers/openai/models.js';
import { chatHandlers } from './handlers/openai/chat.js';
import { completionHandlers } from './handlers/openai/completions.js';
import { embeddingHandlers } from './handlers/openai/embeddings.js';
import { adminHandlers } from './handlers/admin/index.js';
import { responsesHandlers } from './handlers/openai/responses.js';
import { audioHandlers } from './handlers/openai/audio.js';
import { createEngines } from './engines/index.js';
import { ensureDemoModel } from './platform/bootstrap-demo.js';
import { PolicyEnforcer } from './policy/enforcer.js';
import { MemoryRateLimiter, type RateLimiter } from './limits/index.js';

export interface Gateway {
  app: Express;
  /** The server's request listener: the fast lane for JSON inference calls, else the Express app. */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  deps: HandlerDeps;
  /** Resolves when the gateway may take traffic (store open, migrations run). */
  ready: boolean;
  close(): Promise<void>;
}

export function allHandlers(deps: HandlerDeps): GatewayHandlers {
  return {
    ...modelHandlers(deps),
    ...chatHandlers(deps),
    ...completionHandlers(deps),
    ...embeddingHandlers(deps),
    ...responsesHandlers(deps),
    ...audioHandlers(deps),
    ...adminHandlers(deps),
  };
}

interface RequestFrame {
  /** The request's context (clock, request id), and one `finish` listener for the metrics and the request log line. */
  first(req: IncomingMessage, res: ServerResponse): RequestContext;
  /** Bearer key to domain, into the request's context. */
  auth(req: IncomingMessage): Promise<void>;
}

const frames = new WeakMap<HandlerDeps, RequestFrame>();
const requestIdOf = (req: IncomingMessage) => RequestContext.of(req).requestId;

/** What every request gets, on either lane (Express or node:http): built once per gateway. */
function requestFrame(deps: HandlerDeps): RequestFrame {
  let frame = frames.get(deps);
  if (frame) return frame;
  const requestLog = requestLogger(deps.log);
  const authenticate = authenticator({
    authenticate: (secret) => deps.platform.keys.authenticate(secret),
    getDomain: (id) => deps.platform.domains.get(id),
  });
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
  frames.set(deps, frame);
  return frame;
}

export function buildApp(deps: HandlerDeps, handlers: GatewayHandlers = allHandlers(deps)): Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.set('query parser', 'extended');
  // Paths match as the server kit's path gate matches them: exact case, no trailing slash.
  app.set('case sensitive routing', true);
  app.set('strict routing', true);
  const { first, auth } = requestFrame(deps);
  app.use((req, res, next) => {
    first(req, res);
    next();
  });
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
  const authenticate: RequestHandler = (req, _res, next) => {
    auth(req).then(() => next(), next);
  };
  app.use(
    createApiRouter(handlers, {
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

/** The operations served by the fast lane (JSON POSTs on the inference path). */
export const FAST_LANE_OPERATIONS = ['createChatCompletion', 'createCompletion', 'createEmbedding', 'createResponse'] as const;

/**
 * The server's request listener: JSON inference calls go through the fast lane (node:http, the same
 * auth, contract validation and handlers, without Express); everything else to the Express app.
 */
export function buildHandler(deps: HandlerDeps, app: Express, handlers: GatewayHandlers = allHandlers(deps)): (req: IncomingMessage, res: ServerResponse) => void {
  if (!deps.config.fastLane) return app;
  const { first, auth } = requestFrame(deps);
  const bound = bindHandlers(handlers);
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
  });
  return (req, res) => {
    if (!lane(req, res)) app(req, res);
  };
}

export async function createGateway(config: Config, log: Log): Promise<Gateway> {
  const platform: Platform = await createPlatform({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, adminKey: config.adminKey, retention: config.retention, log });
  const metrics = new Metrics();
  const engines: EngineSet = createEngines(config, log);
  platform.registry.onChange((id) => engines.forget(id));
  if (config.demoModel) await ensureDemoModel(config, platform, log);
  // ioredis (and the TLS stack it loads) only when Redis is configured: about 25 MB of RSS otherwise.
  const limiter: RateLimiter = config.redisUrl ? new (await import('./limits/redis.js')).RedisRateLimiter(config.redisUrl, log) : new MemoryRateLimiter();
  const enforcer = new PolicyEnforcer({
    policies: platform.policies,
    limiter,
    metrics,
    log,
    // Buffered and written off the request path; rule, domain, key and time only, never content.
    violations: (v) => platform.violations.record(v),
  });
  const deps: HandlerDeps = { config, log, metrics, platform, engines, enforcer };
  const handlers = allHandlers(deps);
  const app = buildApp(deps, handlers);
  return {
    app,
    handler: buildHandler(deps, app, handlers),
    deps,
    ready: true,
    async close() {
      await limiter.close();
      await engines.close();
      await platform.close();
    },
  };
}
