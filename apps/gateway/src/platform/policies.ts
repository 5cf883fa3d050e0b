/** Per-domain policies (guardrails and rate limits), merged over complete defaults. */
import type { Store } from './store/types.js';
import { now } from './errors.js';

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
export interface Policy {
  guardrails: {
    input: { max_chars: number | null; max_tokens: number | null; blocked_terms: string[]; blocked_patterns: GuardrailPattern[]; injection_detection: boolean; pii: PiiPolicy };
    output: { blocked_terms: string[]; blocked_patterns: GuardrailPattern[]; pii: PiiPolicy };
  };
  limits: { key: RateLimits; domain: RateLimits; on_store_failure: 'open' | 'closed' };
}

const pii = (): PiiPolicy => ({ email: 'allow', phone: 'allow', credit_card: 'allow', iban: 'allow', ip_address: 'allow', us_ssn: 'allow', custom: [] });
const limits = (): RateLimits => ({ requests_per_minute: null, tokens_per_minute: null, concurrent_requests: null });

export function defaultPolicy(): Policy {
  return {
    guardrails: {
      input: { max_chars: null, max_tokens: null, blocked_terms: [], blocked_patterns: [], injection_detection: false, pii: pii() },
      output: { blocked_terms: [], blocked_patterns: [], pii: pii() },
    },
    limits: { key: limits(), domain: limits(), on_store_failure: 'open' },
  };
}

/** Deep merge of plain objects; arrays and scalars replace. */
function merge<T>(base: T, over: unknown): T {
  if (!over || typeof over !== 'object' || Array.isArray(over)) return (over === undefined ? base : (over as T));
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over)) {
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
    out[k] = k in out && out[k] && typeof out[k] === 'object' && !Array.isArray(out[k]) ? merge(out[k], v) : v;
  }
  return out as T;
}

/** A stored or submitted policy, completed with the defaults. */
const CACHE_TTL_MS = 2000;

export function fullPolicy(partial: unknown): Policy {
  return merge(defaultPolicy(), partial);
}

export class PolicyService {
  /** Per process, with a short TTL so instances sharing one store pick up each other's changes. */
  private cache = new Map<string, { policy: Policy; version: number; at: number; raw: string }>();
  private version = 0;

  constructor(private readonly store: Store) {}

  async get(domainId: string): Promise<Policy> {
    return (await this.getVersioned(domainId)).policy;
  }

  /** The policy with a version that changes on every set(), so consumers recompile only on change. */
  async getVersioned(domainId: string): Promise<{ policy: Policy; version: number }> {
    const hit = this.cache.get(domainId);
    if (hit && Date.now() - hit.at < CACHE_TTL_MS) return hit;
    const row = await this.store.get<{ policy: string }>('SELECT policy FROM policies WHERE domain_id = ?', [domainId]);
    const raw = row?.policy ?? '';
    if (hit && hit.raw === raw) {
      hit.at = Date.now(); // unchanged: keep its version (and the compiled guardrails)
      return hit;
    }
    const entry = { policy: merge(defaultPolicy(), row ? JSON.parse(row.policy) : undefined), version: ++this.version, at: Date.now(), raw };
    this.cache.set(domainId, entry);
    return entry;
  }

  async set(domainId: string, policy: Partial<Policy>): Promise<Policy> {
    const full = merge(defaultPolicy(), policy);
    await this.store.run(
      'INSERT INTO policies (domain_id, policy, updated_at) VALUES (?, ?, ?) ON CONFLICT (domain_id) DO UPDATE SET policy = excluded.policy, updated_at = excluded.updated_at',
      [domainId, JSON.stringify(full), now()],
    );
    this.cache.delete(domainId);
    return this.get(domainId);
  }
}
