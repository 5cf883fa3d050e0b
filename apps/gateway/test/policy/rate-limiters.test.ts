// Both rate limiters on their own, the in-process one (src/limits/index.ts) and the shared one on a
// real redis-server (src/limits/redis.ts), held to the same cases: the sliding minute, the token sum
// as estimates are settled, and a window that holds a busy tenant's minute.
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryRateLimiter, type AcquireInput, type RateLimiter } from '../../src/limits/index.js';
import { Redis } from 'ioredis';
import { RedisRateLimiter } from '../../src/limits/redis.js';
import { until } from '../helpers.js';
import { startRedis, type TestRedis } from '../support/redis.js';

const input = (limits: AcquireInput['limits'], estimatedTokens = 10): AcquireInput => ({ keyId: 'k', domainId: 'd', limits, onStoreFailure: 'open', estimatedTokens });

let redis: TestRedis;
const opened: RateLimiter[] = [];
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(opened.map((l) => l.close()));
  await redis?.stop();
});

const quiet = { warn() {}, info() {} };
/** A limiter whose store answers: the Redis one fails open until its connection is up. */
async function connected(l: RateLimiter): Promise<RateLimiter> {
  const probe: AcquireInput = { keyId: 'probe', domainId: 'probe', limits: { key: { requests_per_minute: 1e9 }, domain: {} }, onStoreFailure: 'open', estimatedTokens: 0 };
  await until(async () => 'x-ratelimit-limit-requests' in (await l.acquire(probe)).headers, 10_000, 'the limiter\'s store');
  return l;
}

const limiters: Array<{ name: string; make(): RateLimiter; busyMinute: number; manyKeys: number }> = [
  { name: 'MemoryRateLimiter', make: () => new MemoryRateLimiter(), busyMinute: 200_000, manyKeys: 30_000 },
  // A round trip each: fewer admissions, still far more than a script that read the whole window
  // on each acquire could serve in the test's time.
  { name: 'RedisRateLimiter', make: () => new RedisRateLimiter(redis.url, quiet, `t${randomBytes(4).toString('hex')}`), busyMinute: 30_000, manyKeys: 3_000 },
];

describe.each(limiters)('$name', ({ make, busyMinute, manyKeys }) => {
  let l: RateLimiter;
  beforeEach(async () => {
    l = make();
    opened.push(l);
    await connected(l);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_000_000);
  });
  afterEach(() => vi.useRealTimers());

  it('counts settled tokens while the request is in the window, and forgets them once it left', async () => {
    const limits = { key: { tokens_per_minute: 100 }, domain: {} };
    const a = await l.acquire(input(limits, 10));
    expect(a.allowed && a.headers['x-ratelimit-remaining-tokens']).toBe('90');
    if (!a.allowed) throw new Error('refused');
    a.lease.settle(60); // the answer was longer than estimated
    vi.setSystemTime(1_030_000);
    const b = await l.acquire(input(limits, 10));
    expect(b.allowed && b.headers['x-ratelimit-remaining-tokens']).toBe('30'); // 100 - 60 - 10
    const refused = await l.acquire(input(limits, 40));
    expect(refused.allowed).toBe(false);
    // The refusal waits until the first request's 60 tokens leave the window: 30 s from now.
    expect(!refused.allowed && refused.retryAfterSeconds).toBe(30);
    vi.setSystemTime(1_060_001); // the first request left the window
    if (!b.allowed) throw new Error('refused');
    const c = await l.acquire(input(limits, 10));
    expect(c.allowed && c.headers['x-ratelimit-remaining-tokens']).toBe('80'); // b's 10 and c's 10
    vi.setSystemTime(1_090_001); // b left the window too: settling it now changes nothing
    b.lease.settle(50);
    const d = await l.acquire(input(limits, 10));
    expect(d.allowed && d.headers['x-ratelimit-remaining-tokens']).toBe('80'); // c's 10 and d's 10
  });

  it('refuses the request over the limit per minute and admits again as the minute slides', async () => {
    const limits = { key: { requests_per_minute: 3 }, domain: {} };
    for (let i = 0; i < 3; i++) {
      expect((await l.acquire(input(limits))).allowed).toBe(true);
      vi.setSystemTime(Date.now() + 10_000);
    }
    const refused = await l.acquire(input(limits));
    expect(!refused.allowed && refused.kind).toBe('requests');
    expect(!refused.allowed && refused.retryAfterSeconds).toBe(30);
    vi.setSystemTime(1_060_000); // the first left (admitted at exactly a minute ago)
    const again = await l.acquire(input(limits));
    expect(again.allowed && again.headers['x-ratelimit-remaining-requests']).toBe('0');
  });

  it('a busy tenant\'s minute: admissions over three minutes, each counted right', async () => {
    // Before the windows kept their token sums, every admission summed the minute's entries (and,
    // in process, shifted the array): 23 s for 100,000 admissions in process, 0.6 ms each at the end.
    const limits = { key: { requests_per_minute: 1_000_000, tokens_per_minute: 100_000_000 }, domain: {} };
    const perMs = busyMinute / 180_000;
    let last: Awaited<ReturnType<RateLimiter['acquire']>> | null = null;
    for (let i = 0; i < busyMinute; i++) {
      vi.setSystemTime(1_000_000 + Math.floor(i / perMs));
      last = await l.acquire(input(limits, 5));
      if (!last.allowed) throw new Error(`refused at ${i}`);
      last.lease.settle(7);
    }
    // In the last minute: the admissions of the last 60,000 ms.
    const inWindow = Math.round(60_000 * perMs);
    const remaining = Number(last!.headers['x-ratelimit-remaining-requests']);
    expect(Math.abs(1_000_000 - remaining - inWindow)).toBeLessThanOrEqual(2);
    // Every one but the last was settled at 7 tokens; the last header was made before its settle.
    const tokens = 100_000_000 - Number(last!.headers['x-ratelimit-remaining-tokens']);
    expect(Math.abs(tokens - ((inWindow - 1) * 7 + 5))).toBeLessThanOrEqual(14);
  });

  it('many keys in one minute (30,000 in process), each counted on its own', async () => {
    // Past 10,000 buckets the in-process limiter forgets idle ones; it once read them all on every
    // admission (a sweep per request: 10,000+ entries each).
    const limits = { key: { requests_per_minute: 2 }, domain: {} };
    for (let i = 0; i < manyKeys; i++) {
      vi.setSystemTime(1_000_000 + i); // a millisecond apart: all within the minute
      const r = await l.acquire({ ...input(limits), keyId: `key-${i}`, domainId: 'shared' });
      expect(r.allowed && r.headers['x-ratelimit-remaining-requests']).toBe('1');
    }
    vi.setSystemTime(1_000_000 + manyKeys);
    const again = await l.acquire({ ...input(limits), keyId: 'key-0', domainId: 'shared' });
    expect(again.allowed && again.headers['x-ratelimit-remaining-requests']).toBe('0');
    const third = await l.acquire({ ...input(limits), keyId: 'key-0', domainId: 'shared' });
    expect(third.allowed).toBe(false);
  });
});

describe('RedisRateLimiter, its store', () => {
  it('a token sum evicted from Redis (a maxmemory policy) is counted again from the window, once', async () => {
    const prefix = `t${randomBytes(4).toString('hex')}`;
    const l = await connected(new RedisRateLimiter(redis.url, quiet, prefix));
    opened.push(l);
    const limits = { key: { tokens_per_minute: 100 }, domain: {} };
    const a = await l.acquire(input(limits, 10));
    if (!a.allowed) throw new Error('refused');
    a.lease.settle(30);
    const client = new Redis(redis.url);
    try {
      expect(await client.get(`${prefix}:k:k:tokensum`)).toBe('30');
      await client.del(`${prefix}:k:k:tokensum`);
      const b = await l.acquire(input(limits, 10));
      expect(b.allowed && b.headers['x-ratelimit-remaining-tokens']).toBe('60'); // 100 - 30 - 10
      expect(await client.get(`${prefix}:k:k:tokensum`)).toBe('40');
      expect(await client.pttl(`${prefix}:k:k:tokensum`)).toBeGreaterThan(0);
    } finally {
      client.disconnect();
    }
  });
});
