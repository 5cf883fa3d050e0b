/**
 * The Responses API passed through to an upstream that speaks it (`settings.native_responses`):
 * the body as the client sent it, with only `model` set to the target's name. JSON answers come
 * back whole; streams as parsed SSE events (a stream is complete at response.completed,
 * .incomplete or .failed). Retries and fail-over as for chat, before the first event.
 */
import type { ResponsesRequest } from '../types.js';
import type { Attempt } from './attempt.js';
import { upstreamBroken } from './errors.js';
import { JSON_HEADERS, SSE_HEADERS, requestJson, type CallRequest } from './request.js';
import { SseParser, type SseEvent } from './sse.js';
import type { StreamDecoder } from './stream.js';

const END = /^response\.(completed|incomplete|failed)$/;
const END_DATA = /^\{"type":"response\.(completed|incomplete|failed)"/;

export function responsesRequest(req: ResponsesRequest): CallRequest {
  const stream = req.stream === true;
  return { method: 'POST', path: '/responses', body: (t) => requestJson({ ...req, model: t.model }), headers: stream ? SSE_HEADERS : JSON_HEADERS, stream, retryable: true };
}

/** The upstream's Responses events, complete once one of the final events arrived. */
export function responsesDecoder(att: Attempt, maxEventBytes: number): StreamDecoder<SseEvent> {
  if (!/text\/event-stream/i.test(String(att.headers['content-type'] ?? ''))) throw upstreamBroken('the upstream did not answer with an event stream');
  const parser = new SseParser(maxEventBytes);
  let done = false;
  return {
    push: (c) => {
      const evs = parser.push(c);
      for (const e of evs) if (END.test(e.event) || END_DATA.test(e.data)) done = true;
      return evs;
    },
    end: () => [],
    complete: () => done,
  };
}
