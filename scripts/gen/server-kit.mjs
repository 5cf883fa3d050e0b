// The bundled spec -> packages/server-kit/src/generated/operations.gen.ts: one typed handler slot per
// operationId, the table of operations, and the function that registers every route on a router.
import { join } from 'node:path';
import { HEADER, write } from './lib.mjs';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** `/models/{model}` -> `/models/:model` */
const toExpress = (p) => p.replace(/\{([^}]+)\}/g, ':$1');

/** The URL paths an operation is served at: the spec's servers decide. */
export function routePaths(specPath, pathItem) {
  if (pathItem.servers) return [specPath];
  return [`/v1${specPath}`, `/proxy/{domain_id}/v1${specPath}`];
}

export function collectOperations(spec) {
  const ops = [];
  for (const [specPath, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      if (!op.operationId) throw new Error(`${method.toUpperCase()} ${specPath} has no operationId`);
      const success = Object.entries(op.responses ?? {}).find(([s]) => /^2\d\d$/.test(s));
      const successContent = Object.keys(success?.[1]?.content ?? {});
      ops.push({
        operationId: op.operationId,
        method,
        specPath,
        family: item.servers ? 'admin' : 'openai',
        routes: routePaths(specPath, item).map(toExpress),
        requestContentTypes: Object.keys(op.requestBody?.content ?? {}),
        successStatus: success ? Number(success[0]) : 200,
        streams: successContent.includes('text/event-stream'),
        summary: op.summary ?? '',
      });
    }
  }
  return ops;
}

export function generateServerKit(outRoot, spec) {
  const ops = collectOperations(spec);
  const q = JSON.stringify;
  const lines = [HEADER];
  lines.push(`import type { Router } from 'express';`);
  lines.push(`import type { operations } from '@cordon/contract';`);
  lines.push(`import type { Handler, OperationDef, WrapHandler } from '../runtime.js';`);
  lines.push('');
  lines.push('/** Every operation of the contract, keyed by operationId. */');
  lines.push('export const operationDefs = {');
  for (const o of ops) {
    lines.push(
      `  ${o.operationId}: { operationId: ${q(o.operationId)}, method: ${q(o.method)}, specPath: ${q(o.specPath)}, family: ${q(o.family)}, ` +
        `routes: ${q(o.routes)}, requestContentTypes: ${q(o.requestContentTypes)}, successStatus: ${o.successStatus}, streams: ${o.streams} },`,
    );
  }
  lines.push('} as const satisfies Record<string, OperationDef>;');
  lines.push('');
  lines.push('export type OperationId = keyof typeof operationDefs;');
  lines.push('');
  lines.push('/** One typed handler slot per operation. An operation without a handler answers 501. */');
  lines.push('export interface Handlers {');
  for (const o of ops) {
    lines.push(`  /** ${o.method.toUpperCase()} ${o.specPath}${o.summary ? ` — ${o.summary}` : ''} */`);
    lines.push(`  ${o.operationId}?: Handler<operations[${q(o.operationId)}]>;`);
  }
  lines.push('}');
  lines.push('');
  lines.push('/** Registers every route of the contract on `router`, each through `wrap`. */');
  lines.push('export function registerRoutes(router: Router, handlers: Handlers, wrap: WrapHandler): void {');
  for (const o of ops) {
    for (const r of o.routes) {
      lines.push(`  router.${o.method}(${q(r)}, wrap(operationDefs.${o.operationId}, handlers.${o.operationId} as Handler<any> | undefined));`);
    }
  }
  lines.push('}');
  write(join(outRoot, 'packages/server-kit/src/generated/operations.gen.ts'), lines.join('\n') + '\n');
}
