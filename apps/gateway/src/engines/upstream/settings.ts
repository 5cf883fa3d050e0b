/**
 * The upstream settings of a registered model (`settings.targets`, timeouts, retries, breaker),
 * read once per call with defaults filled in. Unknown or malformed values fall back to the default.
 */
import { EngineError, type ModelEntry } from '../types.js';
import { DEFAULT_UPSTREAM_ACCESS, targetAccessProblem, type UpstreamAccess } from './access.js';

export interface UpstreamTarget {
  /** e.g. `http://127.0.0.1:11434/v1` (no trailing slash needed). */
  base_url: string;
  /** The model name the upstream knows. */
  model: string;
  /** Name of the environment variable holding the upstream API key (sent as `Authorization: Bearer`). */
  api_key_env?: string;
}

export interface UpstreamTuning {
  /** TCP (and TLS) connect. */
  connect_timeout_ms: number;
  /** From sending the request to the first byte of the response (for streams: the first body byte). */
  first_byte_timeout_ms: number;
  /** Longest silence between two body chunks while we wait for the upstream. */
  idle_timeout_ms: number;
  /** The whole call, retries included (also capped by the call's deadline). */
  total_timeout_ms: number;
  /** Retries on top of one attempt per target (only before anything reached the caller). */
  max_retries: number;
  /** First backoff step; doubles per retry, full jitter, capped by `retry_max_delay_ms`. */
  retry_base_delay_ms: number;
  retry_max_delay_ms: number;
  /** Consecutive failures that open a target's circuit breaker. */
  breaker_failures: number;
  /** How long an open breaker rejects calls before one half-open trial. */
  breaker_cooldown_ms: number;
}

export const DEFAULT_TUNING: UpstreamTuning = {
  connect_timeout_ms: 5_000,
  first_byte_timeout_ms: 120_000,
  idle_timeout_ms: 60_000,
  total_timeout_ms: 600_000,
  max_retries: 2,
  retry_base_delay_ms: 100,
  retry_max_delay_ms: 2_000,
  breaker_failures: 5,
  breaker_cooldown_ms: 30_000,
};

export interface ResolvedTarget extends UpstreamTarget {
  /** `http://host:port`: the pool key. */
  origin: string;
  /** Path prefix from base_url, without a trailing slash (`/v1`). */
  prefix: string;
  /** Breaker / load key: the normalized base_url (and the socket, for a socket target). */
  key: string;
  /**
   * Internal only (a local engine host, engines/host/): connect to this Unix socket instead of the
   * origin's host and port. Never read from registry settings (resolveTarget copies named fields).
   */
  socketPath?: string;
  /** Internal only, like socketPath: the bearer token sent to the target (an engine host's token). */
  bearerToken?: string;
}

export interface UpstreamSettings extends UpstreamTuning {
  targets: ResolvedTarget[];
  fallback_model: string | null;
}

function num(v: unknown, dflt: number, min: number): number {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n >= min ? n : dflt;
}

export function resolveTarget(t: UpstreamTarget): ResolvedTarget {
  let url: URL;
  try {
    url = new URL(t.base_url);
  } catch {
    throw new EngineError(500, 'The model is misconfigured: a target has an invalid base_url.', 'model_misconfigured');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new EngineError(500, 'The model is misconfigured: a target base_url must be http or https.', 'model_misconfigured');
  }
  const prefix = url.pathname.replace(/\/+$/, '');
  // Named fields only: a registry row cannot smuggle in the internal ones (socketPath, bearerToken).
  const out: ResolvedTarget = { base_url: t.base_url, model: t.model, origin: url.origin, prefix, key: `${url.origin}${prefix}` };
  if (t.api_key_env !== undefined) out.api_key_env = t.api_key_env;
  return out;
}

/** A target on a Unix socket with its own bearer token (a local engine host); never made from registry settings. */
export function socketTarget(socketPath: string, bearerToken: string, model: string, prefix = '/v1'): ResolvedTarget {
  const origin = 'http://localhost';
  return { base_url: `${origin}${prefix}`, model, origin, prefix, key: `unix:${socketPath}${prefix}`, socketPath, bearerToken };
}

/**
 * The settings of a model, with `defaults` (engine-wide) filling in what the model does not set.
 * A target that `access` does not allow (its api_key_env or host; say, a row written before the
 * allowlist, or straight into the table) fails the call instead of being sent anything.
 */
export function readSettings(model: ModelEntry, defaults: UpstreamTuning = DEFAULT_TUNING, access: UpstreamAccess = DEFAULT_UPSTREAM_ACCESS): UpstreamSettings {
  const s = model.settings ?? {};
  const raw = Array.isArray(s.targets) ? s.targets : [];
  const targets = raw
    .filter((t) => t && typeof t.base_url === 'string' && typeof t.model === 'string')
    .map((t, i) => {
      if (targetAccessProblem(t, `settings.targets[${i}]`, access)) {
        throw new EngineError(500, `The model '${model.id}' is misconfigured: an upstream target is not allowed by this gateway's configuration.`, 'model_misconfigured');
      }
      return resolveTarget(t);
    });
  const d = defaults;
  return {
    targets,
    fallback_model: typeof s.fallback_model === 'string' && s.fallback_model ? s.fallback_model : null,
    connect_timeout_ms: num(s.connect_timeout_ms, d.connect_timeout_ms, 1),
    first_byte_timeout_ms: num(s.first_byte_timeout_ms, d.first_byte_timeout_ms, 1),
    idle_timeout_ms: num(s.idle_timeout_ms, d.idle_timeout_ms, 1),
    total_timeout_ms: num(s.total_timeout_ms, d.total_timeout_ms, 1),
    max_retries: Math.floor(num(s.max_retries, d.max_retries, 0)),
    retry_base_delay_ms: num(s.retry_base_delay_ms, d.retry_base_delay_ms, 0),
    retry_max_delay_ms: num(s.retry_max_delay_ms, d.retry_max_delay_ms, 0),
    breaker_failures: Math.floor(num(s.breaker_failures, d.breaker_failures, 1)),
    breaker_cooldown_ms: num(s.breaker_cooldown_ms, d.breaker_cooldown_ms, 0),
  };
}

export function requireTargets(model: ModelEntry, s: UpstreamSettings): void {
  if (s.targets.length === 0) {
    throw new EngineError(500, `The model '${model.id}' is misconfigured: it has no upstream targets.`, 'model_misconfigured');
  }
}
