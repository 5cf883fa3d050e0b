import { ApiError } from '@cordon/server-kit';
import { EngineError } from '../engines/types.js';

/** Any error from an engine or the platform, as an ApiError (with Retry-After when the engine gave one). */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof EngineError) {
    const headers: Record<string, string> = {};
    if (err.retryAfterSeconds !== undefined) headers['retry-after'] = String(Math.max(1, Math.ceil(err.retryAfterSeconds)));
    return new ApiError(err.status, err.message, err.code, err.param, headers);
  }
  if ((err as Error)?.name === 'AbortError') return new ApiError(499, 'The request was cancelled.', 'request_cancelled');
  // Members get the generic message; the error handler logs the cause with the request id.
  const unexpected = new ApiError(500, 'The server had an error while processing your request.', null);
  unexpected.cause = err;
  return unexpected;
}
