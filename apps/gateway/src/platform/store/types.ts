/**
 * The store: a small async repository interface over portable SQL, implemented on SQLite (the
 * embedded default, sqlite.ts) and PostgreSQL (CORDON_DATABASE_URL, postgres.ts), with the same
 * migrations and services.
 *
 * Rules for the SQL the services write:
 *   - `?` placeholders only (a driver translates them: see toNumberedPlaceholders in sql.ts);
 *   - ids are TEXT, times are integer unix seconds (BIGINT), booleans are INTEGER 0/1,
 *     JSON is TEXT (parsed and written by the services);
 *   - nothing one of SQLite and PostgreSQL lacks: no strftime/datetime, no AUTOINCREMENT, no
 *     INSERT OR REPLACE (use ON CONFLICT (...) DO UPDATE), no RETURNING-dependent logic;
 *   - aggregates may come back as strings or bigints from some drivers: wrap them in Number().
 */
export type Row = Record<string, unknown>;

/** Parameter values a driver accepts; booleans become 0/1 and undefined becomes NULL. */
export type Param = string | number | bigint | boolean | null | undefined | Buffer;

export type StoreKind = 'sqlite' | 'postgres';

export interface Store {
  readonly kind: StoreKind;
  all<T = Row>(sql: string, params?: readonly Param[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: readonly Param[]): Promise<T | undefined>;
  run(sql: string, params?: readonly Param[]): Promise<{ changes: number }>;
  /** One statement without parameters (DDL, for migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` in one transaction: everything it did is committed, or, if it throws, nothing is.
   * Its statements go through the `tx` handle it is given. Calls through the store itself never
   * run inside it (SQLite: they wait until it ends; PostgreSQL: they run on another connection and
   * do not see its uncommitted rows), so a callback must not call the store itself. Nested calls
   * on `tx` become savepoints. On PostgreSQL a failed statement aborts the transaction: catch
   * constraint errors outside it, or in a nested withTransaction (a savepoint).
   */
  withTransaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /**
   * Runs one write statement (an INSERT of buffered records, a DELETE of old ones) once per row of
   * `rows`, all in one transaction, and resolves once it has committed (the rows are then read back
   * by every call through this store) with the rows changed. Nothing of it is applied if it fails.
   * Off the request path: a driver whose calls block (SQLite) commits on another thread; one that
   * is asynchronous (PostgreSQL) runs an ordinary transaction. Inside withTransaction's callback,
   * the `tx` handle's writeBatch joins that transaction.
   */
  writeBatch(sql: string, rows: readonly (readonly Param[])[]): Promise<{ changes: number }>;
  /**
   * Runs `fn` while holding the lock `name`: one holder at a time across every process sharing
   * the database (PostgreSQL: a session advisory lock, keyed by a hash of the name, on a pooled
   * connection held for the duration; SQLite: an in-process mutex, one process owning the file).
   * Not reentrant: `fn` must not take the same lock again. Waits as long as it takes.
   */
  withLock<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /**
   * Calls `fn` with the payload of every notification on `channel` (any process on PostgreSQL;
   * this store only on SQLite) from when the returned promise resolves until the unsubscribe
   * function it gives is called. Delivery is asynchronous; a handler's exception is ignored.
   * PostgreSQL: if the listening connection drops, it reconnects and listens again, and calls
   * `onReconnect` (notifications sent meanwhile are lost: re-read what they would have said).
   * Channel names: letters, digits, `_ : . -`, at most 63 characters.
   */
  listen(channel: string, fn: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>>;
  /**
   * Sends `payload` (at most 7999 bytes) on `channel`. Through a transaction's `tx` handle it is
   * sent when the transaction commits, and never if it rolls back (nor if the savepoint it was
   * sent in does).
   */
  notify(channel: string, payload: string): Promise<void>;
  /** True once close() has been called. */
  readonly closed: boolean;
  close(): Promise<void>;
}

/**
 * What a transaction's handle reads through to its store: `kind` and `closed`. A handle is this
 * plus its statements (`Object.assign`), not an object literal with a `closed` getter: V8 makes a
 * literal's getter pair in the old generation, which then keeps the transaction's closures past
 * young-generation collections (scripts/lint/no-literal-accessors.mjs).
 */
export class TransactionHandleBase {
  constructor(
    readonly kind: StoreKind,
    private readonly store: { readonly closed: boolean },
  ) {}

  get closed(): boolean {
    return this.store.closed;
  }
}

/** The store could not be opened or configured (a bad URL, a database from another version). */
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

/** A uniqueness constraint failed (driver-neutral, so services can answer 409). */
export class UniqueViolation extends Error {
  constructor(message = 'unique constraint failed') {
    super(message);
    this.name = 'UniqueViolation';
  }
}

/** A foreign key constraint failed (the referenced row does not exist). */
export class ForeignKeyViolation extends Error {
  constructor(message = 'foreign key constraint failed') {
    super(message);
    this.name = 'ForeignKeyViolation';
  }
}
