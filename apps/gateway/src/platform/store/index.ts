/** openStore: the store named by CORDON_DATABASE_URL, or the embedded SQLite file; migrated. */
import { migrate } from './migrate.js';
import { openSqlite } from './sqlite.js';
import { StoreError, type Store } from './types.js';

export type { Param, Row, Store } from './types.js';
export { ForeignKeyViolation, StoreError, UniqueViolation } from './types.js';
export { toNumberedPlaceholders } from './sql.js';

export interface OpenStoreOptions {
  dataDir: string;
  /** Reserved for PostgreSQL. Today only undefined or `sqlite:` (the embedded file in dataDir). */
  databaseUrl?: string;
}

export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  const url = opts.databaseUrl;
  if (url !== undefined && url !== 'sqlite:') {
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1];
    throw new StoreError(
      `CORDON_DATABASE_URL is not supported yet (got ${scheme ? `a '${scheme}:' URL` : 'a value that is not a URL'}): ` +
        "this version stores everything in the embedded SQLite database in the data directory; leave it unset or set it to 'sqlite:'.",
    );
  }
  const store = openSqlite(opts.dataDir);
  try {
    await migrate(store);
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}
