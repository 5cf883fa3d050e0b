/**
 * One request to one target, and the reading of its response: the first chunk under the
 * first-byte timer, then chunk by chunk under the idle timer, or whole (up to a limit). Ending an
 * attempt releases its target and tells the target's breaker how it went.
 */
import type { Dispatcher } from 'undici';
import type { Abort } from '../abort.js';
import { UpstreamError, upstreamBroken } from './errors.js';
import type { ResolvedTarget } from './settings.js';
import type { TargetHealth } from './targets.js';
import { joinBuffers } from '@cordon/server-kit';

type Body = Dispatcher.ResponseData['body'];

const ignoreLateError = () => {};

/** One request to one target. */
export class Attempt {
  private it: AsyncIterator<Buffer> | null = null;
  private first: Buffer | null = null;
  /** The body has been read to its end. */
  private ended = false;
  /** end() has run. */
  private finished = false;
  private idleTimer: NodeJS.Timeout | null = null;
  private waiting = false;
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
  body: Body | null = null;

  /** @internal */
  started(res: Dispatcher.ResponseData): void {
    this.status = res.statusCode;
    this.headers = res.headers;
    this.body = res.body;
  }

  /** The body as an async iterator, made on first use (a whole-body read does without one). */
  private iterator(): AsyncIterator<Buffer> {
    if (!this.body) throw upstreamBroken('no response body');
    return (this.it ??= this.body[Symbol.asyncIterator]());
  }

  /** @internal Reads the first chunk (streams) while the first-byte timer still runs. */
  async prime(): Promise<void> {
    const r = await this.iterator().next();
    this.first = r.done ? Buffer.alloc(0) : r.value;
    if (r.done) this.ended = true;
  }

  /** The next body chunk as it arrives (null at the end); waiting longer than idle_timeout_ms fails. */
  async read(): Promise<Buffer | null> {
    if (this.first) {
      const f = this.first;
      this.first = null;
      if (f.length) return f;
    }
    if (this.ended || !this.body) return null;
    const it = this.iterator();
    if (!this.idleTimer) {
      this.idleTimer = setTimeout(() => {
        if (!this.waiting) return;
        this.timedOut = 'idle';
        this.controller.abort(new Error('idle timeout'));
      }, this.idleMs);
      this.idleTimer.unref();
    } else this.idleTimer.refresh();
    this.waiting = true;
    try {
      const r = await it.next();
      if (r.done) {
        this.ended = true;
        return null;
      }
      return r.value;
    } finally {
      this.waiting = false;
    }
  }

  /** The whole body (non-streaming answers, error bodies), up to `limit` bytes. */
  async readAll(limit: number): Promise<Buffer> {
    if (!this.it && !this.first && !this.ended && this.body) return this.readAllEvents(this.body, limit);
    const parts: Buffer[] = [];
    let n = 0;
    for (let c = await this.read(); c; c = await this.read()) {
      n += c.length;
      if (n > limit) throw upstreamBroken('response too large', false);
      parts.push(c);
    }
    return parts.length === 1 ? parts[0]! : joinBuffers(parts, n);
  }

  /**
   * readAll() on a body nobody has started to read: plain stream events instead of an async
   * iterator (which costs a measurable share of a small JSON answer). The same limit, the same idle
   * timeout between chunks, the same errors.
   */
  private readAllEvents(body: Body, limit: number): Promise<Buffer> {
    return new Promise<Buffer>((resolve, reject) => {
      const parts: Buffer[] = [];
      let n = 0;
      const timer = setTimeout(() => {
        this.timedOut = 'idle';
        this.controller.abort(new Error('idle timeout'));
      }, this.idleMs);
      timer.unref();
      const settle = (err: unknown, buf?: Buffer) => {
        clearTimeout(timer);
        body.off('data', onData);
        body.off('end', onEnd);
        body.off('error', onError);
        body.off('close', onClose);
        if (err) reject(err);
        else resolve(buf!);
      };
      const onData = (c: Buffer) => {
        n += c.length;
        if (n > limit) return settle(upstreamBroken('response too large', false));
        parts.push(c);
        timer.refresh();
      };
      const onEnd = () => {
        this.ended = true;
        settle(null, parts.length === 1 ? parts[0]! : joinBuffers(parts, n));
      };
      const onError = (err: unknown) => settle(err);
      const onClose = () => settle(new Error('the upstream body closed before its end'));
      // A late error (an abort after the answer was read, or after a too-large answer was given
      // up) must find a listener, or it would be thrown as an uncaught exception.
      body.on('error', ignoreLateError);
      body.on('data', onData);
      body.on('end', onEnd);
      body.on('error', onError);
      body.on('close', onClose);
    });
  }

  /** The upstream answered: its health is good, whatever follows. */
  healthy(): void {
    this.health.success();
  }

  /**
   * Ends the attempt (idempotent): releases the target, records a breaker failure when `err` counts,
   * and destroys an unfinished body (which closes the upstream connection: the request is cancelled).
   */
  end(err?: unknown): void {
    if (this.finished) return;
    this.finished = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (!this.ended && this.body && !this.body.destroyed) this.body.destroy();
    this.ended = true;
    this.it = null;
    this.unlink();
    this.health.release();
    if (err instanceof UpstreamError && err.breaker) this.health.failure(Date.now(), this.breaker.threshold, this.breaker.cooldownMs);
    else if (err instanceof UpstreamError && err.kind === 'http' && err.status !== 429) this.health.success(); // it answered
    else this.health.neutral(this.wasTrial);
  }
}
