// Batch writes (issue 12): usage and violation batches, and retention deletes, commit on the SQLite
// writer thread, off the event loop, with durability unchanged: flush() resolves once the rows are
// committed and read back by the main connection; close() writes what is buffered and ends the
// thread; a failed batch is kept and retried; an idle thread never keeps the process alive.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openStore, RetentionPruner, UsageRecorder, ViolationLog, type Store, type UsageRecord } from '../../src/platform/index.js';
import { migrate } from '../../src/platform/store/migrate.js';
import { UniqueViolation, type Param } from '../../src/platform/store/types.js';
import { multiRowInserts } from '../../src/platform/store/postgres.js';
import { openSqlite, SqliteStore } from '../../src/platform/store/sqlite.js';
import { captureLog, nowS, sleep, tempRoot, countRows, usageRecord, STORE_KINDS, storeTargets } from './helpers.js';

const tmp = tempRoot('batch-writes');
afterAll(() => tmp.cleanup());

const rec = (over: Partial<UsageRecord> = {}): UsageRecord => usageRecord(nowS(), over);
const count = countRows;
const ports = () => process.getActiveResourcesInfo().filter((r) => r === 'MessagePort').length;

async function openThreaded(dir = tmp.dir(), writerIdleExitMs?: number): Promise<SqliteStore> {
  const s = openSqlite(dir, { writerIdleExitMs });
  await migrate(s);
  return s;
}

const open: Store[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

describe('the SQLite writer thread', () => {
  it('starts with the first batch, commits off the event loop, and flush() resolves once the main connection reads the rows', async () => {
    const dir = tmp.dir();
    const store = await openThreaded(dir);
    open.push(store);
    const usage = new UsageRecorder(store, { batchSize: 500, intervalMs: 60_000 });
    expect(store.writerThreadRunning).toBe(false); // an idle gateway pays for no thread

    // Another connection holds the write lock: the batch's commit has to wait for it. If the commit
    // ran on the event loop, this thread would sleep in SQLite's busy handler and no timer would fire.
    const other = new Database(join(dir, 'cordon.db'));
    other.exec('BEGIN IMMEDIATE');
    for (let i = 0; i < 5; i++) usage.record(rec({ input_tokens: i }));
    let flushed = false;
    const flush = usage.flush().then(() => (flushed = true));
    const t0 = performance.now();
    await sleep(100);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(store.writerThreadRunning).toBe(true);
    expect(flushed).toBe(false); // not before the commit
    expect(await count(store)).toBe(0);
    other.exec('COMMIT');
    other.close();
    await flush;
    expect(await count(store)).toBe(5); // read right after flush(), on the main connection
    expect((await usage.report({ group_by: [] })).totals.input_tokens).toBe(10);
    await usage.close();
  });

  it('close() writes what is buffered and ends the thread; nothing is lost', async () => {
    const dir = tmp.dir();
    const store = await openThreaded(dir);
    const usage = new UsageRecorder(store, { batchSize: 100, intervalMs: 60_000 });
    const violations = new ViolationLog(store, { intervalMs: 60_000 });
    for (let i = 0; i < 1234; i++) usage.record(rec());
    await usage.flush();
    expect(store.writerThreadRunning).toBe(true);
    for (let i = 0; i < 77; i++) usage.record(rec());
    violations.record({ domain_id: 'a', key_id: 'ka', rule: 'pii.email', direction: 'input' });
    await usage.close();
    await violations.close();
    await store.close();
    expect(store.writerThreadRunning).toBe(false);
    await expect(store.writeBatch('SELECT 1', [[]])).rejects.toBeInstanceOf(Error);
    const db = new Database(join(dir, 'cordon.db'), { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM usage_records').get()).toEqual({ n: 1311 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM guardrail_violations').get()).toEqual({ n: 1 });
    db.close();
  });

  it('an idle thread does not keep the process alive; one with a batch in flight does', async () => {
    const store = await openThreaded();
    open.push(store);
    const before = ports();
    const pending = store.writeBatch('INSERT INTO domains (id, name, disabled, created_at) VALUES (?, ?, 0, ?)', [['d1', 'one', nowS()]]);
    expect(ports()).toBe(before + 1);
    await pending;
    expect(store.writerThreadRunning).toBe(true);
    expect(ports()).toBe(before);
  });

  it('an idle thread ends itself (its heap goes with it); the next batch starts a new one, and nothing is lost', async () => {
    const store = await openThreaded(tmp.dir(), 300);
    open.push(store);
    const usage = new UsageRecorder(store, { batchSize: 500, intervalMs: 60_000 });
    const threads = () => readdirSync('/proc/self/task').length;
    for (let i = 0; i < 10; i++) usage.record(rec());
    await usage.flush();
    expect(store.writerThreadRunning).toBe(true);
    const withThread = threads();
    for (let t = 0; t < 100 && store.writerThreadRunning; t++) await sleep(50);
    expect(store.writerThreadRunning).toBe(false);
    for (let t = 0; t < 100 && threads() >= withThread; t++) await sleep(50); // the OS thread exited
    expect(threads()).toBeLessThan(withThread);
    for (let i = 0; i < 7; i++) usage.record(rec());
    await usage.flush();
    expect(store.writerThreadRunning).toBe(true);
    expect(await count(store)).toBe(17);
    // A batch posted right after a retirement is not taken by the thread that is ending.
    for (let t = 0; t < 100 && store.writerThreadRunning; t++) await sleep(50);
    for (let i = 0; i < 5; i++) usage.record(rec());
    await usage.flush();
    expect(await count(store)).toBe(22);
    await usage.close();
  });

  it('a write that fails in the thread is rolled back whole, kept, and retried with backoff', async () => {
    const store = await openThreaded();
    open.push(store);
    const log = captureLog();
    const usage = new UsageRecorder(store, { batchSize: 10, intervalMs: 5, log });
    // A failure raised inside the writer thread's transaction, at the batch's last row.
    await store.exec('CREATE TABLE fail_inserts (on_tokens INTEGER)');
    await store.run('INSERT INTO fail_inserts (on_tokens) VALUES (?)', [99]);
    await store.exec(
      "CREATE TRIGGER fail_usage BEFORE INSERT ON usage_records WHEN NEW.input_tokens IN (SELECT on_tokens FROM fail_inserts) BEGIN SELECT RAISE(ABORT, 'disk full (test)'); END",
    );
    usage.record(rec({ input_tokens: 1 }));
    usage.record(rec({ input_tokens: 2 }));
    usage.record(rec({ input_tokens: 99 }));
    await expect(usage.flush()).rejects.toThrow('disk full (test)');
    expect(usage.pending).toBe(3);
    expect(await count(store)).toBe(0); // the first two rows were not committed either
    expect(log.text()).toContain('usage: write failed; will retry');
    await sleep(30);
    expect(log.lines.length).toBeGreaterThanOrEqual(2); // the backoff timer retried (and failed again)
    await store.run('DELETE FROM fail_inserts');
    await expect.poll(() => count(store), { timeout: 5000, interval: 20 }).toBe(3);
    expect(usage.pending).toBe(0);
    await usage.close();
  });

  it('CORDON_SQLITE_WRITER_THREAD=0 writes batches on the main connection (for comparisons)', async () => {
    process.env.CORDON_SQLITE_WRITER_THREAD = '0';
    let store: SqliteStore;
    try {
      store = await openThreaded();
    } finally {
      delete process.env.CORDON_SQLITE_WRITER_THREAD;
    }
    open.push(store);
    const usage = new UsageRecorder(store);
    usage.record(rec());
    await usage.flush();
    expect(await count(store)).toBe(1);
    expect(store.writerThreadRunning).toBe(false);
    await usage.close();
  });
});

describe('openStore', () => {
  it('gives a store whose writer thread is lazy', async () => {
    const store = await openStore({ dataDir: tmp.dir() });
    open.push(store);
    expect((await store.writeBatch('INSERT INTO domains (id, name, disabled, created_at) VALUES (?, ?, 0, ?)', [['z', 'z', 1]])).changes).toBe(1);
    expect(await count(store, 'domains')).toBeGreaterThanOrEqual(1);
  });
});

// What every store's writeBatch does (SQLite: on the writer thread; PostgreSQL: one transaction).
describe.each(STORE_KINDS)('writeBatch, %s store', (kind) => {
  const stores = storeTargets(kind, 'batch-writes');

    it('constraint errors are the driver-neutral ones, and a failed batch leaves nothing', async () => {
      const store = await (await stores.fresh()).open();
      open.push(store);
      const insert = 'INSERT INTO domains (id, name, disabled, created_at) VALUES (?, ?, 0, ?)';
      await store.writeBatch(insert, [['dup', 'x', 1]]);
      await expect(store.writeBatch(insert, [['ok', 'x', 1], ['dup', 'y', 1]])).rejects.toBeInstanceOf(UniqueViolation);
      expect(await store.get('SELECT id FROM domains WHERE id = ?', ['ok'])).toBeUndefined();
    });


    it('writeBatch inside withTransaction joins the transaction', async () => {
      const store = await (await stores.fresh()).open();
      open.push(store);
      const insert = 'INSERT INTO domains (id, name, disabled, created_at) VALUES (?, ?, 0, ?)';
      await expect(
        store.withTransaction(async (tx) => {
          expect((await tx.writeBatch(insert, [['t1', 'a', 1], ['t2', 'b', 1]])).changes).toBe(2);
          expect(await tx.get('SELECT COUNT(*) AS n FROM domains WHERE id IN (?, ?)', ['t1', 't2'])).toEqual({ n: 2 });
          throw new Error('undo');
        }),
      ).rejects.toThrow('undo');
      expect(await store.get('SELECT id FROM domains WHERE id = ?', ['t1'])).toBeUndefined();
      if (store instanceof SqliteStore) expect(store.writerThreadRunning).toBe(false); // a batch in a transaction never reaches the thread
    });


    it('other writes and batches interleave without losing either', async () => {
      const store = await (await stores.fresh()).open();
      open.push(store);
      const usage = new UsageRecorder(store, { batchSize: 50, intervalMs: 1 });
      const insert = 'INSERT INTO domains (id, name, disabled, created_at) VALUES (?, ?, 0, ?)';
      const writes: Promise<unknown>[] = [];
      for (let i = 0; i < 500; i++) {
        usage.record(rec());
        if (i % 25 === 0) writes.push(store.run(insert, [`m${i}`, 'x', 1]));
        if (i % 100 === 0) await sleep(1);
      }
      await Promise.all(writes);
      await usage.close();
      expect(await count(store)).toBe(500);
      expect(await count(store, 'domains')).toBeGreaterThanOrEqual(20);
    });


    it('a batch beyond one statement\'s parameters (PostgreSQL: 65,535) is written whole, or not at all', async () => {
      const store = await (await stores.fresh()).open();
      open.push(store);
      const insert =
        'INSERT INTO usage_records (id, ts, domain_id, key_id, model, endpoint, input_tokens, output_tokens, status, latency_ms, streamed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING';
      const row = (id: string): Param[] => [id, nowS(), 'a', 'k', 'm', 'chat.completions', 1, 2, 200, 3, true];
      // 6,500 rows of 11 parameters: two multi-row statements on PostgreSQL.
      const rows = Array.from({ length: 6500 }, (_, i) => row(`r${i}`));
      expect((await store.writeBatch(insert, rows)).changes).toBe(6500);
      expect(await count(store)).toBe(6500);
      // Ids already stored are left alone (a replayed spool), and counted as no change.
      expect((await store.writeBatch(insert, [row('r1'), row('new')])).changes).toBe(1);
      expect(await count(store)).toBe(6501);
      // A failure in the second statement undoes the first: a NULL in a NOT NULL column, last row.
      const failing = [...Array.from({ length: 6499 }, (_, i) => row(`f${i}`)), [...row('f-last').slice(0, 10), null]];
      await expect(store.writeBatch(insert, failing)).rejects.toThrow();
      expect(await count(store)).toBe(6501);
    });

    it('retention deletes run as batches too', async () => {
      const store = await (await stores.fresh()).open();
      open.push(store);
      const usage = new UsageRecorder(store);
      const old = nowS() - 40 * 86_400;
      for (let i = 0; i < 30; i++) usage.record(rec({ ts: old }));
      for (let i = 0; i < 5; i++) usage.record(rec());
      await usage.close();
      const calls: string[] = [];
      const wb = store.writeBatch.bind(store);
      store.writeBatch = (sql, rows) => (calls.push(sql), wb(sql, rows));
      const pruner = new RetentionPruner(store, { usageDays: 30, violationsDays: 30, intervalMs: 0, batchSize: 7 });
      expect(await pruner.prune()).toEqual({ usage: 30, violations: 0, keys: 0 });
      expect(calls.filter((c) => c.startsWith('DELETE FROM usage_records'))).toHaveLength(5); // 7+7+7+7+2
      expect(await count(store)).toBe(5);
      await pruner.close();
    });
});

describe('multiRowInserts (PostgreSQL writeBatch)', () => {
  const insert = 'INSERT INTO t (a, b, c) VALUES (?, ?, ?) ON CONFLICT (a) DO NOTHING';

  it('numbers one tuple per row, keeps the tail, and stays within 65,535 parameters a statement', () => {
    expect(multiRowInserts(insert, [[1, 'x', true], [2, 'y', false]])).toEqual([
      { text: 'INSERT INTO t (a, b, c) VALUES ($1, $2, $3), ($4, $5, $6) ON CONFLICT (a) DO NOTHING', values: [1, 'x', 1, 2, 'y', 0] },
    ]);
    const many = multiRowInserts(insert, Array.from({ length: 50_000 }, (_, i) => [i, 'x', null]))!;
    expect(many.map((s) => s.values.length)).toEqual([65_535, 65_535, 18_930]);
    expect(many[1]!.text.startsWith('INSERT INTO t (a, b, c) VALUES ($1, $2, $3), ($4,')).toBe(true);
  });

  it('leaves any other statement to run once per row', () => {
    expect(multiRowInserts('DELETE FROM t WHERE id IN (SELECT id FROM t WHERE ts < ? LIMIT ?)', [[1, 2]])).toBeNull();
    expect(multiRowInserts('INSERT INTO t (a, b) VALUES (?, ?) ON CONFLICT (a) DO UPDATE SET b = ?', [[1, 2, 3]])).toBeNull();
    expect(multiRowInserts('INSERT INTO t (a, b) SELECT ?, ?', [[1, 2]])).toBeNull();
  });
});
