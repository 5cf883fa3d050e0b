/** Configuration: environment variables with the CORDON_ prefix. Defaults make `npm start` work with none. */
import { findFfmpeg } from './audio/decode.js';
import { resolve } from 'node:path';

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl?: string;
  adminKey?: string;
  logLevel: string;
  /** Largest JSON body, as body-parser reads it ('10mb'). */
  bodyLimit: string;
  /** Largest uploaded audio file, bytes. */
  fileLimit: number;
  shutdownTimeoutMs: number;
  requestTimeoutMs: number;
  validateResponses: boolean;
  /** Serve JSON inference calls from the node:http fast lane (CORDON_FAST_LANE, default on). */
  fastLane: boolean;
  /** Register the generated demo model when the registry is empty. */
  demoModel: boolean;
  /** The ffmpeg that decodes compressed audio (CORDON_FFMPEG, else the first on PATH), or null. */
  ffmpeg: string | null;
  redisUrl?: string;
  /** Log prompt text: off, and only for debugging a private deployment. */
  logPrompts: boolean;
  llama: { sequences: number; queueSize: number; idleUnloadMs: number; contextSize: number; threads?: number };
}

function int(env: NodeJS.ProcessEnv, name: string, dflt: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got ${JSON.stringify(raw)}`);
  return Math.floor(n);
}

function bool(env: NodeJS.ProcessEnv, name: string, dflt: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  return ['1', 'true', 'yes', 'on'].includes(raw.toLowerCase());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    host: env.CORDON_HOST || '127.0.0.1',
    port: int(env, 'CORDON_PORT', 8080),
    dataDir: resolve(env.CORDON_DATA_DIR || './data'),
    databaseUrl: env.CORDON_DATABASE_URL || undefined,
    adminKey: env.CORDON_ADMIN_KEY || undefined,
    logLevel: env.CORDON_LOG_LEVEL || 'info',
    bodyLimit: env.CORDON_BODY_LIMIT || '10mb',
    fileLimit: int(env, 'CORDON_FILE_LIMIT_BYTES', 25 * 1024 * 1024),
    shutdownTimeoutMs: int(env, 'CORDON_SHUTDOWN_TIMEOUT_MS', 15_000),
    requestTimeoutMs: int(env, 'CORDON_REQUEST_TIMEOUT_MS', 300_000),
    validateResponses: bool(env, 'CORDON_VALIDATE_RESPONSES', false),
    fastLane: bool(env, 'CORDON_FAST_LANE', true),
    demoModel: bool(env, 'CORDON_DEMO_MODEL', true),
    ffmpeg: findFfmpeg({ PATH: process.env.PATH, ...env }),
    redisUrl: env.CORDON_REDIS_URL || undefined,
    logPrompts: bool(env, 'CORDON_LOG_PROMPTS', false),
    llama: {
      sequences: int(env, 'CORDON_LLAMA_SEQUENCES', 4),
      queueSize: int(env, 'CORDON_LLAMA_QUEUE', 64),
      idleUnloadMs: int(env, 'CORDON_LLAMA_IDLE_UNLOAD_MS', 15 * 60_000),
      contextSize: int(env, 'CORDON_LLAMA_CONTEXT', 4096),
      threads: env.CORDON_LLAMA_THREADS ? int(env, 'CORDON_LLAMA_THREADS', 1) || undefined : undefined,
    },
  };
}
