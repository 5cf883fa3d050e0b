// Storage that does not grow without bound (issue 11, item 10): stored responses capped per domain
// (count and bytes, the oldest evicted) and per response (400); usage and violation records pruned
// past their retention in small batches; the usage report served in indexed slices, so a domain
// admin asking for all time on a big table does not hold the event loop; keys capped per domain,
// listed a page at a time, and deleted once revoked or expired past their retention.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, json, makeDomainKey, startTestGateway, type TestGateway } from '../helpers.js';

const require = createRequire(import.meta.url);
const MODEL = 'cordon-demo';
const DAY = 86_400;
const nowS = () => Math.floor(Date.now() / 1000);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A second connection to the gateway's SQLite file (WAL), to seed and inspect rows. */
function openDb(gw: TestGateway): Database.Database {
  const db = new Database(join(gw.dataDir, 'cordon.db'));
  db.pragma('busy_timeout = 5000');
  return db;
}

describe('stored responses are capped per domain and per response', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({
      CORDON_RESPONSES_MAX_PER_DOMAIN: '3',
      CORDON_RESPONSES_MAX_BYTES_PER_DOMAIN: '8000',
      CORDON_RESPONSE_MAX_BYTES: '4000',
    });
  });
  afterAll(() => gw?.stop());

  const create = async (key: string, input: string, extra: Record<string, unknown> = {}) =>
    gw.req('/v1/responses', { method: 'POST', key, json: { model: MODEL, input, max_output_tokens: 2, seed: 1, ...extra } });
  // Bytes without tokens (the demo model's context is 2,048 tokens): metadata is stored with the response.
  const metadata = (pairs: number, tag: string) => Object.fromEntries(Array.from({ length: pairs }, (_, i) => [`k${i}`, `${tag}${i}`.padEnd(500, '.')]));
  const retrievable = async (key: string, id: string) => (await gw.req(`/v1/responses/${id}`, { key })).status;

  it('beyond CORDON_RESPONSES_MAX_PER_DOMAIN the oldest response is evicted, in that domain only', async () => {
    const other = await makeDomainKey(gw, 'resp-other');
    const theirs = await json(await create(other.secret, 'other domain'));
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await create(gw.adminKey, `turn ${i}`);
      expect(r.status).toBe(200);
      ids.push((await json(r)).id);
      await sleep(1100); // created_at is in seconds: keep the order unambiguous
    }
    expect(await retrievable(gw.adminKey, ids[0]!)).toBe(404);
    for (const id of ids.slice(1)) expect(await retrievable(gw.adminKey, id)).toBe(200);
    expect(await retrievable(other.secret, theirs.id)).toBe(200);
    const db = openDb(gw);
    try {
      expect(db.prepare('SELECT COUNT(*) AS n FROM stored_responses WHERE domain_id = ?').get('default')).toEqual({ n: 3 });
    } finally {
      db.close();
    }
  });

  it('beyond CORDON_RESPONSES_MAX_BYTES_PER_DOMAIN the oldest are evicted until the domain fits', async () => {
    const k = await makeDomainKey(gw, 'resp-bytes');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await create(k.secret, `turn ${i}`, { metadata: metadata(5, 'x') });
      expect(r.status).toBe(200);
      ids.push((await json(r)).id);
      await sleep(1100);
    }
    expect(await retrievable(k.secret, ids[0]!)).toBe(404);
    expect(await retrievable(k.secret, ids[1]!)).toBe(200);
    expect(await retrievable(k.secret, ids[2]!)).toBe(200);
    const db = openDb(gw);
    try {
      const { bytes } = db.prepare('SELECT SUM(size_bytes) AS bytes FROM stored_responses WHERE domain_id = ?').get('resp-bytes') as { bytes: number };
      expect(bytes).toBeGreaterThan(5_000);
      expect(bytes).toBeLessThanOrEqual(8_000);
    } finally {
      db.close();
    }
  });

  it('a response larger than CORDON_RESPONSE_MAX_BYTES is refused with a 400 before the model runs; store: false still works', async () => {
    const k = await makeDomainKey(gw, 'resp-big');
    const r = await create(k.secret, 'hello', { metadata: metadata(10, 'secret-ish') });
    expect(r.status).toBe(400);
    const body = await json(r);
    expect(contract.schema('ErrorResponse', body)).toBeNull();
    expect(body.error).toMatchObject({ code: 'response_too_large', param: 'store', type: 'invalid_request_error' });
    expect(body.error.message).not.toContain('secret-ish');
    const usage = await json(await gw.req('/admin/v1/usage?domain_id=resp-big&group_by=model'));
    expect(usage.totals.output_tokens).toBe(0); // the engine never ran
    expect((await create(k.secret, 'hello', { metadata: metadata(10, 'secret-ish'), store: false })).status).toBe(200);
  });

  it('a conversation chained with previous_response_id cannot grow past the cap', async () => {
    const k = await makeDomainKey(gw, 'resp-chain');
    let prev: string | undefined;
    let status = 200;
    let turns = 0;
    for (let i = 0; i < 8 && status === 200; i++) {
      const r = await create(k.secret, 'z'.repeat(500), prev ? { previous_response_id: prev } : {});
      status = r.status;
      const body = await json(r);
      if (status === 200) {
        prev = body.id;
        turns++;
      } else expect(body.error.code).toBe('response_too_large');
    }
    expect(turns).toBeGreaterThanOrEqual(2);
    expect(status).toBe(400);
  });
});

describe('usage and violation records are pruned past their retention', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({
      CORDON_DEMO_MODEL: 'false',
      CORDON_USAGE_RETENTION_DAYS: '30',
      CORDON_VIOLATIONS_RETENTION_DAYS: '60',
      CORDON_RETENTION_PRUNE_INTERVAL_MS: '300',
    });
  });
  afterAll(() => gw?.stop());

  it('old rows go in small batches in the background; recent ones stay and are reported', async () => {
    const db = openDb(gw);
    try {
      const t = nowS();
      const usage = db.prepare(
        'INSERT INTO usage_records (id, ts, domain_id, key_id, model, endpoint, input_tokens, output_tokens, status, latency_ms, streamed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const violation = db.prepare('INSERT INTO guardrail_violations (id, ts, domain_id, key_id, rule, direction) VALUES (?, ?, ?, ?, ?, ?)');
      db.transaction(() => {
        for (let i = 0; i < 20_000; i++) usage.run(`old-${i}`, t - 40 * DAY - i, 'default', 'k', 'm', 'chat.completions', 1, 1, 200, 1, 0);
        for (let i = 0; i < 100; i++) usage.run(`new-${i}`, t - 29 * DAY + i, 'default', 'k', 'm', 'chat.completions', 1, 1, 200, 1, 0);
        for (let i = 0; i < 2_000; i++) violation.run(`vold-${i}`, t - 61 * DAY, 'default', 'k', 'r', 'input');
        for (let i = 0; i < 10; i++) violation.run(`vnew-${i}`, t - 40 * DAY, 'default', 'k', 'r', 'input');
      })();
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline && (count("SELECT COUNT(*) AS n FROM usage_records WHERE id LIKE 'old-%'") > 0 || count("SELECT COUNT(*) AS n FROM guardrail_violations WHERE id LIKE 'vold-%'") > 0)) {
        await sleep(100);
      }
      expect(count("SELECT COUNT(*) AS n FROM usage_records WHERE id LIKE 'old-%'")).toBe(0);
      expect(count("SELECT COUNT(*) AS n FROM usage_records WHERE id LIKE 'new-%'")).toBe(100);
      expect(count("SELECT COUNT(*) AS n FROM guardrail_violations WHERE id LIKE 'vold-%'")).toBe(0);
      expect(count("SELECT COUNT(*) AS n FROM guardrail_violations WHERE id LIKE 'vnew-%'")).toBe(10);
    } finally {
      db.close();
    }
    const report = await json(await gw.req('/admin/v1/usage?group_by=model'));
    expect(report.totals.requests).toBe(100);
    expect(gw.logs.join('')).toContain('pruned records past their retention');
  });
});

describe('the usage report on a big table', () => {
  let gw: TestGateway;
  let admin: string;
  const ROWS = 1_000_000;
  beforeAll(async () => {
    gw = await startTestGateway({ CORDON_DEMO_MODEL: 'false' });
    admin = (await makeDomainKey(gw, 'big', 'admin')).secret;
    // Seeded by another process, so that this one's heap (and its GC pauses) stays as it was.
    const seed = `
      const db = new (require(${JSON.stringify(require.resolve('better-sqlite3'))}))(${JSON.stringify(join(gw.dataDir, 'cordon.db'))});
      db.pragma('busy_timeout = 5000');
      const t = ${nowS()}, span = ${400 * DAY}, rows = ${ROWS};
      const ins = db.prepare('INSERT INTO usage_records (id, ts, domain_id, key_id, model, endpoint, input_tokens, output_tokens, status, latency_ms, streamed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
      db.transaction(() => {
        for (let i = 0; i < rows; i++) ins.run('r' + i, t - span + Math.floor((i / rows) * span), 'big', 'k' + (i % 50), 'm' + (i % 3), 'chat.completions', 2, 1, i % 100 ? 200 : 500, 1, 0);
      })();
      db.close();`;
    execFileSync(process.execPath, ['-e', seed], { stdio: 'inherit' });
  }, 120_000);
  afterAll(() => gw?.stop());

  it('a domain admin asking for all time gets the right totals without holding the event loop', async () => {
    // The gateway runs in this process: count how often its event loop gets round to a timer
    // while the report is prepared.
    let turns = 0;
    const ticker = setInterval(() => turns++, 1);
    const t0 = performance.now();
    const res = await gw.req('/admin/v1/usage?group_by=model', { key: admin });
    const ms = performance.now() - t0;
    clearInterval(ticker);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(contract.response('getUsage', 200, 'application/json', body)).toBeNull();
    expect(body.totals).toEqual({ requests: ROWS, input_tokens: 2 * ROWS, output_tokens: ROWS });
    expect(body.data.map((r: { model: string }) => r.model)).toEqual(['m0', 'm1', 'm2']);
    expect(body.data.reduce((n: number, r: { errors: number }) => n + r.errors, 0)).toBe(ROWS / 100);
    console.log(`usage report over ${ROWS} rows: ${ms.toFixed(0)} ms in all, the event loop turned ${turns} times`);
    // Before, one statement over the whole table held the loop for the whole report (a handful of
    // turns at most). Now it runs in short slices with the loop turning between them. (Turns, not
    // milliseconds: this machine is shared, and absolute times vary several-fold.)
    expect(turns).toBeGreaterThan(30);
  });

  it('more groups than CORDON_USAGE_REPORT_MAX_ROWS is a 400 that says how to narrow it', async () => {
    // 400 days x 3 models x 50 keys: far more than 10,000 rows.
    const res = await gw.req('/admin/v1/usage', { key: admin });
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(contract.schema('ErrorResponse', body)).toBeNull();
    expect(body.error.message).toMatch(/more than 10000 rows/);
    // A narrower window fits.
    const end = nowS() + 1;
    const narrow = await gw.req(`/admin/v1/usage?start=${end - 7 * DAY}&end=${end}`, { key: admin });
    expect(narrow.status).toBe(200);
    expect((await json(narrow)).data.length).toBeLessThanOrEqual(8 * 3 * 50);
  });
});

describe('keys are capped per domain', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ CORDON_DEMO_MODEL: 'false', CORDON_KEYS_MAX_PER_DOMAIN: '3' });
  });
  afterAll(() => gw?.stop());

  it('a domain admin cannot mint keys past CORDON_KEYS_MAX_PER_DOMAIN; revoking one makes room; other domains are not affected', async () => {
    const admin = await makeDomainKey(gw, 'minting', 'admin'); // the domain's first key
    const mint = (key: string, name: string) => gw.req('/admin/v1/keys', { method: 'POST', key, json: { name } });
    const first = await mint(admin.secret, 'one');
    expect(first.status).toBe(201);
    expect((await mint(admin.secret, 'two')).status).toBe(201);
    const refused = await mint(admin.secret, 'three');
    const body = await json(refused);
    expect(refused.status).toBe(400);
    expect(contract.schema('ErrorResponse', body)).toBeNull();
    expect(body.error.code).toBe('key_limit_reached');
    expect(body.error.message).toMatch(/3 keys/);
    // Another domain's admin still mints.
    const other = await makeDomainKey(gw, 'elsewhere', 'admin');
    expect((await mint(other.secret, 'x')).status).toBe(201);
    const revoked = await gw.req(`/admin/v1/keys/${(await json(first)).id}/revoke`, { method: 'POST', key: admin.secret });
    expect(revoked.status).toBe(200);
    expect((await mint(admin.secret, 'three')).status).toBe(201);
  });
});

describe('keys are listed a page at a time, and dead keys are pruned', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ CORDON_DEMO_MODEL: 'false', CORDON_DEAD_KEYS_RETENTION_DAYS: '30', CORDON_RETENTION_PRUNE_INTERVAL_MS: '300' });
  });
  afterAll(() => gw?.stop());

  it('a domain admin pages through its own keys (never a superadmin key); bad cursors and limits are 400s', async () => {
    const admin = await makeDomainKey(gw, 'pages', 'admin');
    const made = [admin.id];
    for (let i = 0; i < 4; i++) made.push((await json(await gw.req('/admin/v1/keys', { method: 'POST', key: admin.secret, json: { name: `m${i}` } }))).id);
    const superKey = await json(await gw.req('/admin/v1/keys', { method: 'POST', json: { domain_id: 'pages', name: 'root', role: 'superadmin' } }));
    const walked: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const res = await gw.req(`/admin/v1/keys?limit=2${after ? `&after=${after}` : ''}`, { key: admin.secret });
      const page = await json(res);
      expect(res.status).toBe(200);
      expect(contract.schema('KeyList', page)).toBeNull();
      pages++;
      walked.push(...page.data.map((k: { id: string }) => k.id));
      expect(page.first_id).toBe(page.data[0]?.id ?? null);
      expect(page.last_id).toBe(page.data.at(-1)?.id ?? null);
      if (!page.has_more) break;
      after = page.last_id;
    }
    expect(pages).toBe(3);
    expect([...walked].sort()).toEqual([...made].sort());
    expect(walked).not.toContain(superKey.id);
    // The superadmin's listing of the domain has it; the whole listing fits one default page.
    const all = await json(await gw.req('/admin/v1/keys?domain_id=pages'));
    expect(all.data.map((k: { id: string }) => k.id)).toContain(superKey.id);
    expect(all.has_more).toBe(false);
    for (const bad of [`after=${superKey.id}`, 'after=nosuchkey000', 'limit=0', 'limit=101', 'limit=x']) {
      const res = await gw.req(`/admin/v1/keys?${bad}`, { key: admin.secret });
      const body = await json(res);
      expect(res.status, bad).toBe(400);
      expect(contract.schema('ErrorResponse', body)).toBeNull();
    }
  });

  it('a key revoked longer ago than CORDON_DEAD_KEYS_RETENTION_DAYS is deleted by the retention job', async () => {
    const admin = await makeDomainKey(gw, 'churn', 'admin');
    const old = await json(await gw.req('/admin/v1/keys', { method: 'POST', key: admin.secret, json: { name: 'old' } }));
    const recent = await json(await gw.req('/admin/v1/keys', { method: 'POST', key: admin.secret, json: { name: 'recent' } }));
    for (const k of [old, recent]) expect((await gw.req(`/admin/v1/keys/${k.id}/revoke`, { method: 'POST', key: admin.secret })).status).toBe(200);
    const db = openDb(gw);
    db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ?').run(nowS() - 31 * DAY, old.id);
    db.close();
    let names: string[] = [];
    for (let i = 0; i < 50; i++) {
      names = (await json(await gw.req('/admin/v1/keys', { key: admin.secret }))).data.map((k: { name: string }) => k.name).sort();
      if (!names.includes('old')) break;
      await sleep(100);
    }
    expect(names).toEqual(['churn-admin', 'recent']);
    expect((await gw.req(`/admin/v1/keys/${old.id}`, { key: admin.secret })).status).toBe(404);
    expect((await gw.req('/v1/models', { key: old.secret })).status).toBe(401);
  });
});
