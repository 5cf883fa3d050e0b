/** Structured JSON logs (pino). Secrets are redacted; request bodies and prompts are never logged. */
import { pino, destination as pinoDestination, type DestinationStream, type Logger } from 'pino';

export type Log = Logger;

/** Each logger made here and where it writes, for requestLogger. */
const destinations = new WeakMap<Log, DestinationStream>();

export function createLogger(level: string, destination?: DestinationStream): Log {
  const dest = destination ?? stdoutDestination();
  const log = pino(
    {
      level,
      base: { service: 'cordon' },
      redact: {
        paths: ['req.headers.authorization', 'headers.authorization', 'authorization', 'secret', '*.secret', 'apiKey', '*.apiKey'],
        censor: '[redacted]',
      },
    },
    // Asynchronous writes (SonicBoom): the request path never waits on stdout; shutdown flushes.
    dest,
  );
  destinations.set(log, dest);
  return log;
}

/**
 * The logger for the one line per request: the same destination and level, without the redaction
 * pass. That line has fixed fields (ids, route, status, timing, model) and never a header, a body
 * or a secret, so redaction has nothing to find there, and skipping it saves work on every request.
 */
export function requestLogger(log: Log): Log {
  const dest = destinations.get(log);
  // A logger made elsewhere: its own (redacting) self.
  return dest ? pino({ level: log.level, base: { service: 'cordon' } }, dest) : log;
}

/**
 * stdout, written asynchronously in batches of up to 4 KB: one write(2) per batch instead of one per
 * line (a line per request was one system call per request). A part-filled batch is flushed 200 ms
 * after its first line, so a quiet gateway's lines still appear at once to the eye; shutdown flushes
 * too. An idle gateway has no timer running (an interval cost a wakeup and an empty write(2) 5 times
 * a second).
 */
function stdoutDestination() {
  const dest = pinoDestination({ dest: 1, sync: false, minLength: 4096 });
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    timer = null;
    try {
      dest.flush();
    } catch {
      // a write in flight or a closed stdout: the next line's timer or shutdown takes care of it
    }
  };
  const write = dest.write.bind(dest);
  dest.write = (line: string) => {
    const ok = write(line);
    if (timer === null) {
      timer = setTimeout(flush, 200);
      timer.unref();
    }
    return ok;
  };
  return dest;
}
