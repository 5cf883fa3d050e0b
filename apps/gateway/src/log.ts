/** Structured JSON logs (pino). Secrets are redacted; request bodies and prompts are never logged. */
import { pino, type Logger } from 'pino';

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
    destination as any,
  );
}
