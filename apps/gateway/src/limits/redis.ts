/**
 * Rate limits shared by every gateway instance through Redis. One atomic Lua script per acquire
 * (one round trip), sliding 60-second windows in sorted sets, concurrency slots with an expiry so a
 * crashed instance cannot leak them. If Redis is unreachable the policy's `on_store_failure`
 * decides (open: allow; closed: refuse), logged once per outage, and it recovers by itself.
 */
import { randomBytes } from 'node:crypto';
import { Redis, type Result } from 'ioredis';
import { formatReset, REFUSAL_WALK, type AcquireInput, type AcquireResult, type Lease, type RateLimiter } from './index.js';

const WINDOW_MS = 60_000;
const LEASE_TTL_MS = 10 * 60_000;

// Per scope: the admissions (req: sorted by time), their token counts (tokens: members
// `<request id>:<tokens>` sorted by time), the running sum of those counts (tokensum), and the
// concurrency slots (conc). The sum is what makes an acquire cost the same at 10 or 100,000 entries:
// each entry is read once, as it leaves the window. Summing the whole window on every acquire (the
// first version of this script) blocked Redis, and with it every instance's limits, for as long
// as one busy tenant's minute took to read. (`tokens` and `tokensum` are new names: instances of
// that version, during a rolling upgrade, keep their token counts apart instead of skewing the sum.)
// A refusal reads at most REFUSAL_WALK of the oldest entries to say when enough tokens will have
// left; past them, the wait given is until the newest has left (later, never sooner, than exact).

// KEYS: per scope 4 keys (req, tokens, tokensum, conc), key scope then domain scope.
// ARGV: now, window, reqid, est, leaseTtl, then per scope: rpm, tpm, conc (0 = none).
const ACQUIRE = `
local now = tonumber(ARGV[1]); local window = tonumber(ARGV[2]); local id = ARGV[3]
local est = tonumber(ARGV[4]); local ttl = tonumber(ARGV[5])
local function tokensOf(member) return tonumber(string.match(member, ':(%d+)$')) end
local out = {}
for s = 0, 1 do
  local req, tok, sum, conc = KEYS[s*4+1], KEYS[s*4+2], KEYS[s*4+3], KEYS[s*4+4]
  local rpm, tpm, cl = tonumber(ARGV[6+s*3]), tonumber(ARGV[7+s*3]), tonumber(ARGV[8+s*3])
  redis.call('ZREMRANGEBYSCORE', req, '-inf', now - window)
  local kept = redis.call('GET', sum)
  if kept then
    local gone = redis.call('ZRANGEBYSCORE', tok, '-inf', now - window)
    if #gone > 0 then
      local n = 0
      for i = 1, #gone do n = n + tokensOf(gone[i]) end
      kept = redis.call('DECRBY', sum, n)
    end
  end
  redis.call('ZREMRANGEBYSCORE', tok, '-inf', now - window)
  if not kept and redis.call('EXISTS', tok) == 1 then
    -- The sum is gone and the window is not (evicted by a maxmemory policy): counted again, once.
    kept = 0
    local all = redis.call('ZRANGE', tok, 0, -1)
    for i = 1, #all do kept = kept + tokensOf(all[i]) end
    redis.call('SET', sum, kept, 'PX', window)
  end
  redis.call('ZREMRANGEBYSCORE', conc, '-inf', now)
  local nreq = redis.call('ZCARD', req)
  local used = math.max(0, tonumber(kept or 0))
  local oldestReq = redis.call('ZRANGE', req, 0, 0, 'WITHSCORES')[2]
  local oldestTok = redis.call('ZRANGE', tok, 0, 0, 'WITHSCORES')[2]
  if rpm > 0 and nreq >= rpm then return {0, s, 'requests', tonumber(oldestReq) + window - now} end
  if tpm > 0 and used + est > tpm then
    local at = now + window
    if est <= tpm then
      local free = tpm - used
      local oldest = redis.call('ZRANGE', tok, 0, ${REFUSAL_WALK - 1}, 'WITHSCORES')
      for i = 1, #oldest, 2 do
        free = free + tokensOf(oldest[i])
        if free >= est then at = tonumber(oldest[i+1]) + window; break end
      end
      if free < est then at = tonumber(redis.call('ZRANGE', tok, -1, -1, 'WITHSCORES')[2]) + window end
    end
    return {0, s, 'tokens', at - now}
  end
  if cl > 0 and redis.call('ZCARD', conc) >= cl then return {0, s, 'concurrent', 1000} end
  out[#out+1] = nreq; out[#out+1] = used; out[#out+1] = oldestReq or now; out[#out+1] = oldestTok or now
end
for s = 0, 1 do
  local req, tok, sum, conc = KEYS[s*4+1], KEYS[s*4+2], KEYS[s*4+3], KEYS[s*4+4]
  redis.call('ZADD', req, now, id); redis.call('ZADD', tok, now, id .. ':' .. est); redis.call('INCRBY', sum, est); redis.call('ZADD', conc, now + ttl, id)
  redis.call('PEXPIRE', req, window); redis.call('PEXPIRE', tok, window); redis.call('PEXPIRE', sum, window); redis.call('PEXPIRE', conc, ttl)
end
return {1, out[1], out[2], out[3], out[4], out[5], out[6], out[7], out[8]}
`;

// KEYS: tokens, tokensum, conc for both scopes (6). ARGV: reqid, est, actual, now(of acquire); actual < 0 = release only.
// The sum changes only while the entry is still in the window (the ZREM finds it).
const SETTLE = `
for s = 0, 1 do
  local tok, sum, conc = KEYS[s*3+1], KEYS[s*3+2], KEYS[s*3+3]
  redis.call('ZREM', conc, ARGV[1])
  if tonumber(ARGV[3]) >= 0 and redis.call('ZREM', tok, ARGV[1] .. ':' .. ARGV[2]) == 1 then
    redis.call('ZADD', tok, tonumber(ARGV[4]), ARGV[1] .. ':' .. ARGV[3])
    redis.call('INCRBY', sum, tonumber(ARGV[3]) - tonumber(ARGV[2]))
  end
end
return 1
`;

// The two scripts, as ioredis's defineCommand adds them (ioredis's documented way to type them).
declare module 'ioredis' {
  interface RedisCommander<Context> {
    /** 8 keys, then the arguments of ACQUIRE; [allowed, ...]. */
    cordonAcquire(...keysAndArgs: Array<string | number>): Result<Array<number | string>, Context>;
    /** 6 keys, then request id, estimate, actual tokens (-1: released) and the acquire time. */
    cordonSettle(...keysAndArgs: Array<string | number>): Result<number, Context>;
  }
}

type Log = { warn(o: object, m?: string): void; info(o: object, m?: string): void };

export class RedisRateLimiter implements RateLimiter {
  private readonly redis: Redis;
  private down = false;

  constructor(url: string, private readonly log: Log, private readonly prefix = 'cordon:rl') {
    this.redis = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 500,
      connectTimeout: 1000,
      lazyConnect: false,
      retryStrategy: (times) => Math.min(1000, 50 * times),
    });
    this.redis.on('error', () => this.markDown());
    this.redis.on('ready', () => this.markUp());
    this.redis.defineCommand('cordonAcquire', { numberOfKeys: 8, lua: ACQUIRE });
    this.redis.defineCommand('cordonSettle', { numberOfKeys: 6, lua: SETTLE });
  }

  private markDown(): void {
    if (this.down) return;
    this.down = true;
    this.log.warn({ store: 'redis' }, 'rate limit store unavailable; applying each policy\'s on_store_failure until it returns');
  }

  private markUp(): void {
    if (!this.down) return;
    this.down = false;
    this.log.info({ store: 'redis' }, 'rate limit store is back');
  }

  private keys(id: string): [req: string, tokens: string, tokensum: string, conc: string] {
    return [`${this.prefix}:${id}:req`, `${this.prefix}:${id}:tokens`, `${this.prefix}:${id}:tokensum`, `${this.prefix}:${id}:conc`];
  }

  async acquire(input: AcquireInput): Promise<AcquireResult> {
    const { key, domain } = input.limits;
    const none = [key, domain].every((l) => !l.requests_per_minute && !l.tokens_per_minute && !l.concurrent_requests);
    const noop: Lease = { settle() {}, release() {} };
    if (none) return { allowed: true, lease: noop, headers: {} };
    const now = Date.now();
    const reqId = randomBytes(8).toString('hex');
    const est = Math.max(0, Math.round(input.estimatedTokens));
    const kKeys = this.keys(`k:${input.keyId}`);
    const dKeys = this.keys(`d:${input.domainId}`);
    let r: Array<number | string>;
    try {
      r = await this.redis.cordonAcquire(
        ...kKeys, ...dKeys,
        now, WINDOW_MS, reqId, est, LEASE_TTL_MS,
        key.requests_per_minute ?? 0, key.tokens_per_minute ?? 0, key.concurrent_requests ?? 0,
        domain.requests_per_minute ?? 0, domain.tokens_per_minute ?? 0, domain.concurrent_requests ?? 0,
      );
      this.markUp();
    } catch {
      this.markDown();
      if (input.onStoreFailure === 'closed') return { allowed: false, scope: 'domain', kind: 'unavailable', retryAfterSeconds: 1, headers: {} };
      return { allowed: true, lease: noop, headers: {} };
    }
    const headers: Record<string, string> = {};
    const set = (kind: 'requests' | 'tokens', per: Array<{ limit: number | null; used: number; oldest: number }>) => {
      let best: { limit: number; remaining: number; reset: number } | null = null;
      for (const p of per) {
        if (!p.limit) continue;
        const remaining = Math.max(0, p.limit - p.used);
        if (!best || remaining < best.remaining) best = { limit: p.limit, remaining, reset: Math.max(0, p.oldest + WINDOW_MS - now) };
      }
      if (best) {
        headers[`x-ratelimit-limit-${kind}`] = String(best.limit);
        headers[`x-ratelimit-remaining-${kind}`] = String(best.remaining);
        headers[`x-ratelimit-reset-${kind}`] = formatReset(best.reset);
      }
    };
    if (Number(r[0]) === 0) {
      const scope = Number(r[1]) === 0 ? 'key' : 'domain';
      const lim = scope === 'key' ? key : domain;
      if (lim.requests_per_minute) {
        headers['x-ratelimit-limit-requests'] = String(lim.requests_per_minute);
        headers['x-ratelimit-remaining-requests'] = r[2] === 'requests' ? '0' : headers['x-ratelimit-remaining-requests'] ?? '0';
        headers['x-ratelimit-reset-requests'] = formatReset(Number(r[3]));
      }
      return { allowed: false, scope, kind: r[2] as 'requests' | 'tokens' | 'concurrent', retryAfterSeconds: Math.max(1, Math.ceil(Number(r[3]) / 1000)), headers };
    }
    const [, kReq, kTok, kOldReq, kOldTok, dReq, dTok, dOldReq, dOldTok] = r.map(Number);
    set('requests', [
      { limit: key.requests_per_minute, used: kReq! + 1, oldest: kOldReq! },
      { limit: domain.requests_per_minute, used: dReq! + 1, oldest: dOldReq! },
    ]);
    set('tokens', [
      { limit: key.tokens_per_minute, used: kTok! + est, oldest: kOldTok! },
      { limit: domain.tokens_per_minute, used: dTok! + est, oldest: dOldTok! },
    ]);
    let open = true;
    const finish = (actual: number) => {
      if (!open) return;
      open = false;
      this.redis.cordonSettle(kKeys[1], kKeys[2], kKeys[3], dKeys[1], dKeys[2], dKeys[3], reqId, est, actual, now).catch(() => this.markDown());
    };
    return { allowed: true, headers, lease: { settle: (actual) => finish(Math.max(0, Math.round(actual))), release: () => finish(-1) } };
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
