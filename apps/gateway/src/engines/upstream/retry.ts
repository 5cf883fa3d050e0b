/**
 * Retries of one upstream call: how many attempts it may make, how long it waits before trying a
 * target again (exponential backoff with full jitter; an upstream's Retry-After wins, capped), and
 * which error ends it. Before anything reached the caller, a retryable failure (connection
 * refused/reset, 429, 5xx, connect and first-byte timeouts) is tried again on the same or another
 * target; after the first yield nothing is retried (no second answer).
 */
import type { EngineError, ModelEntry } from '../types.js';
import { AllTargetsFailedError, UpstreamError, streamInterrupted } from './errors.js';
import type { UpstreamSettings } from './settings.js';
import { isRecord } from '../../records.js';

/** Attempts one call may make: every target once plus max_retries, or one for a one-shot body. */
export function attemptBudget(s: UpstreamSettings, retryable: boolean): number {
  return retryable ? s.targets.length + s.max_retries : 1;
}

/** Milliseconds to wait before the `retry`-th retry (1-based); `random` is in [0, 1). */
export function backoffDelay(retry: number, s: UpstreamSettings, random: () => number, retryAfterSeconds?: number): number {
  const exp = Math.min(s.retry_max_delay_ms, s.retry_base_delay_ms * 2 ** (retry - 1));
  let delay = exp * random();
  if (retryAfterSeconds !== undefined) delay = Math.max(delay, Math.min(retryAfterSeconds * 1000, s.retry_max_delay_ms));
  return delay;
}

/**
 * Did the upstream close a kept-alive connection as this request went out on it? undici's "other
 * side closed" before this answer's status, on a socket that had already read earlier answers: the
 * race every HTTP client has with a server's idle timeout (the server closes an idle connection at
 * the moment the client reuses it). Such a call gets one attempt more, on a new connection, whatever
 * max_retries says; not to an engine host's socket, where a closed connection may be a crash that
 * the host's rules say not to repeat (engines/host/engine.ts).
 */
export function closedWhileIdle(err: unknown, target: { socketPath?: string }, status: number): boolean {
  if (target.socketPath || status !== 0 || !(err instanceof Error)) return false;
  if (!('code' in err) || err.code !== 'UND_ERR_SOCKET' || !('socket' in err) || !isRecord(err.socket)) return false;
  const read = err.socket.bytesRead;
  return typeof read === 'number' && read > 0;
}

/** May another attempt follow this failure (nothing reached the caller yet)? */
export function mayRetry(e: UpstreamError, attempts: number, maxAttempts: number): boolean {
  return e.retryable && attempts < maxAttempts;
}

/**
 * The error that ends a call after a failure after the first yield: 502 upstream_stream_interrupted,
 * or the 504 upstream_timeout itself.
 */
export function afterYield(e: UpstreamError): EngineError {
  if (e.code === 'upstream_timeout') return e;
  return streamInterrupted(e.kind === 'connect' ? 'the connection was lost' : e.message.replace(/^The upstream failed: |\.$/g, ''));
}

/**
 * The error that ends a call after `e` when no attempt is left. An upstream 4xx is the client's
 * problem: it keeps its status and message, no fallback. Anything else says every target failed,
 * so the caller may try the model's fallback_model.
 */
export function finalError(e: UpstreamError | Error, model: ModelEntry, s: UpstreamSettings, attempts: number): Error {
  if (!(e instanceof UpstreamError)) return e;
  if (e.kind === 'http' && e.status >= 400 && e.status < 500 && e.status !== 429) return e;
  return new AllTargetsFailedError(model.id, s.fallback_model, e, attempts);
}
