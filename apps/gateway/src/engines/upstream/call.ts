/**
 * One engine call against a model's upstream targets: target choice (breaker + least outstanding),
 * retries with exponential backoff and full jitter, the four timeouts, cancellation by ctx.signal.
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
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import type { EngineCallContext, ModelEntry } from '../types.js';
import { EngineError } from '../types.js';
import {
  AllTargetsFailedError,
  UpstreamError,
  cancelled,
  fromTransportError,
  fromUpstreamResponse,
  streamInterrupted,
  upstreamBroken,
  upstreamTimeout,
  upstreamUnavailable,
} from './errors.js';
import type { PoolSet } from './pools.js';
import type { ResolvedTarget, UpstreamSettings } from './settings.js';
import type { TargetBook, TargetHealth } from './targets.js';

export interface CallDeps {
  pools: PoolSet;
  book: TargetBook;
  env: NodeJS.ProcessEnv;
  random: () => number;
  userAgent: string;
  log?: { warn(o: object, m?: string): void };
}

export interface CallRequest {
  method: 'GET' | 'POST';
  /** Path below the target's base_url, e.g. `/chat/completions`. */
  path: string;
  /** The body for a target (JSON text with that target's model name, or a one-shot stream). */
  body: (target: ResolvedTarget) => string | Buffer | Readable | AsyncIterable<Uint8Array> | null;
  /** Extra request headers (already filtered); the engine adds auth, x-request-id, user-agent. */
  headers?: Record<string, string>;
  /** True for SSE: `open()` then waits for the first body byte (under the first-byte timeout). */
  stream: boolean;
  /** False for one-shot bodies (a client's multipart stream): a single attempt, no retry. */
  retryable: boolean;
  /** Return upstream 4xx responses (not 429) from `open()` instead of throwing (raw pass-through). */
  passErrors?: boolean;
}

/** Hop-by-hop headers (RFC 9110 §7.6.1) and the ones the gateway owns; never forwarded. */
export const HOP_BY_HOP = new Set([
  'connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'trailers',
  'transfer-encoding', 'upgrade', 'host',
]);
const GATEWAY_OWNED = new Set(['authorization', 'cookie', 'x-api-key', 'api-key', 'x-request-id', 'user-agent']);

/** Client headers safe to send upstream: no hop-by-hop, no credentials of the client. */
export function forwardableHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  const connectionListed = new Set(
    String(headers['connection'] ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );
  for (const [k, v] of Object.entries(headers)) {
    const name = k.toLowerCase();
    if (v === undefined || HOP_BY_HOP.has(name) || GATEWAY_OWNED.has(name) || connectionListed.has(name)) continue;
    out[name] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** Upstream response headers safe to hand back to the client. */
export function returnableHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    const name = k.toLowerCase();
    if (v === undefined || HOP_BY_HOP.has(name) || name === 'set-cookie' || name === 'content-length') continue;
    out[name] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

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
    readonly controller: AbortController,
    private readonly unlink: () => void,
    private readonly idleMs: number,
    private readonly breaker: { threshold: number; cooldownMs: number },
  ) {}

  status = 0;
  headers: IncomingHttpHeaders = {};
  body: Body | null = null;

  /** @internal */
  started(res: Dispatcher.ResponseData): void {
    this.status = res.statusCode;
    this.headers = res.headers as IncomingHttpHeaders;
    this.body = res.body;
  }

  /** The body as an async iterator, made on first use (a whole-body read does without one). */
  private iterator(): AsyncIterator<Buffer> {
    return (this.it ??= (this.body as unknown as AsyncIterable<Buffer>)[Symbol.asyncIterator]());
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
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts, n);
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
        settle(null, parts.length === 1 ? parts[0]! : Buffer.concat(parts, n));
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
  private readonly onCtxAbort = () => this.stop(this.ctx.signal.reason);
  private readonly maxAttempts: number;

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
    if (ctx.signal.aborted) this.stop(ctx.signal.reason);
    else ctx.signal.addEventListener('abort', this.onCtxAbort, { once: true });
    this.maxAttempts = req.retryable ? s.targets.length + s.max_retries : 1;
  }

  private stop(reason: unknown): void {
    if (this.stopped) return;
    this.stopped = { reason };
    this.current?.controller.abort(reason);
    this.wake?.();
  }

  dispose(): void {
    clearTimeout(this.totalTimer);
    this.ctx.signal.removeEventListener('abort', this.onCtxAbort);
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

  /** The error that ends the call after `e`. */
  private final(e: UpstreamError | Error): Error {
    if (!(e instanceof UpstreamError)) return e;
    // An upstream 4xx is the client's problem: it keeps its status and message, no fallback.
    if (e.kind === 'http' && e.status >= 400 && e.status < 500 && e.status !== 429) return e;
    return new AllTargetsFailedError(this.model.id, this.s.fallback_model, e, this.attempts);
  }

  /**
   * After an attempt failed (it is ended here): returns when another attempt may be made, throws the
   * error to surface otherwise. After a yield, any failure is final: 502 upstream_stream_interrupted
   * (or 504 upstream_timeout for a timeout), never a second answer.
   */
  retryOrThrow(att: Attempt, err: unknown, yielded: boolean): void {
    const e = this.classify(att, err);
    att.end(e);
    if (!(e instanceof UpstreamError)) throw e;
    if (e.detail !== undefined) {
      this.deps.log?.warn({ request_id: this.ctx.requestId, model: this.model.id, upstream: att.target.key, status: att.status, detail: e.detail }, 'upstream error');
    }
    if (yielded) {
      if (e.code === 'upstream_timeout') throw e;
      throw streamInterrupted(e.kind === 'connect' ? 'the connection was lost' : e.message.replace(/^The upstream failed: |\.$/g, ''));
    }
    this.noteFailure(att.target, e);
    if (!e.retryable || this.attempts >= this.maxAttempts) throw this.final(e);
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
        await this.send(att);
        return att;
      } catch (err) {
        this.retryOrThrow(att, err, false);
      }
    }
  }

  private async backoff(): Promise<void> {
    this.retries++;
    const exp = Math.min(this.s.retry_max_delay_ms, this.s.retry_base_delay_ms * 2 ** (this.retries - 1));
    let delay = exp * this.deps.random();
    const ra = this.last?.retryAfterSeconds;
    if (ra !== undefined) delay = Math.max(delay, Math.min(ra * 1000, this.s.retry_max_delay_ms));
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
    const controller = new AbortController();
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

  private headersFor(target: ResolvedTarget): Record<string, string> {
    const h: Record<string, string> = { ...(this.req.headers ?? {}), 'user-agent': this.deps.userAgent };
    if (this.ctx.requestId) h['x-request-id'] = this.ctx.requestId;
    if (target.api_key_env) {
      const key = this.deps.env[target.api_key_env];
      if (key) h['authorization'] = `Bearer ${key}`;
      else this.deps.log?.warn({ model: this.model.id, api_key_env: target.api_key_env }, 'upstream api_key_env is not set');
    }
    return h;
  }

  private async send(att: Attempt): Promise<void> {
    const t = att.target;
    const pool = this.deps.pools.get(t.origin, this.s.connect_timeout_ms);
    const firstByte = setTimeout(() => {
      att.timedOut = 'first byte';
      att.controller.abort(new Error('first byte timeout'));
    }, this.s.first_byte_timeout_ms);
    firstByte.unref();
    try {
      const res = await pool.request({
        path: t.prefix + this.req.path,
        method: this.req.method,
        headers: this.headersFor(t),
        body: this.req.body(t) as any,
        signal: att.controller.signal,
      });
      att.started(res);
      if (res.statusCode >= 400 || res.statusCode < 200) {
        // Pass-through: the client's errors (4xx) come back as they are; 429 and 5xx are retried
        // like everywhere else (and surface as EngineErrors when no attempt is left).
        if (this.req.passErrors && res.statusCode >= 400 && res.statusCode < 500 && res.statusCode !== 429) {
          att.healthy();
          return;
        }
        const text = (await att.readAll(64 * 1024).catch(() => Buffer.alloc(0))).toString('utf8');
        throw fromUpstreamResponse(res.statusCode, res.headers, text);
      }
      if (this.req.stream) await att.prime();
      att.healthy();
    } finally {
      clearTimeout(firstByte);
    }
  }
}
