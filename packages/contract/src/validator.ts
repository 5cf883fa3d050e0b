/**
 * Validation against the contract, at run time and in tests: a JSON body or a stream event checked
 * against the schema the contract gives for it (a schema by name, or an operation's response for a
 * status and media type). The gateway uses it to check its responses when asked to
 * (CORDON_VALIDATE_RESPONSES); the tests, on everything the gateway sends.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { openapiSpec } from './generated/spec.gen.js';

// ajv-formats is CommonJS: its plugin is `module.exports` and, the same function, `module.exports.default`.
const addFormats = addFormatsModule.default;

export interface ContractValidator {
  /** Validates `data` against `#/components/schemas/<name>`; returns error text or null. */
  schema(name: string, data: unknown): string | null;
  /** Validates a response body of an operation (status, media type) against the contract. */
  response(operationId: string, status: number | string, mediaType: string, data: unknown): string | null;
  /** Every operation: { operationId, method, path, op }. */
  operations(): Array<{ operationId: string; method: string; path: string; op: Record<string, any> }>;
  ajv: InstanceType<typeof Ajv2020>;
  spec: Record<string, any>;
}

export function createContractValidator(spec: Record<string, any> = openapiSpec): ContractValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ ...spec, $id: 'cordon-openapi' });
  const cache = new Map<string, ReturnType<typeof ajv.compile>>();
  const compileRef = (ref: string) => {
    let v = cache.get(ref);
    if (!v) {
      v = ajv.compile({ $ref: `cordon-openapi${ref}` });
      cache.set(ref, v);
    }
    return v;
  };
  const run = (ref: string, data: unknown) => {
    const v = compileRef(ref);
    return v(data) ? null : ajv.errorsText(v.errors, { dataVar: 'body' });
  };
  const ops = () => {
    const out: Array<{ operationId: string; method: string; path: string; op: Record<string, any> }> = [];
    for (const [path, item] of Object.entries<Record<string, any>>(spec.paths)) {
      for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
        if (item[method]) out.push({ operationId: item[method].operationId, method, path, op: item[method] });
      }
    }
    return out;
  };
  const ptr = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
  return {
    ajv,
    spec,
    operations: ops,
    schema: (name, data) => run(`#/components/schemas/${ptr(name)}`, data),
    response(operationId, status, mediaType, data) {
      const found = ops().find((o) => o.operationId === operationId);
      if (!found) return `no operation ${operationId}`;
      let resp = found.op.responses?.[String(status)] ?? found.op.responses?.default;
      if (!resp) return `operation ${operationId} declares no response ${status}`;
      let respRef = `#/paths/${ptr(found.path)}/${found.method}/responses/${found.op.responses?.[String(status)] ? status : 'default'}`;
      if (resp.$ref) {
        respRef = resp.$ref;
        resp = respRef.split('/').slice(1).reduce((o: any, k: string) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
      }
      if (!resp?.content?.[mediaType]) return `operation ${operationId} ${status} has no ${mediaType} content`;
      return run(`${respRef}/content/${ptr(mediaType)}/schema`, data);
    },
  };
}
