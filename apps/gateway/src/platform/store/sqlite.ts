/** The embedded default store: one SQLite file (WAL, synchronous=FULL) in the data directory. */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrations } from './migrations.js';
import { StoreError, type Row, type Store } from './types.js';

class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly statements = new Map<string, Database.Statement>();
  private depth = 0;

  constructor(private readonly db: Database.Database) {}

  private prepare(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  async all<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.prepare(sql).all(...params) as T[];
  }

  async get<T = Row>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    return this.prepare(sql).get(...params) as T | undefined;
  }

  async run(sql: string, params: unknown[] = []): Promise<{ changes: number }> {
    const r = this.prepare(sql).run(...params);
    return { changes: r.changes };
  }

  /**
   * SQLite transactions here are on one connection; the callback may await only this store's
   * (synchronous underneath) calls, so no other request's statements interleave.
   */
  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    const savepoint = `sp${this.depth}`;
    this.db.exec(this.depth === 0 ? 'BEGIN IMMEDIATE' : `SAVEPOINT ${savepoint}`);
    this.depth++;
    try {
      const result = await fn(this);
      this.depth--;
      this.db.exec(this.depth === 0 ? 'COMMIT' : `RELEASE ${savepoint}`);
      return result;
    } catch (err) {
      this.depth--;
      this.db.exec(this.depth === 0 ? 'ROLLBACK' : `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`);
      throw err;
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
    const done = new Set((this.db.prepare('SELECT id FROM schema_migrations').all() as Array<{ id: number }>).map((r) => r.id));
    for (const m of migrations) {
      if (done.has(m.id)) continue;
      this.db.transaction(() => {
        for (const sql of m.sql) this.db.exec(sql);
        this.db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)').run(m.id, m.name, Math.floor(Date.now() / 1000));
      })();
    }
  }
}

export function openSqliteStore(dataDir: string): Store {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'cordon.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const store = new SqliteStore(db);
  store.migrate();
  return store;
}

export function openStore(opts: { dataDir: string; databaseUrl?: string }): Store {
  if (opts.databaseUrl && !/^sqlite:/.test(opts.databaseUrl)) {
    throw new StoreError(`CORDON_DATABASE_URL: only the embedded SQLite store is available in this version (got a '${opts.databaseUrl.split(':')[0]}:' URL)`);
  }
  return openSqliteStore(opts.dataDir);
}
