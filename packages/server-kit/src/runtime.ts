/**
 * The hand-written half of the server kit: typed handler signatures derived from the generated
 * contract types, the Express adapter over the generated route table (the one body reader, the
 * generated body, parameter and multipart validators, express-openapi-validator for responses in
 * tests only, 501 for missing handlers) and the error mapper that turns every failure into OpenAI's
 * error shape.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Router } from 'express';
import type * as OpenApiValidatorModule from 'express-openapi-validator';
import { createRequire } from 'node:module';
import { ApiError } from './errors.js';
import { closeIfBodyUnread, operationParams, RouteTable, routeOf, setRouteOf, unknownUrl } from './paths.js';
import { DEFAULT_MULTIPART_LIMITS, multipartReader, type MultipartLimits } from './multipart.js';
import { jsonBodyReader, jsonBodyWasEmpty, type BodyRequest } from './body.js';
import { bodyValidators, checkRequestInput, type BodyValidator, type GeneratedValidator, type InputCheckDeps, type RequestInputRules } from './validation.js';
import { requestBodyValidators, requestInputs } from './generated/validators.gen.js';

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

/**
 * What a handler reads of its request, on either lane: Node's request with the validated body, the
 * path parameters (percent-decoded once; the domain of a proxy path is the context's business, not a
 * parameter) and the query, each typed by the operation.
 */
export interface ApiRequest<O> extends IncomingMessage {
  path: string;
  body: BodyOf<O>;
  params: PathParamsOf<O>;
  query: QueryOf<O>;
}

/** What a handler writes: Node's response, plus `status` and a `json` typed by the operation's success body. */
export interface ApiResponse<O> extends ServerResponse {
  status(code: number): this;
  json(body: ResponseOf<O>): this;
}

/** One operation's handler: the request, the response, and the caller's per-request context. */
export type Handler<O, C> = (req: ApiRequest<O>, res: ApiResponse<O>, ctx: C) => unknown;

/**
 * A handler with its operation's types closed over, as the adapters hold it. `bindHandler` is the one
 * place the types meet the wire: the adapters call a bound handler only for a request of that
 * operation whose body, parameters and query the operation's validator has accepted.
 */
export type BoundHandler<C> = (req: IncomingMessage, res: ServerResponse, ctx: C) => unknown;

export function bindHandler<O, C>(handler: Handler<O, C>): BoundHandler<C> {
  return (req, res, ctx) => handler(req as ApiRequest<O>, res as ApiResponse<O>, ctx);
}

/** The per-request context a gateway gives its handlers, looked up from the request. */
export type ContextOf<C> = (req: IncomingMessage) => C;

/** One server of the spec, as a route prefix: `{base}/proxy/{domain_id}/v1` -> `/proxy/{domain_id}/v1`. */
export interface ServerDef {
  url: string;
  prefix: string;
  /** The server variables in the prefix (path parameters of the route, not of the operation). */
  variables: readonly string[];
}

export interface OperationDef {
  operationId: string;
  method: string;
  specPath: string;
  family: 'openai' | 'admin';
  /** The URL paths it is served at (Express syntax), one per server: `${servers[i].prefix}${specPath}`. */
  routes: readonly string[];
  servers?: readonly ServerDef[];
  requestContentTypes: readonly string[];
  /** The request body's `required` (a body without a media type is refused unless it is false). */
  bodyRequired?: boolean;
  /** A JSON body must be present (its schema lists required properties). */
  jsonBodyRequired?: boolean;
  successStatus: number;
  streams: boolean;
}

// ---- the validator's view of the spec --------------------------------------------------------

/** `/models/:model` -> `/models/{model}` */
const toOpenApiPath = (route: string) => route.replace(/:([^/]+)/g, '{$1}');

/**
 * What express-openapi-validator gets of the spec when it validates responses (tests): every
 * operation at each of its real URL paths (the route table's, one per server, a server variable as a
 * path parameter), so it never has to reason about servers; and without the JSON request bodies,
 * which the generated validators check (as they do parameters and multipart bodies). Without
 * `withResponses` the responses are left out: dereferencing their schemas is most of its start-up
 * work and memory.
 */
export function toValidatorSpec(spec: Record<string, any>, ops: Iterable<OperationDef>, withResponses = true): Record<string, any> {
  const paths: Record<string, any> = {};
  for (const op of ops) {
    const item = spec.paths?.[op.specPath] ?? {};
    op.routes.forEach((route, i) => {
      const variables = op.servers?.[i]?.variables ?? [];
      // Each path gets its own copy: the validator annotates operation objects as it compiles them.
      const operation = structuredClone(item[op.method]);
      delete operation.servers;
      if (!withResponses) operation.responses = { default: { description: 'not validated' } };
      const content = operation.requestBody?.content;
      if (content?.[JSON_MEDIA]) {
        delete content[JSON_MEDIA];
        if (Object.keys(content).length === 0) delete operation.requestBody;
      }
      const path = (paths[toOpenApiPath(route)] ??= {
        ...(item.parameters ? { parameters: structuredClone(item.parameters) } : {}),
      });
      if (variables.length) {
        path.parameters = [...(path.parameters ?? []).filter((p: { name: string; in: string }) => !(p.in === 'path' && variables.includes(p.name))), ...variables.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }))];
      }
      path[op.method] = operation;
    });
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

function fromValidatorError(err: { status: number; message?: string; errors?: ValidatorErrorItem[] }, req: ErrorRequest): ApiError {
  const first = err.errors?.[0];
  const status = err.status;
  if (status === 404) return unknownUrl(req.method, req.path);
  if (status === 405) return new ApiError(405, `Method ${req.method} is not allowed on ${req.path}.`, 'method_not_allowed');
  if (status === 415) return unsupportedMediaType(req);
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

/** The 415 of a request whose media type the operation does not take. */
export function unsupportedMediaType(req: IncomingMessage): ApiError {
  const ct = (req.headers['content-type'] ?? 'none').split(';')[0];
  return new ApiError(415, `Unsupported content type: ${ct}.`, 'unsupported_media_type');
}

const JSON_MEDIA = 'application/json';

/**
 * The media type of a request, as express-openapi-validator matches it against an operation's:
 * the type and subtype, lower case (parameters play no part); null without a Content-Type.
 */
export function mediaTypeOf(req: IncomingMessage): string | null {
  const ct = req.headers['content-type'];
  return ct ? ct.split(';')[0]!.toLowerCase().trim() : null;
}

/** Which of the operation's media types the request's is (`*\/*` and `type/*` included); null if none. */
export function acceptedMediaType(op: OperationDef, mediaType: string | null): string | null {
  if (mediaType === null) return null;
  for (const t of op.requestContentTypes) if (t.split(';')[0]!.toLowerCase().trim() === mediaType) return t;
  for (const t of [...op.requestContentTypes].sort().reverse()) {
    if (t === '*/*') return t;
    const wild = /^([a-z]+)\/\*$/.exec(t);
    if (wild && mediaType.startsWith(`${wild[1]}/`) && mediaType.length > wild[1]!.length + 1) return t;
  }
  return null;
}

/** The operation's check of a request's media type: a 415 when it takes a body of other types. */
export function mediaTypeError(op: OperationDef, req: IncomingMessage): ApiError | null {
  if (op.requestContentTypes.length === 0) return null;
  const mediaType = mediaTypeOf(req);
  if (acceptedMediaType(op, mediaType)) return null;
  if (mediaType === null && op.bodyRequired === false) return null;
  return unsupportedMediaType(req);
}

export interface ErrorLogger {
  error(obj: object, msg?: string): void;
}

/** The request id a gateway gave a request (for its error log lines). */
export type RequestIdOf = (req: IncomingMessage) => string | undefined;

/** What the error mapper reads of a request. */
export type ErrorRequest = IncomingMessage & { path: string };

/** Writes a whole text body with a status and its media type (a type already set on the response wins). */
export function writeText(res: ServerResponse, status: number, text: string, contentType = 'text/plain; charset=utf-8'): void {
  res.statusCode = status;
  if (!res.hasHeader('content-type')) res.setHeader('content-type', contentType);
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(text);
}

/** Writes a JSON body with a status (both lanes' responses). */
export function writeJson(res: ServerResponse, status: number, body: unknown): void {
  writeText(res, status, JSON.stringify(body), 'application/json; charset=utf-8');
}

/** Turns anything thrown into an OpenAI-shaped error response. Never leaks a stack or a body. */
export function errorHandler(log?: ErrorLogger, requestIdOf?: RequestIdOf): ErrorRequestHandler {
  const send = errorSender(log, requestIdOf);
  return (err, req, res, _next) => send(err, req, res);
}

/** The one error mapper, for both lanes: anything thrown -> an OpenAI-shaped error response. */
export function errorSender(log?: ErrorLogger, requestIdOf?: RequestIdOf): (err: unknown, req: ErrorRequest, res: ServerResponse) => void {
  return (thrown, req, res) => {
    const err: any = thrown;
    let apiError: ApiError;
    if (err instanceof ApiError) {
      apiError = err;
      // A 500 made from an unexpected error (see the gateway's toApiError): the cause goes to the log.
      if (err.status >= 500 && err.cause instanceof Error) {
        log?.error({ request_id: requestIdOf?.(req), err: { name: err.cause.name, message: err.cause.message, stack: err.cause.stack } }, 'unhandled error');
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
      log?.error({ request_id: requestIdOf?.(req), err: { name: err?.name, message: err?.message, stack: err?.stack } }, 'unhandled error');
      apiError = new ApiError(500, 'The server had an error while processing your request.', null);
    }
    if (res.headersSent) {
      // A stream already started: end it; the SSE writer is responsible for an error event.
      res.end();
      return;
    }
    closeIfBodyUnread(req, res);
    for (const [k, v] of Object.entries(apiError.headers)) res.setHeader(k, v);
    writeJson(res, apiError.status, apiError.toBody());
  };
}

export function notFoundHandler(): RequestHandler {
  return (req, res) => {
    closeIfBodyUnread(req, res);
    res.status(404).json(unknownUrl(req.method, req.path).toBody());
  };
}

// ---- the router ------------------------------------------------------------------------------

export interface ApiRouterOptions<C> {
  /** The bundled contract (packages/contract's `openapiSpec`). */
  spec: Record<string, any>;
  /** The per-request context handed to every handler. */
  context: ContextOf<C>;
  /** The request id of a request, for error log lines. */
  requestIdOf?: RequestIdOf;
  /**
   * Middleware run before body parsing and validation (auth, limits), on requests whose path and
   * method name an operation (`routeOf(req)`); any other request is answered 404/405 first.
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
  /** The generated request-body validators (generated/validators.gen.ts unless given). */
  validators?: Readonly<Record<string, GeneratedValidator>>;
  /** The generated query, path-parameter and multipart checks (generated/validators.gen.ts unless given). */
  inputs?: Readonly<Record<string, RequestInputRules>>;
}

/**
 * An admin write must carry its body: body-parser reads a zero-byte JSON body as `{}`, which for
 * `PUT .../policy` would silently reset a domain's policy to the defaults. A zero-byte or absent
 * body (with or without a Content-Type) is a 400 `missing_body` here, before validation.
 */
const requireBody: RequestHandler = (req, _res, next) => {
  const cl = req.headers['content-length'];
  const noBytes = req.body === undefined ? cl === '0' || (cl === undefined && req.headers['transfer-encoding'] === undefined) : jsonBodyWasEmpty(req);
  if (!noBytes) return next();
  next(new ApiError(400, `${req.method} ${req.path} needs a JSON request body, and none was sent.`, 'missing_body'));
};

/** The 501 of an operation the gateway has no handler for. */
export function notImplemented(op: OperationDef): ApiError {
  return new ApiError(501, `${op.operationId} (${op.method.toUpperCase()} ${op.specPath}) is not implemented by this gateway.`, 'not_implemented');
}

const MULTIPART_MEDIA = 'multipart/form-data';

// qs as Express's extended query parser uses it (one copy, no dependency of our own).
const qs = createRequire(createRequire(import.meta.url).resolve('express'))('qs') as { parse: (s: string) => Record<string, unknown> };
/** What the query checks need (both adapters): the query parser Express's extended parser uses. */
export const INPUT_CHECK_DEPS: InputCheckDeps = { qsParse: (s) => qs.parse(s) };

/**
 * Response validation (tests: `validateResponses`): express-openapi-validator, loaded only then, and
 * built as the router is made, off the request path (loading it takes a few hundred milliseconds of
 * the event loop, which the first request would otherwise wait for). Requests are checked by the
 * generated validators before it; it checks responses only.
 */
function responseValidator<C>(options: ApiRouterOptions<C>, opList: OperationDef[]): RequestHandler {
  const load = async (): Promise<RequestHandler> => {
    const OpenApiValidator: typeof OpenApiValidatorModule = await import('express-openapi-validator');
    memoizeValidatorRouteLookup();
    const chain = express.Router({ caseSensitive: true, strict: true });
    chain.use(
      OpenApiValidator.middleware({
        apiSpec: toValidatorSpec(options.spec, opList, true) as Parameters<typeof OpenApiValidator.middleware>[0]['apiSpec'],
        validateRequests: false,
        validateResponses: { removeAdditional: false },
        validateSecurity: false,
        validateFormats: true,
        fileUploader: false,
        ignoreUndocumented: false,
      }),
    );
    return chain;
  };
  const loaded = load();
  // A failed load is each request's error, not an unhandled rejection at start.
  loaded.catch(() => {});
  return (req, res, next) => {
    loaded.then((validate) => validate(req, res, next), next);
  };
}

/**
 * The Express adapter over the route table: the path gate (the one matcher) decides the operation
 * before auth and before any body is read; then the body is read (the one JSON reader) and its
 * media type checked; then the generated checks of the query, path parameters and multipart body
 * (`checkRequestInput`, as express-openapi-validator made them) and the generated validator of the
 * JSON body; then the operation's handler runs with the path parameters
 * the gate decoded and the caller's context.
 */
export function buildApiRouter<C>(ops: Iterable<OperationDef>, handlers: Partial<Record<string, BoundHandler<C>>>, options: ApiRouterOptions<C>): Router {
  const router = express.Router({ caseSensitive: true, strict: true });
  const opList = [...ops];
  const table = new RouteTable(opList);
  const validators: Map<string, BodyValidator> = bodyValidators(opList, options.validators ?? requestBodyValidators);
  const readJson = jsonBodyReader({ limit: options.jsonLimit ?? '10mb' });
  router.use((req, res, next) => {
    const found = table.match(req.method, req.originalUrl);
    // Refused before auth and before any body is read (errorHandler says `Connection: close`).
    if (!found.ok) return next(found.error);
    setRouteOf(req, found.match);
    next();
  });
  for (const mw of options.before ?? []) router.use(mw);
  router.use((req, res, next) => readJson(req as BodyRequest, res, next));
  // The path gate already knows the operation: admin writes that take a body must carry one.
  router.use((req, res, next) => {
    const op = routeOf(req)?.op;
    if (op?.family === 'admin' && op.requestContentTypes.length > 0) return requireBody(req, res, next);
    next();
  });
  router.use((req, _res, next) => {
    const op = routeOf(req)?.op;
    next(op ? (mediaTypeError(op, req) ?? undefined) : undefined);
  });
  router.use(multipartReader(options.spec, { ...DEFAULT_MULTIPART_LIMITS, ...options.multipart, fileBytes: options.fileLimit ?? DEFAULT_MULTIPART_LIMITS.fileBytes }));
  // The query, the path parameters and a multipart body: the generated checks (validators.gen.ts).
  const inputs = options.inputs ?? requestInputs;
  router.use((req, _res, next) => {
    const match = routeOf(req);
    if (!match) return next();
    const params: Record<string, unknown> = operationParams(match);
    const failure = checkRequestInput(inputs[match.op.operationId], req, params, mediaTypeOf(req) === MULTIPART_MEDIA, INPUT_CHECK_DEPS);
    if (failure) return next(failure);
    // Coerced path parameters (a string stays a string) are what the handler reads.
    Object.assign(match.params, params);
    next();
  });
  if (options.validateResponses) router.use(responseValidator(options, opList));
  router.use(async (req, res, next) => {
    const match = routeOf(req);
    if (!match) return next();
    const validate = validators.get(match.op.operationId);
    if (validate && acceptedMediaType(match.op, mediaTypeOf(req)) === JSON_MEDIA) {
      const invalid = validate(req.body);
      if (invalid) return next(invalid);
    }
    const handler = handlers[match.op.operationId];
    if (!handler) return next(notImplemented(match.op));
    req.params = operationParams(match);
    try {
      await handler(req, res, options.context(req));
    } catch (err) {
      next(err);
    }
  });
  router.use(notFoundHandler());
  router.use(errorHandler(options.log, options.requestIdOf));
  return router;
}
