/**
 * The gateway: HTTP → request id → auth (key → domain) → body parse → contract validation →
 * handler → platform / engine. Built from the generated server kit.
 */
import express, { type Express } from 'express';
import { createApiRouter, errorHandler, notFoundHandler, type Handlers } from '@cordon/server-kit';
import { openapiSpec } from '@cordon/contract';
import type { Config } from './config.js';
import type { Log } from './log.js';
import { requestId } from './http/request-id.js';
import { startClock } from './http/overhead.js';
import { Metrics } from './http/metrics.js';
import { authenticate, isApiPath } from './http/auth.js';
import { docsRouter } from './http/docs.js';
import { EngineSet } from './engines/registry.js';
import { createPlatform, type Platform } from './platform/index.js';
import type { HandlerDeps } from './handlers/deps.js';
import { modelHandlers } from './handlers/openai/models.js';
import { chatHandlers } from './handlers/openai/chat.js';
import { completionHandlers } from './handlers/openai/completions.js';
import { embeddingHandlers } from './handlers/openai/embeddings.js';
import { adminHandlers } from './handlers/admin/index.js';
import { responsesHandlers } from './handlers/openai/responses.js';
import { audioHandlers } from './handlers/openai/audio.js';
import { createEngines } from './engines/index.js';
import { ensureDemoModel } from './engines/llama-cpp/demo.js';
import { PolicyEnforcer } from './policy/enforcer.js';
import { MemoryRateLimiter, type RateLimiter } from './limits/index.js';
import { RedisRateLimiter } from './limits/redis.js';

export interface Gateway {
  app: Express;
  deps: HandlerDeps;
  /** Resolves when the gateway may take traffic (store open, migrations run). */
  ready: boolean;
  close(): Promise<void>;
}

export function allHandlers(deps: HandlerDeps): Handlers {
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

export function buildApp(deps: HandlerDeps, handlers: Handlers = allHandlers(deps)): Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.set('query parser', 'extended');
  app.use(startClock());
  app.use(requestId());
  app.use(deps.metrics.middleware());
  app.use((req, res, next) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const auth = res.locals.auth;
      deps.log.info(
        {
          request_id: res.locals.requestId,
          method: req.method,
          route: res.locals.operationId ?? (req as any).openapi?.schema?.operationId,
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - start) / 1e6,
          domain: auth?.domainId,
          key_id: auth?.key?.id,
          model: res.locals.model,
        },
        'request',
      );
    });
    next();
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', (_req, res) => {
    const ready = deps.platform.isReady();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready' });
  });
  app.get('/metrics', deps.metrics.handler());
  app.use(docsRouter());
  const auth = authenticate({
    authenticate: (secret) => deps.platform.keys.authenticate(secret),
    getDomain: (id) => deps.platform.domains.get(id),
  });
  app.use(
    createApiRouter(handlers, {
      spec: openapiSpec,
      before: [(req, res, next) => (isApiPath(req) ? auth(req, res, next) : next())],
      jsonLimit: deps.config.bodyLimit,
      fileLimit: deps.config.fileLimit,
      validateResponses: deps.config.validateResponses,
      log: deps.log,
    }),
  );
  app.use(notFoundHandler());
  app.use(errorHandler(deps.log));
  return app;
}

export async function createGateway(config: Config, log: Log): Promise<Gateway> {
  const platform: Platform = await createPlatform({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, adminKey: config.adminKey, log });
  const metrics = new Metrics();
  const engines: EngineSet = createEngines(config, log);
  platform.registry.onChange((id) => engines.forget(id));
  if (config.demoModel) await ensureDemoModel(config, platform, log);
  const limiter: RateLimiter = config.redisUrl ? new RedisRateLimiter(config.redisUrl, log) : new MemoryRateLimiter();
  const enforcer = new PolicyEnforcer({
    policies: platform.policies,
    limiter,
    metrics,
    log,
    // Buffered and written off the request path; rule, domain, key and time only, never content.
    violations: (v) => platform.violations.record(v),
  });
  const deps: HandlerDeps = { config, log, metrics, platform, engines, enforcer };
  const app = buildApp(deps);
  return {
    app,
    deps,
    ready: true,
    async close() {
      await limiter.close();
      await engines.close();
      await platform.close();
    },
  };
}
