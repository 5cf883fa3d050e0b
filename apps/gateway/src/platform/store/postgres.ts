/**
 * The PostgreSQL store (CORDON_DATABASE_URL=postgres://...): the Store interface on a `pg.Pool`
 * (CORDON_DATABASE_POOL connections, default 10), shared by any number of gateway instances.
 *
 * - `?` placeholders are numbered ($1, $2, ...) for PostgreSQL; booleans bind as 0/1.
 * - BIGINT (times, counts, COUNT(*)) and NUMERIC (SUM over BIGINT) come back as numbers; a value
 *   beyond 2^53 fails the query rather than being rounded.
 * - withTransaction holds one pooled connection (BEGIN ... COMMIT; nested calls are savepoints);
 *   writeBatch is all or nothing: an `INSERT ... VALUES (?, ...) [tail]` becomes one multi-row
 *   INSERT per chunk of rows (within PostgreSQL's 65,535 parameters), one statement and one round
 *   trip for a whole batch of usage records (a transaction when it takes several); any other
 *   statement runs once per row in one transaction. Calls through the store itself run on other
 *   connections.
 * - Unique and foreign key violations (SQLSTATE 23505, 23503) become UniqueViolation and
 *   ForeignKeyViolation.
 * - withLock: a session advisory lock (keyed by a hash of the name) on a pooled connection held
 *   while `fn` runs, behind an in-process mutex (so one process queues for a lock on one
 *   connection). listen/notify: LISTEN on a dedicated connection (postgres-listener.ts), NOTIFY
 *   through pg_notify (inside a transaction, PostgreSQL sends it at commit).
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { checkChannel, checkPayload } from './channels.js';
import { NamedMutex } from './named-mutex.js';
import { PostgresListener } from './postgres-listener.js';
import { normalizeParams, toNumberedPlaceholders } from './sql.js';
import { ForeignKeyViolation, StoreError, TransactionHandleBase, UniqueViolation, type Param, type Row, type Store } from './types.js';
import type { PlatformLog } from '../log.js';

export const DEFAULT_POOL_SIZE = 10;
const MAX_CACHED_SQL = 500;
const INT8_OID = 20;
/** PostgreSQL's limit on the parameters of one statement (the protocol's 16-bit count). */
const MAX_PARAMETERS = 65_535;
const NUMERIC_OID = 1700;

/** A query runner: the pool (autocommit, any connection) or one connection (a transaction, a lock). */
type Runner = pg.Pool | pg.PoolClient;

export function translatePgError(err: unknown): unknown {
  if (err instanceof pg.DatabaseError) {
    if (err.code === '23505') return new UniqueViolation(err.message);
    if (err.code === '23503') return new ForeignKeyViolation(err.message);
  }
  return err;
}

function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new StoreError(`A BIGINT value from PostgreSQL is beyond the range a number holds exactly: ${text}.`);
  return n;
}

function parseNumeric(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || (Number.isInteger(n) && !Number.isSafeInteger(n))) {
    throw new StoreError(`A NUMERIC value from PostgreSQL is beyond the range a number holds exactly: ${text}.`);
  }
  return n;
}

/** `INSERT INTO t (a, b) VALUES (?, ?) [tail without ?]`, split for a multi-row VALUES list; else null. */
const SINGLE_ROW_INSERT = /^(\s*INSERT\s+INTO\s+[^()?;]+\([^()?;]*\)\s*VALUES\s*)\(\s*\?(?:\s*,\s*\?)*\s*\)([^?;]*)$/i;

/** A statement ready for pg: numbered placeholders and its values. */
interface BatchStatement {
  text: string;
  values: Array<Exclude<Param, boolean | undefined>>;
  /** Prepared once per connection under this name (a statement run once per row). */
  name?: string;
}

/**
 * A single-row INSERT and rows of its parameters as multi-row INSERTs, each within the parameter
 * limit: `VALUES ($1, ..., $k), ($k+1, ...), ...`. Null when `sql` is not such an INSERT.
 */
export function multiRowInserts(sql: string, rows: readonly (readonly Param[])[]): BatchStatement[] | null {
  const m = SINGLE_ROW_INSERT.exec(sql);
  if (!m) return null;
  const columns = (sql.match(/\?/g) ?? []).length;
  if (rows.some((r) => r.length !== columns)) return null; // let the server report the mismatch
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  const out: BatchStatement[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const tuples: string[] = [];
    let n = 0;
    for (let r = 0; r < chunk.length; r++) {
      const marks: string[] = [];
      for (let c = 0; c < columns; c++) marks.push(`$${++n}`);
      tuples.push(`(${marks.join(', ')})`);
    }
    out.push({ text: `${m[1]}${tuples.join(', ')}${m[2]}`, values: normalizeParams(chunk.flat()) });
  }
  return out;
}

/** The 64-bit advisory lock key of a lock name (the first 8 bytes of its SHA-256), as text. */
export function advisoryLockKey(name: string): string {
  return createHash('sha256').update(name).digest().readBigInt64BE(0).toString();
}

/** The URL without its password (and without any query string, which may hold one), for logs and errors. */
export function describePostgresUrl(url: string): string {
  try {
    const u = new URL(url);
    const user = u.username ? `${decodeURIComponent(u.username)}@` : '';
    return `postgres://${user}${u.host}${u.pathname}`;
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  private readonly numbered = new Map<string, string>();
  private readonly locks = new NamedMutex();
  private closing: Promise<void> | null = null;
  private savepoints = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly listener: PostgresListener,
  ) {}

  get closed(): boolean {
    return this.closing !== null;
  }

  private assertOpen(): void {
    if (this.closing) throw new StoreError('The store is closed.');
  }

  private sql(sql: string): string {
    let out = this.numbered.get(sql);
    if (out === undefined) {
      if (this.numbered.size >= MAX_CACHED_SQL) this.numbered.clear();
      out = toNumberedPlaceholders(sql);
      this.numbered.set(sql, out);
    }
    return out;
  }

  /** (Only the entry points check that the store is open: work in progress finishes after close().) */
  private async query(runner: Runner, sql: string, params: readonly Param[]): Promise<pg.QueryResult> {
    try {
      return await runner.query(this.sql(sql), normalizeParams(params));
    } catch (err) {
      throw translatePgError(err);
    }
  }

  /** writeBatch's statements: a multi-row INSERT per chunk, or one prepared statement per row. */
  private batchStatements(sql: string, rows: readonly (readonly Param[])[]): BatchStatement[] {
    const inserts = multiRowInserts(sql, rows);
    if (inserts) return inserts;
    const text = this.sql(sql);
    const name = `cordon_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    return rows.map((row) => ({ text, name, values: normalizeParams(row) }));
  }

  private async runStatements(runner: Runner, statements: readonly BatchStatement[]): Promise<{ changes: number }> {
    let changes = 0;
    for (const st of statements) {
      try {
        changes += (await runner.query(st)).rowCount ?? 0;
      } catch (err) {
        throw translatePgError(err);
      }
    }
    return { changes };
  }

  private async execOn(runner: Runner, sql: string): Promise<void> {
    try {
      await runner.query(sql);
    } catch (err) {
      throw translatePgError(err);
    }
  }

  /** The handle a transaction's callback gets: every statement on the transaction's connection. */
  private handle(client: pg.PoolClient): Store {
    const self = this;
    const tx: Store = Object.assign(new TransactionHandleBase('postgres', self), {
      all: async <T = Row>(sql: string, params: readonly Param[] = []) => (await self.query(client, sql, params)).rows as T[],
      get: async <T = Row>(sql: string, params: readonly Param[] = []) => (await self.query(client, sql, params)).rows[0] as T | undefined,
      run: async (sql: string, params: readonly Param[] = []) => ({ changes: (await self.query(client, sql, params)).rowCount ?? 0 }),
      exec: (sql: string) => self.execOn(client, sql),
      withTransaction: (fn) => self.nested(client, () => fn(tx)),
      writeBatch: (sql, rows) => self.nested(client, () => self.runStatements(client, self.batchStatements(sql, rows))),
      withLock: (name, fn) => self.withLock(name, fn),
      listen: (channel, fn, onReconnect) => self.listen(channel, fn, onReconnect),
      // On the transaction's connection: PostgreSQL sends it at commit, and drops it on rollback.
      notify: async (channel, payload) => {
        checkChannel(channel);
        checkPayload(payload);
        await self.query(client, 'SELECT pg_notify(?, ?)', [channel, payload]);
      },
      close: () => self.close(),
    } satisfies Omit<Store, 'kind' | 'closed'>);
    return tx;
  }

  async all<T = Row>(sql: string, params: readonly Param[] = []): Promise<T[]> {
    this.assertOpen();
    return (await this.query(this.pool, sql, params)).rows as T[];
  }

  async get<T = Row>(sql: string, params: readonly Param[] = []): Promise<T | undefined> {
    this.assertOpen();
    return (await this.query(this.pool, sql, params)).rows[0] as T | undefined;
  }

  async run(sql: string, params: readonly Param[] = []): Promise<{ changes: number }> {
    this.assertOpen();
    return { changes: (await this.query(this.pool, sql, params)).rowCount ?? 0 };
  }

  async exec(sql: string): Promise<void> {
    this.assertOpen();
    await this.execOn(this.pool, sql);
  }

  /**
   * `fn` on one pooled connection, released after; or, when `fn` called `discard` (a failed
   * ROLLBACK or unlock left the connection in an unknown state), closed instead of reused.
   */
  private async withClient<T>(fn: (client: pg.PoolClient, discard: (why: unknown) => void) => Promise<T>): Promise<T> {
    this.assertOpen();
    const client = await this.pool.connect();
    let broken: Error | undefined;
    const discard = (why: unknown) => (broken = why instanceof Error ? why : new Error(String(why)));
    // A checked-out connection that fails between queries (the server went away while a lock's
    // callback runs) reports it here, not as an uncaught error; it is discarded on release.
    client.on('error', discard);
    try {
      return await fn(client, discard);
    } finally {
      client.removeListener('error', discard);
      client.release(broken);
    }
  }

  /** BEGIN, `fn`, COMMIT on one connection; ROLLBACK if anything fails. */
  private transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.withClient(async (client, discard) => {
      await this.execOn(client, 'BEGIN');
      try {
        const result = await fn(client);
        await this.execOn(client, 'COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(discard);
        throw err;
      }
    });
  }

  withTransaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    return this.transaction((client) => fn(this.handle(client)));
  }

  private async nested<T>(client: pg.PoolClient, fn: () => Promise<T>): Promise<T> {
    const name = `sp_${++this.savepoints}`;
    await this.execOn(client, `SAVEPOINT ${name}`);
    try {
      const result = await fn();
      await this.execOn(client, `RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (err) {
      // If this fails too, the whole transaction fails (and is rolled back) with `err`.
      await client.query(`ROLLBACK TO SAVEPOINT ${name}; RELEASE SAVEPOINT ${name}`).catch(() => undefined);
      throw err;
    }
  }

  async writeBatch(sql: string, rows: readonly (readonly Param[])[]): Promise<{ changes: number }> {
    this.assertOpen();
    if (rows.length === 0) return { changes: 0 };
    const statements = this.batchStatements(sql, rows);
    // One statement is atomic on its own: no BEGIN and COMMIT round trips around it.
    if (statements.length === 1) return this.runStatements(this.pool, statements);
    return this.transaction((client) => this.runStatements(client, statements));
  }

  async withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.assertOpen();
    const key = advisoryLockKey(name);
    return this.locks.run(name, () =>
      this.withClient(async (client, discard) => {
        await this.query(client, 'SELECT pg_advisory_lock(?)', [key]);
        try {
          return await fn();
        } finally {
          // If the unlock fails, closing the session releases the lock.
          await client.query('SELECT pg_advisory_unlock($1)', [key]).catch(discard);
        }
      }),
    );
  }

  async listen(channel: string, fn: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>> {
    checkChannel(channel);
    this.assertOpen();
    return this.listener.add(channel, fn, onReconnect);
  }

  async notify(channel: string, payload: string): Promise<void> {
    checkChannel(channel);
    checkPayload(payload);
    this.assertOpen();
    await this.query(this.pool, 'SELECT pg_notify(?, ?)', [channel, payload]);
  }

  /** Waits for the transactions and locks in progress, then closes every connection. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.listener.close();
      await this.pool.end();
    })();
    return this.closing;
  }
}

export interface OpenPostgresOptions {
  url: string;
  poolSize?: number;
  log?: PlatformLog;
}

/** A pool on the URL, checked by one round trip (the error names the server, never the password). */
export async function openPostgres(opts: OpenPostgresOptions): Promise<PostgresStore> {
  const poolSize = opts.poolSize ?? DEFAULT_POOL_SIZE;
  const types = new pg.TypeOverrides();
  types.setTypeParser(INT8_OID, 'text', parseInt8);
  types.setTypeParser(NUMERIC_OID, 'text', parseNumeric);
  const config: pg.ClientConfig = { connectionString: opts.url, application_name: 'cordon', types, keepAlive: true };
  const pool = new pg.Pool({ ...config, max: poolSize, allowExitOnIdle: true });
  // An idle connection that fails (the server restarted) is dropped from the pool; the next query opens another.
  pool.on('error', (err) => opts.log?.warn({ err: err.message }, 'an idle PostgreSQL connection failed; it is replaced on next use'));
  const store = new PostgresStore(pool, new PostgresListener(config, opts.log));
  try {
    await store.get('SELECT 1 AS ok');
  } catch (err) {
    await store.close().catch(() => undefined);
    throw new StoreError(`Cannot use the PostgreSQL database ${describePostgresUrl(opts.url)}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return store;
}
