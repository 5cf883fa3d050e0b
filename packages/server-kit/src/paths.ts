/**
 * The one path matcher: which operation a request URL names, decided once, before authentication
 * and before any body is read, for both the fast lane and the Express router.
 *
 * The canonical spelling is the contract's, exactly: literal segments in the case the contract
 * writes them (`/v1`, `/proxy`, `/admin`, `/chat/completions`, ...), one slash between segments, no
 * trailing slash, no dot segments, no percent-encoding in a literal segment. A path parameter
 * (`{domain_id}`, `{model}`, ...) is a run of RFC 3986 path characters, percent-decoded exactly once
 * here; a value that decodes to '', '.' or '..', or that is not valid percent-encoding, matches
 * nothing. Any other spelling matches no route: 404 (405 when the path is known but the method is
 * not), as OpenAI answers an unknown URL. The query string plays no part in the match.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './errors.js';
import { lingerAfterAnswer } from './lingering-close.js';
import type { OperationDef } from './runtime.js';

export interface RouteMatch {
  op: OperationDef;
  /** The route as registered, e.g. `/proxy/:domain_id/v1/models/:model`. */
  route: string;
  /** The route's path parameters, percent-decoded once (server variables included: see `operationParams`). */
  params: Record<string, string>;
  /** The domain a server prefix names (`{base}/proxy/{domain_id}/v1`), decoded; undefined on other routes. */
  proxyDomain?: string;
  /** The values of the server variables in the route's prefix (`domain_id`), decoded. */
  serverVariables: Record<string, string>;
  /** Which adapter serves the request: the node:http lane or the Express router. */
  lane: 'fast' | 'express';
}

export type PathResult = { ok: true; match: RouteMatch } | { ok: false; error: ApiError };

interface Node {
  literal: Map<string, Node>;
  param?: { name: string; node: Node };
  /** Method (upper case) -> operation, on the node where a route ends. */
  methods: Map<string, { op: OperationDef; route: string; serverVariables: readonly string[] }>;
}

/** The server variable that names a domain (`{base}/proxy/{domain_id}/v1`). */
export const PROXY_DOMAIN = 'domain_id';

const newNode = (): Node => ({ literal: new Map(), methods: new Map() });

/** One path parameter segment as it may be sent: unreserved, sub-delims, ':' '@', or %HH. */
const PARAM_SEGMENT = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})+$/;
const SHOWN_PATH = 200;

/** The 404 for a URL that names no operation (the path shown is cut at 200 characters). */
export function unknownUrl(method: string | undefined, path: string): ApiError {
  const shown = path.length > SHOWN_PATH ? `${path.slice(0, SHOWN_PATH)}…` : path;
  return new ApiError(404, `Unknown request URL: ${method ?? ''} ${shown}.`, 'unknown_url');
}

function methodNotAllowed(method: string | undefined, path: string, allowed: string[]): ApiError {
  const shown = path.length > SHOWN_PATH ? `${path.slice(0, SHOWN_PATH)}…` : path;
  return new ApiError(405, `Method ${method ?? ''} is not allowed on ${shown}.`, 'method_not_allowed', null, { allow: allowed.join(', ') });
}

/** The path part of a request target (`/a/b?x` -> `/a/b`). */
export const pathOf = (url: string): string => {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
};

/**
 * The raw query of a request target as the client sent it: after the first `?`, up to a `#`; null
 * without a `?` (or with the `?` inside the fragment). It replaces node:url's legacy
 * `url.parse(u).query` (deprecated, DEP0169: it warns on Node 22 and 24), and reads the same for
 * every origin-form target url.parse read as a plain path (the test holds them equal). Where
 * url.parse took its slow path (a `#` or an `@` in the target), it percent-encoded `'"<>\\^\`{|}`
 * first, which hid a reserved `'` from the reserved-character check; here the query is as sent.
 */
export function rawQueryOf(url: string): string | null {
  const hash = url.indexOf('#');
  const end = hash === -1 ? url.length : hash;
  const q = url.indexOf('?');
  return q === -1 || q > end ? null : url.slice(q + 1, end);
}

/** The operations' routes (Express syntax, `:name` parameters), matched by the canonical spelling. */
export class RouteTable {
  private readonly root = newNode();

  constructor(ops: Iterable<OperationDef>) {
    for (const op of ops) op.routes.forEach((route, i) => this.add(op, route, op.servers?.[i]?.variables ?? []));
  }

  private add(op: OperationDef, route: string, serverVariables: readonly string[]): void {
    let node = this.root;
    for (const seg of route.slice(1).split('/')) {
      if (seg.startsWith(':')) {
        const name = seg.slice(1);
        if (node.param && node.param.name !== name) throw new Error(`route ${route}: parameter :${name} conflicts with :${node.param.name}`);
        node.param ??= { name, node: newNode() };
        node = node.param.node;
      } else {
        let next = node.literal.get(seg);
        if (!next) node.literal.set(seg, (next = newNode()));
        node = next;
      }
    }
    node.methods.set(op.method.toUpperCase(), { op, route, serverVariables });
  }

  /** Matches a method and a request target (path and query) against the table. */
  match(method: string | undefined, url: string): PathResult {
    const path = pathOf(url);
    if (!path.startsWith('/') || path.length < 2) return { ok: false, error: unknownUrl(method, path) };
    const segments = path.slice(1).split('/');
    const params: Record<string, string> = {};
    const end = walk(this.root, segments, 0, params);
    if (!end) return { ok: false, error: unknownUrl(method, path) };
    const hit = end.methods.get((method ?? '').toUpperCase());
    if (!hit) return { ok: false, error: methodNotAllowed(method, path, [...end.methods.keys()]) };
    const serverVariables: Record<string, string> = {};
    for (const name of hit.serverVariables) serverVariables[name] = params[name]!;
    return { ok: true, match: { op: hit.op, route: hit.route, params, proxyDomain: serverVariables[PROXY_DOMAIN], serverVariables, lane: 'express' } };
  }
}

function walk(node: Node, segments: string[], i: number, params: Record<string, string>): Node | null {
  if (i === segments.length) return node.methods.size > 0 ? node : null;
  const seg = segments[i]!;
  const lit = node.literal.get(seg);
  if (lit) {
    const found = walk(lit, segments, i + 1, params);
    if (found) return found;
  }
  if (!node.param || !PARAM_SEGMENT.test(seg)) return null;
  let value: string;
  try {
    value = decodeURIComponent(seg);
  } catch {
    return null;
  }
  if (value === '' || value === '.' || value === '..') return null;
  const found = walk(node.param.node, segments, i + 1, params);
  if (found) params[node.param.name] = value;
  return found;
}

/** The operation's own path parameters (what handlers get): the route's, without its server variables. */
export function operationParams(match: RouteMatch): Record<string, string> {
  const names = Object.keys(match.serverVariables);
  if (names.length === 0) return match.params;
  const out = { ...match.params };
  for (const name of names) delete out[name];
  return out;
}

/**
 * Where a request's route is kept: a property of the request, not a WeakMap keyed by it. V8's
 * scavenger keeps a WeakMap's young values alive through the map's old-space table, so every
 * request's route (and what it holds) was promoted to the old generation (the gateway's
 * http/request-context.ts keeps its context so for the same reason).
 */
const ROUTE: unique symbol = Symbol('cordon.route');
declare module 'node:http' {
  interface IncomingMessage {
    [ROUTE]?: RouteMatch;
  }
}

/** Records the route a request was matched to (by the fast lane or the router's path gate). */
export function setRouteOf(req: IncomingMessage, match: RouteMatch): void {
  req[ROUTE] = match;
}

/** The route the path gate matched for this request; undefined when none did. */
export function routeOf(req: IncomingMessage): RouteMatch | undefined {
  return req[ROUTE];
}

/** True while the request still has body bytes that nobody has read. */
export function bodyUnread(req: IncomingMessage): boolean {
  if (req.complete) return false;
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Answering before the body is read (a refused path, a missing key, a declared length over the
 * limit): say `Connection: close`, so Node closes the socket after the answer instead of reading
 * and discarding the rest of the body to keep the connection alive; the close lingers (see
 * lingering-close.ts), so that the client reads the answer before the socket is gone.
 */
export function closeIfBodyUnread(req: IncomingMessage, res: ServerResponse): void {
  if (res.headersSent || !bodyUnread(req)) return;
  res.setHeader('connection', 'close');
  lingerAfterAnswer(req, res);
}
