import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openStore, StoreError, toNumberedPlaceholders, type Store } from '../../src/platform/index.js';
import { poolSizeFrom } from '../../src/platform/store/index.js';
import { migrations } from '../../src/platform/store/migrations.js';
import { migrate } from '../../src/platform/store/migrate.js';
import { openSqlite } from '../../src/platform/store/sqlite.js';
import { sleep, STORE_KINDS, storeTargets, tempRoot } from './helpers.js';

const tmp = tempRoot('store');
afterAll(() => tmp.cleanup());

describe('openStore', () => {
  it('creates <dataDir>/cordon.db with WAL, synchronous FULL, foreign keys and a busy timeout', async () => {
    const dir = tmp.dir();
    const store = await openStore({ dataDir: dir });
    await store.close();
    const db = new Database(join(dir, 'cordon.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const s = openSqlite(dir);
    expect(await s.get('PRAGMA synchronous')).toEqual({ synchronous: 2 });
    expect(await s.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
    expect(await s.get('PRAGMA busy_timeout')).toEqual({ timeout: 5000 });
    await s.close();
  });

  it('rejects a database URL it cannot use, clearly and without echoing credentials', async () => {
    for (const url of ['mysql://u:p@h/db', 'nonsense', '']) {
      const err = await openStore({ dataDir: tmp.dir(), databaseUrl: url }).catch((e) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect(err.message).toMatch(/CORDON_DATABASE_URL must be a postgres:\/\/ .*'sqlite:'/);
      expect(err.message).not.toContain('u:p');
    }
    const ok = await openStore({ dataDir: tmp.dir(), databaseUrl: 'sqlite:' });
    expect(ok.kind).toBe('sqlite');
    await ok.close();
    const unreachable = await openStore({ dataDir: tmp.dir(), databaseUrl: 'postgresql://cordon:hunter2secret@127.0.0.1:1/cordon' }).catch((e) => e);
    expect(unreachable).toBeInstanceOf(StoreError);
    expect(unreachable.message).toContain('postgres://cordon@127.0.0.1:1/cordon');
    expect(unreachable.message).not.toContain('hunter2secret');
  });

  it('checks CORDON_DATABASE_POOL', () => {
    expect(poolSizeFrom(undefined)).toBe(10);
    expect(poolSizeFrom('4')).toBe(4);
    for (const bad of ['1', '0', '-3', '2.5', 'ten', '100000']) expect(() => poolSizeFrom(bad)).toThrow(/CORDON_DATABASE_POOL/);
  });
});

describe.each(STORE_KINDS)('%s store', (kind) => {
  const stores = storeTargets(kind, 'store');

  describe('migrations', () => {
    it('runs migrations once: idempotent across reopen, data kept', async () => {
      const t = await stores.fresh();
      const a = await t.open();
      expect((await a.all('SELECT id, name FROM schema_migrations')).map((r) => r.id)).toEqual(migrations.map((m) => m.id));
      await a.run("INSERT INTO domains (id, name, disabled, created_at) VALUES ('x', 'X', 0, 1)");
      await a.close();
      for (let i = 0; i < 3; i++) {
        const b = await t.open();
        expect(await b.all('SELECT id FROM schema_migrations')).toHaveLength(migrations.length);
        expect(await b.get('SELECT name FROM domains WHERE id = ?', ['x'])).toEqual({ name: 'X' });
        expect(await migrate(b)).toEqual([]);
        await b.close();
      }
    });

    it('applies a new migration in a transaction, and a failing one leaves nothing behind', async () => {
      const s = await (await stores.fresh()).open();
      const extra = [...migrations, { id: 1000, name: 'test add', statements: ['CREATE TABLE t_extra (id TEXT PRIMARY KEY)'] }];
      expect(await migrate(s, extra)).toEqual([1000]);
      expect(await migrate(s, extra)).toEqual([]);
      const broken = [...extra, { id: 1001, name: 'broken', statements: ['CREATE TABLE t_half (id TEXT)', 'CREATE TABLE nonsense syntax here'] }];
      await expect(migrate(s, broken)).rejects.toThrow();
      await expect(s.get('SELECT * FROM t_half')).rejects.toThrow(/t_half/);
      expect(await s.get('SELECT id FROM schema_migrations WHERE id = 1001')).toBeUndefined();
      await s.close();
    });

    it('refuses a database from a newer version or an incompatible pre-release build', async () => {
      const target = await stores.fresh();
      const s = await target.open();
      await s.run("INSERT INTO schema_migrations (id, name, applied_at) VALUES (999999, 'from the future', 0)");
      await s.close();
      await expect(target.open()).rejects.toThrow(/newer version/);

      const old = await stores.fresh();
      const t = await old.open();
      await t.run("UPDATE schema_migrations SET name = 'platform core' WHERE id = 1");
      await t.close();
      await expect(old.open()).rejects.toThrow(/incompatible/);
    });
  });

  describe('withTransaction', () => {
    it('commits everything, or (when the callback throws) nothing', async () => {
      const s = await (await stores.fresh()).open();
      await s.withTransaction(async (tx) => {
        await tx.run("INSERT INTO domains (id, name, disabled, created_at) VALUES ('a', 'A', 0, 1)");
        await tx.run("INSERT INTO domains (id, name, disabled, created_at) VALUES ('b', 'B', 0, 1)");
      });
      await expect(
        s.withTransaction(async (tx) => {
          await tx.run("INSERT INTO domains (id, name, disabled, created_at) VALUES ('c', 'C', 0, 1)");
          await tx.run("INSERT INTO policies (domain_id, policy, updated_at) VALUES ('c', '{}', 1)");
          await tx.run("UPDATE domains SET name = 'changed' WHERE id = 'a'");
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect((await s.all('SELECT id, name FROM domains ORDER BY id'))).toEqual([
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ]);
      expect(await s.all('SELECT * FROM policies')).toEqual([]);
      await s.close();
    });

    it('nests as savepoints: an inner failure rolls back only the inner part', async () => {
      const s = await (await stores.fresh()).open();
      await s.withTransaction(async (tx) => {
        await tx.run("INSERT INTO domains (id, name, disabled, created_at) VALUES ('outer', 'O', 0, 1)");
        await tx
          .withTransaction(async (inner) => {
            await inner.run("INSERT INTO domains (id, name, disabled, created_at) VALUES ('inner', 'I', 0, 1)");
            throw new Error('inner');
          })
          .catch(() => {});
      });
      expect((await s.all('SELECT id FROM domains')).map((r) => r.id)).toEqual(['outer']);
      await s.close();
    });

    it('other callers never run inside an open transaction (they wait) and are not rolled back with it', async () => {
      const s = await (await stores.fresh()).open();
      const seen: string[] = [];
      const tx = s
        .withTransaction(async (t) => {
          await t.run("INSERT INTO domains (id, name, disabled, created_at) VALUES ('tx', 'T', 0, 1)");
          await sleep(50);
          seen.push('tx-end');
          throw new Error('rollback');
        })
        .catch(() => {});
      // Started while the transaction is open, from outside its flow.
      const outside = (async () => {
        const row = await s.get("SELECT id FROM domains WHERE id = 'tx'");
        seen.push(row ? 'saw-uncommitted' : 'outside-read');
        await s.run("INSERT INTO domains (id, name, disabled, created_at) VALUES ('out', 'O', 0, 1)");
      })();
      const second = s.withTransaction(async (t) => {
        seen.push('second');
        await t.run("INSERT INTO domains (id, name, disabled, created_at) VALUES ('second', 'S', 0, 1)");
      });
      await Promise.all([tx, outside, second]);
      // SQLite: they wait for it; PostgreSQL: they run on another connection meanwhile.
      if (kind === 'sqlite') expect(seen[0]).toBe('tx-end');
      expect(seen).not.toContain('saw-uncommitted');
      expect((await s.all('SELECT id FROM domains ORDER BY id')).map((r) => r.id)).toEqual(['out', 'second']);
      await s.close();
    });

    it('maps constraint failures to driver-neutral errors', async () => {
      const s = await (await stores.fresh()).open();
      await s.run("INSERT INTO domains (id, name, disabled, created_at) VALUES ('a', 'A', 0, 1)");
      await expect(s.run("INSERT INTO domains (id, name, disabled, created_at) VALUES ('a', 'A', 0, 1)")).rejects.toMatchObject({ name: 'UniqueViolation' });
      await expect(s.run("INSERT INTO policies (domain_id, policy, updated_at) VALUES ('zz', '{}', 1)")).rejects.toMatchObject({ name: 'ForeignKeyViolation' });
      await s.close();
      await expect(s.get('SELECT 1')).rejects.toThrow(/closed/);
    });

    it('binds booleans as 0/1 and undefined as NULL', async () => {
      const s = await (await stores.fresh()).open();
      await s.run('INSERT INTO domains (id, name, disabled, created_at) VALUES (?, ?, ?, ?)', ['b', 'B', true, 1]);
      expect(await s.get('SELECT disabled FROM domains')).toEqual({ disabled: 1 });
      await s.run('INSERT INTO models (id, engine, settings, capabilities, owned_by, created, domains) VALUES (?, ?, ?, ?, ?, ?, ?)', ['m', 'ollama', '{}', '[]', 'x', 1, undefined]);
      expect(await s.get('SELECT domains FROM models')).toEqual({ domains: null });
      await s.close();
    });
  });

  describe('withLock', () => {
    it('lets one holder in at a time, across stores on one database, and goes on after a throw', async () => {
      const t = await stores.fresh();
      // PostgreSQL: two pools (as two instances); SQLite: one store (the lock is in-process).
      const a = await t.open();
      const b = kind === 'postgres' ? await t.open() : a;
      const events: string[] = [];
      const hold = (s: Store, who: string, ms: number) =>
        s.withLock('test:exclusive', async () => {
          events.push(`${who}+`);
          await sleep(ms);
          events.push(`${who}-`);
          return who;
        });
      const results = await Promise.all([hold(a, 'a1', 60), hold(b, 'b1', 10), hold(a, 'a2', 10), hold(b, 'b2', 30)]);
      expect(results).toEqual(['a1', 'b1', 'a2', 'b2']);
      for (let i = 0; i < events.length; i += 2) expect(events[i + 1]).toBe(events[i]!.replace('+', '-'));
      await expect(a.withLock('test:exclusive', async () => Promise.reject(new Error('inside')))).rejects.toThrow('inside');
      expect(await b.withLock('test:exclusive', async () => 'free again')).toBe('free again');
      // Different names do not wait for each other.
      const slow = a.withLock('test:one', () => sleep(200).then(() => Date.now()));
      const fast = await b.withLock('test:two', async () => Date.now());
      expect(fast).toBeLessThan(await slow);
      if (b !== a) await b.close();
      await a.close();
    });

    it('the callback can use the store (it holds a connection of its own)', async () => {
      const s = await (await stores.fresh()).open();
      expect(await s.withLock('test:use', async () => (await s.get<{ n: number }>('SELECT COUNT(*) AS n FROM domains'))!.n)).toBe(0);
      await s.close();
    });
  });

  describe('listen and notify', () => {
    const received = () => {
      const got: string[] = [];
      return { got, fn: (p: string) => got.push(p) };
    };

    it('delivers to every listener (PostgreSQL: on other pools, as other instances), until it unsubscribes', async () => {
      const t = await stores.fresh();
      const a = await t.open();
      const b = kind === 'postgres' ? await t.open() : a;
      const onA = received();
      const onB = received();
      const stopA = await a.listen('cordon:test', onA.fn);
      const stopB = await b.listen('cordon:test', onB.fn);
      await a.notify('cordon:test', 'one');
      await expect.poll(() => onB.got, { timeout: 2000, interval: 5 }).toEqual(['one']);
      await expect.poll(() => onA.got, { timeout: 2000, interval: 5 }).toEqual(['one']);
      await stopB();
      await a.notify('cordon:test', JSON.stringify({ id: 'k1', what: 'revoked' }));
      await expect.poll(() => onA.got.length, { timeout: 2000, interval: 5 }).toBe(2);
      await sleep(50);
      expect(onB.got).toEqual(['one']);
      expect(JSON.parse(onA.got[1]!)).toEqual({ id: 'k1', what: 'revoked' });
      await stopA();
      if (b !== a) await b.close();
      await a.close();
    });

    it('inside a transaction: sent at commit, never on rollback (nor from a rolled-back savepoint)', async () => {
      const t = await stores.fresh();
      const a = await t.open();
      const b = kind === 'postgres' ? await t.open() : a;
      const on = received();
      const stop = await b.listen('cordon:tx', on.fn);
      await a.withTransaction(async (tx) => {
        await tx.run("INSERT INTO domains (id, name, disabled, created_at) VALUES ('n', 'N', 0, 1)");
        await tx.notify('cordon:tx', 'committed');
        await tx.withTransaction(async (inner) => {
          await inner.notify('cordon:tx', 'from a savepoint that rolls back');
          throw new Error('inner');
        }).catch(() => undefined);
        await sleep(50);
        expect(on.got).toEqual([]); // not before the commit
      });
      await expect(
        a.withTransaction(async (tx) => {
          await tx.notify('cordon:tx', 'rolled back');
          throw new Error('undo');
        }),
      ).rejects.toThrow('undo');
      await a.notify('cordon:tx', 'after');
      await expect.poll(() => on.got, { timeout: 2000, interval: 5 }).toEqual(['committed', 'after']);
      // What the listener is told, it can read: the transaction had committed.
      expect(await b.get("SELECT id FROM domains WHERE id = 'n'")).toEqual({ id: 'n' });
      await stop();
      if (b !== a) await b.close();
      await a.close();
    });

    if (kind === 'postgres') {
      it('the listening connection reconnects when it is dropped, and says so', async () => {
        const t = await stores.fresh();
        const s = await t.open();
        const on = received();
        let reconnected = 0;
        const stop = await s.listen('cordon:drop', on.fn, () => reconnected++);
        const dbName = new URL(t.databaseUrl!).pathname.slice(1);
        const killed = await stores.server.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'LISTEN%'", [dbName]);
        expect(killed.rowCount).toBe(1);
        await expect.poll(() => reconnected, { timeout: 5000, interval: 10 }).toBe(1);
        await s.notify('cordon:drop', 'after the drop');
        await expect.poll(() => on.got, { timeout: 2000, interval: 5 }).toEqual(['after the drop']);
        await stop();
        await s.close();
      });
    }

    it('checks channel names and payload sizes', async () => {
      const s = await (await stores.fresh()).open();
      await expect(s.listen('bad channel; DROP TABLE x', () => undefined)).rejects.toBeInstanceOf(StoreError);
      await expect(s.notify('x'.repeat(64), '')).rejects.toBeInstanceOf(StoreError);
      await expect(s.notify('ok', 'y'.repeat(8000))).rejects.toBeInstanceOf(StoreError);
      await s.notify('ok', 'y'.repeat(7999));
      await s.close();
    });
  });

  describe('values', () => {
    it('BIGINT and aggregates come back as numbers; beyond 2^53 is an error, not a rounded number', async () => {
      const s = await (await stores.fresh()).open();
      await s.run('INSERT INTO usage_records (id, ts, domain_id, key_id, model, endpoint, input_tokens, output_tokens, status, latency_ms, streamed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
        'u1', 1_800_000_000, 'd', 'k', 'm', 'chat', 2 ** 40, 3, 200, 4, false,
      ]);
      expect(await s.get('SELECT ts, input_tokens, streamed, COUNT(*) AS n, SUM(input_tokens) AS total, MAX(ts) AS last FROM usage_records GROUP BY ts, input_tokens, streamed')).toEqual({
        ts: 1_800_000_000,
        input_tokens: 2 ** 40,
        streamed: 0,
        n: 1,
        total: 2 ** 40,
        last: 1_800_000_000,
      });
      if (kind === 'postgres') {
        await s.run("UPDATE usage_records SET input_tokens = 9007199254740993 WHERE id = 'u1'");
        await expect(s.get('SELECT input_tokens FROM usage_records')).rejects.toThrow(/beyond the range/);
        await expect(s.get('SELECT SUM(input_tokens) AS n FROM usage_records')).rejects.toThrow(/beyond the range/);
        expect(await s.get('SELECT 1 AS one')).toEqual({ one: 1 }); // the pool is fine after it
      }
      await s.close();
    });
  });
});

describe('toNumberedPlaceholders (for the PostgreSQL driver)', () => {
  it('numbers ? outside quotes and comments', () => {
    expect(toNumberedPlaceholders('SELECT * FROM t WHERE a = ? AND b = ?')).toBe('SELECT * FROM t WHERE a = $1 AND b = $2');
    expect(toNumberedPlaceholders("SELECT '?', \"q?\" FROM t WHERE a = ? -- c?\n AND b = ? /* ? */")).toBe(
      "SELECT '?', \"q?\" FROM t WHERE a = $1 -- c?\n AND b = $2 /* ? */",
    );
    expect(toNumberedPlaceholders("SELECT 'it''s ?' WHERE x = ?")).toBe("SELECT 'it''s ?' WHERE x = $1");
  });
});
