/**
 * Validation against the official OpenAI API description (reference/openai-openapi.yaml, unchanged
 * copy of openai/openai-openapi), for tests: wire compatibility is judged by OpenAI's own schemas,
 * not only by ours. The file still carries OpenAPI 3.0 keywords, so it is read through a small
 * normaliser first: `nullable: true` becomes a `null` type, boolean `exclusiveMinimum`/`Maximum`
 * become numeric, `$recursiveRef` accepts anything, and `format: unixtime` is an integer.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

// ajv-formats is CommonJS: the default import is its module.exports, which carries the plugin as `default`.
const addFormats = addFormatsModule.default;
const REFERENCE = fileURLToPath(new URL('../reference/openai-openapi.yaml', import.meta.url));

export interface ReferenceValidator {
  /** Validates `data` against the reference's `#/components/schemas/<name>`; error text or null. */
  schema(name: string, data: unknown): string | null;
  /**
   * Validates a response body (or one stream event, for `text/event-stream`) of an OpenAI operation
   * against the schema the reference gives for it. Returns error text, or null when it validates.
   */
  response(operationId: string, status: number | string, mediaType: string, data: unknown): string | null;
  /** Whether the reference describes this operation at all (admin operations are Cordon's own). */
  has(operationId: string): boolean;
}

function normalise(node: any): any {
  if (Array.isArray(node)) return node.map(normalise);
  if (!node || typeof node !== 'object') return node;
  if ('$recursiveRef' in node) return {};
  const out: Record<string, any> = {};
  for (const [k, v] of Object.entries(node)) out[k] = normalise(v);
  for (const [bool, num] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof out[bool] === 'boolean') {
      if (out[bool] && typeof out[num] === 'number') out[bool] = out[num];
      else delete out[bool];
      if (typeof out[bool] === 'number') delete out[num];
    }
  }
  if (out.format === 'unixtime') delete out.format;
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (Array.isArray(out.type)) out.type = [...new Set([...out.type, 'null'])];
    else return { anyOf: [out, { type: 'null' }] };
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  } else if (out.nullable === false) delete out.nullable;
  return out;
}

let shared: ReferenceValidator | null = null;

export function createReferenceValidator(): ReferenceValidator {
  if (shared) return shared;
  const spec = normalise(parse(readFileSync(REFERENCE, 'utf8'), { maxAliasCount: -1 }));
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ ...spec, $id: 'openai-reference' });
  const ops = new Map<string, { op: Record<string, any>; at: string }>();
  const ptr = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
  for (const [path, item] of Object.entries<Record<string, any>>(spec.paths)) {
    for (const [method, op] of Object.entries<any>(item)) if (op && typeof op === 'object' && op.operationId) ops.set(op.operationId, { op, at: `#/paths/${ptr(path)}/${method}` });
  }
  const cache = new Map<string, ReturnType<typeof ajv.compile>>();
  const run = (ref: string, data: unknown) => {
    let v = cache.get(ref);
    if (!v) cache.set(ref, (v = ajv.compile({ $ref: `openai-reference${ref}` })));
    return v(data) ? null : ajv.errorsText(v.errors, { dataVar: 'body' });
  };
  shared = {
    has: (id) => ops.has(id),
    schema: (name, data) => run(`#/components/schemas/${ptr(name)}`, data),
    response(operationId, status, mediaType, data) {
      const found = ops.get(operationId);
      if (!found) return `the reference has no operation ${operationId}`;
      const schema = found.op.responses?.[String(status)]?.content?.[mediaType]?.schema;
      if (!schema) return `the reference gives no ${mediaType} schema for ${operationId} ${status}`;
      return run(`${found.at}/responses/${status}/content/${ptr(mediaType)}/schema`, data);
    },
  };
  return shared;
}
