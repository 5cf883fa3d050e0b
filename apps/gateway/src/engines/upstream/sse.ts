/**
 * An incremental Server-Sent Events parser over raw bytes: feed it chunks as they arrive, get the
 * complete events out at once. Lines end in LF, CRLF or CR (also split across chunks); bytes are
 * decoded per complete line, so a multi-byte character split between chunks is safe.
 */
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
        line = Buffer.concat(this.parts).toString('utf8');
        this.parts = [];
      } else line = buf.toString('utf8', start, i);
      if (c === 0x0d) {
        if (i + 1 < buf.length) {
          if (buf[i + 1] === 0x0a) i++;
        } else this.skipLF = true;
      }
      start = i + 1;
      this.line(line, out);
    }
    if (start < buf.length) this.parts.push(start === 0 ? buf : buf.subarray(start));
    return out;
  }

  /** The stream ended: a last unterminated line and event are taken as complete. */
  end(): SseEvent[] {
    const out: SseEvent[] = [];
    if (this.parts.length) {
      const line = Buffer.concat(this.parts).toString('utf8');
      this.parts = [];
      this.line(line, out);
    }
    this.line('', out);
    return out;
  }

  private line(line: string, out: SseEvent[]): void {
    if (line === '') {
      if (this.data.length) out.push({ event: this.eventName, data: this.data.length === 1 ? this.data[0]! : this.data.join('\n') });
      this.data = [];
      this.eventName = '';
      return;
    }
    if (line.charCodeAt(0) === 0x3a /* ':' comment / keep-alive */) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 0x20) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.eventName = value;
  }
}
