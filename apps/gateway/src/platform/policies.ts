/**
 * Per-domain policies: guardrails and rate limits. A stored policy is always read merged over the
 * complete default (nothing blocked, no limits), so consumers never see a missing field.
 *
 * Versions: every distinct policy content a domain takes gets a new number from one counter, so
 * a consumer that compiled (regexes, limiters) for version N recompiles only when it sees another.
 * Policies are cached here; set() updates the cache at once and announces the domain's id once
 * committed (change-feed.ts): every process sharing the database drops its entry as soon as it
 * hears it. CACHE_TTL_MS stays as the bound when a notification is lost.
 */
import type { Store } from './store/types.js';
import { ForeignKeyViolation } from './store/types.js';
import { invalid, notFound, quote } from './errors.js';
import { deepFreeze, isPlainObject, now } from './util.js';
import { compileUserPattern, UserPatternError } from '../guardrails/user-pattern.js';
import { announceChange, CHANGE_CHANNELS, followChanges } from './change-feed.js';
import type { PlatformLog } from './log.js';

export type PiiAction = 'block' | 'mask' | 'allow';
export interface PiiPolicy {
  email: PiiAction;
  phone: PiiAction;
  credit_card: PiiAction;
  iban: PiiAction;
  ip_address: PiiAction;
  us_ssn: PiiAction;
  custom: Array<{ name: string; pattern: string; action: PiiAction }>;
}
export interface GuardrailPattern {
  name: string;
  pattern: string;
  flags?: string;
}
export interface RateLimits {
  requests_per_minute: number | null;
  tokens_per_minute: number | null;
  concurrent_requests: number | null;
}
export interface InputGuardrails {
  max_chars: number | null;
  max_tokens: number | null;
  blocked_terms: string[];
  blocked_patterns: GuardrailPattern[];
  injection_detection: boolean;
  pii: PiiPolicy;
}
export interface OutputGuardrails {
  blocked_terms: string[];
  blocked_patterns: GuardrailPattern[];
  pii: PiiPolicy;
}
export interface Policy {
  guardrails: { input: InputGuardrails; output: OutputGuardrails };
  limits: { key: RateLimits; domain: RateLimits; on_store_failure: 'open' | 'closed' };
}

type DeepPartial<T> = T extends Array<unknown> ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;
/** What set() takes: any part of a policy; the rest takes the defaults. */
export type PolicyInput = DeepPartial<Policy>;

export interface VersionedPolicy {
  policy: Policy;
  version: number;
}

const PII_KINDS = ['email', 'phone', 'credit_card', 'iban', 'ip_address', 'us_ssn'] as const;
const PII_ACTIONS: readonly PiiAction[] = ['block', 'mask', 'allow'];
const MAX_LIST = 1000;
/** Blocked patterns or custom PII kinds in one list: each is one more pass over every text (RE2's DFA, ~5-15 ms a MB). */
const MAX_PATTERNS = 100;
const MAX_PATTERN = 2000;
/** A blocked term's length: a stream holds back up to twice the longest term. */
const MAX_TERM = 100;
/**
 * All blocked terms of one list, in characters: they compile to one RE2 pattern whose DFA must fit
 * its memory (terms sharing long first words multiply its states; beyond it, the slower NFA runs).
 */
const MAX_TERMS_CHARS = 20_000;
/** Short, so instances sharing one store converge even when a change notification is lost. */
const CACHE_TTL_MS = 2_000;

const defaultPii = (): PiiPolicy => ({ email: 'allow', phone: 'allow', credit_card: 'allow', iban: 'allow', ip_address: 'allow', us_ssn: 'allow', custom: [] });
const noLimits = (): RateLimits => ({ requests_per_minute: null, tokens_per_minute: null, concurrent_requests: null });

/** The complete default: nothing blocked, nothing masked, no limits, fail open when the limit store is down. */
export function defaultPolicy(): Policy {
  return {
    guardrails: {
      input: { max_chars: null, max_tokens: null, blocked_terms: [], blocked_patterns: [], injection_detection: false, pii: defaultPii() },
      output: { blocked_terms: [], blocked_patterns: [], pii: defaultPii() },
    },
    limits: { key: noLimits(), domain: noLimits(), on_store_failure: 'open' },
  };
}

// ---- validation: each reader takes the input value (undefined: keep the base) and its path

function obj(v: unknown, path: string): Record<string, unknown> | undefined {
  if (v === undefined) return undefined;
  if (!isPlainObject(v)) throw invalid(`'${path}' must be an object.`, path);
  return v;
}

function positiveOrNull(v: unknown, base: number | null, path: string): number | null {
  if (v === undefined) return base;
  if (v === null) return null;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 1) return v;
  throw invalid(`'${path}' must be a positive integer or null.`, path);
}

function terms(v: unknown, base: string[], path: string): string[] {
  if (v === undefined) return base;
  if (!Array.isArray(v) || v.length > MAX_LIST || v.some((t) => typeof t !== 'string' || t === '' || t.length > MAX_TERM)) {
    throw invalid(`'${path}' must be a list of at most ${MAX_LIST} non-empty strings of at most ${MAX_TERM} characters.`, path);
  }
  if (v.reduce((n: number, t: string) => n + t.length, 0) > MAX_TERMS_CHARS) throw invalid(`'${path}' may hold at most ${MAX_TERMS_CHARS} characters in all.`, path);
  return [...v];
}

interface MergeOptions {
  /** Compile every regular expression (set() does; fullPolicy() leaves it to the guardrail compiler). */
  compile: boolean;
}

/** Patterns run on RE2 (linear time): one it cannot run (a backreference, a lookaround) is refused here, saying why. */
function regex(pattern: unknown, flags: unknown, path: string, o: MergeOptions): void {
  if (typeof pattern !== 'string' || pattern === '' || pattern.length > MAX_PATTERN) {
    throw invalid(`'${path}.pattern' must be a non-empty regular expression of at most ${MAX_PATTERN} characters.`, `${path}.pattern`);
  }
  if (flags !== undefined && (typeof flags !== 'string' || !/^[imsu]*$/.test(flags))) throw invalid(`'${path}.flags' may use only i, m, s and u.`, `${path}.flags`);
  if (!o.compile) return;
  try {
    compileUserPattern(pattern, flags as string | undefined);
  } catch (err) {
    if (err instanceof UserPatternError) throw invalid(`'${path}.pattern' ${err.reason}.`, `${path}.pattern`);
    throw err;
  }
}

function ruleName(v: unknown, path: string): string {
  if (typeof v !== 'string' || v === '' || v.length > 200) throw invalid(`'${path}.name' must be a non-empty string.`, `${path}.name`);
  return v;
}

function patterns(v: unknown, base: GuardrailPattern[], path: string, o: MergeOptions): GuardrailPattern[] {
  if (v === undefined) return base;
  if (!Array.isArray(v) || v.length > MAX_PATTERNS) throw invalid(`'${path}' must be a list of at most ${MAX_PATTERNS} patterns.`, path);
  return v.map((p, i) => {
    const at = `${path}[${i}]`;
    const r = obj(p, at) ?? {};
    regex(r.pattern, r.flags, at, o);
    const out: GuardrailPattern = { name: ruleName(r.name, at), pattern: r.pattern as string };
    if (r.flags !== undefined) out.flags = r.flags as string;
    return out;
  });
}

function action(v: unknown, base: PiiAction, path: string): PiiAction {
  if (v === undefined) return base;
  if (typeof v !== 'string' || !PII_ACTIONS.includes(v as PiiAction)) throw invalid(`'${path}' must be one of ${PII_ACTIONS.join(', ')}.`, path);
  return v as PiiAction;
}

function pii(v: unknown, base: PiiPolicy, path: string, opts: MergeOptions): PiiPolicy {
  const o = obj(v, path);
  if (!o) return base;
  const out = { ...base };
  for (const k of PII_KINDS) out[k] = action(o[k], base[k], `${path}.${k}`);
  if (o.custom !== undefined) {
    if (!Array.isArray(o.custom) || o.custom.length > MAX_PATTERNS) throw invalid(`'${path}.custom' must be a list of at most ${MAX_PATTERNS} rules.`, `${path}.custom`);
    out.custom = o.custom.map((c, i) => {
      const at = `${path}.custom[${i}]`;
      const r = obj(c, at) ?? {};
      regex(r.pattern, undefined, at, opts);
      if (r.action === undefined) throw invalid(`'${at}.action' is required.`, `${at}.action`);
      return { name: ruleName(r.name, at), pattern: r.pattern as string, action: action(r.action, 'allow', `${at}.action`) };
    });
  }
  return out;
}

function limits(v: unknown, base: RateLimits, path: string): RateLimits {
  const o = obj(v, path);
  if (!o) return base;
  return {
    requests_per_minute: positiveOrNull(o.requests_per_minute, base.requests_per_minute, `${path}.requests_per_minute`),
    tokens_per_minute: positiveOrNull(o.tokens_per_minute, base.tokens_per_minute, `${path}.tokens_per_minute`),
    concurrent_requests: positiveOrNull(o.concurrent_requests, base.concurrent_requests, `${path}.concurrent_requests`),
  };
}

/**
 * `input` merged over `base` (a complete policy; the default when absent) and checked: objects
 * merge field by field, lists and values replace, unknown fields are dropped, every regular
 * expression must compile. Throws a 400 PlatformError naming the field.
 */
export function mergePolicy(input: unknown, base: Policy = defaultPolicy(), opts: MergeOptions = { compile: true }): Policy {
  const root = obj(input, 'policy') ?? {};
  const g = obj(root.guardrails, 'guardrails') ?? {};
  const gi = obj(g.input, 'guardrails.input') ?? {};
  const go = obj(g.output, 'guardrails.output') ?? {};
  const l = obj(root.limits, 'limits') ?? {};
  const bi = base.guardrails.input;
  const bo = base.guardrails.output;
  let injection = bi.injection_detection;
  if (gi.injection_detection !== undefined) {
    if (typeof gi.injection_detection !== 'boolean') throw invalid("'guardrails.input.injection_detection' must be a boolean.", 'guardrails.input.injection_detection');
    injection = gi.injection_detection;
  }
  let onFailure = base.limits.on_store_failure;
  if (l.on_store_failure !== undefined) {
    if (l.on_store_failure !== 'open' && l.on_store_failure !== 'closed') throw invalid("'limits.on_store_failure' must be open or closed.", 'limits.on_store_failure');
    onFailure = l.on_store_failure;
  }
  return {
    guardrails: {
      input: {
        max_chars: positiveOrNull(gi.max_chars, bi.max_chars, 'guardrails.input.max_chars'),
        max_tokens: positiveOrNull(gi.max_tokens, bi.max_tokens, 'guardrails.input.max_tokens'),
        blocked_terms: terms(gi.blocked_terms, bi.blocked_terms, 'guardrails.input.blocked_terms'),
        blocked_patterns: patterns(gi.blocked_patterns, bi.blocked_patterns, 'guardrails.input.blocked_patterns', opts),
        injection_detection: injection,
        pii: pii(gi.pii, bi.pii, 'guardrails.input.pii', opts),
      },
      output: {
        blocked_terms: terms(go.blocked_terms, bo.blocked_terms, 'guardrails.output.blocked_terms'),
        blocked_patterns: patterns(go.blocked_patterns, bo.blocked_patterns, 'guardrails.output.blocked_patterns', opts),
        pii: pii(go.pii, bo.pii, 'guardrails.output.pii', opts),
      },
    },
    limits: {
      key: limits(l.key, base.limits.key, 'limits.key'),
      domain: limits(l.domain, base.limits.domain, 'limits.domain'),
      on_store_failure: onFailure,
    },
  };
}

/**
 * A submitted or stored policy completed with the defaults, its shape checked (a 400 PlatformError
 * otherwise); regular expressions are left to the guardrail compiler, which names the rule.
 */
export function fullPolicy(partial: unknown): Policy {
  return mergePolicy(partial, defaultPolicy(), { compile: false });
}

export class PolicyService {
  private cache = new Map<string, VersionedPolicy & { json: string; until: number }>();
  private counter = 0;
  /** Bumped by every announced change: a read that started before one does not fill the cache. */
  private generation = 0;

  constructor(
    private readonly store: Store,
    private readonly opts: { log?: PlatformLog } = {},
  ) {}

  /** Follows the policy changes of every process sharing the store (see change-feed.ts). */
  followChanges(): Promise<() => Promise<void>> {
    return followChanges(this.store, CHANGE_CHANNELS.policies, { changed: (id) => this.drop(id), missed: () => this.drop(null) });
  }

  /** Drops one domain's cached policy (null: all of them). The version moves on only if its content changed. */
  private drop(domainId: string | null): void {
    this.generation++;
    const entries = domainId === null ? [...this.cache.values()] : [this.cache.get(domainId)];
    for (const entry of entries) if (entry) entry.until = 0;
  }

  /** Bumped whenever any domain's policy changes (as seen by this process). */
  get changeCount(): number {
    return this.counter;
  }

  /** The domain's policy, complete (a domain without a stored policy gets the default). */
  async get(domainId: string): Promise<Policy> {
    return (await this.getVersioned(domainId)).policy;
  }

  /** The policy and its version: recompile what you derived from it only when the version changes. */
  async getVersioned(domainId: string): Promise<VersionedPolicy> {
    const hit = this.cache.get(domainId);
    if (hit && hit.until > Date.now()) return { policy: hit.policy, version: hit.version };
    const generation = this.generation;
    const row = await this.store.get<{ policy: string }>('SELECT policy FROM policies WHERE domain_id = ?', [domainId]);
    let policy: Policy;
    try {
      // Shape only: its patterns were checked by set(), and compiling them all (RE2, ~0.1-0.5 ms each) on every refresh would hold the event loop.
      policy = row ? fullPolicy(JSON.parse(row.policy)) : defaultPolicy();
    } catch (err) {
      // Fail closed: a policy that cannot be read must not silently become "nothing blocked".
      throw new Error(`The stored policy of domain ${quote(domainId)} cannot be read: ${(err as Error).message}`);
    }
    return this.remember(domainId, policy, generation === this.generation);
  }

  /** `fresh`: nothing was announced since the policy was read, so it may be cached for the TTL. */
  private remember(domainId: string, policy: Policy, fresh = true): VersionedPolicy {
    const json = JSON.stringify(policy);
    const hit = this.cache.get(domainId);
    const until = fresh ? Date.now() + CACHE_TTL_MS : 0;
    const entry = hit && hit.json === json ? { ...hit, until } : { policy: deepFreeze(policy), version: ++this.counter, json, until };
    this.cache.set(domainId, entry);
    return { policy: entry.policy, version: entry.version };
  }

  /**
   * Replace the domain's policy: what is given, merged over the default (so set(d, {}) resets it).
   * Returns the complete stored policy. Throws 400 for an invalid policy, 404 for an unknown domain.
   */
  async set(domainId: string, input: PolicyInput): Promise<Policy> {
    const policy = mergePolicy(input);
    try {
      await this.store.writeBatch(
        'INSERT INTO policies (domain_id, policy, updated_at) VALUES (?, ?, ?) ON CONFLICT (domain_id) DO UPDATE SET policy = excluded.policy, updated_at = excluded.updated_at',
        [[domainId, JSON.stringify(policy), now()]],
      );
    } catch (err) {
      if (err instanceof ForeignKeyViolation) throw notFound('domain_not_found', `No domain found with id ${quote(domainId)}.`, 'domain_id');
      throw err;
    }
    const stored = this.remember(domainId, policy).policy;
    await announceChange(this.store, CHANGE_CHANNELS.policies, domainId, this.opts.log);
    return stored;
  }
}
