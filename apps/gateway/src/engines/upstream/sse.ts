/**
 * An incremental Server-Sent Events parser over raw bytes: feed it chunks as they arrive, get the
 * complete events out at once. Lines end in LF, CRLF or CR (also split across chunks); bytes are
 * decoded per complete line, so a multi-byte character split between chunks is safe.
 * One event (its partial line and data lines) may hold at most `maxEventBytes`: beyond that, push()
 * throws 502 upstream_error (not retried), so an upstream that never ends a line cannot grow memory.
 */
import { upstreamBroken } from './errors.js';
import { joinBuffers } from '@cordon/server-kit';

/** The largest upstream SSE event held while it is incomplete (CORDON_STREAM_MAX_EVENT_BYTES). */
export const DEFAULT_MAX_EVENT_BYTES = 4 * 1024 * 1024;

export const eventTooLarge = (max: number) => upstreamBroken(`an event of the stream exceeded ${max} bytes`, false);

export interface SseEvent {
  /** The `event:` field ('' when absent; OpenAI chat streams never set it). */
  event: string;
  /** The `data:` lines joined by LF. */
  data: string;
}

export class SseParser {
  private parts: Buffer[] = [];
  private data: string[] = [];
  private eventName = '';
  private skipLF = false;
  /** Bytes held for the current event: its partial line (in parts) and its data lines so far. */
  private partBytes = 0;
  private dataBytes = 0;

  constructor(private readonly maxEventBytes = DEFAULT_MAX_EVENT_BYTES) {}

  /** Parses a chunk; returns the events it completed (often none or one). */
  push(chunk: Uint8Array): SseEvent[] {
    const out: SseEvent[] = [];
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    if (this.skipLF) {
      this.skipLF = false;
      if (buf.length > 0 && buf[0] === 0x0a) start = 1;
    }
    for (let i = start; i < buf.length; i++) {
      const c = buf[i];
      if (c !== 0x0a && c !== 0x0d) continue;
      let line: string;
      if (this.parts.length) {
        this.parts.push(buf.subarray(start, i));
        line = joinBuffers(this.parts).toString('utf8');
        this.parts = [];
        this.partBytes = 0;
      } else line = buf.toString('utf8', start, i);
      if (c === 0x0d) {
        if (i + 1 < buf.length) {
          if (buf[i + 1] === 0x0a) i++;
        } else this.skipLF = true;
      }
      start = i + 1;
      this.line(line, out);
    }
    if (start < buf.length) {
      this.partBytes += buf.length - start;
      this.limit();
      this.parts.push(start === 0 ? buf : buf.subarray(start));
    }
    return out;
  }

  /** The stream ended: a last unterminated line and event are taken as complete. */
  end(): SseEvent[] {
    const out: SseEvent[] = [];
    if (this.parts.length) {
      const line = joinBuffers(this.parts).toString('utf8');
      this.parts = [];
      this.partBytes = 0;
      this.line(line, out);
    }
    this.line('', out);
    return out;
  }

  /** Throws (and drops what is held) once the current event is over maxEventBytes. */
  private limit(): void {
    if (this.partBytes + this.dataBytes <= this.maxEventBytes) return;
    this.parts = [];
    this.data = [];
    this.partBytes = 0;
    this.dataBytes = 0;
    throw eventTooLarge(this.maxEventBytes);
  }

  private line(line: string, out: SseEvent[]): void {
    if (line === '') {
      if (this.data.length) out.push({ event: this.eventName, data: this.data.length === 1 ? this.data[0]! : this.data.join('\n') });
      this.data = [];
      this.eventName = '';
      this.dataBytes = 0;
      return;
    }
    if (line.charCodeAt(0) === 0x3a /* ':' comment / keep-alive */) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 0x20) value = value.slice(1);
    if (field === 'data') {
      this.dataBytes += value.length;
      this.limit();
      this.data.push(value);
    }
    else if (field === 'event') this.eventName = value;
  }
}
