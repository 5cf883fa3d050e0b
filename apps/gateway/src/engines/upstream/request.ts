/**
 * What an upstream call sends: the request (path, body per target, headers), the gateway's own
 * headers (auth from `api_key_env`, x-request-id, user-agent), and the sending itself under the
 * first-byte timeout.
 */
import type { Readable } from 'node:stream';
import type { Pool } from 'undici';
import { EngineError, type EngineCallContext, type ModelEntry } from '../types.js';
import type { Attempt } from './attempt.js';
import { fromHostResponse, fromUpstreamResponse } from './errors.js';
import type { ResolvedTarget } from './settings.js';

export interface CallRequest {
  method: 'GET' | 'POST';
  /** Path below the target's base_url, e.g. `/chat/completions`. */
  path: string;
  /** The body for a target (JSON text with that target's model name, or a one-shot stream). */
  body: (target: ResolvedTarget) => string | Buffer | Readable | null;
  /** Extra request headers (already filtered); the engine adds auth, x-request-id, user-agent. */
  headers?: Record<string, string>;
  /** True for SSE: `open()` then waits for the first body byte (under the first-byte timeout). */
  stream: boolean;
  /** False for one-shot bodies (a client's multipart stream): a single attempt, no retry. */
  retryable: boolean;
  /** Return upstream 4xx responses (not 429) from `open()` instead of throwing (raw pass-through). */
  passErrors?: boolean;
}

export const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };
export const SSE_HEADERS = { 'content-type': 'application/json', accept: 'text/event-stream' };

/**
 * A request as the JSON sent upstream. JSON.parse reads any nesting the body limit allows, but
 * JSON.stringify recurses and runs out of stack on a few thousand levels (in a field the contract
 * does not describe, which is passed on): that is the client's 400, not an upstream failure.
 */
export function requestJson(body: Record<string, unknown>): string {
  try {
    return JSON.stringify(body);
  } catch (err) {
    if (err instanceof RangeError) throw new EngineError(400, 'The request nests too deeply to be passed on to the model (a field holds thousands of nested arrays or objects).', 'invalid_value');
    throw err;
  }
}

/** The request body for a target: only `model` changes; streams always ask for usage. */
export function upstreamBody(req: Record<string, unknown>): (t: ResolvedTarget) => string {
  const cache = new Map<string, string>();
  const stream = req.stream === true;
  return (t) => {
    let s = cache.get(t.model);
    if (s === undefined) {
      // Object.assign, not spreads: see choiceChunks (encoders/chat-chunks.ts) for Node 20.
      const body: Record<string, unknown> = Object.assign({}, req, { model: t.model });
      if (stream) {
        const so = req.stream_options && typeof req.stream_options === 'object' ? req.stream_options : {};
        body.stream_options = Object.assign({}, so, { include_usage: true });
      }
      s = requestJson(body);
      cache.set(t.model, s);
    }
    return s;
  };
}

/** A JSON POST of an OpenAI request (SSE back when it asks for a stream). */
export function jsonRequest(path: string, req: Record<string, unknown>): CallRequest {
  const stream = req.stream === true;
  return { method: 'POST', path, body: upstreamBody(req), headers: stream ? SSE_HEADERS : JSON_HEADERS, stream, retryable: true };
}

export interface HeaderDeps {
  env: NodeJS.ProcessEnv;
  userAgent: string;
  log?: { warn(o: object, m?: string): void };
}

/** The request's headers plus the gateway's own for this target. */
export function requestHeaders(req: CallRequest, target: ResolvedTarget, deps: HeaderDeps, ctx: EngineCallContext, model: ModelEntry): Record<string, string> {
  const h: Record<string, string> = Object.assign({}, req.headers, { 'user-agent': deps.userAgent });
  if (ctx.requestId) h['x-request-id'] = ctx.requestId;
  if (target.bearerToken) h['authorization'] = `Bearer ${target.bearerToken}`;
  else if (target.api_key_env) {
    const key = deps.env[target.api_key_env];
    if (key) h['authorization'] = `Bearer ${key}`;
    else deps.log?.warn({ model: model.id, api_key_env: target.api_key_env }, 'upstream api_key_env is not set');
  }
  return h;
}

/**
 * Sends the attempt's request; resolves once the upstream answered 2xx (streams: once its first
 * body byte arrived), throws its error otherwise (4xx but 429 come back as they are with passErrors).
 */
export async function send(att: Attempt, pool: Pool, req: CallRequest, headers: Record<string, string>, firstByteTimeoutMs: number): Promise<void> {
  const t = att.target;
  const firstByte = setTimeout(() => {
    att.timedOut = 'first byte';
    att.controller.abort(new Error('first byte timeout'));
  }, firstByteTimeoutMs);
  firstByte.unref();
  try {
    await att.send(pool, { path: t.prefix + req.path, method: req.method, headers, body: req.body(t) });
    if (att.status >= 400) {
      // Pass-through: the client's errors (4xx) come back as they are; 429 and 5xx are retried
      // like everywhere else (and surface as EngineErrors when no attempt is left).
      if (req.passErrors && att.status < 500 && att.status !== 429) {
        att.healthy();
        return;
      }
      const text = (await att.readAll(64 * 1024).catch(() => Buffer.alloc(0))).toString('utf8');
      throw t.socketPath ? fromHostResponse(att.status, att.headers, text) : fromUpstreamResponse(att.status, att.headers, text);
    }
    if (req.stream) await att.prime();
    att.healthy();
  } finally {
    clearTimeout(firstByte);
  }
}
