/**
 * The platform's typed errors. They are ApiErrors (status, OpenAI error code, param), so the HTTP
 * layer answers them as they are; nothing in a message ever quotes a secret or prompt text.
 */
import { ApiError } from '@cordon/server-kit';

export type PlatformErrorCode =
  | 'invalid_value'
  | 'already_exists'
  | 'domain_not_found'
  | 'key_not_found'
  | 'key_revoked'
  | 'key_limit_reached'
  | 'model_not_found';

export class PlatformError extends ApiError {
  constructor(
    status: number,
    message: string,
    readonly code: PlatformErrorCode,
    param: string | null = null,
  ) {
    super(status, message, code, param);
    this.name = 'PlatformError';
  }
}

/** 400: a value the caller sent is not acceptable. */
export const invalid = (message: string, param: string | null) => new PlatformError(400, message, 'invalid_value', param);
/** 409: the id is taken. */
export const conflict = (message: string, param: string | null) => new PlatformError(409, message, 'already_exists', param);
/** 404: the thing does not exist (or is not visible to the caller). */
export const notFound = (code: 'domain_not_found' | 'key_not_found' | 'model_not_found', message: string, param: string | null) =>
  new PlatformError(404, message, code, param);

/** Quote a caller-supplied value in a message: short, and one line. */
export const quote = (v: unknown): string => `'${String(v).slice(0, 128).replace(/[\r\n]/g, ' ')}'`;
