/**
 * The raw SSE fast path: the upstream's bytes go to the client as they are, except
 *  - the `model` field, rewritten from the upstream's model name to the one the client asked for,
 *  - the usage chunk, read for accounting and dropped unless the client asked for it.
 *
 * Per-chunk cost (documented, as the handler may use this for every token):
 *  - one native `indexOf(LF)` per line to find event boundaries (events are cut at blank lines, a
 *    partial event waits for the next chunk, so a rewrite never straddles chunks);
 *  - per event, two byte peeks (is it `data: [DONE]` or `data: {"error"`?), one native `indexOf`
 *    of `"usage":` (then one byte looked at: an object, or vLLM's per-chunk `null`), and one native
 *    `indexOf` of the precomputed needle `"model":"<upstream>"` (the `"model": "<upstream>"`
 *    variant only when the first misses; none at all when both model names are equal);
 *  - no JSON parse and no string decoding in the common case: output is built from Buffer slices
 *    and the precomputed replacement bytes, one `joinBuffers` per input chunk (zero copies when
 *    the upstream and client model names are equal and there is no usage chunk);
 *  - JSON parse + re-serialize only for (a) the one usage chunk, (b) an event whose `model` is
 *    written in an unexpected way (neither needle found but `"model"` present), (c) an in-stream
 *    error event (which becomes an exception, like on the parsed path).
 * Measured (Node 20, 2 vCPU, ~230-byte vLLM-style chunks): ~1.3 µs per chunk with the rewrite,
 * ~0.7 µs when the names are equal, against ~4.2 µs (plus garbage) for parse + re-serialize.
 * The bytes end with the upstream's own `data: [DONE]`; a stream without it counts as interrupted.
 * A partial event is held at most `maxEventBytes` (then the stream fails: an upstream that sends an
 * endless line must not grow memory); chunks without a line feed are only kept, never concatenated.
 */
import type { RawStream, Usage } from '../types.js';
import type { UpstreamCall } from './call.js';
import { DEFAULT_MAX_EVENT_BYTES, SseParser, eventTooLarge } from './sse.js';
import { streamWithRetries, type StreamDecoder } from './stream.js';
import { streamErrorOf } from './convert.js';
import { upstreamBroken } from './errors.js';
import { dropUpstreamOnlyFields } from './normalize.js';
import { joinBuffers } from '@cordon/server-kit';

const LF = 0x0a;
const CR = 0x0d;
const DONE = Buffer.from('data: [DONE]');
const DONE_NOSPACE = Buffer.from('data:[DONE]');
const USAGE = Buffer.from('"usage":');
const MODEL_KEY = Buffer.from('"model"');
const ERRORS = [Buffer.from('data: {"error"'), Buffer.from('data:{"error"')];

const startsWith = (b: Buffer, p: Buffer) => b.length >= p.length && b.compare(p, 0, p.length, 0, p.length) === 0;

/** One scan for `"usage":`, then a look at the value: an object, not the `null` vLLM puts on every chunk. */
function hasUsageObject(ev: Buffer): boolean {
  let at = ev.indexOf(USAGE);
  while (at !== -1) {
    let i = at + USAGE.length;
    while (ev[i] === 0x20) i++;
    if (ev[i] === 0x7b /* { */) return true;
    at = ev.indexOf(USAGE, i);
  }
  return false;
}

/** End of the event starting at `from` (index just after its blank line), or -1. */
function eventEnd(buf: Buffer, from: number): number {
  let i = buf.indexOf(LF, from);
  while (i !== -1) {
    const n = buf[i + 1];
    if (n === LF) return i + 2;
    if (n === CR && buf[i + 2] === LF) return i + 3;
    if (n === undefined) return -1;
    i = buf.indexOf(LF, i + 1);
  }
  return -1;
}

export class RawSseRewriter {
  /** The last usage the upstream reported. */
  usage: Usage | null = null;
  /** `data: [DONE]` was seen. */
  done = false;
  /** Complete events passed on so far. */
  events = 0;
  /** A failure after some good events of the same chunk (those are returned first). */
  error: unknown = undefined;
  /** The partial event so far, in pieces (joined only when a chunk with a line feed arrives). */
  private rest: Buffer[] = [];
  private restBytes = 0;
  private readonly needles: Buffer[];
  private readonly replacements: Buffer[];
  private readonly rewriteModel: boolean;

  constructor(
    private readonly upstreamModel: string,
    private readonly clientModel: string,
    private readonly includeUsage: boolean,
    private readonly maxEventBytes = DEFAULT_MAX_EVENT_BYTES,
  ) {
    this.rewriteModel = upstreamModel !== clientModel;
    const up = JSON.stringify(upstreamModel);
    const cl = JSON.stringify(clientModel);
    this.needles = [Buffer.from(`"model":${up}`), Buffer.from(`"model": ${up}`)];
    this.replacements = [Buffer.from(`"model":${cl}`), Buffer.from(`"model": ${cl}`)];
  }

  /** Complete events of `chunk` (with what was left from before), rewritten; null when none is complete yet. */
  push(chunk: Buffer): Buffer | null {
    let buf = chunk;
    if (this.restBytes > 0) {
      // An event ends with LF LF (or LF CR LF): without a line feed in the chunk none can end here.
      if (chunk.indexOf(LF) === -1) {
        if (!this.keep(chunk)) throw eventTooLarge(this.maxEventBytes);
        return null;
      }
      this.rest.push(chunk);
      buf = joinBuffers(this.rest, this.restBytes + chunk.length);
      this.rest = [];
      this.restBytes = 0;
    }
    let start = 0;
    let out: Buffer[] | null = null; // null while the output is `buf` untouched so far
    let untouchedEnd = 0;
    for (;;) {
      const end = eventEnd(buf, start);
      if (end === -1) break;
      const ev = buf.subarray(start, end);
      let replaced: Buffer;
      try {
        replaced = this.event(ev);
      } catch (err) {
        if (start === 0) throw err;
        this.error = err;
        break;
      }
      this.events++;
      if (replaced === ev && out === null) {
        untouchedEnd = end;
      } else {
        if (out === null) out = untouchedEnd > 0 ? [buf.subarray(0, untouchedEnd)] : [];
        if (replaced.length) out.push(replaced);
      }
      start = end;
    }
    if (start < buf.length && this.error === undefined && !this.keep(start === 0 ? buf : buf.subarray(start))) {
      if (start === 0) throw eventTooLarge(this.maxEventBytes);
      this.error = eventTooLarge(this.maxEventBytes); // the complete events before it go out first
    }
    if (out === null) return untouchedEnd > 0 ? buf.subarray(0, untouchedEnd) : null;
    return out.length ? joinBuffers(out) : null;
  }

  /** The stream ended: a last event without its blank line, rewritten (and completed). */
  end(): Buffer | null {
    if (this.restBytes === 0) return null;
    const ev = joinBuffers([...this.rest, Buffer.from('\n\n')]);
    this.rest = [];
    this.restBytes = 0;
    const out = this.event(ev);
    this.events++;
    return out.length ? out : null;
  }

  /** Holds a partial event; false (and nothing held) when it would exceed maxEventBytes. */
  private keep(part: Buffer): boolean {
    this.restBytes += part.length;
    if (this.restBytes > this.maxEventBytes) {
      this.rest = [];
      this.restBytes = 0;
      return false;
    }
    this.rest.push(part);
    return true;
  }

  private event(ev: Buffer): Buffer {
    // Byte peeks first (a Buffer.compare costs ~150 ns, a peek ~1 ns): `data:` then `[` or `{"e`.
    const v = ev[5] === 0x20 ? 6 : 5;
    const c = ev[v];
    if (c === 0x5b /* [ */ && (startsWith(ev, DONE) || startsWith(ev, DONE_NOSPACE))) {
      this.done = true;
      return ev;
    }
    // An in-stream error becomes an exception: the handler sends its own error event.
    if (c === 0x7b && ev[v + 2] === 0x65 /* {"e */ && (startsWith(ev, ERRORS[0]!) || startsWith(ev, ERRORS[1]!))) return this.slow(ev, false);
    if (hasUsageObject(ev)) return this.slow(ev, true);
    if (!this.rewriteModel) return ev;
    for (let k = 0; k < 2; k++) {
      const at = ev.indexOf(this.needles[k]!);
      if (at !== -1) {
        const rep = this.replacements[k]!;
        return joinBuffers([ev.subarray(0, at), rep, ev.subarray(at + this.needles[k]!.length)], ev.length - this.needles[k]!.length + rep.length);
      }
    }
    if (ev.indexOf(MODEL_KEY) !== -1) return this.slow(ev, false);
    return ev;
  }

  /** Parse, fix and re-serialize one event (the usage chunk, or an oddly written `model`). */
  private slow(ev: Buffer, hasUsage: boolean): Buffer {
    const parsed = new SseParser().push(ev);
    const data = parsed[0]?.data;
    if (data === undefined) return ev;
    let obj: Record<string, unknown>;
    try {
      obj = JSON.parse(data);
    } catch {
      throw upstreamBroken('invalid JSON in the event stream');
    }
    const err = streamErrorOf(obj);
    if (err) throw err;
    if (typeof obj.model === 'string') obj.model = this.clientModel;
    dropUpstreamOnlyFields(obj);
    if (hasUsage && obj.usage && typeof obj.usage === 'object') {
      this.usage = obj.usage as Usage;
      if (!this.includeUsage) {
        if (!Array.isArray(obj.choices) || obj.choices.length === 0) return Buffer.alloc(0);
        delete obj.usage;
      }
    }
    const name = parsed[0]!.event;
    return Buffer.from(`${name ? `event: ${name}\n` : ''}data: ${JSON.stringify(obj)}\n\n`);
  }
}

/** The rewriter as streamWithRetries reads an attempt's bytes. */
class RawDecoder implements StreamDecoder<Buffer> {
  constructor(private readonly rewriter: RawSseRewriter) {}

  push(chunk: Buffer): readonly Buffer[] {
    const out = this.rewriter.push(chunk);
    return out ? [out] : [];
  }

  end(): readonly Buffer[] {
    const out = this.rewriter.end();
    return out ? [out] : [];
  }

  complete(): boolean {
    return this.rewriter.done;
  }

  get error(): unknown {
    return this.rewriter.error;
  }
}

/**
 * One streamed request's raw pass-through: its bytes, and the usage and event count of the attempt
 * that answered.
 *
 * A class, not an object literal with getters (`{ get usage() { ... } }`): V8 makes a literal's
 * getter pair in the old generation, and from there it keeps the young closures it holds alive, with
 * everything they reach (here the whole request: its call, its attempt, the client's request and
 * response), through every young-generation collection until the next full one. With the literal,
 * every streamed request was promoted whole (5.4 KB a request at one connection against 0.08 KB on
 * the parsed path; docs/benchmarks.md, session 22), and the old generation filled at the rate of
 * the traffic. A class keeps its getters on the prototype, made once.
 */
class RawPassThrough implements RawStream {
  /** The rewriter of the attempt that answered (null before one did). */
  private rewriter: RawSseRewriter | null = null;
  private first: IteratorResult<Buffer, void> | null = null;
  private readonly gen: AsyncGenerator<Buffer, void, undefined>;

  constructor(makeCall: () => UpstreamCall, clientModel: string, readonly includeUsage: boolean, maxEventBytes: number) {
    this.gen = streamWithRetries(makeCall, (att) => {
      if (!/text\/event-stream/i.test(String(att.headers['content-type'] ?? ''))) throw upstreamBroken('the upstream did not answer with an event stream');
      this.rewriter = new RawSseRewriter(att.target.model, clientModel, includeUsage, maxEventBytes);
      return new RawDecoder(this.rewriter);
    });
  }

  get usage(): Usage | null {
    return this.rewriter?.usage ?? null;
  }

  get events(): number {
    return this.rewriter?.events ?? 0;
  }

  /** Resolves once the first complete event arrived (retries and fail-over before it). */
  async open(): Promise<this> {
    this.first = await this.gen.next();
    return this;
  }

  async cancel(): Promise<void> {
    await this.gen.return(undefined);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer, void, undefined> {
    const first = this.first;
    if (!first || first.done) return;
    yield first.value;
    yield* this.gen;
  }
}

/**
 * Opens the raw pass-through of one streamed request (retries and fail-over before the first
 * event, as for parsed streams): resolves once the first complete event arrived.
 */
export function openRawStream(makeCall: () => UpstreamCall, clientModel: string, includeUsage: boolean, maxEventBytes: number): Promise<RawStream> {
  return new RawPassThrough(makeCall, clientModel, includeUsage, maxEventBytes).open();
}
