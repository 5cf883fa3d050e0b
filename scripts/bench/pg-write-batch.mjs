#!/usr/bin/env node
// Usage rows per second through the PostgreSQL store's writeBatch (issue 14): batches of 500 usage
// records (what the usage batch writer commits), one after another as the batch writer runs them,
// into a throwaway PostgreSQL server (the tests', fsync off) on this machine.
//   node scripts/bench/pg-write-batch.mjs [--rows 50000] [--batch 500]
// Needs apps/gateway/dist (npx tsc -p apps/gateway/tsconfig.json) and PostgreSQL (Debian package).
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, def) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const ROWS = arg('--rows', 50_000);
const BATCH = arg('--batch', 500);

const jiti = createJiti(import.meta.url);
const { startPostgres } = await jiti.import(join(root, 'apps/gateway/test/support/postgres.ts'));
const { openStore } = await import(join(root, 'apps/gateway/dist/platform/index.js'));

// The usage recorder's statement (usage.ts).
const INSERT =
  'INSERT INTO usage_records (id, ts, domain_id, key_id, model, endpoint, input_tokens, output_tokens, status, latency_ms, streamed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING';
const row = () => [randomUUID(), Math.floor(Date.now() / 1000), 'bench', 'key_0123456789abcdef', 'fake', 'chat.completions', 12, 34, 200, 3, false];

const pg = await startPostgres();
try {
  const store = await openStore({ dataDir: join(pg.dataDir, '..', 'gw'), databaseUrl: await pg.createDatabase() });
  await store.writeBatch(INSERT, Array.from({ length: BATCH }, row)); // warm-up: connection, plan
  const batches = Array.from({ length: Math.ceil(ROWS / BATCH) }, () => Array.from({ length: BATCH }, row));
  const t0 = performance.now();
  for (const b of batches) await store.writeBatch(INSERT, b);
  const s = (performance.now() - t0) / 1000;
  const n = Number((await store.get('SELECT COUNT(*) AS n FROM usage_records')).n) - BATCH;
  console.log(`PostgreSQL writeBatch: ${n} usage rows in ${batches.length} batches of ${BATCH}: ${s.toFixed(2)} s, ${Math.round(n / s)} rows/s (${((s * 1000) / batches.length).toFixed(1)} ms per batch)`);
  await store.close();
} finally {
  await pg.stop();
}
