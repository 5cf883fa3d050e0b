/**
 * Crash discipline for `cordon serve`. After an uncaught exception or an unhandled rejection the
 * process is in an unknown state, so it does not carry on: the error is logged (its name, code, a
 * scrubbed message and the stack frames; quoted values, which may be request text, are left out),
 * the buffered usage and violation records are written, and the process exits non-zero for its
 * supervisor to restart it.
 */
import type { Log } from './log.js';

export interface CrashOptions {
  log: Log;
  /** Writes what is buffered (usage, violations) and closes the store. */
  flush: () => Promise<void>;
  /** The longest the flush may take before the process exits anyway (default 5 s). */
  timeoutMs?: number;
}

export const CRASH_EXIT_CODE = 70; // EX_SOFTWARE: an internal error

/** The error as a log field: no quoted values from its message, no request data. */
export function crashField(kind: string, err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { kind, type: typeof err };
  const code = (err as { code?: unknown }).code;
  const frames = (err.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 20)
    .map((l) => l.trim());
  return {
    kind,
    name: err.name,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    // Node quotes the values it complains about ('Unexpected token ... "<text>" is not valid JSON').
    message: err.message.replace(/(["'`]).*?\1/gs, '$1…$1').slice(0, 300),
    stack: frames,
  };
}

/** Installs the handlers; returns a function that removes them. */
export function exitOnCrash(opts: CrashOptions): () => void {
  let crashing = false;
  const onCrash = (kind: 'uncaughtException' | 'unhandledRejection') => (err: unknown) => {
    if (crashing) {
      opts.log.error({ err: crashField(kind, err) }, 'another fatal error while exiting');
      return;
    }
    crashing = true;
    process.exitCode = CRASH_EXIT_CODE;
    opts.log.fatal({ err: crashField(kind, err) }, 'fatal error: writing buffered records, then exiting');
    const deadline = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), opts.timeoutMs ?? 5000).unref());
    Promise.race([opts.flush().then(() => 'flushed' as const), deadline])
      .then(
        (r) => (r === 'timeout' ? opts.log.error({}, 'buffered records could not be written in time') : undefined),
        (e) => opts.log.error({ err: crashField('flush', e) }, 'buffered records could not be written'),
      )
      .finally(() => opts.log.flush(() => process.exit(CRASH_EXIT_CODE)));
    // Exit even if the log never drains.
    setTimeout(() => process.exit(CRASH_EXIT_CODE), (opts.timeoutMs ?? 5000) + 1000).unref();
  };
  const onException = onCrash('uncaughtException');
  const onRejection = onCrash('unhandledRejection');
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}
