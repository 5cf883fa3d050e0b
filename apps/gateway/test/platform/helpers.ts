/** Helpers for the platform tests: a fresh temp dir per test file, a capturing logger, raw file reads. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { PlatformLog } from '../../src/platform/log.js';
import type { Store, UsageRecord } from '../../src/platform/index.js';

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
  return Buffer.concat(readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => readFileSync(join(e.parentPath, e.name))));
}

/** Every row of every table, through a second connection, as one JSON text. */
export function allRows(dataDir: string): string {
  const db = new Database(join(dataDir, 'cordon.db'), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
    return JSON.stringify(tables.map((t) => ({ table: t.name, rows: db.prepare(`SELECT * FROM "${t.name}"`).all() })));
  } finally {
    db.close();
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
