/**
 * openStore: the store named by CORDON_DATABASE_URL (postgres:// or postgresql://: PostgreSQL,
 * pooled), or, when it is unset or `sqlite:`, the embedded SQLite file in the data directory;
 * migrated.
 */
import { mkdirSync } from 'node:fs';
import { migrate } from './migrate.js';
import { DEFAULT_POOL_SIZE, describePostgresUrl, openPostgres } from './postgres.js';
import { openSqlite } from './sqlite.js';
import { StoreError, type Store } from './types.js';
import type { PlatformLog } from '../log.js';

export type { Param, Row, Store, StoreKind } from './types.js';
export { ForeignKeyViolation, StoreError, UniqueViolation } from './types.js';
export { toNumberedPlaceholders } from './sql.js';

export interface OpenStoreOptions {
  dataDir: string;
  /** CORDON_DATABASE_URL: undefined or `sqlite:` (the embedded file in dataDir), or postgres://... */
  databaseUrl?: string;
  /** CORDON_DATABASE_POOL: PostgreSQL connections per instance (2 or more). Default: the variable, else 10. */
  poolSize?: number;
  /** Told which store was opened (never the URL's password). */
  log?: PlatformLog;
}

const MAX_POOL_SIZE = 1000;

/** CORDON_DATABASE_POOL, checked (withLock holds a connection while its callback uses another: 2 at least). */
export function poolSizeFrom(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_POOL_SIZE;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2 || n > MAX_POOL_SIZE) {
    throw new StoreError(`CORDON_DATABASE_POOL must be a whole number from 2 to ${MAX_POOL_SIZE} (the PostgreSQL connections of one instance); got ${JSON.stringify(value.slice(0, 40))}.`);
  }
  return n;
}

async function openByUrl(opts: OpenStoreOptions): Promise<Store> {
  const url = opts.databaseUrl;
  if (url === undefined || url === 'sqlite:') {
    const store = openSqlite(opts.dataDir);
    opts.log?.info({ store: 'sqlite', dataDir: opts.dataDir }, 'store: SQLite (the embedded database in the data directory)');
    return store;
  }
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'postgres' || scheme === 'postgresql') {
    const poolSize = opts.poolSize ?? poolSizeFrom(process.env.CORDON_DATABASE_POOL);
    if (!Number.isInteger(poolSize) || poolSize < 2 || poolSize > MAX_POOL_SIZE) throw new StoreError(`The PostgreSQL pool size must be from 2 to ${MAX_POOL_SIZE}.`);
    // The data directory still holds files (admin.key, the demo models): made as SQLite would (0700).
    mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
    const store = await openPostgres({ url, poolSize, log: opts.log });
    opts.log?.info({ store: 'postgres', database: describePostgresUrl(url), pool: poolSize }, 'store: PostgreSQL');
    return store;
  }
  throw new StoreError(
    `CORDON_DATABASE_URL must be a postgres:// (or postgresql://) URL, or 'sqlite:' (or unset) for the embedded SQLite database in the data directory; ` +
      `got ${scheme ? `a '${scheme}:' URL` : 'a value that is not a URL'}.`,
  );
}

export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  const store = await openByUrl(opts);
  try {
    await migrate(store);
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}
