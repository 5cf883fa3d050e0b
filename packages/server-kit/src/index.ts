export * from './errors.js';
export * from './runtime.js';
export * from './paths.js';
export * from './multipart.js';
export * from './generated/operations.gen.js';
import type { Router } from 'express';
import { buildApiRouter, type ApiRouterOptions } from './runtime.js';
import { registerRoutes, type Handlers } from './generated/operations.gen.js';

/** Builds the Express router for the whole contract: validation, every route, 501 where no handler is given. */
export function createApiRouter(handlers: Handlers, options: ApiRouterOptions): Router {
  return buildApiRouter((router, wrap) => registerRoutes(router, handlers, wrap), options);
}
export * from './fast.js';
