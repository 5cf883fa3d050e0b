/** Structured JSON logs (pino). Secrets are redacted; request bodies and prompts are never logged. */
import { pino, type DestinationStream, type Logger } from 'pino';
import sonicBoom from 'sonic-boom';

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

/** The fields of the one log line per request, in the order they are written. */
export interface RequestLine {
  request_id: string;
  method: string | undefined;
  route: string | undefined;
  status: number;
  ms: number;
  domain: string | undefined;
  key_id: string | undefined;
  model: string | undefined;
  lane: string | undefined;
}

const REQUEST_FIELDS = ['request_id', 'method', 'route', 'status', 'ms', 'domain', 'key_id', 'model', 'lane'] as const;

/**
 * The writer of the one line per request: the same destination, level and JSON as pino's
 * (`{"level":30,"time":…,"service":"cordon",…,"msg":"request"}`), serialized here directly. The line
 * has fixed fields (ids, route, status, timing, model) and never a header, a body or a secret, so
 * pino's generic path (its serializers and redaction) has nothing to do there; it allocated about
 * 5 KB a line, the most of anything on the request path.
 */
export function requestLogger(log: Log): (line: RequestLine) => void {
  const dest = destinations.get(log);
  // A logger made elsewhere: through pino itself.
  if (!dest) return (line) => log.info(line, 'request');
  return (line) => {
    if (!log.isLevelEnabled('info')) return;
    let out = `{"level":30,"time":${Date.now()},"service":"cordon"`;
    for (const k of REQUEST_FIELDS) {
      const v = line[k];
      if (v !== undefined) out += `,"${k}":${JSON.stringify(v)}`;
    }
    dest.write(`${out},"msg":"request"}\n`);
  };
}

/**
 * stdout, written asynchronously in batches of about 4 KB: one write(2) per batch instead of one per
 * line (a line per request was one system call per request). A part-filled batch is written 200 ms
 * after its first line, so a quiet gateway's lines still appear at once to the eye; shutdown flushes
 * too. An idle gateway has no timer running (an interval cost a wakeup and an empty write(2) 5 times
 * a second).
 *
 * The batch is gathered here, not by SonicBoom's `minLength`: SonicBoom appends each line to its
 * pending string and measures that string's UTF-8 length on every write, which flattens it, so a
 * 250-byte line cost about 8 KB of allocation (measured: 8.3 KB a write; 10.2 KB a request line, the
 * most of anything on the request path). Here a line is an array push; the batch is joined once.
 */
const BATCH_BYTES = 4096;
/** Log bytes held while stdout is not being read; past this, lines are dropped (memory stays bounded). */
const HELD_BYTES = 16 * 1024 * 1024;
// A CommonJS module: its class is a property of the default export under Node's ESM loader.
const { SonicBoom } = sonicBoom;

/** The stdout destinations made here: each writes what it still holds when the process exits. */
const onStdout = new Set<{ flushSync(): void }>();
let exitListening = false;

/**
 * SonicBoom 5, not pino's own (SonicBoom 4): on exit, what is still queued is written synchronously,
 * and SonicBoom 4 retried every error there but EAGAIN for ever, a broken pipe (EPIPE) too, so a
 * gateway whose log reader went away just before it exited hung in Atomics.wait, where not even the
 * shutdown's own deadline could end it. SonicBoom 5 throws them.
 */
function stdoutDestination() {
  // While the process runs, a full stdout (EAGAIN: its reader is slow) is retried; once it exits,
  // not: the synchronous exit flush would otherwise retry for ever, and a gateway whose log reader
  // had stopped reading never exited on SIGTERM (reproduced: still running 20 s after it).
  let exiting = false;
  // The reader is gone (EPIPE) or stdout failed otherwise: from then on lines are dropped.
  let broken = false;
  const dest = new SonicBoom({ fd: 1, sync: false, maxLength: HELD_BYTES, retryEAGAIN: () => !exiting });
  dest.on('error', () => {
    broken = true;
  });
  const write = dest.write.bind(dest);
  let batch: string[] = [];
  let bytes = 0;
  let timer: NodeJS.Timeout | null = null;
  const writeBatch = () => {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    if (batch.length === 0) return;
    const text = batch.length === 1 ? batch[0]! : batch.join('');
    batch = [];
    bytes = 0;
    if (broken) return;
    try {
      write(text);
    } catch {
      // a closed stdout: nothing more can be written
    }
  };
  dest.write = (line: string) => {
    batch.push(line);
    bytes += line.length;
    if (bytes >= BATCH_BYTES) writeBatch();
    else if (timer === null) {
      timer = setTimeout(writeBatch, 200);
      timer.unref();
    }
    return true;
  };
  const flush = dest.flush.bind(dest);
  dest.flush = (cb?: (err?: Error) => unknown) => {
    writeBatch();
    if (broken) {
      cb?.();
      return;
    }
    try {
      flush(cb);
    } catch (err) {
      // a closed stdout: what is left cannot be written
      cb?.(err instanceof Error ? err : undefined);
    }
  };
  // On exit what is buffered is written synchronously. If stdout's reader is gone (EPIPE) or not
  // reading (EAGAIN, given up on above), that write throws, and a throw out of process.exit() would
  // keep the process from exiting: what cannot be written is dropped.
  const flushSync = dest.flushSync.bind(dest);
  dest.flushSync = () => {
    exiting = true;
    writeBatch();
    if (broken) return;
    try {
      flushSync();
    } catch {
      // stdout is gone: nothing more can be written
    }
  };
  onStdout.add(dest);
  if (!exitListening) {
    exitListening = true;
    process.on('exit', () => {
      for (const d of onStdout) d.flushSync();
    });
  }
  return dest;
}
