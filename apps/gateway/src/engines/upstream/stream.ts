/** Streaming and one-shot reads over an UpstreamCall, with retries while nothing reached the caller. */
import type { ChatEvent, CompletionEvent } from '../types.js';
import type { Attempt, UpstreamCall } from './call.js';
import { chatChunkEvents, chatCompletionEvents, completionChunkEvents, completionEvents, parseJson } from './convert.js';
import { upstreamBroken } from './errors.js';
import { DEFAULT_MAX_EVENT_BYTES, SseParser } from './sse.js';
import { joinBuffers } from '@cordon/server-kit';

/** The largest whole JSON answer read from an upstream. */
const JSON_LIMIT = 256 * 1024 * 1024;

/** Turns one attempt's body bytes into items, incrementally. */
export interface StreamDecoder<T> {
  push(chunk: Buffer): readonly T[];
  end(): readonly T[];
  /** Did the stream end properly ([DONE] or a finish_reason), rather than just stop? */
  complete(): boolean;
  /** A failure found after some items of the same chunk: thrown once those items were yielded. */
  readonly error?: unknown;
}

/**
 * Yields items as the upstream's bytes arrive (no buffering beyond one partial event). A failure
 * before the first item is retried on the same or another target; after it, the iteration ends with
 * 502 upstream_stream_interrupted (504 for a timeout). Stopping the iteration cancels the upstream.
 */
export async function* streamWithRetries<T>(makeCall: () => UpstreamCall, decoder: (att: Attempt) => StreamDecoder<T>): AsyncGenerator<T, void, undefined> {
  let yielded = false;
  const call = makeCall(); // created on the first next(): an iterable never iterated holds nothing
  try {
    for (;;) {
      const att = await call.open();
      try {
        const dec = decoder(att);
        for (let chunk = await att.read(); chunk; chunk = await att.read()) {
          const items = dec.push(chunk);
          for (let i = 0; i < items.length; i++) {
            yielded = true;
            yield items[i]!;
          }
          if (dec.error) throw dec.error;
        }
        const tail = dec.end();
        for (let i = 0; i < tail.length; i++) {
          yielded = true;
          yield tail[i]!;
        }
        if (!dec.complete()) throw upstreamBroken('the stream ended before it was complete');
        att.end();
        return;
      } catch (err) {
        call.retryOrThrow(att, err, yielded);
      } finally {
        att.end(); // no-op when already ended; otherwise (consumer stopped) cancels the upstream request
      }
    }
  } finally {
    call.dispose();
  }
}

/** A one-shot JSON answer: read whole, converted inside the attempt (so garbage is retried too). */
export async function jsonWithRetries<T>(call: UpstreamCall, convert: (body: Record<string, unknown>) => T, limit = JSON_LIMIT): Promise<T> {
  try {
    for (;;) {
      const att = await call.open();
      try {
        const buf = await att.readAll(limit);
        const out = convert(parseJson(buf.toString('utf8')));
        att.end();
        return out;
      } catch (err) {
        call.retryOrThrow(att, err, false);
      } finally {
        att.end();
      }
    }
  } finally {
    call.dispose();
  }
}

const isJson = (att: Attempt) => /\bjson\b/i.test(String(att.headers['content-type'] ?? ''));

/** SSE chat.completion.chunk / text_completion events (or a whole JSON answer, if the upstream ignored `stream`). */
export class EventDecoder<E extends ChatEvent | CompletionEvent> implements StreamDecoder<E> {
  private readonly parser: SseParser;
  private readonly json: Buffer[] | null;
  private jsonBytes = 0;
  private done = false;
  private finished = false;
  error: unknown = undefined;

  constructor(
    att: Attempt,
    private readonly kind: 'chat' | 'completion',
    maxEventBytes = DEFAULT_MAX_EVENT_BYTES,
  ) {
    this.json = isJson(att) ? [] : null;
    this.parser = new SseParser(maxEventBytes);
  }

  push(chunk: Buffer): readonly E[] {
    if (this.json) {
      this.jsonBytes += chunk.length;
      if (this.jsonBytes > JSON_LIMIT) throw upstreamBroken('response too large', false);
      this.json.push(chunk);
      return [];
    }
    return this.take(this.parser.push(chunk));
  }

  end(): readonly E[] {
    if (this.json) {
      const body = parseJson(joinBuffers(this.json).toString('utf8'));
      this.done = true;
      return (this.kind === 'chat' ? chatCompletionEvents(body) : completionEvents(body)) as E[];
    }
    return this.take(this.parser.end());
  }

  complete(): boolean {
    return this.done || this.finished;
  }

  private take(events: { data: string }[]): E[] {
    if (events.length === 0) return [];
    const out: E[] = [];
    for (const ev of events) {
      if (this.done) break;
      if (ev.data === '[DONE]') {
        this.done = true;
        break;
      }
      const before = out.length;
      try {
        const chunk = parseJson(ev.data);
        if (this.kind === 'chat') chatChunkEvents(chunk, out as ChatEvent[]);
        else completionChunkEvents(chunk, out as CompletionEvent[]);
      } catch (err) {
        if (before === 0) throw err;
        out.length = before;
        this.error = err; // the events before it go out first
        break;
      }
      for (let i = before; i < out.length; i++) {
        const e = out[i]!;
        if (e.type === 'choice' && e.choice.finish_reason) this.finished = true;
      }
    }
    return out;
  }
}
