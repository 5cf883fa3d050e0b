// Several gateway processes (`node dist/cli.js serve`) on one real PostgreSQL server (started by
// the test, test/support/postgres.ts): what is made through one is used through the other; a change
// (revocation, rotation, a disabled domain, a model, a policy) reaches the other at once through
// LISTEN/NOTIFY, not after the caches' 2 s TTL; usage adds up across both; three instances
// starting at once on an empty database all come up with one default domain and one superadmin key;
// and an instance SIGKILLed under load loses no usage record of a request it answered.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pgClient from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, spawnGateway, type ChildGateway } from '../helpers.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';

const MODEL = 'cordon-demo';
/** The bound for a revocation made on one instance to be refused on another. */
const PROPAGATION_BOUND_MS = 100;

let pg: TestPostgres;
const running: ChildGateway[] = [];

beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(async () => {
  for (const gw of running) gw.proc.kill('SIGTERM');
  await Promise.all(running.map((gw) => gw.exited));
  await pg?.stop();
});

async function gatewayOn(databaseUrl: string, adminKey: string, env: Record<string, string> = {}): Promise<ChildGateway> {
  const gw = await spawnGateway({ CORDON_DATABASE_URL: databaseUrl, CORDON_ADMIN_KEY: adminKey, CORDON_DATABASE_POOL: '4', ...env });
  running.push(gw);
  return gw;
}

/** fetch against one gateway, as `key` (the superadmin key when absent). */
function call(gw: ChildGateway, path: string, init: { key?: string; method?: string; json?: unknown } = {}): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${init.key ?? gw.adminKey}` };
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${gw.url}${path}`, { method: init.method ?? 'GET', headers, body: init.json === undefined ? undefined : JSON.stringify(init.json) });
}

const chat = (gw: ChildGateway, key: string, content: string) =>
  call(gw, '/v1/chat/completions', { key, method: 'POST', json: { model: MODEL, messages: [{ role: 'user', content }], max_tokens: 3, seed: 1 } });

async function makeKey(gw: ChildGateway, domain: string): Promise<{ id: string; secret: string }> {
  const res = await call(gw, '/admin/v1/keys', { method: 'POST', json: { domain_id: domain, name: `${domain}-member`, role: 'member' } });
  expect(res.status).toBe(201);
  const body = await json(res);
  return { id: body.id, secret: body.secret };
}

async function makeDomain(gw: ChildGateway, id: string): Promise<void> {
  expect((await call(gw, '/admin/v1/domains', { method: 'POST', json: { id, name: id } })).status).toBe(201);
}

/**
 * Calls `probe` back to back until it returns true; the milliseconds from `since` until then.
 * Fails after `ms`.
 */
async function msUntil(probe: () => Promise<boolean>, since: number, ms = 5000): Promise<number> {
  for (;;) {
    if (await probe()) return performance.now() - since;
    if (performance.now() - since > ms) throw new Error(`not within ${ms} ms`);
  }
}

describe('two gateway processes on one PostgreSQL database', () => {
  let a: ChildGateway;
  let b: ChildGateway;
  const adminKey = `cordon-admin-${randomBytes(16).toString('hex')}`;

  beforeAll(async () => {
    const url = await pg.createDatabase();
    // One after the other: the first registers the demo model (its file in the first's data directory).
    a = await gatewayOn(url, adminKey);
    b = await gatewayOn(url, adminKey);
    await makeDomain(a, 'shared');
    // Load the demo model in both (each runs its own engine host for it).
    const warm = await makeKey(a, 'shared');
    expect((await chat(a, warm.secret, 'warm up')).status).toBe(200);
    expect((await chat(b, warm.secret, 'warm up')).status).toBe(200);
  });

  it('a key made on one works on the other; revoked on one, it is refused on the other within 100 ms', async () => {
    const key = await makeKey(a, 'shared');
    const models = (gw: ChildGateway) => call(gw, '/v1/models', { key: key.secret });
    // Used on B: B has it in its key cache (TTL 2 s) from here on.
    expect((await models(b)).status).toBe(200);
    expect((await models(b)).status).toBe(200);

    const sent = performance.now();
    const revoked = await call(a, `/admin/v1/keys/${key.id}/revoke`, { method: 'POST' });
    const answered = performance.now();
    expect(revoked.status).toBe(200);
    // From the revocation's answer (committed and announced) to B's first refusal.
    const propagation = await msUntil(async () => (await models(b)).status === 401, answered);
    console.log(`revocation: answered by A in ${(answered - sent).toFixed(1)} ms; refused by B ${propagation.toFixed(1)} ms later (${(propagation + answered - sent).toFixed(1)} ms after it was sent)`);
    expect(propagation).toBeLessThan(PROPAGATION_BOUND_MS);
    const refused = await json(await models(b));
    expect(refused.error.code).toBe('invalid_api_key');
  });

  it('a key rotated on one: the old secret is refused and the new one accepted on the other at once', async () => {
    const key = await makeKey(b, 'shared');
    expect((await call(a, '/v1/models', { key: key.secret })).status).toBe(200);
    const rotated = await call(b, `/admin/v1/keys/${key.id}/rotate`, { method: 'POST' });
    expect(rotated.status).toBe(200);
    const answered = performance.now();
    const { secret } = await json(rotated);
    const ms = await msUntil(async () => (await call(a, '/v1/models', { key: key.secret })).status === 401, answered);
    expect(ms).toBeLessThan(PROPAGATION_BOUND_MS);
    expect((await call(a, '/v1/models', { key: secret })).status).toBe(200);
  });

  it('a domain disabled on one is refused on the other at once, and enabled again', async () => {
    await makeDomain(a, 'toggled');
    const key = await makeKey(a, 'toggled');
    expect((await call(b, '/v1/models', { key: key.secret })).status).toBe(200);
    expect((await call(a, '/admin/v1/domains/toggled', { method: 'PATCH', json: { disabled: true } })).status).toBe(200);
    let answered = performance.now();
    expect(await msUntil(async () => (await call(b, '/v1/models', { key: key.secret })).status === 403, answered)).toBeLessThan(PROPAGATION_BOUND_MS);
    expect((await call(a, '/admin/v1/domains/toggled', { method: 'PATCH', json: { disabled: false } })).status).toBe(200);
    answered = performance.now();
    expect(await msUntil(async () => (await call(b, '/v1/models', { key: key.secret })).status === 200, answered)).toBeLessThan(PROPAGATION_BOUND_MS);
  });

  it('a model added on one is listed by the other at once; removed, it is gone', async () => {
    const key = await makeKey(a, 'shared');
    const listed = async (gw: ChildGateway) => ((await json(await call(gw, '/v1/models', { key: key.secret }))).data as Array<{ id: string }>).map((m) => m.id);
    expect(await listed(b)).not.toContain('added-on-a'); // B's registry is loaded (and held for 2 s)
    const added = await call(a, '/admin/v1/models', {
      method: 'POST',
      json: { id: 'added-on-a', engine: 'openai-compatible', settings: { targets: [{ base_url: 'http://127.0.0.1:9/v1', model: 'x' }] }, capabilities: ['chat'] },
    });
    expect(added.status).toBe(201);
    let answered = performance.now();
    expect(await msUntil(async () => (await listed(b)).includes('added-on-a'), answered)).toBeLessThan(PROPAGATION_BOUND_MS);
    expect((await call(b, '/admin/v1/models/added-on-a', { method: 'DELETE' })).status).toBe(200);
    answered = performance.now();
    expect(await msUntil(async () => !(await listed(a)).includes('added-on-a'), answered)).toBeLessThan(PROPAGATION_BOUND_MS);
  });

  it('a policy set on one applies on the other at once', async () => {
    await makeDomain(b, 'guarded');
    const key = await makeKey(b, 'guarded');
    // B has read (and cached) the default policy.
    expect((await chat(b, key.secret, 'tell me about project falcon')).status).toBe(200);
    const set = await call(a, '/admin/v1/domains/guarded/policy', { method: 'PUT', json: { guardrails: { input: { blocked_terms: ['project falcon'] } } } });
    expect(set.status).toBe(200);
    const answered = performance.now();
    expect(await msUntil(async () => (await chat(b, key.secret, 'tell me about project falcon')).status === 400, answered)).toBeLessThan(PROPAGATION_BOUND_MS);
    const body = await json(await chat(b, key.secret, 'tell me about project falcon'));
    expect(body.error.code).toBe('content_policy_violation');
  });

  it('a stored response made through one is retrieved and deleted through the other', async () => {
    const key = await makeKey(a, 'shared');
    const made = await call(a, '/v1/responses', { key: key.secret, method: 'POST', json: { model: MODEL, input: 'Hello', max_output_tokens: 4, seed: 1, temperature: 1 } });
    expect(made.status).toBe(200);
    const r = await json(made);
    const got = await call(b, `/v1/responses/${r.id}`, { key: key.secret });
    expect(got.status).toBe(200);
    expect((await json(got)).output).toEqual(r.output);
    expect((await call(b, `/v1/responses/${r.id}`, { key: key.secret, method: 'DELETE' })).status).toBe(200);
    expect((await call(a, `/v1/responses/${r.id}`, { key: key.secret })).status).toBe(404);
    // A continuation through B of a response made through A.
    const first = await json(await call(a, '/v1/responses', { key: key.secret, method: 'POST', json: { model: MODEL, input: 'One', max_output_tokens: 2, seed: 1 } }));
    const next = await call(b, '/v1/responses', { key: key.secret, method: 'POST', json: { model: MODEL, input: 'Two', previous_response_id: first.id, max_output_tokens: 2, seed: 1 } });
    expect(next.status).toBe(200);
  });

  it('usage totals add up across both', async () => {
    await makeDomain(a, 'metered');
    const key = await makeKey(a, 'metered');
    let input = 0;
    let output = 0;
    for (const [i, gw] of [a, b, b, a, b].entries()) {
      const res = await chat(gw, key.secret, `count me ${i}`);
      expect(res.status).toBe(200);
      const { usage } = await json(res);
      input += usage.prompt_tokens;
      output += usage.completion_tokens;
    }
    // Each instance writes its buffered records within a second.
    const expected = { requests: 5, input_tokens: input, output_tokens: output };
    const totals = async (gw: ChildGateway) => (await json(await call(gw, '/admin/v1/usage?domain_id=metered&group_by=model'))).totals;
    await msUntil(async () => {
      const t = await totals(a);
      if (t.requests < 5) await new Promise((r) => setTimeout(r, 100));
      return t.requests >= 5;
    }, performance.now(), 10_000);
    expect(await totals(a)).toEqual(expected);
    expect(await totals(b)).toEqual(expected);
  });

  it('logs at start that rate limits are per instance without CORDON_REDIS_URL', () => {
    for (const gw of [a, b]) {
      expect(gw.output()).toMatch(/rate limits are per instance/);
      expect(gw.output()).toContain('CORDON_REDIS_URL');
    }
  });
});

describe('three gateway processes starting at once on an empty database', () => {
  it('all come up: one default domain, one superadmin key, one demo model, no admin.key file', async () => {
    const url = await pg.createDatabase();
    const adminKey = `cordon-admin-${randomBytes(16).toString('hex')}`;
    const gws = await Promise.all([0, 1, 2].map(() => gatewayOn(url, adminKey)));
    for (const gw of gws) {
      expect((await fetch(`${gw.url}/readyz`)).status).toBe(200);
      expect(existsSync(join(gw.dataDir, 'admin.key'))).toBe(false);
    }
    const [first] = gws;
    const domains = (await json(await call(first!, '/admin/v1/domains'))).data.map((d: { id: string }) => d.id);
    expect(domains).toEqual(['default']);
    const keys = (await json(await call(first!, '/admin/v1/keys'))).data;
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ role: 'superadmin', domain_id: 'default', revoked_at: null });
    const models = (await json(await call(first!, '/admin/v1/models'))).data.map((m: { id: string }) => m.id);
    expect(models.filter((id: string) => id === MODEL)).toHaveLength(1);
    expect(new Set(models).size).toBe(models.length);
    // The one superadmin key works on every instance.
    for (const gw of gws) expect((await call(gw, '/v1/models')).status).toBe(200);
  });
});

describe('a gateway process SIGKILLed under load', () => {
  it('loses no usage record of a request it answered: its restart on the same data directory writes them before serving', async () => {
    const url = await pg.createDatabase();
    const adminKey = `cordon-admin-${randomBytes(16).toString('hex')}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'cordon-killed-'));
    const victim = await gatewayOn(url, adminKey, { CORDON_DATA_DIR: dataDir });
    await makeDomain(victim, 'killed');
    const key = await makeKey(victim, 'killed');
    let ok = 0;
    expect((await chat(victim, key.secret, 'warm up')).status).toBe(200);
    ok++;
    // The warm-up's record is written (a batch is written a second after its first record); the
    // load's records are then all unwritten when the kill comes, under a second later.
    await new Promise((r) => setTimeout(r, 1500));
    const usageRows = async () => {
      const db = new pgClient.Client({ connectionString: url });
      await db.connect();
      try {
        return Number((await db.query("SELECT COUNT(*) AS n FROM usage_records WHERE domain_id = 'killed' AND status = 200")).rows[0].n);
      } finally {
        await db.end();
      }
    };
    expect(await usageRows()).toBe(1);

    let killed = false;
    let cut = 0;
    const started = performance.now();
    const worker = async (w: number) => {
      for (let i = 0; !killed; i++) {
        let status: number;
        let body: string;
        try {
          const res = await chat(victim, key.secret, `load ${w}.${i}`);
          status = res.status;
          body = await res.text(); // an answer is all of it
        } catch {
          cut++; // cut by the kill: no answer
          continue;
        }
        expect(status, body).toBe(200);
        ok++;
        if (!killed && (ok > 40 || performance.now() - started > 700)) {
          killed = true;
          victim.proc.kill('SIGKILL');
        }
      }
    };
    await Promise.all([0, 1, 2, 3].map(worker));
    await victim.exited;
    const before = await usageRows();
    console.log(`killed after ${(performance.now() - started).toFixed(0)} ms of load: ${ok} answers (200) seen, ${cut} requests cut; ${before} usage rows written before the kill`);
    expect(before).toBeLessThan(ok); // the kill came before the load's batch was written

    const restarted = await gatewayOn(url, adminKey, { CORDON_DATA_DIR: dataDir });
    // Written before the restarted instance served anything: already there when it listens. Every
    // answer seen has its record; a request the kill cut may have one too (the gateway recorded and
    // answered it, and the answer was lost on the way: seen once in CI, 42 rows for 41 answers).
    const rows = await usageRows();
    expect(rows).toBeGreaterThanOrEqual(ok);
    expect(rows).toBeLessThanOrEqual(ok + cut);
    expect(restarted.output()).toContain('records spooled by a process that is gone were written');
    const totals = (await json(await call(restarted, '/admin/v1/usage?domain_id=killed&group_by=model'))).totals;
    expect(totals.requests).toBe(rows);
  });
});
