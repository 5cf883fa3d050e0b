// This file is generated from openapi/ by `npm run gen`. Do not edit it by hand.

import type { Router } from 'express';
import type { operations } from '@cordon/contract';
import type { Handler, OperationDef, WrapHandler } from '../runtime.js';

/** Every operation of the contract, keyed by operationId. */
export const operationDefs = {
  listModels: { operationId: "listModels", method: "get", specPath: "/models", family: "openai", routes: ["/v1/models","/proxy/:domain_id/v1/models"], requestContentTypes: [], successStatus: 200, streams: false },
} as const satisfies Record<string, OperationDef>;

export type OperationId = keyof typeof operationDefs;

/** One typed handler slot per operation. An operation without a handler answers 501. */
export interface Handlers {
  /** GET /models — List models */
  listModels?: Handler<operations["listModels"]>;
}

/** Registers every route of the contract on `router`, each through `wrap`. */
export function registerRoutes(router: Router, handlers: Handlers, wrap: WrapHandler): void {
  router.get("/v1/models", wrap(operationDefs.listModels, handlers.listModels as Handler<any> | undefined));
  router.get("/proxy/:domain_id/v1/models", wrap(operationDefs.listModels, handlers.listModels as Handler<any> | undefined));
}
