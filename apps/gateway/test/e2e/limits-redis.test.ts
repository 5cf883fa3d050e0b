// Two gateway processes sharing one real redis-server (started here on a free port) admit no more
// than the limit together; Redis stopped and restarted mid-test behaves as each policy says.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnGateway, type ChildGateway } from '../helpers.js';
import { startRedis, type TestRedis } from '../support/redis.js';

let redis: TestRedis;
let a: ChildGateway;
let b: ChildGateway;
const adminKey = `cordon-admin-${randomBytes(16).toString('hex')}`;

const call = (g: ChildGateway, key: string, path: string, body?: unknown, method = body ? 'POST' : 'GET') =>
  fetch(`${g.url}${path}`, { method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
const chat = (g: ChildGateway, key: string) => call(g, key, '/v1/chat/completions', { model: 'cordon-demo', messages: [{ role: 'user', content: 'hi' }], max_tokens: 2 });

async function domainWithKey(id: string, policy: unknown): Promise<string> {
  expect((await call(a, adminKey, '/admin/v1/domains', { id, name: id })).status).toBe(201);
  expect((await call(a, adminKey, `/admin/v1/domains/${id}/policy`, policy, 'PUT')).status).toBe(200);
  return (await (await call(a, adminKey, '/admin/v1/keys', { domain_id: id, name: 'k' })).json()).secret;
}

beforeAll(async () => {
  redis = await startRedis();
  const dataDir = mkdtempSync(join(tmpdir(), 'cordon-redis-'));
  const env = { CORDON_DATA_DIR: dataDir, CORDON_ADMIN_KEY: adminKey, CORDON_REDIS_URL: redis.url };
  a = await spawnGateway(env); // registers the demo model first
  b = await spawnGateway(env);
});

afterAll(async () => {
  for (const g of [a, b]) {
    g?.proc.kill('SIGTERM');
    await g?.exited;
  }
  await redis?.stop();
});

describe('limits shared through Redis', () => {
  it('two instances together admit no more than the limit', async () => {
    const key = await domainWithKey('shared', { limits: { key: { requests_per_minute: 5 } } });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await chat(i % 2 ? b : a, key)).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
  });

  it('concurrent requests in parallel on both instances stay within the limit', async () => {
    const key = await domainWithKey('burst', { limits: { domain: { requests_per_minute: 6 } } });
    const results = await Promise.all(Array.from({ length: 16 }, (_, i) => chat(i % 2 ? b : a, key)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(6);
  });

  it('Redis down: a fail-closed policy refuses, a fail-open one serves; both recover, logged once', async () => {
    const closed = await domainWithKey('closed', { limits: { key: { requests_per_minute: 100 }, on_store_failure: 'closed' } });
    const open = await domainWithKey('open', { limits: { key: { requests_per_minute: 100 }, on_store_failure: 'open' } });
    expect((await chat(a, closed)).status).toBe(200);
    await redis.stop();
    const refused = await chat(a, closed);
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await chat(a, closed)).status).toBe(503);
    const served = await chat(a, open);
    expect(served.status).toBe(200);
    expect(served.headers.get('x-ratelimit-limit-requests')).toBeNull();
    await redis.start();
    let status = 0;
    for (let i = 0; i < 40 && status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = (await chat(a, closed)).status;
    }
    expect(status).toBe(200);
    // Logs leave the process in batches (flushed every 200 ms): wait for the recovery line.
    for (let i = 0; i < 30 && !a.output().includes('rate limit store is back'); i++) await new Promise((r) => setTimeout(r, 100));
    const out = a.output();
    expect(out.match(/rate limit store unavailable/g)).toHaveLength(1);
    expect(out).toContain('rate limit store is back');
  });
});
