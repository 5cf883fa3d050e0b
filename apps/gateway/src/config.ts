/** Configuration: environment variables with the CORDON_ prefix. Defaults make `npm start` work with none. */
import { findFfmpeg, type AudioLimits } from './audio/decode.js';
import { resolve } from 'node:path';
import { DEFAULT_REQUEST_CAPS, type RequestCaps } from './handlers/openai/request-caps.js';
import { secretDigestHex } from './secret-digest.js';
import { commaList, DEFAULT_UPSTREAM_ACCESS, type UpstreamAccess } from './engines/upstream/access.js';
import { KEYS_MAX_PER_DOMAIN } from './platform/keys.js';

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
  /** Multipart (audio upload) limits besides the file size; over one: 400 or 413. */
  multipart: { fields: number; fieldBytes: number; fieldNameBytes: number; parts: number; rejectUnknownFields: boolean };
  shutdownTimeoutMs: number;
  requestTimeoutMs: number;
  validateResponses: boolean;
  /** Serve JSON inference calls from the node:http fast lane (CORDON_FAST_LANE, default on). */
  fastLane: boolean;
  /** One memory-reducing collection once the traffic is quiet (http/memory-reducer.ts; CORDON_IDLE_GC, default on). */
  idleCollection: boolean;
  /** Register the generated demo model when the registry is empty. */
  demoModel: boolean;
  /** The ffmpeg that decodes compressed audio (CORDON_FFMPEG, else the first on PATH), or null. */
  ffmpeg: string | null;
  redisUrl?: string;
  /** Log prompt text: off, and only for debugging a private deployment. */
  logPrompts: boolean;
  llama: { sequences: number; queueSize: number; idleUnloadMs: number; contextSize: number; threads?: number };
  /** Streams (http/sse.ts, engines/upstream/raw.ts, sse.ts): a client that reads nothing for writeTimeoutMs is dropped; an upstream SSE event may hold at most maxEventBytes. */
  streams: { writeTimeoutMs: number; maxEventBytes: number };
  /** Per-request caps on inference bodies, checked before any engine (handlers/openai/request-caps.ts). */
  requestCaps: RequestCaps;
  /** Uploaded audio: bounds checked while decoding (audio/limits.ts) and the whisper queue per model. */
  audio: AudioLimits & { whisperQueue: number };
  /** Operations endpoints: who may scrape /metrics, how draining starts (http/metrics.ts, server.ts). */
  operations: {
    /** SHA-256 (hex) of the bearer token that may read /metrics besides a superadmin key (CORDON_METRICS_TOKEN); unset: superadmin keys only. */
    metricsTokenHash?: string;
    /** After SIGTERM, how long /readyz answers 503 while new requests are still served, ms. */
    drainDelayMs: number;
    /** Admin API writes a domain's keys may make per minute, together (0: no limit); see PolicyEnforcer.admitAdminWrite. */
    adminWritesPerMinute: number;
  };
  /** What upstream targets may reach (engines/upstream/access.ts). */
  upstreams: UpstreamAccess;
  /**
   * The engine hosts the gateway runs as children, one per llama-cpp or whisper model
   * (engines/host/supervisor.ts): how long a start may take, the restart backoff, and how many
   * exits in a row (without a healthy `healthyMs` or a served request between them) mark the model failed.
   */
  engineHosts: { startTimeoutMs: number; restartBaseMs: number; restartMaxMs: number; maxConsecutiveExits: number; healthyMs: number };
  /** What is kept, for how long, and how big it may grow (see platform/retention.ts, responses-store.ts). */
  retention: {
    /** Days of usage records kept (0: forever). */
    usageDays: number;
    /** Days of guardrail violation records kept (0: forever). */
    violationsDays: number;
    /** Days a revoked or expired key is kept after its revocation or expiry (0: forever). */
    deadKeysDays: number;
    /** How often old records are pruned, ms (0: never). */
    pruneIntervalMs: number;
    /** Days a stored response lives. */
    responsesTtlDays: number;
    /** Stored responses per domain; the oldest are evicted beyond it. */
    responsesMaxPerDomain: number;
    /** Bytes of stored responses per domain; the oldest are evicted beyond it. */
    responsesMaxBytesPerDomain: number;
    /** Bytes of one stored response (its body, input and conversation); larger: 400. */
    responseMaxBytes: number;
    /** Rows one usage report may hold; more: 400 (narrow the window or the grouping). */
    usageReportMaxRows: number;
    /** Keys a domain may hold that are neither revoked nor expired; one more: 400 (platform/keys.ts). */
    keysMaxPerDomain: number;
  };
}

function int(env: NodeJS.ProcessEnv, name: string, dflt: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got ${JSON.stringify(raw)}`);
  return Math.floor(n);
}

const cap = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

function bool(env: NodeJS.ProcessEnv, name: string, dflt: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  return ['1', 'true', 'yes', 'on'].includes(raw.toLowerCase());
}

/** The metrics token is kept only as its hash; a short one is refused at startup. */
function metricsTokenHash(token: string | undefined): string | undefined {
  if (!token) return undefined;
  if (token.length < 16) throw new Error('CORDON_METRICS_TOKEN must be at least 16 characters');
  return secretDigestHex(token);
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
    multipart: {
      fields: int(env, 'CORDON_MULTIPART_MAX_FIELDS', 32),
      fieldBytes: int(env, 'CORDON_MULTIPART_MAX_FIELD_BYTES', 4096),
      fieldNameBytes: int(env, 'CORDON_MULTIPART_MAX_FIELD_NAME_BYTES', 100),
      parts: int(env, 'CORDON_MULTIPART_MAX_PARTS', 40),
      rejectUnknownFields: !bool(env, 'CORDON_MULTIPART_ALLOW_UNKNOWN_FIELDS', true),
    },
    shutdownTimeoutMs: int(env, 'CORDON_SHUTDOWN_TIMEOUT_MS', 15_000),
    requestTimeoutMs: int(env, 'CORDON_REQUEST_TIMEOUT_MS', 300_000),
    validateResponses: bool(env, 'CORDON_VALIDATE_RESPONSES', false),
    fastLane: bool(env, 'CORDON_FAST_LANE', true),
    idleCollection: bool(env, 'CORDON_IDLE_GC', true),
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
    streams: {
      writeTimeoutMs: Math.max(1, int(env, 'CORDON_STREAM_WRITE_TIMEOUT_MS', 30_000)),
      maxEventBytes: Math.max(1024, int(env, 'CORDON_STREAM_MAX_EVENT_BYTES', 4 * 1024 * 1024)),
    },
    // messages, tools, stop and logit_bias also have the contract's ceiling (the default): these only lower it.
    requestCaps: {
      messages: cap(int(env, 'CORDON_MAX_MESSAGES', DEFAULT_REQUEST_CAPS.messages), 1, DEFAULT_REQUEST_CAPS.messages),
      tools: cap(int(env, 'CORDON_MAX_TOOLS', DEFAULT_REQUEST_CAPS.tools), 0, DEFAULT_REQUEST_CAPS.tools),
      stop: cap(int(env, 'CORDON_MAX_STOP', DEFAULT_REQUEST_CAPS.stop), 1, DEFAULT_REQUEST_CAPS.stop),
      logitBias: cap(int(env, 'CORDON_MAX_LOGIT_BIAS', DEFAULT_REQUEST_CAPS.logitBias), 0, DEFAULT_REQUEST_CAPS.logitBias),
      generations: Math.max(1, int(env, 'CORDON_MAX_GENERATIONS', DEFAULT_REQUEST_CAPS.generations)),
      inputTokens: Math.max(1, int(env, 'CORDON_MAX_INPUT_TOKEN_IDS', DEFAULT_REQUEST_CAPS.inputTokens)),
      schemaDepth: Math.max(1, int(env, 'CORDON_MAX_SCHEMA_DEPTH', DEFAULT_REQUEST_CAPS.schemaDepth)),
      schemaNodes: Math.max(1, int(env, 'CORDON_MAX_SCHEMA_NODES', DEFAULT_REQUEST_CAPS.schemaNodes)),
    },
    audio: {
      maxDurationSeconds: Math.max(1, int(env, 'CORDON_AUDIO_MAX_DURATION_SECONDS', 7200)),
      minSampleRate: int(env, 'CORDON_AUDIO_MIN_SAMPLE_RATE', 8000),
      maxChannels: Math.max(1, int(env, 'CORDON_AUDIO_MAX_CHANNELS', 8)),
      whisperQueue: int(env, 'CORDON_WHISPER_QUEUE', 4),
    },
    operations: {
      metricsTokenHash: metricsTokenHash(env.CORDON_METRICS_TOKEN),
      drainDelayMs: int(env, 'CORDON_SHUTDOWN_DRAIN_DELAY_MS', 0),
      adminWritesPerMinute: int(env, 'CORDON_ADMIN_WRITES_PER_MINUTE', 60),
    },
    upstreams: {
      keyEnv: env.CORDON_UPSTREAM_KEY_ENV_ALLOW ? commaList(env.CORDON_UPSTREAM_KEY_ENV_ALLOW) : DEFAULT_UPSTREAM_ACCESS.keyEnv,
      hosts: commaList(env.CORDON_UPSTREAM_HOSTS),
    },
    engineHosts: {
      startTimeoutMs: Math.max(100, int(env, 'CORDON_ENGINE_HOST_START_TIMEOUT_MS', 30_000)),
      restartBaseMs: int(env, 'CORDON_ENGINE_HOST_RESTART_BASE_MS', 200),
      restartMaxMs: int(env, 'CORDON_ENGINE_HOST_RESTART_MAX_MS', 5_000),
      maxConsecutiveExits: Math.max(1, int(env, 'CORDON_ENGINE_HOST_MAX_EXITS', 3)),
      healthyMs: Math.max(1, int(env, 'CORDON_ENGINE_HOST_HEALTHY_MS', 60_000)),
    },
    retention: {
      usageDays: int(env, 'CORDON_USAGE_RETENTION_DAYS', 400),
      violationsDays: int(env, 'CORDON_VIOLATIONS_RETENTION_DAYS', 400),
      deadKeysDays: int(env, 'CORDON_DEAD_KEYS_RETENTION_DAYS', 90),
      pruneIntervalMs: int(env, 'CORDON_RETENTION_PRUNE_INTERVAL_MS', 3_600_000),
      responsesTtlDays: Math.max(1, int(env, 'CORDON_RESPONSES_TTL_DAYS', 30)),
      responsesMaxPerDomain: Math.max(1, int(env, 'CORDON_RESPONSES_MAX_PER_DOMAIN', 10_000)),
      responsesMaxBytesPerDomain: Math.max(1, int(env, 'CORDON_RESPONSES_MAX_BYTES_PER_DOMAIN', 1024 * 1024 * 1024)),
      responseMaxBytes: Math.max(1, int(env, 'CORDON_RESPONSE_MAX_BYTES', 16 * 1024 * 1024)),
      usageReportMaxRows: Math.max(1, int(env, 'CORDON_USAGE_REPORT_MAX_ROWS', 10_000)),
      keysMaxPerDomain: Math.max(1, int(env, 'CORDON_KEYS_MAX_PER_DOMAIN', KEYS_MAX_PER_DOMAIN)),
    },
  };
}
