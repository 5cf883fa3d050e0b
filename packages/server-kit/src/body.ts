/**
 * The one JSON body reader, for both adapters: the same limit, the same errors (body-parser's, which
 * `errorSender` words), the same reading of an empty body as `{}` (remembered, for the admin writes
 * that must carry a body).
 *
 * The common request (`application/json`, UTF-8, no content encoding) is read here directly: the
 * fast lane takes only those. Any other spelling the Express router gets (`application/*+json`, other
 * UTF charsets, gzip, deflate, br) goes to body-parser's JSON reader with the same options.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import { ApiError } from './errors.js';
import { joinBuffers } from './buffers.js';

/** A request a reader has read: `body` is the parsed JSON (undefined when there was none to read). */
export type BodyRequest = IncomingMessage & { body?: unknown };
export type BodyReader = (req: BodyRequest, res: ServerResponse, done: (err?: unknown) => void) => void;

/** '10mb' -> 10485760 (the units body-parser accepts). */
export function parseByteLimit(limit: string | number | undefined, dflt = 10 * 1024 * 1024): number {
  if (typeof limit === 'number') return limit;
  if (!limit) return dflt;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|tb)?\s*$/i.exec(limit);
  if (!m) return dflt;
  const mult = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4 }[(m[2] ?? 'b').toLowerCase() as 'b'];
  return Math.floor(Number(m[1]) * mult);
}

/** The media types read as JSON (as `express.json` was configured). */
export const JSON_BODY_TYPES = ['application/json', 'application/*+json'];

/** `application/json`, optionally with `charset=utf-8`: the spelling read directly. */
export const PLAIN_JSON_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** Requests whose JSON body was zero bytes (read as `{}`). */
const emptyJsonBodies = new WeakSet<IncomingMessage>();

/** Bodies already read and parsed by whoever took the request first (an engine host's sealed lane). */
const presetBodies = new WeakMap<IncomingMessage, unknown>();

/**
 * Hands the lanes a body that was already read (and, for a sealed request, opened): the JSON reader
 * then takes it as the request's body instead of reading the stream again.
 */
export function presetJsonBody(req: IncomingMessage, body: unknown): void {
  presetBodies.set(req, body);
}

/** True when the request's JSON body was zero bytes (it reads as `{}`). */
export const jsonBodyWasEmpty = (req: IncomingMessage): boolean => emptyJsonBodies.has(req);

/** type-is's `hasBody`: a request has a body when it says how long it is, or that it is chunked. */
export const hasBody = (req: IncomingMessage): boolean => req.headers['transfer-encoding'] !== undefined || !Number.isNaN(Number(req.headers['content-length'] ?? NaN));

const tooLarge = () => new ApiError(413, 'Request body too large.', 'payload_too_large');
/** body-parser's strict mode: only an object or an array at the top (JSON whitespace before it). */
const FIRST_NON_WHITESPACE = /^[\x20\x09\x0a\x0d]*([^\x20\x09\x0a\x0d]|$)/;

/** Parses a body's text as body-parser's strict JSON parser does; throws its parse error. */
export function parseJsonText(text: string): unknown {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // iconv strips a byte order mark
  if (text.length === 0) return {};
  const first = FIRST_NON_WHITESPACE.exec(text)?.[1];
  try {
    if (first !== '{' && first !== '[') throw new SyntaxError('not an object or array');
    return JSON.parse(text);
  } catch {
    throw { status: 400, type: 'entity.parse.failed' };
  }
}

/**
 * Reads a plain JSON body (see PLAIN_JSON_TYPE) into `req.body`. A declared length over the limit
 * is refused before any of the body is read; a body that grows past it, as soon as it does.
 */
export function readPlainJson(req: BodyRequest, limit: number, done: (err?: unknown) => void): void {
  if (presetBodies.has(req)) {
    req.body = presetBodies.get(req);
    return done();
  }
  if (!hasBody(req)) {
    req.body = undefined;
    return done();
  }
  if (Number(req.headers['content-length']) > limit) return done(tooLarge());
  const chunks: Buffer[] = [];
  let size = 0;
  let settled = false;
  const finish = (err?: unknown) => {
    if (settled) return;
    settled = true;
    req.off('data', onData);
    req.off('end', onEnd);
    req.off('aborted', onAborted);
    done(err);
  };
  const onData = (c: Buffer) => {
    size += c.length;
    if (size > limit) {
      chunks.length = 0;
      return finish(tooLarge());
    }
    chunks.push(c);
  };
  const onEnd = () => {
    if (size === 0) emptyJsonBodies.add(req);
    const text = chunks.length === 1 ? chunks[0]!.toString('utf8') : joinBuffers(chunks, size).toString('utf8');
    try {
      req.body = parseJsonText(text);
    } catch (err) {
      return finish(err);
    }
    finish();
  };
  const onAborted = () => finish({ status: 400, type: 'request.aborted' });
  req.on('data', onData);
  req.on('end', onEnd);
  req.on('aborted', onAborted);
}

/**
 * The reader both adapters use: a plain JSON body is read directly; any other JSON spelling (and
 * an encoded body) by body-parser with the same limit; a request of another media type is left alone.
 */
export function jsonBodyReader(options: { limit?: string | number } = {}): BodyReader {
  const limit = parseByteLimit(options.limit);
  const other = express.json({
    limit,
    type: JSON_BODY_TYPES,
    verify: (req, _res, buf) => {
      if (buf.length === 0) emptyJsonBodies.add(req);
    },
  });
  return (req, res, done) => {
    const ct = req.headers['content-type'];
    const ce = req.headers['content-encoding'];
    if (ct !== undefined && PLAIN_JSON_TYPE.test(ct) && (ce === undefined || ce.toLowerCase() === 'identity')) return readPlainJson(req, limit, done);
    // body-parser's own types: it checks them (and leaves other media types unread).
    other(req as Parameters<typeof other>[0], res as Parameters<typeof other>[1], done);
  };
}
