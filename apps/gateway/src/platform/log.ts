/** The logger the platform is given: pino's shape ({info, warn, error}(obj, msg)), so tests can capture it. */
export interface PlatformLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** An error as a log field: its message only (messages here never hold secrets), no stack. */
export const errField = (err: unknown) => ({ message: err instanceof Error ? err.message : String(err) });
