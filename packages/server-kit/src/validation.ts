/**
 * Request validation, the same for both adapters: each operation with a JSON body has one
 * validator, generated at `npm run gen` time (ajv standalone code in generated/validators.gen.ts), as
 * have the query, path parameters and multipart body of each operation (the Express adapter), and
 * its failures are reported in express-openapi-validator's error shape, so the one error mapper
 * (`errorSender`) words them as it words that validator's.
 */
import type { ErrorObject } from 'ajv';
import type { OperationDef } from './runtime.js';
import { rawQueryOf } from './paths.js';

/** A generated validator: validates `{ body }` in place (coercion, defaults), `errors` on failure. */
export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export interface ValidationFailure {
  status: 400;
  message: string;
  errors: Array<{ path: string; message: string; errorCode: string }>;
}

/** Validates a request body (coercing it and filling in defaults, in place); null when it is valid. */
export type BodyValidator = (body: unknown) => ValidationFailure | null;

/** ajv errors -> express-openapi-validator's error (its `augmentAjvErrors` and `ajvErrorsToValidatorError`). */
export function validationFailure(errors: readonly ErrorObject[]): ValidationFailure {
  const items = errors.map((e) => {
    const p = e.params as Record<string, unknown>;
    const extra = (p.missingProperty ?? p.additionalProperty ?? p.unevaluatedProperty) as string | undefined;
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'enum' && Array.isArray(p.allowedValues)) message = `${message}: ${p.allowedValues.join(', ')}`;
    return { path: extra !== undefined ? `${e.instancePath}/${extra}` : e.instancePath, message, errorCode: `${e.keyword}.openapi.validation` };
  });
  // ajv's errorsText with dataVar 'request', as the validator's message.
  const message = items.length ? errors.map((e, i) => `request${e.instancePath} ${items[i]!.message}`).join(', ') : 'No errors';
  return { status: 400, message, errors: items };
}

/** The body validator of a generated validator. */
export function bodyValidator(validate: GeneratedValidator): BodyValidator {
  return (body) => {
    if (validate({ body })) return null;
    return validationFailure(validate.errors ?? []);
  };
}

/** The body validators of the operations with a JSON body, from a generated validators table. */
export function bodyValidators(ops: Iterable<OperationDef>, generated: Readonly<Record<string, GeneratedValidator>>): Map<string, BodyValidator> {
  const out = new Map<string, BodyValidator>();
  for (const op of ops) {
    if (!op.requestContentTypes.includes('application/json')) continue;
    const validate = generated[op.operationId];
    if (!validate) throw new Error(`no generated validator for ${op.operationId}: run \`npm run gen\``);
    out.set(op.operationId, bodyValidator(validate));
  }
  return out;
}

// ---- query, path parameters and multipart bodies ---------------------------------------------

/** One query parameter, as express-openapi-validator's request mutator treats it. */
export interface QueryParamRule {
  name: string;
  /** Its `explode` (form style: true unless the contract says false). */
  explode: boolean;
  allowReserved: boolean;
  /** An exploded array: a single value becomes a one-item array. */
  wrap?: boolean;
  /** An array that is not exploded: a single value is split on this delimiter. */
  split?: string;
}

/** What the Express adapter checks of an operation's query, path parameters and multipart body (generated). */
export interface RequestInputRules {
  query: readonly QueryParamRule[];
  /** Query parameters that may be empty (`allowEmptyValue`). */
  allowEmpty: readonly string[];
  /** Query parameters that carry credentials (apiKey security schemes in the query): known, never validated. */
  securityQuery: readonly string[];
  /** The multipart fields read as JSON (their type is an array or an object); set for multipart operations. */
  jsonFields?: readonly string[];
  /** Validates `{ query, params, body }` in place (coercion, defaults); absent when there is nothing to validate. */
  validate?: GeneratedValidator;
}

/** The input of a request the checks read and write (the Express request). */
export interface InputRequest {
  originalUrl?: string;
  url?: string;
  query?: unknown;
  body?: unknown;
}

const RESERVED_CHARS = /[:/?#[\]@!$&'()*+,;=]/;

const badRequest = (path: string, message: string) => ({ status: 400 as const, message, errors: [{ path, message }] });

/** The raw (undecoded) values of each raw name in a query string: express-openapi-validator's `parseQueryStringUndecoded`. */
function rawQueryValues(qs: string | null): Map<string, Array<string | undefined>> {
  const m = new Map<string, Array<string | undefined>>();
  if (!qs) return m;
  for (const pair of qs.replace('?', '').split('&')) {
    const [k, v] = pair.split('=') as [string, string | undefined];
    let list = m.get(k);
    if (!list) m.set(k, (list = []));
    list.push(v);
  }
  return m;
}

/**
 * A query key that still holds a bracket after the query parser (`a[=1`): read again as `qs` reads
 * `key=value`, under the name before the bracket (express-openapi-validator's bracket handling).
 */
function normalizeBrackets(query: Record<string, unknown>, parse: (s: string) => Record<string, unknown>): void {
  for (const key of Object.keys(query)) {
    if (!key.includes('[')) continue;
    const name = key.split('[')[0]!;
    const parsed = parse(`${key}=${String(query[key])}`);
    if (parsed[name] !== undefined) {
      const had = query[name];
      const now = parsed[name];
      query[name] = had && typeof had === 'object' && typeof now === 'object' && !Array.isArray(now) ? { ...had, ...now } : now;
    }
    delete query[key];
  }
}

export interface InputCheckDeps {
  /** `qs.parse` with its default options. */
  qsParse: (s: string) => Record<string, unknown>;
}

/**
 * The checks express-openapi-validator made of a request's query, path parameters and multipart
 * body, in its order, with its messages: reserved characters in the raw query, exploded arrays
 * wrapped, unknown and empty query parameters refused, multipart fields of array or object type read
 * as JSON, then the operation's generated validator over `{ query, params, body }`. `req.query`
 * becomes a plain property holding the checked (coerced, defaulted) query; `params` and `req.body`
 * are coerced in place. Returns the failure in the validator's error shape, or null.
 */
export function checkRequestInput(
  rules: RequestInputRules | undefined,
  req: InputRequest,
  params: Record<string, unknown>,
  multipart: boolean,
  deps: InputCheckDeps,
): ValidationFailure | ReturnType<typeof badRequest> | null {
  const url = req.originalUrl ?? req.url ?? '/';
  const raw = rawQueryValues(rawQueryOf(url));
  Object.defineProperty(req, 'query', { writable: true, value: req.query });
  const query = (req.query ?? {}) as Record<string, unknown>;
  normalizeBrackets(query, deps.qsParse);
  const known = new Set<string>(rules?.securityQuery ?? []);
  for (const p of rules?.query ?? []) {
    known.add(p.name);
    if (!p.allowReserved) {
      for (const v of raw.get(p.name) ?? []) {
        for (const part of p.explode ? [v] : (v?.split(',') ?? [v])) {
          if (part?.match(RESERVED_CHARS)) {
            return badRequest(`/query/${p.name}`, `Parameter '${p.name}' must be url encoded. Its value may not contain reserved characters.`);
          }
        }
      }
    }
    const value = query[p.name];
    if (!value || Array.isArray(value)) continue;
    if (p.wrap) query[p.name] = [value];
    else if (p.split && typeof value === 'string') query[p.name] = value.split(p.split);
  }
  const allowEmpty = new Set(rules?.allowEmpty ?? []);
  for (const q of Object.keys(query)) {
    if (!known.has(q)) return badRequest(`/query/${q}`, `Unknown query parameter '${q}'`);
    if (!allowEmpty.has(q) && query[q] === '') return badRequest(`/query/${q}`, `Empty value found for query parameter '${q}'`);
  }
  if (multipart) {
    req.body ??= {};
    const body = req.body as Record<string, unknown>;
    const jsonFields = new Set(rules?.jsonFields ?? []);
    for (const key of Object.keys(body)) {
      if (!jsonFields.has(key)) continue;
      try {
        body[key] = JSON.parse(body[key] as string);
      } catch {
        // Left as sent: the validator refuses it.
      }
    }
  }
  const validate = rules?.validate;
  if (!validate) return null;
  const data: Record<string, unknown> = { query, params };
  if (multipart) data.body = req.body;
  if (validate(data)) return null;
  return validationFailure(validate.errors ?? []);
}
