/**
 * The hand-written half of the server kit: typed handler signatures derived from the generated
 * contract types, the router builder (body parsing, express-openapi-validator, route registration,
 * 501 for missing handlers) and the error handler that turns every failure into OpenAI's error shape.
 */
import express, { type ErrorRequestHandler, type NextFunction, type Request, type RequestHandler, type Response, type Router } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import { createRequire } from 'node:module';
import { ApiError, errorBody } from './errors.js';
import { closeIfBodyUnread, RouteTable, routeOf, setRouteOf, unknownUrl } from './paths.js';
import { DEFAULT_MULTIPART_LIMITS, multipartReader, type MultipartLimits } from './multipart.js';

/**
 * express-openapi-validator looks a request's route up by compiling a path-to-regexp for every
 * path of the spec, on every request (its cost grows with the number of paths: about a fifth of
 * the gateway's CPU per request, profiled). The compiled expression depends only on the route and
 * two options, and the result is not stateful (no `g` flag), so the module's `pathToRegexp` that
 * the validator calls is memoized here, once per process. Inputs other than a string route with
 * plain options go to the original.
 */
function memoizeValidatorRouteLookup(): void {
  const fromValidator = createRequire(createRequire(import.meta.url).resolve('express-openapi-validator'));
  const ptr = fromValidator('path-to-regexp') as { pathToRegexp: (path: unknown, opts?: Record<string, unknown>) => unknown; __cordonMemo?: true };
  if (ptr.__cordonMemo || typeof ptr.pathToRegexp !== 'function') return;
  const original = ptr.pathToRegexp;
  const cache = new Map<string, unknown>();
  const plain = new Set(['sensitive', 'strict', 'end', 'trailing', 'delimiter']);
  ptr.pathToRegexp = (path, opts = {}) => {
    if (typeof path !== 'string' || Object.keys(opts).some((k) => !plain.has(k)) || cache.size > 10_000) return original(path, opts);
    const key = `${opts.sensitive ? 1 : 0}${opts.strict ? 1 : 0}${opts.end === false ? 0 : 1}${opts.trailing === false ? 0 : 1}${String(opts.delimiter ?? '')}\u0000${path}`;
    let hit = cache.get(key);
    if (hit === undefined) cache.set(key, (hit = original(path, opts)));
    return hit;
  };
  ptr.__cordonMemo = true;
}

// ---- typed handler slots -------------------------------------------------------------------

type ContentOf<O> = O extends { requestBody: { content: infer C } } ? C : O extends { requestBody?: { content: infer C } } ? C : never;
/** The request body type of an operation (JSON, else multipart). */
export type BodyOf<O> = [ContentOf<O>] extends [never]
  ? undefined
  : ContentOf<O> extends { 'application/json': infer B }
    ? B
    : ContentOf<O> extends { 'multipart/form-data': infer M }
      ? M
      : unknown;
export type PathParamsOf<O> = O extends { parameters: { path: infer P } } ? ([P] extends [never] ? {} : P) : {};
export type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? ([Q] extends [never] ? {} : NonNullable<Q>) : {};
type SuccessOf<R> = R extends { 200: infer S } ? S : R extends { 201: infer S } ? S : never;
/** The JSON success body of an operation. */
export type ResponseOf<O> = O extends { responses: infer R }
  ? SuccessOf<R> extends { content: { 'application/json': infer J } }
    ? J
    : unknown
  : unknown;

export interface ApiRequest<O> extends Request {
  body: BodyOf<O>;
  params: PathParamsOf<O> & { domain_id?: string } & Record<string, string>;
  query: QueryOf<O> & Record<string, unknown>;
}

export type Handler<O> = (req: ApiRequest<O>, res: Response<ResponseOf<O>>, next: NextFunction) => unknown;

export interface OperationDef {
  operationId: string;
  method: string;
  specPath: string;
  family: 'openai' | 'admin';
  routes: readonly string[];
  requestContentTypes: readonly string[];
  successStatus: number;
  streams: boolean;
}

export type WrapHandler = (op: OperationDef, handler: Handler<any> | undefined) => RequestHandler;

// ---- the validator's view of the spec --------------------------------------------------------

/**
 * The contract describes the OpenAI operations relative to two servers (`/v1` and
 * `/proxy/{domain_id}/v1`) and the admin operations with full paths. The validator gets one spec
 * with every real URL path, so it never has to reason about servers.
 */
export function toValidatorSpec(spec: Record<string, any>): Record<string, any> {
  const paths: Record<string, any> = {};
  for (const [p, item] of Object.entries<Record<string, any>>(spec.paths ?? {})) {
    // Each path gets its own copy: the validator annotates operation objects as it compiles them.
    const { servers, ...rest } = structuredClone(item);
    if (servers) {
      paths[p] = rest;
      continue;
    }
    paths[`/v1${p}`] = rest;
    paths[`/proxy/{domain_id}/v1${p}`] = {
      ...structuredClone(rest),
      parameters: [...(rest.parameters ?? []), { name: 'domain_id', in: 'path', required: true, schema: { type: 'string' } }],
    };
  }
  return { ...spec, servers: [{ url: '/' }], paths };
}

// ---- errors ----------------------------------------------------------------------------------

/** `/body/messages/0/role` -> `messages[0].role` (OpenAI's way of naming a parameter). */
export function paramFromPath(path: string | undefined): string | null {
  if (!path) return null;
  const parts = path.split(/[/.]/).filter(Boolean);
  if (['body', 'query', 'params', 'path', 'headers'].includes(parts[0] ?? '')) parts.shift();
  let out = '';
  for (const part of parts) out += /^\d+$/.test(part) ? `[${part}]` : out ? `.${part}` : part;
  return out || null;
}

interface ValidatorErrorItem {
  path?: string;
  message?: string;
  errorCode?: string;
}

function fromValidatorError(err: { status: number; message?: string; errors?: ValidatorErrorItem[] }, req: Request): ApiError {
  const first = err.errors?.[0];
  const status = err.status;
  if (status === 404) return unknownUrl(req.method, req.path);
  if (status === 405) return new ApiError(405, `Method ${req.method} is not allowed on ${req.path}.`, 'method_not_allowed');
  if (status === 415) {
    const ct = (req.headers['content-type'] ?? 'none').split(';')[0];
    return new ApiError(415, `Unsupported content type: ${ct}.`, 'unsupported_media_type');
  }
  if (status === 413) return new ApiError(413, 'Request body too large.', 'payload_too_large');
  if (status >= 500) return new ApiError(500, 'The server had an error while processing your request.', null);
  let param = paramFromPath(first?.path);
  const msg = first?.message ?? err.message ?? 'Invalid request.';
  const missing = /must have required property '([^']+)'/.exec(msg);
  if (missing) {
    const name = missing[1]!;
    if (!param) param = name;
    else if (param !== name && !param.endsWith(`.${name}`) && !param.endsWith(`]${name}`)) param = `${param}.${name}`;
    return new ApiError(400, `Missing required parameter: '${param}'.`, 'missing_required_parameter', param);
  }
  const extra = first?.errorCode === 'additionalProperties.openapi.validation' ? /must NOT have additional properties/.test(msg) : false;
  const text = `Invalid value for '${param ?? 'body'}': ${msg.replace(/^(request|response)\/\S+ /, '')}${extra ? '' : '.'}`.replace(/\.\.$/, '.');
  return new ApiError(400, text, 'invalid_value', param);
}

export interface ErrorLogger {
  error(obj: object, msg?: string): void;
}

/** Turns anything thrown into an OpenAI-shaped error response. Never leaks a stack or a body. */
export function errorHandler(log?: ErrorLogger): ErrorRequestHandler {
  return (err: any, req, res, _next) => {
    let apiError: ApiError;
    if (err instanceof ApiError) {
      apiError = err;
      // A 500 made from an unexpected error (see the gateway's toApiError): the cause goes to the log.
      if (err.status >= 500 && err.cause instanceof Error) {
        log?.error({ request_id: res.locals?.requestId, err: { name: err.cause.name, message: err.cause.message, stack: err.cause.stack } }, 'unhandled error');
      }
    }
    else if (err && typeof err.status === 'number' && typeof err.toBody === 'function') {
      apiError = new ApiError(err.status, err.message, err.code ?? null, err.param ?? null, err.headers ?? {});
    } else if (err?.type === 'entity.parse.failed') {
      apiError = new ApiError(
        400,
        "We could not parse the JSON body of your request. The API expects a JSON payload, but what was sent was not valid JSON.",
        'invalid_json',
      );
    } else if (err?.type === 'entity.too.large' || err?.code === 'LIMIT_FILE_SIZE') {
      apiError = new ApiError(413, 'Request body too large.', 'payload_too_large');
    } else if (err?.type === 'encoding.unsupported' || err?.type === 'charset.unsupported') {
      apiError = new ApiError(415, 'Unsupported content encoding or charset.', 'unsupported_media_type');
    } else if (err?.type && typeof err?.status === 'number' && err.status < 500) {
      apiError = new ApiError(err.status, 'The request could not be read.', 'invalid_request');
    } else if (err && typeof err.status === 'number' && Array.isArray(err.errors)) {
      if (err.status >= 500) log?.error({ err: { message: err.message, errors: err.errors } }, 'contract violation in response');
      apiError = fromValidatorError(err, req);
    } else if (err && typeof err.status === 'number' && err.status >= 400 && err.status < 500) {
      apiError = new ApiError(err.status, typeof err.message === 'string' ? err.message : 'Invalid request.', err.code ?? null, err.param ?? null);
    } else {
      log?.error({ request_id: res.locals?.requestId, err: { name: err?.name, message: err?.message, stack: err?.stack } }, 'unhandled error');
      apiError = new ApiError(500, 'The server had an error while processing your request.', null);
    }
    if (res.headersSent) {
      // A stream already started: end it; the SSE writer is responsible for an error event.
      res.end();
      return;
    }
    closeIfBodyUnread(req, res);
    for (const [k, v] of Object.entries(apiError.headers)) res.setHeader(k, v);
    res.status(apiError.status).json(apiError.toBody());
  };
}

export function notFoundHandler(): RequestHandler {
  return (req, res) => {
    closeIfBodyUnread(req, res);
    res.status(404).json(unknownUrl(req.method, req.path).toBody());
  };
}

// ---- the router ------------------------------------------------------------------------------

export interface ApiRouterOptions {
  /** The bundled contract (packages/contract's `openapiSpec`). */
  spec: Record<string, any>;
  /**
   * Middleware run before body parsing and validation (request ids, auth, limits), on requests whose
   * path and method name an operation (`routeOf(req)`); any other request is answered 404/405 first.
   */
  before?: RequestHandler[];
  /** Largest JSON body accepted, e.g. '10mb'. */
  jsonLimit?: string | number;
  /** Largest uploaded file, in bytes. */
  fileLimit?: number;
  /** The other multipart limits (DEFAULT_MULTIPART_LIMITS where not given). */
  multipart?: Partial<Omit<MultipartLimits, 'fileBytes'>>;
  /** Validate responses too (tests turn this on; it costs time on every response). */
  validateResponses?: boolean;
  log?: ErrorLogger;
}

/** Requests whose JSON body was zero bytes (body-parser reads those as `{}`). */
const emptyJsonBodies = new WeakSet<object>();

/**
 * An admin write must carry its body: body-parser reads a zero-byte JSON body as `{}`, which for
 * `PUT .../policy` would silently reset a domain's policy to the defaults. A zero-byte or absent
 * body (with or without a Content-Type) is a 400 `missing_body` here, before validation.
 */
const requireBody: RequestHandler = (req, _res, next) => {
  const cl = req.headers['content-length'];
  const noBytes = req.body === undefined ? cl === '0' || (cl === undefined && req.headers['transfer-encoding'] === undefined) : emptyJsonBodies.has(req);
  if (!noBytes) return next();
  next(new ApiError(400, `${req.method} ${req.path} needs a JSON request body, and none was sent.`, 'missing_body'));
};

export function buildApiRouter(
  register: (router: Router, wrap: WrapHandler) => void,
  options: ApiRouterOptions,
): Router {
  // Routing as the path gate matches: exact case, no trailing slash.
  const router = express.Router({ caseSensitive: true, strict: true });
  // The path gate: the operations are known once `register` has run (each passes through `wrap`).
  const ops = new Set<OperationDef>();
  let table: RouteTable | undefined;
  router.use((req, res, next) => {
    table ??= new RouteTable(ops);
    const found = table.match(req.method, req.originalUrl);
    // Refused before auth and before any body is read (errorHandler says `Connection: close`).
    if (!found.ok) return next(found.error);
    setRouteOf(req, found.match);
    next();
  });
  for (const mw of options.before ?? []) router.use(mw);
  router.use(
    express.json({
      limit: options.jsonLimit ?? '10mb',
      type: ['application/json', 'application/*+json'],
      verify: (req, _res, buf) => {
        if (buf.length === 0) emptyJsonBodies.add(req);
      },
    }),
  );
  // The path gate already knows the operation: admin writes that take a body must carry one.
  router.use((req, res, next) => {
    const op = routeOf(req)?.op;
    if (op?.family === 'admin' && op.requestContentTypes.length > 0) return requireBody(req, res, next);
    next();
  });
  router.use(multipartReader(options.spec, { ...DEFAULT_MULTIPART_LIMITS, ...options.multipart, fileBytes: options.fileLimit ?? DEFAULT_MULTIPART_LIMITS.fileBytes }));
  memoizeValidatorRouteLookup();
  router.use(
    OpenApiValidator.middleware({
      apiSpec: toValidatorSpec(options.spec) as any,
      validateRequests: { coerceTypes: true, allowUnknownQueryParameters: false },
      validateResponses: options.validateResponses ? { removeAdditional: false } : false,
      validateSecurity: false,
      validateFormats: true,
      // Multipart bodies are read by multipartReader above.
      fileUploader: false,
      ignoreUndocumented: false,
    }),
  );
  const wrap: WrapHandler = (op, handler) => {
    ops.add(op);
    if (!handler) {
      return (_req, res) => {
        res.locals.operationId = op.operationId;
        res.status(501).json(errorBody(501, `${op.operationId} (${op.method.toUpperCase()} ${op.specPath}) is not implemented by this gateway.`, 'not_implemented'));
      };
    }
    return async (req, res, next) => {
      res.locals.operationId = op.operationId;
      try {
        await handler(req as ApiRequest<any>, res, next);
      } catch (err) {
        next(err);
      }
    };
  };
  register(router, wrap);
  router.use(notFoundHandler());
  router.use(errorHandler(options.log));
  return router;
}
