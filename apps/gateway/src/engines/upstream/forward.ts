/**
 * Raw pass-through of a request body to a path below the target's base_url (audio uploads): client
 * headers are filtered (no hop-by-hop, no client credentials; content-type kept), the engine adds
 * its own auth and x-request-id. The status and body come back as they are (4xx/5xx too). A stream
 * body is one-shot, so there is a single attempt; a function of the upstream model name allows
 * retries and fail-over (it is called once per attempt).
 */
import { Readable } from 'node:stream';
import { EngineError, type ForwardedResponse, type ForwardBody } from '../types.js';
import type { Attempt } from './attempt.js';
import type { UpstreamCall } from './call.js';
import { streamInterrupted } from './errors.js';
import { forwardableHeaders, returnableHeaders } from './headers.js';
import type { CallRequest } from './request.js';

type Bytes = Readable | AsyncIterable<Uint8Array> | Buffer;

/** What undici sends: bytes, or a stream (an async iterable becomes one). */
function sendable(b: Bytes): Readable | Buffer {
  return Buffer.isBuffer(b) || b instanceof Readable ? b : Readable.from(b, { objectMode: false });
}

/** The call's request for `body`. */
export function forwardRequest(path: string, headers: Record<string, string | string[] | undefined>, body: ForwardBody): CallRequest {
  const factory = typeof body === 'function' ? body : null;
  const bytes = typeof body === 'function' ? null : body;
  let used = false;
  return {
    method: 'POST',
    path: path.startsWith('/') ? path : `/${path}`,
    headers: forwardableHeaders(headers),
    body: (t) => {
      if (factory) return sendable(factory(t.model));
      if (Buffer.isBuffer(bytes)) return bytes;
      if (used || !bytes) throw new Error('one-shot body already sent');
      used = true;
      return sendable(bytes);
    },
    stream: false,
    retryable: factory !== null || Buffer.isBuffer(bytes),
    passErrors: true,
  };
}

/** Opens the call and hands back the upstream's answer as it arrives. */
export async function forward(call: UpstreamCall): Promise<ForwardedResponse> {
  let att: Attempt;
  try {
    att = await call.open();
  } catch (err) {
    call.dispose();
    throw err;
  }
  const a = att;
  async function* pump(): AsyncGenerator<Buffer> {
    try {
      for (let c = await a.read(); c; c = await a.read()) yield c;
      a.end();
    } catch (err) {
      const e = call.classify(a, err);
      a.end(e);
      if (e instanceof EngineError && e.code === 'upstream_timeout') throw e;
      if (e instanceof EngineError) throw streamInterrupted('the connection was lost');
      throw e;
    } finally {
      a.end();
      call.dispose();
    }
  }
  return { status: a.status, headers: returnableHeaders(a.headers), body: Readable.from(pump(), { objectMode: false }), upstreamModel: a.target.model };
}
