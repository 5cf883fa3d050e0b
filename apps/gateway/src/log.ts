/** Structured JSON logs (pino). Secrets are redacted; request bodies and prompts are never logged. */
import { pino, destination as pinoDestination, type Logger } from 'pino';

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
    (destination as any) ?? pinoDestination({ dest: 1, sync: false }),
  );
}
