/**
 * The store: a small async repository interface with portable SQL (`?` placeholders, integer unix
 * seconds, text ids, JSON as text), so another engine (PostgreSQL) can implement it later.
 */
export type Row = Record<string, unknown>;

export interface Store {
  readonly kind: 'sqlite';
  all<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: unknown[]): Promise<T | undefined>;
  run(sql: string, params?: unknown[]): Promise<{ changes: number }>;
  /** Runs `fn` in one transaction: all of it is committed, or none of it. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export class StoreError extends Error {}
