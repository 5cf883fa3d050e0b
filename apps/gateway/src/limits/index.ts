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
/** How many of a window's oldest entries a refusal reads to say when enough tokens will have left. */
export const REFUSAL_WALK = 1000;
const NOOP_LEASE: Lease = { settle() {}, release() {} };

/** OpenAI's duration format: `20ms`, `1s`, `6m0s`. */
export function formatReset(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.ceil(ms))}ms`;
  const s = Math.ceil(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${s % 60}s`;
}

/**
 * What one scope admitted in the last minute, oldest first. Reading the count, the token sum and
 * the oldest entry is O(1), and so (amortized) is dropping what left the window: a tenant with a
 * generous limit keeps tens of thousands of entries here, and a per-request scan or `Array#shift`
 * of them (a memmove once the array is large) cost every request on the event loop up to a
 * millisecond (measured: 0.6 ms an admission at 100,000 entries).
 */
/** One admission: when (ms), and its tokens (the estimate, then the real count once settled). */
interface Entry {
  t: number;
  n: number;
}

class Window {
  private entries: Entry[] = [];
  private head = 0;
  /** Tokens of the entries in the window (estimates until settled). */
  tokens = 0;

  get requests(): number {
    return this.entries.length - this.head;
  }

  /** The oldest entry still in the window. */
  oldest(): Entry | undefined {
    return this.entries[this.head];
  }

  newest(): Entry | undefined {
    return this.entries[this.entries.length - 1];
  }

  add(t: number, n: number): Entry {
    const e: Entry = { t, n };
    this.entries.push(e);
    this.tokens += n;
    return e;
  }

  /** An admitted request's real token count: counted only while its entry is in the window. */
  settle(e: Entry, actual: number): void {
    if (e.t > Number.NEGATIVE_INFINITY) this.tokens += actual - e.n;
    e.n = actual;
  }

  /** Drops the entries admitted at or before `cutoff`. */
  expire(cutoff: number): void {
    const all = this.entries;
    while (this.head < all.length && all[this.head]!.t <= cutoff) {
      const e = all[this.head++]!;
      this.tokens -= e.n;
      e.t = Number.NEGATIVE_INFINITY; // out of the window: a later settle no longer counts
    }
    if (this.head === all.length) {
      this.entries = [];
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= all.length) {
      this.entries = all.slice(this.head);
      this.head = 0;
    }
  }

  /**
   * When the entry was admitted whose leaving brings the tokens in the window down by `tokens`: a
   * refusal's wait. At most REFUSAL_WALK of the oldest entries are read; past them, the newest's
   * time (a later wait than the exact one, never a sooner one).
   */
  leavesWith(tokens: number): number {
    let freed = 0;
    const end = Math.min(this.entries.length, this.head + REFUSAL_WALK);
    for (let i = this.head; i < end; i++) {
      const e = this.entries[i]!;
      freed += e.n;
      if (freed >= tokens) return e.t;
    }
    return this.newest()?.t ?? Date.now();
  }
}

interface Bucket {
  window: Window;
  concurrent: number;
}

export class MemoryRateLimiter implements RateLimiter {
  private buckets = new Map<string, Bucket>();
  /** When idle buckets were last forgotten: past 10,000 buckets, at most once a second (a sweep reads them all). */
  private sweptAt = Number.NEGATIVE_INFINITY;

  private bucket(id: string): Bucket {
    let b = this.buckets.get(id);
    if (!b) {
      b = { window: new Window(), concurrent: 0 };
      this.buckets.set(id, b);
    }
    const cutoff = Date.now() - WINDOW_MS;
    b.window.expire(cutoff);
    if (this.buckets.size > 10_000 && cutoff - this.sweptAt >= 1000) this.sweep(cutoff);
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
        const used = kind === 'requests' ? s.b.window.requests : s.b.window.tokens;
        const oldest = s.b.window.oldest()?.t;
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
      if (rpm && s.b.window.requests >= rpm) return refuse('requests', s.b.window.oldest()!.t + WINDOW_MS - now);
      if (tpm) {
        const used = s.b.window.tokens;
        if (used + input.estimatedTokens > tpm) {
          return refuse('tokens', input.estimatedTokens > tpm ? WINDOW_MS : s.b.window.leavesWith(input.estimatedTokens - (tpm - used)) + WINDOW_MS - now);
        }
      }
      if (conc && s.b.concurrent >= conc) return refuse('concurrent', 1000);
    }
    const entries = scopes.map((s) => {
      const e = s.b.window.add(now, input.estimatedTokens);
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
          if (free()) for (const { s, e } of entries) s.b.window.settle(e, actual);
        },
        release() {
          free();
        },
      },
    };
  }

  /** Forget idle buckets (no request in the window, nothing running). */
  private sweep(cutoff: number): void {
    this.sweptAt = cutoff;
    for (const [id, b] of this.buckets) {
      if (b.concurrent === 0 && (b.window.newest()?.t ?? Number.NEGATIVE_INFINITY) <= cutoff) this.buckets.delete(id);
    }
  }

  async close(): Promise<void> {
    this.buckets.clear();
  }
}
