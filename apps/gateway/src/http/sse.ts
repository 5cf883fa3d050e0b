/** Server-Sent Events exactly as OpenAI frames them: `data: <json>\n\n`, and `data: [DONE]` for chat/completions. */
import type { Response } from 'express';
import type { ApiError } from '@cordon/server-kit';

/**
 * The JSON of every chunk of one stream shares its envelope (id, object, created, model): serialize
 * it once, and per chunk only the changing `choices` element.
 */
export function chunkEncoder(envelope: Record<string, unknown>): (choice: unknown) => string {
  const head = `${JSON.stringify(envelope).slice(0, -1)},"choices":[`;
  return (choice) => `${head}${JSON.stringify(choice)}]}`;
}

export class SseWriter {
  private started = false;
  constructor(private readonly res: Response) {}

  /**
   * Sets the status and headers. They leave with the first event (every caller writes right after),
   * in the same system call: no separate flush of the headers.
   */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.res.status(200);
    this.res.setHeader('content-type', 'text/event-stream; charset=utf-8');
    this.res.setHeader('cache-control', 'no-cache');
    this.res.setHeader('connection', 'keep-alive');
    this.res.setHeader('x-accel-buffering', 'no');
    this.res.socket?.setNoDelay(true);
  }

  get isOpen(): boolean {
    return !this.res.writableEnded && !this.res.destroyed;
  }

  /** One `data:` event. With `event`, also an `event:` line (the Responses API names its events). */
  send(data: unknown, event?: string): void {
    if (!this.isOpen) return;
    this.start();
    this.res.write(`${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`);
  }

  /** One `data:` event whose JSON the caller already serialized (the hot path of token streams). */
  sendJson(json: string): void {
    if (!this.isOpen) return;
    this.start();
    this.res.write(`data: ${json}\n\n`);
  }

  /** Bytes that are already SSE (an upstream's stream, passed through). */
  sendRaw(bytes: Uint8Array): void {
    if (!this.isOpen) return;
    this.start();
    this.res.write(bytes);
  }

  done(): void {
    if (!this.isOpen) return;
    this.start();
    this.res.end('data: [DONE]\n\n');
  }

  /** An error after the stream started: an error event in OpenAI's shape, then the end. */
  fail(err: ApiError): void {
    if (!this.isOpen) return;
    this.start();
    this.res.end(`data: ${JSON.stringify(err.toBody())}\n\n`);
  }

  end(): void {
    if (this.isOpen) this.res.end();
  }
}
