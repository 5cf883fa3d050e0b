/**
 * The operations of the contract, read from the bundled spec: method, path template, the server
 * prefixes (`/v1`, `/proxy/{domain_id}/v1`, or the origin for the admin API), path and query
 * parameters, and the request media type and schema.
 */
import type { JsonSchema } from './schema-arbitrary.js';
import { resolveRef } from './schema-arbitrary.js';

export interface ContractOperation {
  operationId: string;
  method: string;
  /** The path as the spec writes it, under its server (`/chat/completions`, `/admin/v1/keys/{key_id}`). */
  specPath: string;
  /** Server prefixes with `{base}` removed: `/v1`, `/proxy/{domain_id}/v1`, or ''. */
  prefixes: string[];
  pathParams: string[];
  queryParams: Array<{ name: string; schema: JsonSchema }>;
  mediaType: 'application/json' | 'multipart/form-data' | null;
  bodySchema: JsonSchema | null;
  /** Inference (served in a domain, may use an engine) vs the platform API. */
  inference: boolean;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export function contractOperations(spec: JsonSchema): ContractOperation[] {
  const out: ContractOperation[] = [];
  const rootServers = (spec.servers ?? []) as Array<{ url: string }>;
  for (const [specPath, item] of Object.entries(spec.paths as Record<string, JsonSchema>)) {
    for (const method of METHODS) {
      const op = item[method] as JsonSchema | undefined;
      if (!op) continue;
      const servers = (op.servers ?? item.servers ?? rootServers) as Array<{ url: string }>;
      const params = [...((item.parameters as JsonSchema[]) ?? []), ...((op.parameters as JsonSchema[]) ?? [])].map((p) => (typeof p.$ref === 'string' ? resolveRef(spec, p.$ref) : p));
      const content = ((op.requestBody as JsonSchema | undefined)?.content ?? {}) as Record<string, { schema?: JsonSchema }>;
      const mediaType = content['application/json'] ? 'application/json' : content['multipart/form-data'] ? 'multipart/form-data' : null;
      const prefixes = servers.map((s) => s.url.replace('{base}', ''));
      out.push({
        operationId: String(op.operationId),
        method: method.toUpperCase(),
        specPath,
        prefixes,
        pathParams: params.filter((p) => p.in === 'path').map((p) => String(p.name)),
        queryParams: params.filter((p) => p.in === 'query').map((p) => ({ name: String(p.name), schema: (p.schema ?? {}) as JsonSchema })),
        mediaType,
        bodySchema: mediaType ? (content[mediaType]!.schema ?? null) : null,
        inference: prefixes.some((p) => p.endsWith('/v1')),
      });
    }
  }
  return out;
}
