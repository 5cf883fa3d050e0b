/**
 * One engine call against a model's upstream targets: target choice (targets.ts: breaker + least
 * outstanding), retries (retry.ts), the four timeouts, cancellation by the call context (onAbort).
 *
 * A call is a loop of attempts:
 *
 *   const call = new UpstreamCall(...);
 *   for (;;) {
 *     const att = await call.open();          // retries internally until a 2xx response has started
 *     try { ...read att, yield...; att.end(); return; }
 *     catch (err) { call.retryOrThrow(att, err, yieldedAnything); }   // throws unless a retry is fine
 *   }
 *
 * `open()` resolves once the upstream answered 2xx (for streams: once the first body byte arrived),
 * so everything before that is retried (connection refused/reset, 429, 5xx, connect and first-byte
 * timeouts). After that the caller decides: a failure before anything was yielded may be retried
 * too; after the first yield it ends the call with 502 `upstream_stream_interrupted`.
 */
import type { EngineCallContext, ModelEntry } from '../types.js';
import { EngineError } from '../types.js';
import { Abort, onAbort } from '../abort.js';
import { Attempt } from './attempt.js';
import { UpstreamError, cancelled, fromTransportError, upstreamBroken, upstreamTimeout, upstreamUnavailable } from './errors.js';
import type { PoolSet } from './pools.js';
import { requestHeaders, send, type CallRequest, type HeaderDeps } from './request.js';
import { afterYield, attemptBudget, backoffDelay, closedWhileIdle, finalError, mayRetry } from './retry.js';
import type { ResolvedTarget, UpstreamSettings } from './settings.js';
import type { TargetBook } from './targets.js';

export type { CallRequest } from './request.js';
export { Attempt } from './attempt.js';

export interface CallDeps extends HeaderDeps {
  pools: PoolSet;
  book: TargetBook;
  random: () => number;
}

export class UpstreamCall {
  /**
   * Why the whole call stopped (client gone, deadline, total timeout), or null. Not an
   * AbortController: the call only has to abort its live attempt and wake a backoff wait, and a
   * controller with its listeners is a measurable cost on every request.
   */
  private stopped: { reason: unknown } | null = null;
  /** The attempt in progress (its controller is what undici listens to). */
  private current: Attempt | null = null;
  /** Wakes a backoff wait early. */
  private wake: (() => void) | null = null;
  private readonly tried = new Set<string>();
  private readonly excluded = new Set<string>();
  private attempts = 0;
  private retries = 0;
  private last: UpstreamError | null = null;
  private readonly totalTimer: NodeJS.Timeout;
  private totalTimedOut = false;
  private readonly endsAt: number;
  private readonly unlisten: () => void;
  private maxAttempts: number;
  /** The call has had its one attempt more for a kept-alive connection closed under it (retry.ts). */
  private reconnected = false;

  constructor(
    private readonly deps: CallDeps,
    private readonly model: ModelEntry,
    private readonly s: UpstreamSettings,
    private readonly ctx: EngineCallContext,
    private readonly req: CallRequest,
  ) {
    const now = Date.now();
    const deadline = Number.isFinite(ctx.deadline) && ctx.deadline > 0 ? ctx.deadline : Infinity;
    this.endsAt = Math.min(now + s.total_timeout_ms, deadline);
    this.totalTimer = setTimeout(() => {
      this.totalTimedOut = true;
      this.stop(new Error('total timeout'));
    }, Math.max(0, Math.min(this.endsAt - now, 2 ** 31 - 1)));
    this.totalTimer.unref();
    this.unlisten = onAbort(ctx, (reason) => this.stop(reason));
    this.maxAttempts = attemptBudget(s, req.retryable);
  }

  private stop(reason: unknown): void {
    if (this.stopped) return;
    this.stopped = { reason };
    this.current?.controller.abort(reason);
    this.wake?.();
  }

  dispose(): void {
    clearTimeout(this.totalTimer);
    this.unlisten();
  }

  /** The error to surface when the whole call was aborted (client gone, deadline, total timeout). */
  private abortError(): Error {
    if (this.totalTimedOut || Date.now() >= this.endsAt - 5) return upstreamTimeout('total');
    return cancelled();
  }

  /** What an exception during an attempt means. */
  classify(att: Attempt | null, err: unknown): UpstreamError | Error {
    if (this.stopped) return this.abortError();
    if (att?.timedOut) return upstreamTimeout(att.timedOut);
    if (err instanceof UpstreamError) return err;
    if (err instanceof EngineError) return err;
    return fromTransportError(err);
  }

  private final(e: UpstreamError | Error): Error {
    return finalError(e, this.model, this.s, this.attempts);
  }

  /**
   * After an attempt failed (it is ended here): returns when another attempt may be made, throws the
   * error to surface otherwise. After a yield, any failure is final: 502 upstream_stream_interrupted
   * (or 504 upstream_timeout for a timeout), never a second answer.
   */
  retryOrThrow(att: Attempt, err: unknown, yielded: boolean): void {
    const e = this.classify(att, err);
    // A connection the upstream closed as it was reused says nothing of the upstream's health.
    const reconnect = !yielded && !this.reconnected && this.req.retryable && e instanceof UpstreamError && closedWhileIdle(err, att.target, att.status);
    att.end(reconnect ? undefined : e);
    if (!(e instanceof UpstreamError)) throw e;
    if (e.detail !== undefined) {
      this.deps.log?.warn({ request_id: this.ctx.requestId, model: this.model.id, upstream: att.target.key, status: att.status, detail: e.detail }, 'upstream error');
    }
    if (yielded) throw afterYield(e);
    if (reconnect) {
      // Not a failure of the target: no backoff, and the target is not marked tried.
      this.reconnected = true;
      this.maxAttempts++;
      return;
    }
    this.noteFailure(att.target, e);
    if (!mayRetry(e, this.attempts, this.maxAttempts)) throw this.final(e);
  }

  private noteFailure(t: ResolvedTarget, e: UpstreamError): void {
    this.last = e;
    this.tried.add(t.key);
    if (e.kind === 'timeout') this.excluded.add(t.key); // a slow replica is not asked twice in one call
  }

  /** Starts attempts until one has a 2xx response (streams: its first body byte) or none is left. */
  async open(): Promise<Attempt> {
    for (;;) {
      if (this.stopped) throw this.abortError();
      const now = Date.now();
      const target = this.deps.book.pick(this.s.targets, now, this.tried, this.excluded);
      if (!target) {
        if (this.last) throw this.final(this.last);
        const waitMs = this.deps.book.msUntilAvailable(this.s.targets, now);
        throw this.final(upstreamUnavailable(Math.max(1, Math.ceil(waitMs / 1000))));
      }
      if (this.attempts >= this.maxAttempts) throw this.final(this.last ?? upstreamBroken('no attempt left'));
      if (this.tried.has(target.key)) await this.backoff();
      this.attempts++;
      const att = this.start(target);
      try {
        const pool = this.deps.pools.get(target.origin, this.s.connect_timeout_ms, target.socketPath);
        await send(att, pool, this.req, requestHeaders(this.req, target, this.deps, this.ctx, this.model), this.s.first_byte_timeout_ms);
        return att;
      } catch (err) {
        this.retryOrThrow(att, err, false);
      }
    }
  }

  private async backoff(): Promise<void> {
    this.retries++;
    const delay = backoffDelay(this.retries, this.s, this.deps.random, this.last?.retryAfterSeconds);
    if (Date.now() + delay >= this.endsAt) throw this.final(this.last ?? upstreamTimeout('total'));
    if (delay <= 0) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, delay);
      this.wake = done;
    });
    if (this.stopped) throw this.abortError();
  }

  private start(target: ResolvedTarget): Attempt {
    const health = this.deps.book.of(target);
    const wasTrial = health.acquire(Date.now());
    const controller = new Abort();
    if (this.stopped) controller.abort(this.stopped.reason);
    const att: Attempt = new Attempt(target, health, wasTrial, controller, () => {
      if (this.current === att) this.current = null;
    }, this.s.idle_timeout_ms, {
      threshold: this.s.breaker_failures,
      cooldownMs: this.s.breaker_cooldown_ms,
    });
    this.current = att;
    return att;
  }
}
