/**
 * How upstream failures become EngineErrors:
 *  - an upstream 4xx keeps its status and its OpenAI-shaped message (a non-OpenAI body is wrapped,
 *    truncated); except 401/403/407, which are the gateway's credentials, not the client's: 502;
 *  - a broken upstream (refused, reset, garbage, 5xx) -> 502 `upstream_error`, with a generic
 *    message: what a 5xx body says (stack traces, hosts, paths) is kept in `detail` for the log
 *    line with the request id, never shown to the caller;
 *  - a timeout -> 504 `upstream_timeout`;
 *  - a failure after the first event reached the caller -> 502 `upstream_stream_interrupted`;
 *  - every target failed (or every breaker is open) -> AllTargetsFailedError (it `allowsFallback`,
 *    types.ts), so the caller can try the model's `fallback_model`.
 * Messages never carry upstream URLs, keys or prompt text of ours.
 */
import { EngineError } from '../types.js';
import { errorCodeOf } from './normalize.js';
import { isRecord } from '../../records.js';

const MAX_WRAPPED = 300;

export type FailureKind = 'connect' | 'timeout' | 'http' | 'protocol' | 'unavailable';

/** An EngineError that also says how the attempt failed (for retries and the breaker). */
export class UpstreamError extends EngineError {
  constructor(
    status: number,
    message: string,
    code: string | null,
    readonly kind: FailureKind,
    /** May another attempt (same or other target) be made, if nothing reached the caller yet? */
    readonly retryable: boolean,
    /** Does this count against the target's circuit breaker? */
    readonly breaker: boolean,
    param: string | null = null,
    retryAfterSeconds?: number,
    /** What the upstream said, for the log only (truncated; never sent to the client). */
    readonly detail?: string,
  ) {
    super(status, message, code, param, retryAfterSeconds);
    this.name = 'UpstreamError';
  }
}

/** Thrown when no target could answer; `fallbackModel` is the model's `settings.fallback_model`. */
export class AllTargetsFailedError extends EngineError {
  readonly allTargetsFailed = true as const;
  constructor(
    readonly modelId: string,
    readonly fallbackModel: string | null,
    /** The last failure (its status and code are this error's). */
    readonly last: EngineError,
    readonly attempts: number,
  ) {
    super(last.status, `All upstream targets failed for model '${modelId}': ${last.message}`, last.code, last.param, last.retryAfterSeconds);
    this.name = 'AllTargetsFailedError';
  }

  /** The model's fallback_model may serve the request instead. */
  override get fallsBack(): boolean {
    return true;
  }
}

export function isAllTargetsFailed(err: unknown): err is AllTargetsFailedError {
  return err instanceof AllTargetsFailedError;
}

/** `total` is the call's own budget running out: not retried, and not held against the target. */
export const upstreamTimeout = (what: 'connect' | 'first byte' | 'idle' | 'total') =>
  new UpstreamError(504, `The upstream did not answer in time (${what}).`, 'upstream_timeout', 'timeout', what !== 'total', what !== 'total');

export const upstreamBroken = (detail: string, retryable = true) =>
  new UpstreamError(502, `The upstream failed: ${detail}.`, 'upstream_error', 'protocol', retryable, true);

/** A failure after the first event reached the caller: the call cannot be made again. */
export class StreamInterruptedError extends EngineError {
  constructor(detail: string) {
    super(502, `The upstream stream was interrupted: ${detail}.`, 'upstream_stream_interrupted');
    this.name = 'StreamInterruptedError';
  }
}

export const streamInterrupted = (detail: string) => new StreamInterruptedError(detail);

export const upstreamUnavailable = (retryAfterSeconds: number) =>
  new UpstreamError(503, 'The upstream is temporarily unavailable (circuit open); try again later.', 'upstream_unavailable', 'unavailable', false, false, null, retryAfterSeconds);

export const cancelled = (): Error => {
  const e = new Error('The request was cancelled.');
  e.name = 'AbortError';
  return e;
};

const CONNECT_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT',
  'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_DESTROYED',
]);

/** A transport error from undici (no HTTP status) as an UpstreamError. */
export function fromTransportError(err: unknown): UpstreamError {
  const e = err as { code?: string; cause?: { code?: string }; message?: string };
  const code = e?.code ?? e?.cause?.code;
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return upstreamTimeout('connect');
  if (code === 'UND_ERR_HEADERS_TIMEOUT') return upstreamTimeout('first byte');
  if (code === 'UND_ERR_BODY_TIMEOUT') return upstreamTimeout('idle');
  if (code === 'ECONNREFUSED') return new UpstreamError(502, 'The upstream failed: connection refused.', 'upstream_error', 'connect', true, true);
  if (code && CONNECT_CODES.has(code)) return new UpstreamError(502, 'The upstream failed: connection error.', 'upstream_error', 'connect', true, true);
  if (code && code.startsWith('HPE_')) return upstreamBroken('invalid HTTP response');
  if (code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') return upstreamBroken('truncated response');
  // Not one of the known failures: the client reads "connection error", the log what it was.
  const what = err instanceof Error ? `${err.name}${code ? ` ${code}` : ''}: ${err.message}` : String(err);
  return new UpstreamError(502, 'The upstream failed: connection error.', 'upstream_error', 'protocol', true, true, null, undefined, truncate(what));
}

function truncate(s: string, n = MAX_WRAPPED): string {
  const clean = s.replace(/\s+/g, ' ').trim();
  return clean.length > n ? `${clean.slice(0, n)}…` : clean;
}

/** The message/type/param/code an upstream error body carries, whatever its dialect. */
export function parseErrorBody(text: string): { message: string; code: string | null; param: string | null } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(parsed)) return null;
  const j = parsed;
  const e = j.error;
  if (isRecord(e) && typeof e.message === 'string') {
    // OpenAI (and vLLM, Ollama /v1): {"error": {"message", "type", "param", "code"}}
    return { message: e.message, code: errorCodeOf(e), param: typeof e.param === 'string' ? e.param : null };
  }
  if (typeof e === 'string') return { message: e, code: null, param: null }; // Ollama native: {"error": "..."}
  if (typeof j.message === 'string') return { message: j.message, code: typeof j.code === 'string' ? j.code : null, param: null }; // vLLM ErrorResponse (older)
  if (typeof j.detail === 'string') return { message: j.detail, code: null, param: null }; // FastAPI
  return null;
}

export function retryAfterOf(headers: Record<string, string | string[] | undefined>): number | undefined {
  const v = headers['retry-after'];
  const s = Array.isArray(v) ? v[0] : v;
  if (!s) return undefined;
  const n = Number(s);
  if (Number.isFinite(n) && n >= 0) return n;
  const d = Date.parse(s);
  return Number.isFinite(d) ? Math.max(0, (d - Date.now()) / 1000) : undefined;
}

/**
 * An error answer of a local engine host (engines/host/): the host runs the gateway's own handlers,
 * so its status, message and code are the ones to surface as they are (a full queue stays a 503
 * with its Retry-After). Never retried here: the engine host engine decides. A refused token is the
 * gateway's problem, not the caller's: 502.
 */
export function fromHostResponse(status: number, headers: Record<string, string | string[] | undefined>, text: string): UpstreamError {
  const parsed = parseErrorBody(text);
  if (status === 401 || status === 403 || !parsed) {
    return new UpstreamError(502, `The engine host failed (HTTP ${status}).`, 'engine_host_error', 'http', false, false, null, undefined, truncate(text) || undefined);
  }
  return new UpstreamError(status, truncate(parsed.message, 2000), parsed.code, 'http', false, false, parsed.param, retryAfterOf(headers));
}

/** An upstream HTTP error response as an UpstreamError. */
export function fromUpstreamResponse(status: number, headers: Record<string, string | string[] | undefined>, text: string): UpstreamError {
  const parsed = parseErrorBody(text);
  const msg = parsed ? truncate(parsed.message, 2000) : text.trim() ? `Upstream returned HTTP ${status}: ${truncate(text)}` : `Upstream returned HTTP ${status}.`;
  const retryAfter = retryAfterOf(headers);
  if (status === 429) {
    return new UpstreamError(429, msg, parsed?.code ?? 'rate_limit_exceeded', 'http', true, false, parsed?.param ?? null, retryAfter);
  }
  if (status === 401 || status === 403 || status === 407) {
    return new UpstreamError(502, `The upstream rejected the gateway's credentials (HTTP ${status}).`, 'upstream_error', 'http', false, false);
  }
  if (status === 408) return new UpstreamError(504, 'The upstream did not answer in time (HTTP 408).', 'upstream_timeout', 'http', true, true);
  if (status >= 400 && status < 500) {
    return new UpstreamError(status, msg, parsed?.code ?? null, 'http', false, false, parsed?.param ?? null, retryAfter);
  }
  // 5xx (and anything odd, like a redirect): the upstream is broken. Its words go to the log only.
  const detail = parsed ? truncate(parsed.message) : truncate(text);
  return new UpstreamError(502, `The upstream failed (HTTP ${status}).`, 'upstream_error', 'http', status >= 500, true, null, retryAfter, detail || undefined);
}
