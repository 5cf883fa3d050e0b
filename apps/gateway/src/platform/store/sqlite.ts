/**
 * The embedded store: one SQLite file, `<dataDir>/cordon.db`, on better-sqlite3 (WAL,
 * synchronous=FULL, foreign keys on, a busy timeout for other processes such as the CLI).
 *
 * better-sqlite3 is synchronous and the gateway's own statements share one connection, so a
 * transaction whose callback awaits could otherwise let another request's statements run inside
 * it. It does not: while a transaction is open, calls through the store wait until it ends (the
 * transaction's own work goes through the handle it is given), and a second transaction waits
 * for the first.
 *
 * Batch writes (writeBatch: every write of the platform's services, from usage records to key and
 * registry changes) go to a second connection on a writer thread (sqlite-writer-thread.ts), so
 * their commits (an fsync each) never hold the event loop. The two connections do not fight over
 * SQLite's one write lock: a batch waits while a transaction is open here, and a write here (run,
 * exec, withTransaction) first lets the batches already posted commit, so the busy timeout is left
 * for other processes.
 *
 * withLock is a process-wide mutex per file and name (one gateway process owns the file;
 * migrations and the bootstrap are single transactions besides, which SQLite's write lock
 * serializes across processes), and listen/notify deliver within this store only.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Channels, checkChannel, checkPayload } from './channels.js';
import { NamedMutex } from './named-mutex.js';
import { normalizeParams } from './sql.js';
import { SqliteWriterThread } from './sqlite-writer-thread.js';
import { ForeignKeyViolation, StoreError, TransactionHandleBase, UniqueViolation, type Param, type Row, type Store } from './types.js';

export const SQLITE_FILE = 'cordon.db';
const MAX_CACHED_STATEMENTS = 500;
const BUSY_TIMEOUT_MS = 5000;
/**
 * withLock's locks, for the whole process, by file and name: two stores on one file in one process
 * (tests, a CLI command inside the gateway's process) must exclude each other too, or one would
 * sleep in SQLite's busy handler, holding the event loop the other needs to finish.
 */
const fileLocks = new NamedMutex();

interface Tx {
  /** Notifications sent in the transaction: delivered when it commits. */
  pending: Array<[channel: string, payload: string]>;
}

export function translateError(err: unknown): unknown {
  const code = (err as { code?: string } | null)?.code;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return new UniqueViolation((err as Error).message);
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return new ForeignKeyViolation((err as Error).message);
  return err;
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly statements = new Map<string, Database.Statement>();
  /** The open transaction, if any, and a promise that settles when it ends. */
  private active: Tx | null = null;
  private activeDone: Promise<void> = Promise.resolve();
  private savepoints = 0;
  private closing = false;
  private readonly channels = new Channels();

  /** `writer`: the thread batch writes go to; without one they run on this connection. */
  constructor(
    private readonly db: Database.Database,
    private readonly writer: SqliteWriterThread | null = null,
  ) {}

  /** True while the writer thread runs (it starts with the first batch). For tests and benchmarks. */
  get writerThreadRunning(): boolean {
    return this.writer?.running ?? false;
  }

  get closed(): boolean {
    return this.closing || !this.db.open;
  }

  private prepare(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      if (this.statements.size >= MAX_CACHED_STATEMENTS) this.statements.clear();
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  /**
   * Calls through the store itself wait while a transaction is open (its own work uses the `tx`
   * handle). Writes (run, exec, withTransaction) first let the batches already posted to the writer
   * thread commit, so this thread never sleeps in SQLite's busy handler on their lock; batches
   * posted later do not hold them up.
   */
  private async turn(): Promise<void> {
    while (this.active) await this.activeDone;
  }

  /**
   * The handle a transaction's callback gets: it runs statements at once, inside the transaction.
   * (No AsyncLocalStorage: on Node 20 it turns on promise hooks for the whole process.)
   */
  private handle(state: Tx): Store {
    const self = this;
    const tx: Store = Object.assign(new TransactionHandleBase('sqlite', self), {
      all: async <T = Row>(sql: string, params: readonly Param[] = []) => self.guard(() => self.prepare(sql).all(...normalizeParams(params)) as T[]),
      get: async <T = Row>(sql: string, params: readonly Param[] = []) => self.guard(() => self.prepare(sql).get(...normalizeParams(params)) as T | undefined),
      run: async (sql: string, params: readonly Param[] = []) => self.guard(() => ({ changes: self.prepare(sql).run(...normalizeParams(params)).changes })),
      exec: async (sql: string) => {
        self.guard(() => self.db.exec(sql));
      },
      withTransaction: (fn) => self.nested(fn, tx, state),
      // Inside a transaction the batch joins it (the writer thread would wait for its lock).
      writeBatch: (sql, rows) => self.nested(() => self.runBatch(sql, rows), tx, state),
      withLock: (name, fn) => self.withLock(name, fn),
      listen: (channel, fn, onReconnect) => self.listen(channel, fn, onReconnect),
      notify: async (channel, payload) => {
        checkChannel(channel);
        checkPayload(payload);
        state.pending.push([channel, payload]);
      },
      close: () => self.close(),
    } satisfies Omit<Store, 'kind' | 'closed'>);
    return tx;
  }

  private guard<T>(fn: () => T): T {
    if (!this.db.open) throw new StoreError('The store is closed.');
    try {
      return fn();
    } catch (err) {
      throw translateError(err);
    }
  }

  async all<T = Row>(sql: string, params: readonly Param[] = []): Promise<T[]> {
    if (this.active) await this.turn();
    return this.guard(() => this.prepare(sql).all(...normalizeParams(params)) as T[]);
  }

  async get<T = Row>(sql: string, params: readonly Param[] = []): Promise<T | undefined> {
    if (this.active) await this.turn();
    return this.guard(() => this.prepare(sql).get(...normalizeParams(params)) as T | undefined);
  }

  async run(sql: string, params: readonly Param[] = []): Promise<{ changes: number }> {
    if (this.writer?.busy) await this.writer.settled();
    if (this.active) await this.turn();
    return this.guard(() => ({ changes: this.prepare(sql).run(...normalizeParams(params)).changes }));
  }

  async exec(sql: string): Promise<void> {
    if (this.writer?.busy) await this.writer.settled();
    if (this.active) await this.turn();
    this.guard(() => this.db.exec(sql));
  }

  async withTransaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.writer?.busy) await this.writer.settled();
    while (this.active) await this.activeDone;
    const tx: Tx = { pending: [] };
    let end!: () => void;
    this.active = tx;
    this.activeDone = new Promise<void>((resolve) => (end = resolve));
    try {
      this.guard(() => this.db.exec('BEGIN IMMEDIATE'));
      try {
        const result = await fn(this.handle(tx));
        this.guard(() => this.db.exec('COMMIT'));
        for (const [channel, payload] of tx.pending) this.channels.deliver(channel, payload);
        return result;
      } catch (err) {
        if (this.db.open && this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      }
    } finally {
      this.active = null;
      end();
    }
  }

  private async nested<T>(fn: (tx: Store) => Promise<T>, tx: Store, state: Tx): Promise<T> {
    const name = `sp_${++this.savepoints}`;
    const sent = state.pending.length;
    this.guard(() => this.db.exec(`SAVEPOINT ${name}`));
    try {
      const result = await fn(tx);
      this.guard(() => this.db.exec(`RELEASE ${name}`));
      return result;
    } catch (err) {
      if (this.db.open && this.db.inTransaction) this.db.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
      state.pending.length = sent; // what the savepoint sent goes with it
      throw err;
    }
  }

  async writeBatch(sql: string, rows: readonly (readonly Param[])[]): Promise<{ changes: number }> {
    if (this.closing || !this.db.open) throw new StoreError('The store is closed.');
    if (rows.length === 0) return { changes: 0 };
    if (!this.writer) return this.withTransaction(async () => this.runBatch(sql, rows));
    if (this.active) await this.turn();
    try {
      return { changes: await this.writer.write(sql, rows) };
    } catch (err) {
      throw translateError(err);
    }
  }

  /** The rows of a batch, on this connection, in the transaction the caller opened. */
  private async runBatch(sql: string, rows: readonly (readonly Param[])[]): Promise<{ changes: number }> {
    return this.guard(() => {
      const st = this.prepare(sql);
      let changes = 0;
      for (const row of rows) changes += st.run(...normalizeParams(row)).changes;
      return { changes };
    });
  }

  async withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    if (this.closed) throw new StoreError('The store is closed.');
    return fileLocks.run(`${this.db.name}\u0000${name}`, fn);
  }

  async listen(channel: string, fn: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>> {
    checkChannel(channel);
    if (this.closed) throw new StoreError('The store is closed.');
    const { remove } = this.channels.add(channel, fn, onReconnect);
    return async () => {
      remove();
    };
  }

  async notify(channel: string, payload: string): Promise<void> {
    checkChannel(channel);
    checkPayload(payload);
    if (this.closed) throw new StoreError('The store is closed.');
    this.channels.deliver(channel, payload);
  }

  /** Ends the writer thread after its last batch, then closes this connection. */
  async close(): Promise<void> {
    if (!this.db.open) return;
    this.closing = true;
    while (this.active) await this.activeDone;
    await this.writer?.close();
    if (!this.db.open) return;
    this.statements.clear();
    this.db.close();
  }
}

/** Open (creating if needed) `<dataDir>/cordon.db` with the pragmas the gateway relies on. */
/** `writerIdleExitMs`: how long the writer thread stays after its last batch (a test makes it short). */
export function openSqlite(dataDir: string, opts: { writerIdleExitMs?: number } = {}): SqliteStore {
  // 0700: the directory holds key hashes, usage and stored conversations.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  let db: Database.Database;
  try {
    // CORDON_SQLITE_NATIVE_BINDING: a better_sqlite3.node built for another Node ABI (scripts/other-node.mjs).
    db = new Database(join(dataDir, SQLITE_FILE), { nativeBinding: process.env.CORDON_SQLITE_NATIVE_BINDING || undefined });
  } catch (err) {
    throw new StoreError(`Cannot open the SQLite database in ${dataDir}: ${(err as Error).message}`);
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // CORDON_SQLITE_WRITER_THREAD=0: batch writes on this connection, on the event loop (the old
  // behaviour; for comparing in scripts/bench/usage-writes.mjs).
  const threaded = process.env.CORDON_SQLITE_WRITER_THREAD !== '0';
  const writer = threaded
    ? new SqliteWriterThread(
        {
          file: db.name,
          nativeBinding: process.env.CORDON_SQLITE_NATIVE_BINDING || undefined,
          busyTimeoutMs: BUSY_TIMEOUT_MS,
        },
        opts.writerIdleExitMs,
      )
    : null;
  return new SqliteStore(db, writer);
}
