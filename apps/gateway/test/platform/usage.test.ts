import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { gatewayRoot } from '../helpers.js';
import { UsageRecorder, type Store, type UsageRecord } from '../../src/platform/index.js';
import { captureLog, countRows, usageRecord, STORE_KINDS, storeTargets, UUID_V7, type StoreTarget } from './helpers.js';

const spoolOf = (t: StoreTarget) => join(t.dataDir, 'spool', 'usage');
/** The spool's per-process directories (each holds owner.json and its segments). */
const spoolDirs = (t: StoreTarget) => (existsSync(spoolOf(t)) ? readdirSync(spoolOf(t)).filter((n) => !n.startsWith('.')) : []);

/**
 * A process (the built platform, dist) that records `n` usage records with a spool in the
 * target's data directory, runs `then` (JavaScript, with `usage` and `spool` in scope), prints
 * 'ready' and waits; it is SIGKILLed once ready. Resolves after it died.
 */
async function recordThenKill(t: StoreTarget, n: number, then = ''): Promise<void> {
  const script = `
    const { openStore, UsageRecorder } = await import(${JSON.stringify(pathToFileURL(join(gatewayRoot, 'dist/platform/index.js')).href)});
    const { cpSync, rmSync } = await import('node:fs');
    const { dataDir, databaseUrl, spool, n } = JSON.parse(process.argv[2]);
    const store = await openStore(databaseUrl ? { dataDir, databaseUrl } : { dataDir });
    const usage = new UsageRecorder(store, { spoolDir: spool, batchSize: 100000, intervalMs: 600000 });
    for (let i = 0; i < n; i++) usage.record({ ts: 1795000000, domain_id: 'killed', key_id: 'k', model: 'm', endpoint: 'chat.completions', input_tokens: i, output_tokens: 1, status: 200, latency_ms: 1, streamed: false });
    ${then}
    process.stdout.write('ready');
    setInterval(() => {}, 1000);`;
  // A file, not --eval: the SQLite writer thread would inherit --input-type.
  const file = `${t.dataDir}-recorder.mjs`;
  writeFileSync(file, script);
  const child = spawn(process.execPath, [file, JSON.stringify({ ...t.options, spool: spoolOf(t), n })], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d) => String(d).includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`the recording process exited (${code}) before it was killed: ${err}`)));
  });
  child.kill('SIGKILL');
  await exited;
}

describe.each(STORE_KINDS)('%s store', (kind) => {
  const stores = storeTargets(kind, 'usage');

  const DAY1 = Date.UTC(2026, 10, 22, 12) / 1000; // 2026-11-22 12:00 UTC
  const DAY2 = Date.UTC(2026, 10, 23, 0, 0, 1) / 1000;
  const rec = (over: Partial<UsageRecord> = {}): UsageRecord => usageRecord(DAY1, over);
  const count = countRows;

  describe('UsageRecorder', () => {
    it('record() is synchronous and writes nothing on the caller\'s tick', async () => {
      const store = await (await stores.fresh()).open();
      const usage = new UsageRecorder(store, { batchSize: 3, intervalMs: 60_000 });
      let inTx = 0;
      const wb = store.writeBatch.bind(store);
      // Batches wait for the count below: on PostgreSQL a batch is one statement, which could
      // otherwise commit before the count's own query reaches the server.
      let counted = () => {};
      const gate = new Promise<void>((resolve) => (counted = resolve));
      store.writeBatch = async (sql, rows) => (inTx++, await gate, wb(sql, rows));
      for (let i = 0; i < 7; i++) expect(usage.record(rec())).toBeUndefined();
      expect(inTx).toBe(0);
      expect(await count(store)).toBe(0);
      counted();
      // A full batch is written soon after (on the writer thread, started by this first batch), in one
      // transaction per batch: everything buffered by the time the write ran.
      await expect.poll(() => count(store), { timeout: 5000, interval: 10 }).toBe(7);
      expect(inTx).toBeGreaterThanOrEqual(1);
      await usage.close();
      await store.close();
    });

    it('flushes on the interval', async () => {
      const store = await (await stores.fresh()).open();
      const usage = new UsageRecorder(store, { batchSize: 1000, intervalMs: 30 });
      usage.record(rec());
      usage.record(rec());
      expect(await count(store)).toBe(0);
      // Written by the interval alone (the batch is far from full); the first write also starts
      // SQLite's writer thread, which takes longer than the interval on a loaded machine.
      await expect.poll(() => count(store), { timeout: 5000, interval: 20 }).toBe(2);
      expect(usage.pending).toBe(0);
      await usage.close();
      await store.close();
    });

    it('close() writes everything: nothing is lost on a graceful shutdown', async () => {
      const target = await stores.fresh();
      const store = await target.open();
      const usage = new UsageRecorder(store, { batchSize: 500, intervalMs: 60_000 });
      for (let i = 0; i < 1234; i++) usage.record(rec({ input_tokens: i }));
      await usage.close();
      usage.record(rec()); // after close: dropped, never thrown
      await store.close();
      const again = await target.open();
      expect(await count(again)).toBe(1234);
      // Ids are time-ordered (UUIDv7, util.ts), so each batch appends to the primary key's index.
      const ids = (await again.all<{ id: string }>('SELECT id FROM usage_records')).map((r) => r.id);
      expect(new Set(ids).size).toBe(1234);
      for (const id of ids) expect(id).toMatch(UUID_V7);
      const report = await new UsageRecorder(again).report({ group_by: [] });
      expect(report.totals).toEqual({ requests: 1234, input_tokens: (1233 * 1234) / 2, output_tokens: 1234 * 5 });
      await again.close();
    });

    it('keeps records when the store fails, and retries', async () => {
      const store = await (await stores.fresh()).open();
      const log = captureLog();
      const usage = new UsageRecorder(store, { batchSize: 2, intervalMs: 5, log });
      const wb = store.writeBatch.bind(store);
      let fail = true;
      store.writeBatch = (sql, rows) => (fail ? Promise.reject(new Error('disk full')) : wb(sql, rows));
      usage.record(rec());
      usage.record(rec());
      await expect(usage.flush()).rejects.toThrow('disk full');
      expect(usage.pending).toBe(2);
      expect(log.text()).toContain('write failed');
      fail = false;
      // The backoff timer retries (nothing else writes: no more records, no flush).
      await expect.poll(() => count(store), { timeout: 5000, interval: 20 }).toBe(2);
      await usage.close();
      await store.close();
    });

    it('a record survives the process being killed before its batch commits: the next start writes it', async () => {
      const t = await stores.fresh();
      await recordThenKill(t, 300);
      const store = await t.open();
      expect(await count(store)).toBe(0); // nothing was committed before the kill
      expect(spoolDirs(t)).toHaveLength(1); // the dead process's spool
      const log = captureLog();
      const usage = new UsageRecorder(store, { spoolDir: spoolOf(t), log });
      await usage.recover();
      expect(await count(store)).toBe(300);
      expect((await usage.report({ domain_id: 'killed', group_by: [] })).totals).toEqual({ requests: 300, input_tokens: (299 * 300) / 2, output_tokens: 300 });
      expect(log.text()).toContain('"records":300,"written":300');
      expect(spoolDirs(t)).toHaveLength(1); // only this recorder's own
      await usage.close();
      expect(spoolDirs(t)).toEqual([]); // everything committed: nothing left
      await store.close();
    });

    it('a record committed before the kill, its spool not yet settled, is not counted twice', async () => {
      const t = await stores.fresh();
      const copy = join(t.dataDir, 'spool-before-commit');
      // The spool as it was before the commit, put back after the kill: the commit happened, the
      // settling (the segment emptied) did not reach the disk.
      await recordThenKill(t, 250, `cpSync(spool, ${JSON.stringify(copy)}, { recursive: true }); await usage.flush();`);
      rmSync(spoolOf(t), { recursive: true, force: true });
      cpSync(copy, spoolOf(t), { recursive: true });
      const store = await t.open();
      expect(await count(store)).toBe(250);
      const log = captureLog();
      const usage = new UsageRecorder(store, { spoolDir: spoolOf(t), log });
      await usage.recover();
      expect(await count(store)).toBe(250);
      expect(log.text()).toContain('"records":250,"written":0');
      await usage.close();
      await store.close();
    });

    it('a running recorder\'s spool is not taken by another on the same data directory; committed records leave nothing', async () => {
      const t = await stores.fresh();
      const store = await t.open();
      const first = new UsageRecorder(store, { spoolDir: spoolOf(t), batchSize: 1000, intervalMs: 60_000 });
      for (let i = 0; i < 20; i++) first.record(rec());
      const second = new UsageRecorder(store, { spoolDir: spoolOf(t), batchSize: 1000, intervalMs: 60_000 });
      await second.recover();
      expect(await count(store)).toBe(0); // the first is alive: its records are its own to write
      await first.flush();
      expect(await count(store)).toBe(20);
      // Committed: the first's segment is emptied, then removed at close.
      const [firstDir] = spoolDirs(t).filter((d) => readdirSync(join(spoolOf(t), d)).some((f) => f.endsWith('.jsonl')));
      expect(firstDir).toBeDefined();
      await first.close();
      await second.close();
      expect(spoolDirs(t)).toEqual([]);
      await store.close();
    });

    it('a shutdown whose last commit fails keeps the records spooled; the next start writes them', async () => {
      const t = await stores.fresh();
      const store = await t.open();
      const log = captureLog();
      const usage = new UsageRecorder(store, { spoolDir: spoolOf(t), batchSize: 1000, intervalMs: 60_000, log });
      store.writeBatch = () => Promise.reject(new Error('database gone'));
      for (let i = 0; i < 12; i++) usage.record(rec());
      await expect(usage.close()).rejects.toThrow('database gone');
      expect(log.text()).toContain('"spooled":12');
      await store.close();
      // The next process (its pid differs: here, the owner file says another host).
      const [dir] = spoolDirs(t);
      const ownerFile = join(spoolOf(t), dir!, 'owner.json');
      writeFileSync(ownerFile, JSON.stringify({ ...JSON.parse(readFileSync(ownerFile, 'utf8')), host: 'another-host' }));
      const again = await t.open();
      const next = new UsageRecorder(again, { spoolDir: spoolOf(t) });
      await next.recover();
      expect(await count(again)).toBe(12);
      await next.close();
      await again.close();
    });

    it('the spool is bounded: past its cap records are dropped and counted', async () => {
      const t = await stores.fresh();
      const store = await t.open();
      const log = captureLog();
      store.writeBatch = () => Promise.reject(new Error('database gone'));
      const usage = new UsageRecorder(store, { spoolDir: spoolOf(t), spoolMaxBytes: 2000, batchSize: 1000, intervalMs: 60_000, log });
      for (let i = 0; i < 100; i++) usage.record(rec());
      // About 130 bytes a record: some fit, the rest are dropped, and only those kept wait.
      expect(usage.pending).toBeGreaterThan(5);
      expect(usage.pending).toBeLessThan(20);
      expect(log.text()).toContain('the spool is full');
      await usage.close().catch(() => undefined);
      await store.close();
    });

    it('reports by day, model and key; errors counted; domain and time filters isolate', async () => {
      const store = await (await stores.fresh()).open();
      const usage = new UsageRecorder(store);
      usage.record(rec());
      usage.record(rec({ status: 500, input_tokens: 1, output_tokens: 0 }));
      usage.record(rec({ model: 'm2', ts: DAY2 }));
      usage.record(rec({ domain_id: 'b', key_id: 'kb', input_tokens: 100, output_tokens: 50 }));
      usage.record(rec({ domain_id: 'b', key_id: 'kb', ts: DAY2, status: 429 }));
      await usage.flush();

      const all = await usage.report({ group_by: ['day', 'model', 'key'] });
      expect(all.object).toBe('list');
      expect(all.data).toEqual([
        { day: '2026-11-22', model: 'm1', key_id: 'ka', domain_id: 'a', requests: 2, input_tokens: 11, output_tokens: 5, errors: 1 },
        { day: '2026-11-22', model: 'm1', key_id: 'kb', domain_id: 'b', requests: 1, input_tokens: 100, output_tokens: 50, errors: 0 },
        { day: '2026-11-23', model: 'm1', key_id: 'kb', domain_id: 'b', requests: 1, input_tokens: 10, output_tokens: 5, errors: 1 },
        { day: '2026-11-23', model: 'm2', key_id: 'ka', domain_id: 'a', requests: 1, input_tokens: 10, output_tokens: 5, errors: 0 },
      ]);
      expect(all.totals).toEqual({ requests: 5, input_tokens: 131, output_tokens: 65 });
      expect(await usage.report({ group_by: undefined as any })).toEqual(all);

      const a = await usage.report({ domain_id: 'a', group_by: ['model'] });
      expect(a.data).toEqual([
        { model: 'm1', requests: 2, input_tokens: 11, output_tokens: 5, errors: 1 },
        { model: 'm2', requests: 1, input_tokens: 10, output_tokens: 5, errors: 0 },
      ]);
      expect(a.totals).toEqual({ requests: 3, input_tokens: 21, output_tokens: 10 });
      const b = await usage.report({ domain_id: 'b', group_by: ['key'] });
      expect(b.data).toEqual([{ key_id: 'kb', domain_id: 'b', requests: 2, input_tokens: 110, output_tokens: 55, errors: 1 }]);
      expect(JSON.stringify(b)).not.toContain('ka');
      expect((await usage.report({ domain_id: 'nobody', group_by: ['day'] }))).toEqual({ object: 'list', data: [], totals: { requests: 0, input_tokens: 0, output_tokens: 0 } });

      const day2 = await usage.report({ start: Date.UTC(2026, 10, 23) / 1000, end: Date.UTC(2026, 10, 24) / 1000, group_by: ['day'] });
      expect(day2.data).toEqual([{ day: '2026-11-23', requests: 2, input_tokens: 20, output_tokens: 10, errors: 1 }]);
      await expect(usage.report({ group_by: ['week' as any] })).rejects.toMatchObject({ status: 400 });
      await usage.close();
      await store.close();
    });
  });
});
