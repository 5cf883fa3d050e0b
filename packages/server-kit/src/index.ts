export * from './errors.js';
export * from './runtime.js';
export * from './paths.js';
export * from './lingering-close.js';
export * from './multipart.js';
export * from './body.js';
export * from './validation.js';
export { requestFormats } from './generated/formats.gen.js';
export { requestBodyValidators } from './generated/validators.gen.js';
export * from './generated/operations.gen.js';
import type { Router } from 'express';
import { buildApiRouter, type ApiRouterOptions } from './runtime.js';
import { bindHandlers, operationDefs, type Handlers } from './generated/operations.gen.js';

/** Builds the Express router for the whole contract: validation, every route, 501 where no handler is given. */
export function createApiRouter<C>(handlers: Handlers<C>, options: ApiRouterOptions<C>): Router {
  return buildApiRouter(Object.values(operationDefs), bindHandlers(handlers), options);
}
export * from './fast.js';
export * from './buffers.js';
