// The bundled spec -> packages/server-kit/src/generated: the route table (operations.gen.ts: one typed
// handler slot per operationId, each operation's method, URL paths under every server the spec
// declares, media types) and the request validators (validators.gen.ts: ajv standalone code, compiled
// here, so nothing compiles the contract when the gateway starts): one per JSON body, and one per
// operation's query, path parameters and multipart body, with the query rules the Express adapter
// applies before it.
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvModule from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { requestFormats as REQUEST_FORMATS } from './request-formats.mjs';
import { HEADER, write } from './lib.mjs';

const standaloneCode = standaloneModule.default ?? standaloneModule;
const { _ } = ajvModule;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const JSON_MEDIA = 'application/json';

/** `/models/{model}` -> `/models/:model` */
const toExpress = (p) => p.replace(/\{([^}]+)\}/g, ':$1');

/**
 * One server of the spec as the router sees it: `{base}/proxy/{domain_id}/v1` -> the path prefix
 * `/proxy/{domain_id}/v1` with the path variable `domain_id`. The origin (scheme, host, port) is
 * dropped: a literal `http://host:port`, or a leading variable whose default is one (`{base}`).
 */
export function serverPrefix(server) {
  let url = server.url ?? '/';
  const lead = /^\{([^}]+)\}/.exec(url);
  if (lead && /^[a-z][a-z0-9+.-]*:\/\//i.test(server.variables?.[lead[1]]?.default ?? '')) url = url.slice(lead[0].length);
  else url = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  const prefix = url.replace(/\/+$/, '');
  if (prefix !== '' && !prefix.startsWith('/')) throw new Error(`server ${server.url}: cannot tell its origin from its path`);
  const variables = [...prefix.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  return { url: server.url ?? '/', prefix, variables };
}

/** The servers an operation is served under: its own, its path item's, else the spec's (OpenAPI's order). */
export function serversOf(spec, pathItem, op) {
  const servers = op?.servers ?? pathItem.servers ?? spec.servers ?? [{ url: '/' }];
  return servers.map(serverPrefix);
}

/** The URL paths an operation is served at (OpenAPI syntax): one per server. */
export function routePaths(spec, specPath, pathItem, op) {
  return serversOf(spec, pathItem, op).map((s) => `${s.prefix}${specPath}`);
}

const resolve = (spec, schema) => {
  for (let hops = 0; schema?.$ref?.startsWith('#/') && hops < 16; hops++) {
    schema = schema.$ref
      .slice(2)
      .split('/')
      .reduce((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  }
  return schema;
};

export function collectOperations(spec) {
  const ops = [];
  for (const [specPath, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      if (!op.operationId) throw new Error(`${method.toUpperCase()} ${specPath} has no operationId`);
      const success = Object.entries(op.responses ?? {}).find(([s]) => /^2\d\d$/.test(s));
      const successContent = Object.keys(success?.[1]?.content ?? {});
      const servers = serversOf(spec, item, op);
      const requestBody = resolve(spec, op.requestBody);
      const jsonSchema = resolve(spec, requestBody?.content?.[JSON_MEDIA]?.schema);
      ops.push({
        operationId: op.operationId,
        method,
        specPath,
        // Operations under the spec's own servers are the OpenAI API; others (own servers) the platform's.
        family: op.servers || item.servers ? 'admin' : 'openai',
        routes: servers.map((s) => toExpress(`${s.prefix}${specPath}`)),
        servers: servers.map((s) => ({ url: s.url, prefix: s.prefix, variables: s.variables })),
        requestContentTypes: Object.keys(requestBody?.content ?? {}),
        // OpenAPI's default is false; express-openapi-validator refuses a body without a media type unless it is false.
        bodyRequired: requestBody ? requestBody.required !== false : false,
        // express-openapi-validator requires a JSON body when its schema lists required properties.
        jsonBodyRequired: Array.isArray(jsonSchema?.required),
        successStatus: success ? Number(success[0]) : 200,
        streams: successContent.includes('text/event-stream'),
        summary: op.summary ?? '',
      });
    }
  }
  return ops;
}

export function operationsModule(ops) {
  const q = JSON.stringify;
  const lines = [HEADER];
  lines.push(`import type { operations } from '@cordon/contract';`);
  lines.push(`import { bindHandler, type BoundHandler, type Handler, type OperationDef } from '../runtime.js';`);
  lines.push('');
  lines.push('/** Every operation of the contract, keyed by operationId: the route table. */');
  lines.push('export const operationDefs = {');
  for (const o of ops) {
    lines.push(
      `  ${o.operationId}: { operationId: ${q(o.operationId)}, method: ${q(o.method)}, specPath: ${q(o.specPath)}, family: ${q(o.family)}, ` +
        `routes: ${q(o.routes)}, servers: ${q(o.servers)}, requestContentTypes: ${q(o.requestContentTypes)}, bodyRequired: ${o.bodyRequired}, ` +
        `jsonBodyRequired: ${o.jsonBodyRequired}, successStatus: ${o.successStatus}, streams: ${o.streams} },`,
    );
  }
  lines.push('} as const satisfies Record<string, OperationDef>;');
  lines.push('');
  lines.push('export type OperationId = keyof typeof operationDefs;');
  lines.push('');
  lines.push('/** One typed handler slot per operation; `C` is the per-request context. An operation without a handler answers 501. */');
  lines.push('export interface Handlers<C> {');
  for (const o of ops) {
    lines.push(`  /** ${o.method.toUpperCase()} ${o.specPath}${o.summary ? ` — ${o.summary}` : ''} */`);
    lines.push(`  ${o.operationId}?: Handler<operations[${q(o.operationId)}], C>;`);
  }
  lines.push('}');
  lines.push('');
  lines.push("/** Each given handler bound to its operation's types, by operationId (what the adapters call). */");
  lines.push('export function bindHandlers<C>(handlers: Handlers<C>): Partial<Record<OperationId, BoundHandler<C>>> {');
  lines.push('  return {');
  for (const o of ops) lines.push(`    ${o.operationId}: handlers.${o.operationId} && bindHandler(handlers.${o.operationId}),`);
  lines.push('  };');
  lines.push('}');
  return lines.join('\n') + '\n';
}

// ---- request-body validators -----------------------------------------------------------------

const ANNOTATIONS = new Set(['description', 'title', 'example', 'examples', '$comment', 'externalDocs', 'summary']);
/** Keys whose value is a map from names (of properties, schemas, paths, ...) to objects. */
const NAME_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'schemas', 'paths', 'content', 'responses', 'headers', 'variables', 'requestBodies', 'parameters', 'securitySchemes', 'links', 'callbacks', 'webhooks', 'encoding']);
/** Keys whose value is data, not schema. */
const DATA = new Set(['enum', 'const', 'default', 'mapping', 'required']);

/** The spec without annotations (descriptions, examples, ...): they do not validate, and would be copied into the code. */
export function withoutAnnotations(node, key = '') {
  if (Array.isArray(node)) return node.map((n) => withoutAnnotations(n));
  if (!node || typeof node !== 'object') return node;
  const out = {};
  const names = NAME_MAPS.has(key);
  for (const [k, v] of Object.entries(node)) {
    if (!names && ANNOTATIONS.has(k)) continue;
    out[k] = !names && DATA.has(k) ? v : withoutAnnotations(v, names ? '' : k);
  }
  return out;
}

const ptr = (s) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * ajv standalone code (ESM) of one validator per operation with a JSON request body, with the
 * options of the request validators (express-openapi-validator's): coerce types, fill in defaults,
 * strict numbers and tuples, formats on, first error only. Each validates `{ body }`, so error paths
 * read `/body/...` as express-openapi-validator's do.
 */
export function validatorsModule(spec, ops) {
  const ajv = new Ajv2020({
    strict: false,
    strictNumbers: true,
    strictTuples: true,
    allowUnionTypes: false,
    coerceTypes: true,
    useDefaults: true,
    validateFormats: true,
    logger: false,
    code: { source: true, esm: true, lines: false, optimize: true, formats: _`requestFormats` },
  });
  for (const [name, def] of Object.entries(REQUEST_FORMATS)) ajv.addFormat(name, def);
  const id = 'contract';
  ajv.addSchema({ ...withoutAnnotations(spec), $id: id });
  const exported = {};
  for (const o of ops) {
    if (!o.requestContentTypes.includes(JSON_MEDIA)) continue;
    const ref = `${id}#/paths/${ptr(o.specPath)}/${o.method}/requestBody/content/application~1json/schema`;
    ajv.addSchema({ $id: `body-${o.operationId}`, type: 'object', ...(o.jsonBodyRequired ? { required: ['body'] } : {}), properties: { body: { $ref: ref } } });
    exported[o.operationId] = `body-${o.operationId}`;
  }
  const inputs = {};
  for (const o of ops) {
    const input = requestInput(spec, o, id);
    if (!input) continue;
    inputs[o.operationId] = input.rules;
    if (input.schema) {
      ajv.addSchema({ $id: `input-${o.operationId}`, ...input.schema });
      exported[`input_${o.operationId}`] = `input-${o.operationId}`;
    }
  }
  const code = standaloneCode(ajv, exported).replace(/^"use strict";/, '');
  const head = [HEADER.trimEnd(), '// @ts-nocheck -- ajv standalone code (ESM), compiled from the bundled contract by scripts/gen/server-kit.mjs.'];
  // ajv's ESM output still `require`s its runtime helpers (ucs2length, equal, ...).
  if (code.includes('require(')) head.push(`import { createRequire } from 'node:module';`, 'const require = createRequire(import.meta.url);');
  if (code.includes('requestFormats')) head.push(`import { requestFormats } from './formats.gen.js';`);
  head.push(`import type { GeneratedValidator, RequestInputRules } from '../validation.js';`);
  const ids = Object.keys(exported).filter((i) => !i.startsWith('input_'));
  const table = [
    '',
    '/** The request-body validator of every operation with a JSON body, by operationId (validates `{ body }`). */',
    `export const requestBodyValidators: Readonly<Record<string, GeneratedValidator>> = { ${ids.map((i) => `${i}: ${i}`).join(', ')} };`,
    '',
    '/**',
    ' * What the Express adapter checks of every operation\'s query, path parameters and multipart body, as',
    ' * express-openapi-validator did: the query rules (known names, reserved characters, array styles) and,',
    ' * where the operation has parameters or a multipart body, the validator of `{ query, params, body }`.',
    ' */',
    'export const requestInputs: Readonly<Record<string, RequestInputRules>> = {',
    ...Object.entries(inputs).map(([i, rules]) => `  ${i}: ${JSON.stringify(rules).slice(0, -1)}${exported[`input_${i}`] ? `,"validate":input_${i}` : ''}},`),
    '};',
  ];
  // Standalone code exports each validator under its operationId; the table above is what the kit reads.
  return `${head.join('\n')}\n${code.trim()}\n${table.join('\n')}\n`;
}

/** A node of the spec and its JSON pointer, local `$ref`s followed. */
function resolveAt(spec, node, at) {
  for (let hops = 0; node?.$ref?.startsWith('#/') && hops < 16; hops++) {
    at = node.$ref.slice(1);
    node = at
      .slice(1)
      .split('/')
      .reduce((n, key) => n?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  }
  return { node, at };
}

/** A copy of a schema of the spec whose local `$ref`s point into the spec (added to ajv as `id`). */
const inlineSchema = (node, id) =>
  Array.isArray(node)
    ? node.map((n) => inlineSchema(n, id))
    : node && typeof node === 'object'
      ? Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${id}${v}` : inlineSchema(v, id)]))
      : node;

const ARRAY_DELIMITER = { simple: ',', form: ',', spaceDelimited: ' ', pipeDelimited: '|' };

/**
 * One operation's parameters and multipart body as express-openapi-validator treats them: the
 * query rules its request validator applies before ajv (unknown and empty query parameters, reserved
 * characters in the raw query, exploded arrays wrapped, others split on their delimiter) and the
 * schema of `{ query, params, body }` it validates (coercion and defaults as the body validators).
 * Parameter shapes it handles otherwise (objects, deepObject, `content`, headers, cookies) are not
 * reproduced here: the generator refuses them, so that a contract that adds one is noticed.
 */
export function requestInput(spec, o, id) {
  const item = spec.paths?.[o.specPath] ?? {};
  const base = `/paths/${ptr(o.specPath)}`;
  const byKey = new Map();
  (item.parameters ?? []).forEach((p, i) => {
    const r = resolveAt(spec, p, `${base}/parameters/${i}`);
    byKey.set(`${r.node.in}:${r.node.name}`, r);
  });
  (item[o.method]?.parameters ?? []).forEach((p, i) => {
    const r = resolveAt(spec, p, `${base}/${o.method}/parameters/${i}`);
    byKey.set(`${r.node.in}:${r.node.name}`, r);
  });
  const query = [];
  const allowEmpty = [];
  const schema = { type: 'object', properties: {} };
  const where = `${o.method.toUpperCase()} ${o.specPath}`;
  for (const { node: p, at } of byKey.values()) {
    if (p.in !== 'query' && p.in !== 'path') throw new Error(`${where}: ${p.in} parameter '${p.name}' is not supported by the generated validators`);
    if (p.content || !p.schema) throw new Error(`${where}: parameter '${p.name}' without a schema is not supported by the generated validators`);
    const s = resolveAt(spec, p.schema, `${at}/schema`).node;
    const objectish = (x) => !!x && (x.$ref !== undefined || x.type === 'object' || [].concat(x.allOf ?? [], x.oneOf ?? [], x.anyOf ?? []).some(objectish));
    const style = p.style ?? (p.in === 'path' ? 'simple' : 'form');
    const explode = p.explode ?? p.in === 'query';
    if (objectish(s) || style === 'deepObject') throw new Error(`${where}: object parameter '${p.name}' is not supported by the generated validators`);
    if (p.in === 'path' && s.type === 'array') throw new Error(`${where}: array path parameter '${p.name}' is not supported by the generated validators`);
    const field = p.in === 'query' ? 'query' : 'params';
    const target = (schema.properties[field] ??= { type: 'object', properties: {} });
    // Inline (ajv fills in a default only where the property's own schema states it, not through a $ref).
    target.properties[p.name] = inlineSchema(withoutAnnotations(s), id);
    if (p.required) (target.required ??= []).push(p.name);
    if (p.in !== 'query') continue;
    const rule = { name: p.name, explode, allowReserved: p.allowReserved === true };
    if (s.type === 'array') {
      if (explode) rule.wrap = true;
      else if (ARRAY_DELIMITER[style]) rule.split = ARRAY_DELIMITER[style];
      else throw new Error(`${where}: parameter '${p.name}' has style '${style}', not supported by the generated validators`);
    }
    query.push(rule);
    if (p.allowEmptyValue) allowEmpty.push(p.name);
  }
  // Security schemes sent in the query are known query parameters.
  const security = item[o.method]?.security ?? spec.security ?? [];
  const schemes = spec.components?.securitySchemes ?? {};
  const securityQuery = security
    .filter((req) => Object.keys(req).length > 0)
    .map((req) => schemes[Object.keys(req)[0]])
    .filter((sch) => sch?.type === 'apiKey' && sch?.in === 'query')
    .map((sch) => sch.name);
  const rules = { query, allowEmpty, securityQuery };
  if (o.requestContentTypes.includes('multipart/form-data')) {
    if (o.requestContentTypes.length > 1) throw new Error(`${where}: a multipart body beside other media types is not supported by the generated validators`);
    const body = resolveAt(spec, item[o.method].requestBody, `${base}/${o.method}/requestBody`);
    const media = resolveAt(spec, body.node.content['multipart/form-data'].schema, `${body.at}/content/multipart~1form-data/schema`);
    // Fields the validator reads as JSON (a multipart field is text): those whose type is an array or an object.
    rules.jsonFields = Object.entries(media.node?.properties ?? {})
      .filter(([, v]) => ['array', 'object'].includes(v?.type))
      .map(([k]) => k);
    schema.properties.body = { $ref: `${id}#${media.at}` };
    // express-openapi-validator requires the body when its schema lists required properties.
    if (media.node?.required && media.node?.format !== 'binary') schema.required = ['body'];
  }
  const hasSchema = Object.keys(schema.properties).length > 0;
  return { rules, schema: hasSchema ? schema : null };
}

export function generateServerKit(outRoot, spec, dir = join(outRoot, 'packages/server-kit/src/generated')) {
  const ops = collectOperations(spec);
  write(join(dir, 'operations.gen.ts'), operationsModule(ops));
  write(join(dir, 'validators.gen.ts'), validatorsModule(spec, ops));
  // The formats table, as the generated validators use it at run time: scripts/gen/request-formats.mjs, copied.
  const formats = readFileSync(fileURLToPath(new URL('./request-formats.mjs', import.meta.url)), 'utf8');
  write(join(dir, 'formats.gen.ts'), `${HEADER}// @ts-nocheck\n${formats}`);
  return ops;
}
