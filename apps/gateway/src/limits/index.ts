/**
 * Rate limits per key and per domain: requests and tokens per minute (a sliding 60-second window:
 * never more than the limit in any minute), and concurrent requests. Headers as OpenAI sends them.
 * This is the in-process limiter; a shared store (Redis) plugs in behind the same interface.
 */
import type { RateLimits } from '../platform/policies.js';

export interface Lease {
  /** The real token count is known: correct the bucket, free the concurrency slot. */
  settle(actualTokens: number): void;
  /** The request failed: free the slot, keep the estimate. */
  release(): void;
}

export type AcquireResult =
  | { allowed: true; lease: Lease; headers: Record<string, string> }
  | { allowed: false; scope: 'key' | 'domain'; kind: 'requests' | 'tokens' | 'concurrent' | 'unavailable'; retryAfterSeconds: number; headers: Record<string, string> };

export interface AcquireInput {
  keyId: string;
  domainId: string;
  limits: { key: RateLimits; domain: RateLimits };
  onStoreFailure: 'open' | 'closed';
  estimatedTokens: number;
}

export interface RateLimiter {
  acquire(input: AcquireInput): Promise<AcquireResult>;
  close(): Promise<void>;
}

const WINDOW_MS = 60_000;
const NOOP_LEASE: Lease = { settle() {}, release() {} };

/** OpenAI's duration format: `20ms`, `1s`, `6m0s`. */
export function formatReset(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.ceil(ms))}ms`;
  const s = Math.ceil(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${s % 60}s`;
}

interface Bucket {
  requests: number[]; // admission times
  tokens: Array<{ t: number; n: number }>;
  concurrent: number;
}

export class MemoryRateLimiter implements RateLimiter {
  private buckets = new Map<string, Bucket>();

  private bucket(id: string): Bucket {
    let b = this.buckets.get(id);
    if (!b) {
      b = { requests: [], tokens: [], concurrent: 0 };
      this.buckets.set(id, b);
    }
    const cutoff = Date.now() - WINDOW_MS;
    while (b.requests.length && b.requests[0]! <= cutoff) b.requests.shift();
    while (b.tokens.length && b.tokens[0]!.t <= cutoff) b.tokens.shift();
    if (this.buckets.size > 10_000) this.sweep(cutoff);
    return b;
  }

  async acquire(input: AcquireInput): Promise<AcquireResult> {
    const { key, domain } = input.limits;
    if ([key, domain].every((l) => !l.requests_per_minute && !l.tokens_per_minute && !l.concurrent_requests)) {
      return { allowed: true, headers: {}, lease: NOOP_LEASE }; // no limits: no bookkeeping
    }
    const now = Date.now();
    const scopes = [
      { scope: 'key' as const, limits: input.limits.key, b: this.bucket(`k:${input.keyId}`) },
      { scope: 'domain' as const, limits: input.limits.domain, b: this.bucket(`d:${input.domainId}`) },
    ];
    const headers: Record<string, string> = {};
    // The tighter scope sets the headers (lowest remaining).
    const report = (kind: 'requests' | 'tokens', extra: number) => {
      let best: { limit: number; remaining: number; reset: number } | null = null;
      for (const s of scopes) {
        const limit = kind === 'requests' ? s.limits.requests_per_minute : s.limits.tokens_per_minute;
        if (!limit) continue;
        const used = kind === 'requests' ? s.b.requests.length : s.b.tokens.reduce((n, e) => n + e.n, 0);
        const oldest = kind === 'requests' ? s.b.requests[0] : s.b.tokens[0]?.t;
        const remaining = Math.max(0, limit - used - extra);
        const reset = oldest !== undefined ? oldest + WINDOW_MS - now : 0;
        if (!best || remaining < best.remaining) best = { limit, remaining, reset };
      }
      if (best) {
        headers[`x-ratelimit-limit-${kind}`] = String(best.limit);
        headers[`x-ratelimit-remaining-${kind}`] = String(best.remaining);
        headers[`x-ratelimit-reset-${kind}`] = formatReset(best.reset);
      }
    };
    for (const s of scopes) {
      const { requests_per_minute: rpm, tokens_per_minute: tpm, concurrent_requests: conc } = s.limits;
      const refuse = (kind: 'requests' | 'tokens' | 'concurrent', retryMs: number): AcquireResult => {
        report('requests', 0);
        report('tokens', 0);
        return { allowed: false, scope: s.scope, kind, retryAfterSeconds: Math.max(1, Math.ceil(retryMs / 1000)), headers };
      };
      if (rpm && s.b.requests.length >= rpm) return refuse('requests', s.b.requests[0]! + WINDOW_MS - now);
      if (tpm) {
        const used = s.b.tokens.reduce((n, e) => n + e.n, 0);
        if (used + input.estimatedTokens > tpm) {
          // When will enough tokens have left the window?
          let free = tpm - used;
          let at = now;
          for (const e of s.b.tokens) {
            if (free >= input.estimatedTokens) break;
            free += e.n;
            at = e.t + WINDOW_MS;
          }
          return refuse('tokens', input.estimatedTokens > tpm ? WINDOW_MS : at - now);
        }
      }
      if (conc && s.b.concurrent >= conc) return refuse('concurrent', 1000);
    }
    const entries = scopes.map((s) => {
      s.b.requests.push(now);
      const e = { t: now, n: input.estimatedTokens };
      s.b.tokens.push(e);
      s.b.concurrent++;
      return { s, e };
    });
    report('requests', 0);
    report('tokens', 0);
    let open = true;
    const free = () => {
      if (!open) return false;
      open = false;
      for (const { s } of entries) s.b.concurrent--;
      return true;
    };
    return {
      allowed: true,
      headers,
      lease: {
        settle(actual) {
          if (free()) for (const { e } of entries) e.n = actual;
        },
        release() {
          free();
        },
      },
    };
  }

  /** Forget idle buckets (no request in the window, nothing running). */
  private sweep(cutoff: number): void {
    for (const [id, b] of this.buckets) {
      if (b.concurrent === 0 && (b.requests.at(-1) ?? 0) <= cutoff) this.buckets.delete(id);
    }
  }

  async close(): Promise<void> {
    this.buckets.clear();
  }
}
