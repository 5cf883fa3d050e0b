/**
 * One request to one target, and the reading of its response: the first chunk under the
 * first-byte timer, then chunk by chunk under the idle timer, or whole (up to a limit). Ending an
 * attempt releases its target and tells the target's breaker how it went.
 *
 * The attempt is undici's dispatch handler itself: the response's chunks are queued here as they
 * arrive and read from the queue (the socket paused while more than HIGH_WATER bytes wait), with no
 * Readable, async iterator or AbortSignal per request (pool.request() made all three; a plain
 * forwarder on dispatch spent 27.3-28.1 µs a request against 34.1-37.0 on request(), docs/benchmarks.md).
 */
import type { Dispatcher, Pool } from 'undici';
import type { Abort } from '../abort.js';
import { UpstreamError, upstreamBroken } from './errors.js';
import type { ResolvedTarget } from './settings.js';
import type { TargetHealth } from './targets.js';
import { joinBuffers } from '@cordon/server-kit';

/** Bytes of a response queued unread before its socket is paused (a slow client: backpressure). */
const HIGH_WATER = 64 * 1024;

/** undici's abort takes an Error; an Abort's reason may be anything. */
const asError = (reason: unknown): Error => (reason instanceof Error ? reason : new Error(String(reason)));

/** One request to one target. */
export class Attempt implements Dispatcher.DispatchHandler {
  /** undici's handle on the request: abort, pause, resume (set when it reaches a connection). */
  private dispatch: Dispatcher.DispatchController | null = null;
  /** send()'s wait for the response head. */
  private head: { resolve(): void; reject(err: unknown): void } | null = null;
  /** Chunks received and not read yet, and their bytes. */
  private queue: Buffer[] = [];
  private queued = 0;
  /** The body has been received to its end. */
  private complete = false;
  /** What ended the response early (an upstream or transport error, an abort). */
  private failure: unknown = null;
  /** A reader waiting for the next chunk, the end or a failure. */
  private wake: (() => void) | null = null;
  /** end() has run. */
  private finished = false;
  private idleTimer: NodeJS.Timeout | null = null;
  private waiting = false;
  private unlisten: () => void = () => {};
  /** Set when one of our timers aborted the attempt. */
  timedOut: 'first byte' | 'idle' | null = null;

  constructor(
    readonly target: ResolvedTarget,
    private readonly health: TargetHealth,
    private readonly wasTrial: boolean,
    readonly controller: Abort,
    private readonly unlink: () => void,
    private readonly idleMs: number,
    private readonly breaker: { threshold: number; cooldownMs: number },
  ) {}

  status = 0;
  headers: Record<string, string | string[] | undefined> = {};

  /** @internal Sends the request; resolves once the response's head (status, headers) arrived. */
  send(pool: Pool, opts: Dispatcher.DispatchOptions): Promise<void> {
    if (this.controller.aborted) return Promise.reject(this.controller.reason);
    return new Promise<void>((resolve, reject) => {
      this.head = { resolve, reject };
      // Aborted before it reached a connection: undici is told when it does (onRequestStart).
      this.unlisten = this.controller.listen((reason) => this.dispatch?.abort(asError(reason)));
      pool.dispatch(opts, this);
    });
  }

  /** @internal */
  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.dispatch = controller;
    if (this.controller.aborted) controller.abort(asError(this.controller.reason));
    else if (this.finished) controller.abort(new Error('the attempt ended before its request was sent'));
  }

  /** @internal */
  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: Record<string, string | string[] | undefined>): void {
    if (statusCode < 200) return; // 1xx: informational, the answer follows
    this.status = statusCode;
    this.headers = headers;
    const head = this.head;
    this.head = null;
    head?.resolve();
  }

  /** @internal */
  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.finished) return;
    this.queue.push(chunk);
    this.queued += chunk.length;
    if (this.queued > HIGH_WATER) controller.pause();
    this.wakeReader();
  }

  /** @internal */
  onResponseEnd(): void {
    this.complete = true;
    this.unlisten();
    this.wakeReader();
  }

  /** @internal */
  onResponseError(_controller: Dispatcher.DispatchController | undefined, err: Error): void {
    this.unlisten();
    const head = this.head;
    this.head = null;
    if (head) return head.reject(err);
    this.failure ??= err;
    this.wakeReader();
  }

  private wakeReader(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /** Waits (under the idle timer when `idle`) until a chunk is queued, the body ended or failed. */
  private async arrival(idle: boolean): Promise<void> {
    if (this.queue.length > 0 || this.complete || this.failure !== null) return;
    if (idle) {
      if (!this.idleTimer) {
        this.idleTimer = setTimeout(() => {
          if (!this.waiting) return;
          this.timedOut = 'idle';
          this.controller.abort(new Error('idle timeout'));
        }, this.idleMs);
        this.idleTimer.unref();
      } else this.idleTimer.refresh();
    }
    this.waiting = idle;
    try {
      await new Promise<void>((resolve) => (this.wake = resolve));
    } finally {
      this.waiting = false;
    }
  }

  /** @internal Waits for the first chunk (streams) while the first-byte timer still runs. */
  async prime(): Promise<void> {
    await this.arrival(false);
    if (this.queue.length === 0 && this.failure !== null) throw this.failure;
  }

  /** The next body chunk as it arrives (null at the end); waiting longer than idle_timeout_ms fails. */
  async read(): Promise<Buffer | null> {
    if (this.finished) return null;
    await this.arrival(true);
    const chunk = this.queue.shift();
    if (chunk) {
      this.queued -= chunk.length;
      if (this.queued === 0 && this.dispatch?.paused) this.dispatch.resume();
      return chunk;
    }
    if (this.failure !== null) throw this.failure;
    return null;
  }

  /** The whole body (non-streaming answers, error bodies), up to `limit` bytes. */
  async readAll(limit: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let n = 0;
    for (let c = await this.read(); c; c = await this.read()) {
      n += c.length;
      if (n > limit) throw upstreamBroken('response too large', false);
      parts.push(c);
    }
    return parts.length === 1 ? parts[0]! : joinBuffers(parts, n);
  }

  /** The upstream answered: its health is good, whatever follows. */
  healthy(): void {
    this.health.success();
  }

  /**
   * Ends the attempt (idempotent): releases the target, records a breaker failure when `err` counts,
   * and aborts an unfinished response (which closes the upstream connection: the request is cancelled).
   */
  end(err?: unknown): void {
    if (this.finished) return;
    this.finished = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.unlisten();
    // An unfinished response: its connection is closed, which cancels the request upstream.
    if (!this.complete && this.failure === null) this.dispatch?.abort(new Error('the attempt ended before its answer did'));
    this.complete = true;
    this.queue = [];
    this.queued = 0;
    this.unlink();
    this.health.release();
    if (err instanceof UpstreamError && err.breaker) this.health.failure(Date.now(), this.breaker.threshold, this.breaker.cooldownMs);
    else if (err instanceof UpstreamError && err.kind === 'http' && err.status !== 429) this.health.success(); // it answered
    else this.health.neutral(this.wasTrial);
  }
}
