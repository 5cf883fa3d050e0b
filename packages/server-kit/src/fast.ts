/**
 * The fast lane: the JSON inference operations (chat completions, completions, embeddings, …) and
 * the bodiless reads clients poll (the model list, a model, a stored response) served straight from
 * `node:http`, without Express, body-parser or express-openapi-validator on the request path. Express
 * costs about 0.3 ms of CPU per request on a 2-core machine before any work is done
 * (docs/benchmarks.md), which is the whole overhead budget of a gateway; and it changes the
 * prototype of every request and response it serves, which on Node 20 and 22 keeps each of them,
 * whole, past every young-generation collection until the next full one (about 11 KB a
 * `GET /v1/models`: a tenant polling it fills the old generation for everyone).
 *
 * The same contract, the same handlers, the same error shapes:
 * - bodies are read by the same reader as the Express router's (body.ts) and validated by the same
 *   generated validator (validation.ts), its failures worded by the same mapper (`errorSender`);
 * - path parameters are checked by the same generated input checks (`checkRequestInput`);
 * - the path is matched by the same RouteTable as the Express router's path gate (paths.ts);
 * - anything the lane does not take is left to the Express app, untouched: other methods and paths,
 *   query strings, other media types or charsets, encoded bodies, percent-encoded domain ids, a GET
 *   that carries a body, HEAD.
 * A parity test runs the same bodies through both paths.
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import { createContractValidator } from '@cordon/contract/validator';
import { errorSender, INPUT_CHECK_DEPS, writeJson, type BoundHandler, type ContextOf, type ErrorLogger, type OperationDef, type RequestIdOf } from './runtime.js';
import { ApiError } from './errors.js';
import { bodyUnread, operationParams, RouteTable, setRouteOf } from './paths.js';
import { parseByteLimit, PLAIN_JSON_TYPE, readPlainJson } from './body.js';
import { bodyValidators, checkRequestInput, type BodyValidator, type GeneratedValidator, type RequestInputRules } from './validation.js';
import { requestBodyValidators, requestInputs } from './generated/validators.gen.js';

/**
 * The response object of every request on a server built for the gateway: Node's, plus the two
 * Express-style helpers handlers use (`status`, `json`). Express replaces the prototype of the
 * requests it serves with its own, which has the same methods.
 */
export class GatewayResponse<Req extends IncomingMessage = IncomingMessage> extends ServerResponse<Req> {
  status(code: number): this {
    this.statusCode = code;
    return this;
  }

  json(body: unknown): this {
    writeJson(this, this.statusCode, body);
    return this;
  }
}

/** A fast-lane request: Node's, plus what the handlers read (`path`, `params`, `query`, `body`). */
export interface FastRequest extends IncomingMessage {
  path: string;
  params: Record<string, string>;
  query: Record<string, never>;
  body: unknown;
}

export type ResponseValidator = (status: number, body: unknown) => string | null;

/** JSON response checks (the contract's validator, as the tests use it) for the statuses each operation declares. */
export function responseValidators(spec: Record<string, any>, ops: OperationDef[]): Map<string, ResponseValidator> {
  const contract = createContractValidator(spec);
  const out = new Map<string, ResponseValidator>();
  for (const op of ops) {
    const declared = spec.paths?.[op.specPath]?.[op.method]?.responses ?? {};
    out.set(op.operationId, (status, data) => (String(status) in declared || 'default' in declared ? contract.response(op.operationId, status, 'application/json', data) : null));
  }
  return out;
}

export interface FastLaneOptions<C> {
  /** The bundled contract: needed only with `validateResponses`. */
  spec?: Record<string, any>;
  /** The generated request-body validators (generated/validators.gen.ts unless given). */
  validators?: Readonly<Record<string, GeneratedValidator>>;
  /** The operations this lane serves, with their handlers: POST operations with a JSON body, and GET operations without one. */
  routes: Array<{ op: OperationDef; handler: BoundHandler<C> }>;
  /** The per-request context handed to every handler. */
  context: ContextOf<C>;
  /** The request id of a request, for error log lines. */
  requestIdOf?: RequestIdOf;
  /**
   * Runs before the body is read (request id, clock, metrics, auth), Express-middleware style;
   * `done(err)` sends the error.
   */
  before: (req: FastRequest, res: GatewayResponse, done: (err?: unknown) => void) => void;
  jsonLimit?: string | number;
  validateResponses?: boolean;
  log?: ErrorLogger;
  /**
   * Requests whose body is sealed (end-to-end encrypted, the gateway's docs/confidential.md): a request
   * carrying `header` to one of `operations` has its body checked by `check` instead of the contract
   * (which its ciphertext cannot meet) and goes to `handler` instead of the operation's.
   */
  sealed?: SealedRoutes<C>;
}

export interface SealedRoutes<C> {
  header: string;
  operations: ReadonlySet<string>;
  check(operationId: string, body: unknown): ApiError | null;
  handler(req: FastRequest, res: GatewayResponse, ctx: C, operationId: string): Promise<void>;
}

/**
 * Returns the lane: `(req, res) => boolean`, true when it took the request; false leaves the
 * request, unread, to the caller (the Express app).
 */
export function createFastLane<C>(options: FastLaneOptions<C>): (req: IncomingMessage, res: ServerResponse) => boolean {
  const ops = options.routes.map((r) => r.op);
  const validators = bodyValidators(ops, options.validators ?? requestBodyValidators);
  if (options.validateResponses && !options.spec) throw new Error('validateResponses needs the spec');
  const responses = options.validateResponses && options.spec ? responseValidators(options.spec, ops) : null;
  const limit = parseByteLimit(options.jsonLimit);
  const onError = errorSender(options.log, options.requestIdOf);
  type Route = { op: OperationDef; handler: BoundHandler<C>; body: BodyValidator | null; inputs: RequestInputRules | undefined; response: ResponseValidator | null };
  const table = new Map<string, Route>();
  for (const r of options.routes) {
    const jsonPost = r.op.method === 'post' && r.op.requestContentTypes.includes('application/json');
    const bodilessGet = r.op.method === 'get' && r.op.requestContentTypes.length === 0;
    if (!jsonPost && !bodilessGet) throw new Error(`${r.op.operationId} is neither a JSON POST operation nor a GET operation without a body`);
    table.set(r.op.operationId, { op: r.op, handler: r.handler, body: validators.get(r.op.operationId) ?? null, inputs: requestInputs[r.op.operationId], response: responses?.get(r.op.operationId) ?? null });
  }
  const paths = new RouteTable(options.routes.map((r) => r.op));

  /** The operation's handler, once the request's input is read and checked. */
  const run = (route: Route, req: FastRequest, res: GatewayResponse, fail: (err: unknown) => void) => {
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
      result = route.handler(req, res, options.context(req));
    } catch (e) {
      return fail(e);
    }
    if (result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).catch(fail);
  };

  return (rawReq, rawRes) => {
    const method = rawReq.method;
    if (method !== 'POST' && method !== 'GET') return false;
    const url = rawReq.url ?? '';
    if (url.includes('?') || url.includes('%')) return false;
    const found = paths.match(method, url);
    if (!found.ok) return false;
    const route = table.get(found.match.op.operationId);
    if (!route) return false;
    if (method === 'POST') {
      const ct = rawReq.headers['content-type'];
      if (ct === undefined || !PLAIN_JSON_TYPE.test(ct)) return false;
      const ce = rawReq.headers['content-encoding'];
      if (ce !== undefined && ce.toLowerCase() !== 'identity') return false;
    } else if (bodyUnread(rawReq)) return false;
    if (!(rawRes instanceof GatewayResponse)) return false;

    const req = rawReq as FastRequest;
    const res = rawRes;
    req.path = url;
    req.params = operationParams(found.match);
    req.query = {};
    found.match.lane = 'fast';
    setRouteOf(req, found.match);
    const fail = (err: unknown) => onError(err, req, res);

    options.before(req, res, (err) => {
      if (err) return fail(err);
      if (method === 'GET') {
        req.body = undefined;
        const failure = checkRequestInput(route.inputs, req, req.params, false, INPUT_CHECK_DEPS);
        if (failure) return fail(failure);
        return run(route, req, res, fail);
      }
      readPlainJson(req, limit, (readErr) => {
        if (readErr) return fail(readErr);
        if (res.writableEnded) return;
        const sealed = options.sealed;
        if (sealed && req.headers[sealed.header] !== undefined && sealed.operations.has(route.op.operationId)) {
          const bad = sealed.check(route.op.operationId, req.body);
          if (bad) return fail(bad);
          sealed.handler(req, res, options.context(req), route.op.operationId).catch(fail);
          return;
        }
        const invalid = route.body?.(req.body);
        if (invalid) return fail(invalid);
        run(route, req, res, fail);
      });
    });
    return true;
  };
}
