/**
 * Server-Sent Events exactly as OpenAI frames them: `data: <json>\n\n`, and `data: [DONE]` for
 * chat/completions. With backpressure: a write the socket refused (`res.write()` returned false)
 * makes the writer `blocked`, and the caller awaits `drain()` before its next event, so the engine
 * or upstream behind it is not read meanwhile. A client that takes nothing for `writeTimeoutMs` is
 * disconnected (which aborts the request's engine call). Writes that succeed cost no promise.
 */
import type { ServerResponse } from 'node:http';
import { ApiError } from '@cordon/server-kit';

/** How long a client may take nothing before it is disconnected (CORDON_STREAM_WRITE_TIMEOUT_MS). */
export const DEFAULT_STREAM_WRITE_TIMEOUT_MS = 30_000;

export interface StreamOptions {
  writeTimeoutMs: number;
}

type Warn = { warn(o: object, m?: string): void };

/** The error a stalled client's stream ends with (recorded as the request's status; the client is gone). */
export const clientStalled = (ms: number) => new ApiError(499, `The client read nothing for ${ms} ms; the stream was closed.`, 'stream_write_timeout');
const clientGone = () => new ApiError(499, 'The request was cancelled.', 'request_cancelled');

/**
 * Resolves when `res` has taken its buffered bytes (at once when nothing waits). After `timeoutMs`
 * without a `drain`, the connection is destroyed (so the request's call context aborts) and the
 * promise rejects with 499 stream_write_timeout; it rejects with 499 request_cancelled when the
 * client goes away first.
 */
export function drained(res: ServerResponse, timeoutMs: number, log?: Warn, requestId?: string): Promise<void> {
  if (res.destroyed) return Promise.reject(clientGone());
  if (!res.writableNeedDrain) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const settle = (err?: ApiError) => {
      clearTimeout(timer);
      res.off('drain', onDrain);
      res.off('close', onClose);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(clientGone());
    const timer = setTimeout(() => {
      stalled(res, timeoutMs, log, requestId);
      settle(clientStalled(timeoutMs));
    }, timeoutMs);
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}

/** Logs and drops a client that stopped reading. */
function stalled(res: ServerResponse, timeoutMs: number, log?: Warn, requestId?: string): void {
  log?.warn(
    { request_id: requestId, buffered_bytes: res.writableLength, sent_bytes: res.socket?.bytesWritten ?? 0, timeout_ms: timeoutMs },
    'client stopped reading the stream: disconnected',
  );
  // A reset, not a close: the bytes queued in the kernel for this client are dropped too.
  res.socket?.resetAndDestroy();
  res.destroy();
}

/**
 * After `res.end()`: a client that never takes the rest is dropped after `timeoutMs` (a timer only
 * when bytes are still buffered, so a normal stream sets none).
 */
function dropIfStalledAfterEnd(res: ServerResponse, timeoutMs: number, log?: Warn, requestId?: string): void {
  if (res.writableFinished || res.destroyed || res.writableLength === 0) return;
  const timer = setTimeout(() => stalled(res, timeoutMs, log, requestId), timeoutMs);
  timer.unref();
  const clear = () => clearTimeout(timer);
  res.once('finish', clear);
  res.once('close', clear);
}

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
  private readonly writeTimeoutMs: number;

  constructor(
    private readonly res: ServerResponse,
    opts: StreamOptions = { writeTimeoutMs: DEFAULT_STREAM_WRITE_TIMEOUT_MS },
    private readonly log?: Warn,
    private readonly requestId?: string,
  ) {
    this.writeTimeoutMs = opts.writeTimeoutMs;
  }

  /**
   * Sets the status and headers. They leave with the first event (every caller writes right after),
   * in the same system call: no separate flush of the headers.
   */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.res.statusCode = 200;
    this.res.setHeader('content-type', 'text/event-stream; charset=utf-8');
    this.res.setHeader('cache-control', 'no-cache');
    this.res.setHeader('x-accel-buffering', 'no');
    this.res.socket?.setNoDelay(true);
  }

  get isOpen(): boolean {
    return !this.res.writableEnded && !this.res.destroyed;
  }

  /** One `data:` event. With `event`, also an `event:` line (the Responses API names its events). False: await drain(). */
  send(data: unknown, event?: string): boolean {
    if (!this.isOpen) return true;
    this.start();
    return this.write(`${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`);
  }

  /** One `data:` event whose JSON the caller already serialized (the hot path of token streams). False: await drain(). */
  sendJson(json: string): boolean {
    if (!this.isOpen) return true;
    this.start();
    return this.write(`data: ${json}\n\n`);
  }

  /** Bytes that are already SSE (an upstream's stream, passed through). False: await drain(). */
  sendRaw(bytes: Uint8Array): boolean {
    if (!this.isOpen) return true;
    this.start();
    return this.write(bytes);
  }

  private write(chunk: string | Uint8Array): boolean {
    return this.res.write(chunk);
  }

  /** A write was refused by the socket and its buffer has not drained: await drain() before writing more. */
  get blocked(): boolean {
    return this.res.writableNeedDrain;
  }

  /**
   * Waits until the client took what is buffered (resolves at once if it already has). A client that
   * takes nothing for the write timeout is disconnected, and this rejects with 499
   * stream_write_timeout; a client gone rejects with 499 request_cancelled.
   */
  drain(): Promise<void> {
    return drained(this.res, this.writeTimeoutMs, this.log, this.requestId);
  }

  done(): void {
    if (!this.isOpen) return;
    this.start();
    this.res.end('data: [DONE]\n\n');
    dropIfStalledAfterEnd(this.res, this.writeTimeoutMs, this.log, this.requestId);
  }

  /** An error after the stream started: an error event in OpenAI's shape, then the end. */
  fail(err: ApiError): void {
    if (!this.isOpen) return;
    this.start();
    this.res.end(`data: ${JSON.stringify(err.toBody())}\n\n`);
    dropIfStalledAfterEnd(this.res, this.writeTimeoutMs, this.log, this.requestId);
  }

  end(): void {
    if (!this.isOpen) return;
    this.res.end();
    dropIfStalledAfterEnd(this.res, this.writeTimeoutMs, this.log, this.requestId);
  }
}
