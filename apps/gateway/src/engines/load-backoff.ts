/**
 * A local model that failed to load is tried again after a backoff (1 s, doubling, at most 5 min),
 * on the next request after that, instead of staying failed until its registry entry changes.
 * Members get a 503 `model_load_failed` naming the model only; the reason (file paths, native
 * messages) goes to the log with the request id, and to a superadmin in the model's status.
 */
import { EngineError } from './types.js';

export const LOAD_RETRY_FIRST_MS = 1000;
export const LOAD_RETRY_MAX_MS = 5 * 60_000;

export interface LoadFailure {
  /** For the log and the superadmin's model status; never sent to members. */
  reason: string;
  /** Failed attempts in a row. */
  attempts: number;
  /** Epoch ms before which no new attempt is made. */
  retryAt: number;
}

/** The failure after one more failed attempt. */
export function nextLoadFailure(prev: LoadFailure | null | undefined, err: unknown, at = Date.now()): LoadFailure {
  const attempts = (prev?.attempts ?? 0) + 1;
  const reason = String((err as Error | null)?.message ?? err).slice(0, 500);
  return { reason, attempts, retryAt: at + Math.min(LOAD_RETRY_MAX_MS, LOAD_RETRY_FIRST_MS * 2 ** (attempts - 1)) };
}

/** True while a failed model must not be tried again yet. */
export const backingOff = (f: LoadFailure | null | undefined, at = Date.now()): f is LoadFailure => !!f && at < f.retryAt;

/** What a member gets: the model's name and when to try again, nothing of the reason. */
export function loadFailedError(modelId: string, f: LoadFailure, at = Date.now()): EngineError {
  const seconds = Math.max(1, Math.ceil((f.retryAt - at) / 1000));
  return new EngineError(503, `The model '${modelId}' is unavailable: it could not be loaded. Try again later.`, 'model_load_failed', 'model', seconds);
}

/** The log fields of a failed attempt. */
export const loadFailureLog = (modelId: string, f: LoadFailure, requestId: string | undefined) => ({
  model: modelId,
  request_id: requestId,
  attempts: f.attempts,
  retry_in_ms: Math.max(0, f.retryAt - Date.now()),
  reason: f.reason,
});
