/**
 * The one per-request state: made once when a request arrives (either lane), passed to handlers,
 * the policy layer and engines. It holds the clock (and the engine's share of it, for
 * `x-cordon-overhead-ms`), the request id, who is calling (key, domain), the model once resolved,
 * the abort signal (client gone, deadline), the admission taken from the policy, and the usage that
 * was metered. Nothing per request lives anywhere else.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EngineCallContext, Usage } from '../engines/types.js';
import { Abort } from '../engines/abort.js';
import { NO_KEY, unauthorized, type AuthContext } from './auth.js';
import { randomToken } from './ids.js';

/** `x-cordon-overhead-ms`: the request's time so far minus its time waiting on the engine. */
export const OVERHEAD_HEADER = 'x-cordon-overhead-ms';

const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Where a request's context is kept: a property of the request object, not a WeakMap keyed by it.
 * V8's scavenger keeps a WeakMap's young values alive through the map's old-space table, so with
 * a WeakMap every request's objects were promoted to the old generation (1.1 MB per scavenge
 * under load against 0.19 MB without, a scavenge every ~26 ms; `scripts/bench/alloc-sample.mjs
 * --promoted`): garbage that stayed in the heap until V8's next mark-compact.
 */
const CONTEXT: unique symbol = Symbol('cordon.requestContext');
declare module 'node:http' {
  interface IncomingMessage {
    [CONTEXT]?: RequestContext;
  }
}

export class RequestContext implements EngineCallContext {
  /** Wall-clock start (ms since epoch), for usage records. */
  readonly startedAt = Date.now();
  /** A well-formed `x-request-id` the client sent, or one made here; returned on the response. */
  readonly requestId: string;
  /** Milliseconds spent waiting on engines (not the gateway's own time). */
  engineMs = 0;
  /** The registry id of the model the request was resolved to (logs, metrics). */
  model: string | null = null;
  /** Absolute time (ms since epoch) by which the engine call must end; set by `startEngineCall`. */
  deadline = Number.POSITIVE_INFINITY;
  private readonly t0 = performance.now();
  /** The request's cancellation (engines/abort.ts: cheap); a real AbortSignal only when asked for. */
  private readonly abortion = new Abort();
  private controller: AbortController | null = null;
  private caller: AuthContext | null = null;
  private usedSoFar: (() => Usage | Promise<Usage>) | null = null;

  private constructor(
    private readonly res: ServerResponse,
    given: string | string[] | undefined,
  ) {
    this.requestId = typeof given === 'string' && VALID_REQUEST_ID.test(given) ? given : `req_${randomToken(12, 'hex')}`;
    res.setHeader('x-request-id', this.requestId);
  }

  /** The request's context, made on first sight of the request. */
  static for(req: IncomingMessage, res: ServerResponse): RequestContext {
    return (req[CONTEXT] ??= new RequestContext(res, req.headers['x-request-id']));
  }

  /** The context `for` made; a request that arrived without one is a bug in the server's wiring. */
  static of(req: IncomingMessage): RequestContext {
    const ctx = req[CONTEXT];
    if (!ctx) throw new Error('request without a RequestContext');
    return ctx;
  }

  /** The caller (key and domain); a 401 when the request was not authenticated. */
  get auth(): AuthContext {
    if (!this.caller) throw unauthorized(NO_KEY);
    return this.caller;
  }

  /** The caller, or null before authentication (for the request log line). */
  get authenticated(): AuthContext | null {
    return this.caller;
  }

  authenticate(auth: AuthContext): void {
    this.caller = auth;
  }

  /**
   * Aborts when the client goes away before the answer is written, or at the deadline. Made on
   * first use: code that only needs to hear of it uses `onAbort`, which costs no AbortSignal.
   */
  get signal(): AbortSignal {
    if (!this.controller) {
      const controller = (this.controller = new AbortController());
      this.abortion.listen((reason) => controller.abort(reason));
    }
    return this.controller.signal;
  }

  /** Whether the request was cancelled (client gone, deadline). */
  get aborted(): boolean {
    return this.abortion.aborted;
  }

  /** See EngineCallContext.onAbort. An own property, so that an engine's `{ ...ctx, signal }` keeps it. */
  readonly onAbort = (listener: (reason: unknown) => void): (() => void) => this.abortion.listen(listener);

  /**
   * Arms the engine call: the deadline, and the abort when the client closes the connection before
   * the answer is finished. Returns the disarm (call it when the call is over, whatever happened).
   */
  startEngineCall(timeoutMs: number): () => void {
    this.deadline = Date.now() + timeoutMs;
    const res = this.res;
    const onClose = () => {
      if (!res.writableFinished) this.abortion.abort(new Error('client closed the connection'));
    };
    res.on('close', onClose);
    const timer = setTimeout(() => this.abortion.abort(new Error('request deadline exceeded')), timeoutMs);
    timer.unref();
    return () => {
      clearTimeout(timer);
      res.off('close', onClose);
    };
  }

  /**
   * A generating engine registers how to read what it has used so far (see EngineCallContext). An
   * own property, so that an engine's `{ ...ctx, signal }` keeps it.
   */
  readonly trackUsage = (read: () => Usage | Promise<Usage>): void => {
    this.usedSoFar = read;
  };

  /** What the engine has used so far, when it registered a reader; else null. */
  async usageSoFar(): Promise<Usage | null> {
    return this.usedSoFar ? this.usedSoFar() : null;
  }

  /** Runs when the response is closed (finished or cut), once. */
  onClose(fn: () => void): void {
    this.res.once('close', fn);
  }

  /** Headers the policy layer adds to the answer (rate-limit state). */
  setHeaders(headers: Record<string, string>): void {
    for (const [k, v] of Object.entries(headers)) this.res.setHeader(k, v);
  }

  /** Wraps an engine wait: its time is not the gateway's. */
  async engineTime<T>(work: () => Promise<T>): Promise<T> {
    const t = performance.now();
    try {
      return await work();
    } finally {
      this.engineMs += performance.now() - t;
    }
  }

  /** Sets `x-cordon-overhead-ms` (before the first byte of the answer; for a stream, at its start). */
  stampOverhead(): void {
    if (this.res.headersSent) return;
    const ms = performance.now() - this.t0 - this.engineMs;
    this.res.setHeader(OVERHEAD_HEADER, Math.max(0, ms).toFixed(3));
  }

  /** Milliseconds since the request arrived. */
  elapsedMs(): number {
    return performance.now() - this.t0;
  }
}
