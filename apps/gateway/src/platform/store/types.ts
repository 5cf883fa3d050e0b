/**
 * The store: a small async repository interface over portable SQL, so that another engine
 * (PostgreSQL) can implement it later without touching the services.
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

export interface Store {
  /** 'sqlite' today; a PostgreSQL driver will add its own. */
  readonly kind: 'sqlite';
  all<T = Row>(sql: string, params?: readonly Param[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: readonly Param[]): Promise<T | undefined>;
  run(sql: string, params?: readonly Param[]): Promise<{ changes: number }>;
  /** One statement without parameters (DDL, for migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` in one transaction: everything it did is committed, or, if it throws, nothing is.
   * Use the `tx` it is given (or this store: calls made from inside `fn`'s async flow join the
   * transaction; calls from anywhere else wait until it ends). Nested calls become savepoints.
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
  /** True once close() has been called. */
  readonly closed: boolean;
  close(): Promise<void>;
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
