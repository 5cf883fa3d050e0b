/** Structured JSON logs (pino). Secrets are redacted; request bodies and prompts are never logged. */
import { pino, symbols, destination as pinoDestination, type Logger } from 'pino';

export type Log = Logger;

export function createLogger(level: string, destination?: NodeJS.WritableStream): Log {
  return pino(
    {
      level,
      base: { service: 'cordon' },
      redact: {
        paths: ['req.headers.authorization', 'headers.authorization', 'authorization', 'secret', '*.secret', 'apiKey', '*.apiKey'],
        censor: '[redacted]',
      },
    },
    // Asynchronous writes (SonicBoom): the request path never waits on stdout; shutdown flushes.
    (destination as any) ?? stdoutDestination(),
  );
}

/**
 * The logger for the one line per request: the same destination and level, without the redaction
 * pass. That line has fixed fields (ids, route, status, timing, model) and never a header, a body
 * or a secret, so redaction has nothing to find there, and skipping it saves work on every request.
 */
export function requestLogger(log: Log): Log {
  return pino({ level: log.level, base: { service: 'cordon' } }, (log as any)[symbols.streamSym]);
}

/**
 * stdout, written asynchronously in batches of up to 4 KB: one write(2) per batch instead of one per
 * line (a line per request was one system call per request). A timer flushes a part-filled batch
 * every 200 ms, so a quiet gateway's lines still appear at once to the eye; shutdown flushes too.
 */
function stdoutDestination() {
  const dest = pinoDestination({ dest: 1, sync: false, minLength: 4096 });
  const timer = setInterval(() => {
    try {
      dest.flush();
    } catch {
      // a write in flight or a closed stdout: the next tick or shutdown takes care of it
    }
  }, 200);
  timer.unref();
  return dest;
}
