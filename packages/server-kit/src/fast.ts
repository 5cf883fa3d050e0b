/**
 * The fast lane: the JSON inference operations (chat completions, completions, embeddings, …)
 * served straight from `node:http`, without Express, body-parser or express-openapi-validator on the
 * request path. Express costs about 0.3 ms of CPU per request on a 2-core machine before any work is
 * done (docs/benchmarks.md), which is the whole overhead budget of a gateway.
 *
 * The same contract, the same handlers, the same error shapes:
 * - request bodies are validated by ajv against the operation's schema in the bundled contract, with
 *   the options express-openapi-validator uses (coercion, defaults filled in, formats), and failures
 *   are reported in its error shape, so `errorHandler` words them identically;
 * - the path is matched by the same RouteTable as the Express router's path gate (paths.ts);
 * - anything the lane does not take is left to the Express app, untouched: other methods and paths,
 *   query strings, other media types or charsets, encoded bodies, percent-encoded domain ids.
 * A parity test runs the same bodies through both paths.
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ErrorRequestHandler } from 'express';
import { createContractValidator } from '@cordon/contract/testing';
import { errorHandler, type ErrorLogger, type Handler, type OperationDef } from './runtime.js';
import { ApiError } from './errors.js';
import { RouteTable, setRouteOf, unknownUrl } from './paths.js';

const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: unknown) => void;

/**
 * The response object of every request on a server built for the gateway: Node's, plus the few
 * Express-style helpers the handlers use (`locals`, `status`, `json`). Express replaces the prototype
 * of the requests it serves with its own, which has the same methods; `locals` survives either way.
 */
export class GatewayResponse<Req extends IncomingMessage = IncomingMessage> extends ServerResponse<Req> {
  locals: Record<string, any> = {};

  status(code: number): this {
    this.statusCode = code;
    return this;
  }

  json(body: unknown): this {
    const text = JSON.stringify(body);
    if (!this.hasHeader('content-type')) this.setHeader('content-type', 'application/json; charset=utf-8');
    this.setHeader('content-length', Buffer.byteLength(text));
    this.end(text);
    return this;
  }
}

/** A fast-lane request: Node's, plus what the handlers read (`path`, `params`, `body`). */
export interface FastRequest extends IncomingMessage {
  path: string;
  params: Record<string, string>;
  body: unknown;
}

export interface ValidationFailure {
  status: 400;
  message: string;
  errors: Array<{ path: string; message: string; errorCode: string }>;
}

export type BodyValidator = (body: unknown) => ValidationFailure | null;
export type ResponseValidator = (status: number, body: unknown) => string | null;

const ptr = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Compiles request-body validators for operations of the bundled contract, with
 * express-openapi-validator's request options: coerce types, fill in defaults, strict numbers and
 * tuples, formats on, first error only. With `withResponses`, each also gets a JSON response check
 * (the contract's own validator, as the tests use it) for the statuses the operation declares.
 */
export function compileOperationValidators(spec: Record<string, any>, ops: OperationDef[], withResponses = false) {
  const ajv = new Ajv2020({ strict: false, strictNumbers: true, strictTuples: true, allowUnionTypes: false, coerceTypes: true, useDefaults: true, validateFormats: true });
  addFormats(ajv);
  for (const f of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']) if (!ajv.formats[f]) ajv.addFormat(f, true);
  const id = 'cordon-contract';
  ajv.addSchema({ ...spec, $id: id });
  const contract = withResponses ? createContractValidator(spec) : null;
  const out = new Map<string, { body: BodyValidator; response: ResponseValidator | null }>();
  for (const op of ops) {
    const validate = ajv.compile({
      type: 'object',
      required: ['body'],
      properties: { body: { $ref: `${id}#/paths/${ptr(op.specPath)}/${op.method}/requestBody/content/application~1json/schema` } },
    });
    const body: BodyValidator = (data) => {
      const wrapped = { body: data };
      if (validate(wrapped)) return null;
      const errors = (validate.errors ?? []).map((e) => {
        const p = e.params as Record<string, unknown>;
        const extra = (p.missingProperty ?? p.additionalProperty ?? p.unevaluatedProperty) as string | undefined;
        let message = e.message ?? 'is invalid';
        if (e.keyword === 'enum' && Array.isArray(p.allowedValues)) message = `${message}: ${p.allowedValues.join(', ')}`;
        return { path: extra !== undefined ? `${e.instancePath}/${extra}` : e.instancePath, message, errorCode: `${e.keyword}.openapi.validation` };
      });
      return { status: 400, message: ajv.errorsText(validate.errors, { dataVar: 'request' }), errors };
    };
    let response: ResponseValidator | null = null;
    if (contract) {
      const declared = spec.paths?.[op.specPath]?.[op.method]?.responses ?? {};
      response = (status, data) => (String(status) in declared || 'default' in declared ? contract.response(op.operationId, status, 'application/json', data) : null);
    }
    out.set(op.operationId, { body, response });
  }
  return out;
}

/** '10mb' -> 10485760 (the units body-parser accepts). */
export function parseByteLimit(limit: string | number | undefined, dflt = 10 * 1024 * 1024): number {
  if (typeof limit === 'number') return limit;
  if (!limit) return dflt;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|tb)?\s*$/i.exec(limit);
  if (!m) return dflt;
  const mult = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4 }[(m[2] ?? 'b').toLowerCase() as 'b'];
  return Math.floor(Number(m[1]) * mult);
}

export interface FastLaneOptions {
  spec: Record<string, any>;
  /** The operations this lane serves, with their handlers. Only POST operations with a JSON body. */
  routes: Array<{ op: OperationDef; handler: Handler<any> }>;
  /**
   * Runs before the body is read (request id, clock, metrics, auth), Express-middleware style;
   * `done(err)` sends the error.
   */
  before: (req: FastRequest, res: GatewayResponse, done: (err?: unknown) => void) => void;
  jsonLimit?: string | number;
  validateResponses?: boolean;
  log?: ErrorLogger;
}

const JSON_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;
const noop = () => {};

/**
 * Returns the lane: `(req, res) => boolean`, true when it took the request; false leaves the
 * request, unread, to the caller (the Express app).
 */
export function createFastLane(options: FastLaneOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const validators = compileOperationValidators(
    options.spec,
    options.routes.map((r) => r.op),
    options.validateResponses,
  );
  const limit = parseByteLimit(options.jsonLimit);
  const onError: ErrorRequestHandler = errorHandler(options.log);
  const table = new Map<string, { op: OperationDef; handler: Handler<any>; body: BodyValidator; response: ResponseValidator | null }>();
  for (const r of options.routes) {
    if (r.op.method !== 'post' || !r.op.requestContentTypes.includes('application/json')) throw new Error(`${r.op.operationId} is not a JSON POST operation`);
    table.set(r.op.operationId, { ...r, ...validators.get(r.op.operationId)! });
  }
  const paths = new RouteTable(options.routes.map((r) => r.op));

  return (rawReq, rawRes) => {
    if (rawReq.method !== 'POST') return false;
    const url = rawReq.url ?? '';
    if (url.includes('?') || url.includes('%')) return false;
    const found = paths.match('POST', url);
    if (!found.ok) return false;
    const route = table.get(found.match.op.operationId);
    if (!route) return false;
    const ct = rawReq.headers['content-type'];
    if (ct === undefined || !JSON_TYPE.test(ct)) return false;
    const ce = rawReq.headers['content-encoding'];
    if (ce !== undefined && ce.toLowerCase() !== 'identity') return false;
    if (!(rawRes instanceof GatewayResponse)) return false;

    const req = rawReq as FastRequest;
    const res = rawRes as GatewayResponse;
    req.path = url;
    req.params = found.match.proxyDomain === undefined ? {} : { domain_id: found.match.proxyDomain };
    setRouteOf(req, found.match);
    res.locals.operationId = route.op.operationId;
    res.locals.lane = 'fast';
    const fail = (err: unknown) => onError(err, req as any, res as any, noop);

    options.before(req, res, (err) => {
      if (err) return fail(err);
      const declared = Number(req.headers['content-length']);
      if (declared > limit) return fail(new ApiError(413, 'Request body too large.', 'payload_too_large'));
      const chunks: Buffer[] = [];
      let size = 0;
      let over = false;
      req.on('data', (c: Buffer) => {
        if (over) return;
        size += c.length;
        if (size > limit) {
          over = true;
          chunks.length = 0;
          fail(new ApiError(413, 'Request body too large.', 'payload_too_large'));
          return;
        }
        chunks.push(c);
      });
      req.on('end', () => {
        if (over || res.writableEnded) return;
        const text = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks, size).toString('utf8');
        let body: unknown;
        if (text.length === 0) body = {}; // as body-parser: empty is {}, whitespace alone is not JSON
        else {
          // body-parser's strict mode: only an object or an array at the top.
          const first = /\S/.exec(text)?.[0];
          try {
            if (first !== '{' && first !== '[') throw new SyntaxError('not an object or array');
            body = JSON.parse(text);
          } catch {
            return fail({ type: 'entity.parse.failed' });
          }
        }
        const invalid = route.body(body);
        if (invalid) return fail(invalid);
        req.body = body;
        if (route.response) {
          const check = route.response;
          const send = res.json.bind(res);
          res.json = (data: unknown) => {
            const problem = check(res.statusCode, data);
            if (problem) {
              options.log?.error({ err: { message: problem } }, 'contract violation in response');
              res.statusCode = 500;
              return send(new ApiError(500, 'The server had an error while processing your request.').toBody());
            }
            return send(data);
          };
        }
        let result: unknown;
        try {
          // As in Express, a handler that passes the request on without an error reaches "not found".
          result = route.handler(req as any, res as any, (e?: unknown) => fail(e ?? unknownUrl('POST', url)));
        } catch (e) {
          return fail(e);
        }
        if (result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).catch(fail);
      });
    });
    return true;
  };
}
