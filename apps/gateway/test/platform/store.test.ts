import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openStore, StoreError, toNumberedPlaceholders } from '../../src/platform/index.js';
import { migrations } from '../../src/platform/store/migrations.js';
import { migrate } from '../../src/platform/store/migrate.js';
import { openSqlite } from '../../src/platform/store/sqlite.js';
import { sleep, tempRoot } from './helpers.js';

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

  it('rejects any database URL other than sqlite:, clearly', async () => {
    for (const url of ['postgres://u:p@h/db', 'postgresql://x', 'mysql://y', 'nonsense', '']) {
      const err = await openStore({ dataDir: tmp.dir(), databaseUrl: url }).catch((e) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect(err.message).toMatch(/CORDON_DATABASE_URL is not supported yet/);
      expect(err.message).not.toContain('u:p'); // never echo credentials
    }
    const ok = await openStore({ dataDir: tmp.dir(), databaseUrl: 'sqlite:' });
    await ok.close();
  });

  it('runs migrations once: idempotent across reopen, data kept', async () => {
    const dir = tmp.dir();
    const a = await openStore({ dataDir: dir });
    expect((await a.all('SELECT id, name FROM schema_migrations')).map((r) => r.id)).toEqual(migrations.map((m) => m.id));
    await a.run("INSERT INTO domains (id, name, disabled, created_at) VALUES ('x', 'X', 0, 1)");
    await a.close();
    for (let i = 0; i < 3; i++) {
      const b = await openStore({ dataDir: dir });
      expect(await b.all('SELECT id FROM schema_migrations')).toHaveLength(migrations.length);
      expect(await b.get('SELECT name FROM domains WHERE id = ?', ['x'])).toEqual({ name: 'X' });
      expect(await migrate(b)).toEqual([]);
      await b.close();
    }
  });

  it('applies a new migration in a transaction, and a failing one leaves nothing behind', async () => {
    const dir = tmp.dir();
    const s = await openStore({ dataDir: dir });
    const extra = [...migrations, { id: 1000, name: 'test add', statements: ['CREATE TABLE t_extra (id TEXT PRIMARY KEY)'] }];
    expect(await migrate(s, extra)).toEqual([1000]);
    expect(await migrate(s, extra)).toEqual([]);
    const broken = [...extra, { id: 1001, name: 'broken', statements: ['CREATE TABLE t_half (id TEXT)', 'CREATE TABLE nonsense syntax here'] }];
    await expect(migrate(s, broken)).rejects.toThrow();
    expect(await s.get("SELECT name FROM sqlite_master WHERE name = 't_half'")).toBeUndefined();
    expect(await s.get('SELECT id FROM schema_migrations WHERE id = 1001')).toBeUndefined();
    await s.close();
  });

  it('refuses a database from a newer version or an incompatible pre-release build', async () => {
    const dir = tmp.dir();
    const s = await openStore({ dataDir: dir });
    await s.run("INSERT INTO schema_migrations (id, name, applied_at) VALUES (999999, 'from the future', 0)");
    await s.close();
    await expect(openStore({ dataDir: dir })).rejects.toThrow(/newer version/);

    const old = tmp.dir();
    const t = await openStore({ dataDir: old });
    await t.run("UPDATE schema_migrations SET name = 'platform core' WHERE id = 1");
    await t.close();
    await expect(openStore({ dataDir: old })).rejects.toThrow(/incompatible/);
  });
});

describe('withTransaction', () => {
  it('commits everything, or (when the callback throws) nothing', async () => {
    const s = await openStore({ dataDir: tmp.dir() });
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
    const s = await openStore({ dataDir: tmp.dir() });
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
    const s = await openStore({ dataDir: tmp.dir() });
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
    expect(seen[0]).toBe('tx-end');
    expect(seen).not.toContain('saw-uncommitted');
    expect((await s.all('SELECT id FROM domains ORDER BY id')).map((r) => r.id)).toEqual(['out', 'second']);
    await s.close();
  });

  it('maps constraint failures to driver-neutral errors', async () => {
    const s = await openStore({ dataDir: tmp.dir() });
    await s.run("INSERT INTO domains (id, name, disabled, created_at) VALUES ('a', 'A', 0, 1)");
    await expect(s.run("INSERT INTO domains (id, name, disabled, created_at) VALUES ('a', 'A', 0, 1)")).rejects.toMatchObject({ name: 'UniqueViolation' });
    await expect(s.run("INSERT INTO policies (domain_id, policy, updated_at) VALUES ('zz', '{}', 1)")).rejects.toMatchObject({ name: 'ForeignKeyViolation' });
    await s.close();
    await expect(s.get('SELECT 1')).rejects.toThrow(/closed/);
  });

  it('binds booleans as 0/1 and undefined as NULL', async () => {
    const s = await openStore({ dataDir: tmp.dir() });
    await s.run('INSERT INTO domains (id, name, disabled, created_at) VALUES (?, ?, ?, ?)', ['b', 'B', true, 1]);
    expect(await s.get('SELECT disabled FROM domains')).toEqual({ disabled: 1 });
    await s.run('INSERT INTO models (id, engine, settings, capabilities, owned_by, created, domains) VALUES (?, ?, ?, ?, ?, ?, ?)', ['m', 'ollama', '{}', '[]', 'x', 1, undefined]);
    expect(await s.get('SELECT domains FROM models')).toEqual({ domains: null });
    await s.close();
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
