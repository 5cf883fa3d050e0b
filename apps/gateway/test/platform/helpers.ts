/**
 * Helpers for the platform tests: a fresh temp dir per test file, a capturing logger, raw file
 * reads, and the stores every suite runs against (SQLite, and PostgreSQL from a server started per
 * test file, a fresh database per target).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import type { PlatformLog } from '../../src/platform/log.js';
import { openStore, type Store, type StoreKind, type UsageRecord } from '../../src/platform/index.js';
import { bytesUnder, startPostgres, type TestPostgres } from '../support/postgres.js';

export function tempRoot(name: string): { root: string; dir(sub?: string): string; cleanup(): void } {
  const root = mkdtempSync(join(tmpdir(), `cordon-platform-${name}-`));
  let n = 0;
  return {
    root,
    dir: (sub?: string) => join(root, sub ?? `d${++n}`),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

export interface CapturedLog extends PlatformLog {
  lines: string[];
  text(): string;
}

export function captureLog(): CapturedLog {
  const lines: string[] = [];
  const at = (level: string) => (obj: object, msg?: string) => lines.push(JSON.stringify({ level, ...obj, msg }));
  return { lines, info: at('info'), warn: at('warn'), error: at('error'), text: () => lines.join('\n') };
}

/** Every byte of every file in the data dir (the database, its WAL, anything else). */
export function rawBytes(dataDir: string): Buffer {
  return existsSync(dataDir) ? bytesUnder(dataDir) : Buffer.alloc(0);
}

export const STORE_KINDS: readonly StoreKind[] = ['sqlite', 'postgres'];

/** Where one test's store lives: a data dir, and for PostgreSQL its own database. */
export interface StoreTarget {
  kind: StoreKind;
  dataDir: string;
  databaseUrl?: string;
  /** { dataDir, databaseUrl }: for openStore and createPlatform. */
  options: { dataDir: string; databaseUrl?: string };
  open(): Promise<Store>;
  /** Every byte the store keeps: the data dir, and for PostgreSQL the database's files and the WAL (after a checkpoint). */
  rawBytes(): Promise<Buffer>;
  /** Every row of every table, through a second connection, as one JSON text. */
  allRows(): Promise<string>;
}

export interface StoreTargets {
  /** A new target: an empty data dir and (PostgreSQL) a new empty database. */
  fresh(): Promise<StoreTarget>;
  /** The file's PostgreSQL server (only for kind 'postgres', after beforeAll). */
  readonly server: TestPostgres;
}

/**
 * The targets of one store kind, for a describe block: registers its beforeAll (PostgreSQL: start
 * a server) and afterAll (stop it, remove the temp dirs).
 */
export function storeTargets(kind: StoreKind, name: string): StoreTargets {
  let tmp: ReturnType<typeof tempRoot> | null = null;
  let server: TestPostgres | null = null;
  beforeAll(async () => {
    tmp = tempRoot(`${name}-${kind}`);
    if (kind === 'postgres') server = await startPostgres();
  });
  afterAll(async () => {
    await server?.stop();
    tmp?.cleanup();
  });
  return {
    get server() {
      if (!server) throw new Error('no PostgreSQL server for this describe block');
      return server;
    },
    fresh: async () => {
      if (!tmp) throw new Error('storeTargets: fresh() before beforeAll');
      const dataDir = tmp.dir();
      const databaseUrl = server ? await server.createDatabase() : undefined;
      const options = databaseUrl ? { dataDir, databaseUrl } : { dataDir };
      const srv = server;
      return {
        kind,
        dataDir,
        ...(databaseUrl ? { databaseUrl } : {}),
        options,
        open: () => openStore(options),
        rawBytes: async () => {
          if (!srv || !databaseUrl) return rawBytes(dataDir);
          await srv.query('CHECKPOINT');
          return Buffer.concat([rawBytes(dataDir), bytesUnder(await srv.databaseDir(databaseUrl)), bytesUnder(join(srv.dataDir, 'pg_wal'))]);
        },
        allRows: async () => (databaseUrl ? allRowsPostgres(databaseUrl) : allRowsSqlite(dataDir)),
      };
    },
  };
}

function allRowsSqlite(dataDir: string): string {
  const db = new Database(join(dataDir, 'cordon.db'), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
    return JSON.stringify(tables.map((t) => ({ table: t.name, rows: db.prepare(`SELECT * FROM "${t.name}"`).all() })));
  } finally {
    db.close();
  }
}

async function allRowsPostgres(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
    const out = [];
    for (const t of tables.rows) out.push({ table: t.name, rows: (await client.query(`SELECT * FROM "${t.name}"`)).rows });
    return JSON.stringify(out);
  } finally {
    await client.end();
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const nowS = () => Math.floor(Date.now() / 1000);

/** A usage record with test defaults (domain a, key ka, model m1, 10 in / 5 out); `over` replaces fields. */
export const usageRecord = (ts: number, over: Partial<UsageRecord> = {}): UsageRecord => ({
  ts,
  domain_id: 'a',
  key_id: 'ka',
  model: 'm1',
  endpoint: 'chat.completions',
  input_tokens: 10,
  output_tokens: 5,
  status: 200,
  latency_ms: 12,
  streamed: false,
  ...over,
});

/** How many rows a table holds. */
export const countRows = async (s: Store, table = 'usage_records') => Number((await s.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))!.n);

/** RFC 9562's layout of a version 7 UUID: 48 bits of time, version 7, variant 10xx. */
export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
