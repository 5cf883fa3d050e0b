/** OpenAI-shaped errors: `{"error": {"message", "type", "param", "code"}}`. */

export interface ErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

const TYPE_BY_STATUS: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'invalid_request_error',
  403: 'permission_error',
  404: 'invalid_request_error',
  405: 'invalid_request_error',
  409: 'invalid_request_error',
  413: 'invalid_request_error',
  415: 'invalid_request_error',
  422: 'invalid_request_error',
  429: 'rate_limit_error',
};

export function errorType(status: number): string {
  return TYPE_BY_STATUS[status] ?? (status >= 500 ? 'server_error' : 'invalid_request_error');
}

/** An error with an HTTP status and an OpenAI error code, thrown anywhere and rendered by the error handler. */
export class ApiError extends Error {
  readonly type: string;
  constructor(
    readonly status: number,
    message: string,
    readonly code: string | null = null,
    readonly param: string | null = null,
    readonly headers: Record<string, string> = {},
    type?: string,
  ) {
    super(message);
    this.name = 'ApiError';
    this.type = type ?? errorType(status);
  }

  toBody(): ErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

export function errorBody(status: number, message: string, code: string | null = null, param: string | null = null): ErrorBody {
  return { error: { message, type: errorType(status), param, code } };
}
