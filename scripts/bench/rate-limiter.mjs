#!/usr/bin/env node
// What one admission costs the rate limiters as a tenant's minute fills: the in-process limiter and
// the Redis one (a redis-server started here on a free loopback port), with a requests and a tokens
// per minute limit set high enough never to refuse. Fills the window with N admissions (each settled),
// then times 1,000 more (the window is a real minute: what takes longer to fill holds less); prints the median microseconds an admission costs at each N, and for Redis
// the server's own time per call of the acquire script (INFO commandstats).
//   node scripts/bench/rate-limiter.mjs [--sizes 1000,10000,50000] [--cli apps/gateway/dist]
import { spawn } from 'node:child_process';
import { createJiti } from 'jiti';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, def) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : def;
};
const SIZES = arg('--sizes', '1000,10000,50000').split(',').map(Number);
const dist = resolve(arg('--cli', join(root, 'apps/gateway/dist')));
const { MemoryRateLimiter } = await import(join(dist, 'limits/index.js'));
const { RedisRateLimiter } = await import(join(dist, 'limits/redis.js'));

// The tests' throwaway redis-server (apps/gateway/test/support/redis.ts), as scale-out.mjs uses it.
const { startRedis } = await createJiti(import.meta.url).import(join(root, 'apps/gateway/test/support/redis.ts'));
const redis = await startRedis();
const limits = { key: { requests_per_minute: 1e9, tokens_per_minute: 1e12 }, domain: {} };
const input = (keyId) => ({ keyId, domainId: `d-${keyId}`, limits, onStoreFailure: 'open', estimatedTokens: 5 });
const quiet = { warn() {}, info() {} };

async function admit(l, keyId) {
  const r = await l.acquire(input(keyId));
  if (!r.allowed || !r.headers['x-ratelimit-limit-requests']) throw new Error('refused or not counted (store down?)');
  r.lease.settle(7);
  return 1e9 - Number(r.headers['x-ratelimit-remaining-requests']);
}

async function measure(name, make) {
  for (const n of SIZES) {
    const l = make(n);
    const keyId = `bench-${n}`;
    for (let tries = 0; ; tries++) {
      try {
        await admit(l, keyId);
        break;
      } catch (e) {
        if (tries > 100) throw e;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    for (let i = 1; i < n; i++) await admit(l, keyId);
    const times = [];
    let inWindow = 0;
    for (let i = 0; i < 1000; i++) {
      const t = process.hrtime.bigint();
      inWindow = await admit(l, keyId);
      times.push(Number(process.hrtime.bigint() - t) / 1000);
    }
    times.sort((a, b) => a - b);
    let server = '';
    if (l instanceof RedisRateLimiter) {
      const info = await redisInfo();
      server = info ? `; the server's time per script call ${info} µs (all calls so far)` : '';
    }
    // The window is a real minute: an implementation too slow to fill it in a minute holds fewer.
    console.log(`${name.padEnd(12)} ${String(n).padStart(7)} admitted, ${String(inWindow).padStart(7)} in the window: median ${times[500].toFixed(1)} µs an admission, p99 ${times[990].toFixed(1)} µs${server}`);
    await l.close();
  }
}

async function redisInfo() {
  const out = await new Promise((r) => {
    const c = spawn('redis-cli', ['-p', String(redis.port), 'info', 'commandstats']);
    let s = '';
    c.stdout.on('data', (d) => (s += d));
    c.on('close', () => r(s));
  });
  const m = /cmdstat_evalsha:calls=\d+,usec=\d+,usec_per_call=([0-9.]+)/.exec(out);
  return m?.[1];
}

console.log(`rate limiter cost per admission, node ${process.version}; ${dist}`);
await measure('in process', () => new MemoryRateLimiter());
await measure('redis', (n) => new RedisRateLimiter(redis.url, quiet, `bench${n}`));
await redis.stop();
process.exit(0);
