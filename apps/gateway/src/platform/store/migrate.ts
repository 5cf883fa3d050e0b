/**
 * Runs the numbered migrations a store has not seen yet, each in one transaction, under the
 * `cordon:migrate` lock (many instances starting at once on one PostgreSQL database: one migrates,
 * the others then find nothing to do). Idempotent.
 */
import { migrations as allMigrations, type Migration } from './migrations.js';
import { StoreError, type Store } from './types.js';

export const MIGRATE_LOCK = 'cordon:migrate';

export function migrate(store: Store, migrations: readonly Migration[] = allMigrations): Promise<number[]> {
  return store.withLock(MIGRATE_LOCK, () => migrateLocked(store, migrations));
}

async function migrateLocked(store: Store, migrations: readonly Migration[]): Promise<number[]> {
  await store.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at BIGINT NOT NULL
  )`);
  const known = new Map(migrations.map((m) => [m.id, m]));
  const recorded = await store.all<{ id: number; name: string }>('SELECT id, name FROM schema_migrations ORDER BY id');
  for (const r of recorded) {
    const m = known.get(Number(r.id));
    if (!m) {
      throw new StoreError(
        `The database has schema migration ${r.id} ('${r.name}'), which this version of Cordon does not know: it was written by a newer version.`,
      );
    }
    if (m.name !== r.name) {
      throw new StoreError(
        `The database's schema migration ${r.id} is '${r.name}', but this version of Cordon expects '${m.name}': ` +
          'the data directory was created by an incompatible (pre-release) build. Move it aside and start again.',
      );
    }
  }
  const done = new Set(recorded.map((r) => Number(r.id)));
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.id - b.id)) {
    if (done.has(m.id)) continue;
    await store.withTransaction(async (tx) => {
      // Checked again inside the transaction (SQLite: it holds the write lock): two processes
      // starting at once must not both apply the same migration.
      if (await tx.get('SELECT id FROM schema_migrations WHERE id = ?', [m.id])) return;
      for (const sql of m.statements) await tx.exec(sql);
      await tx.run('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)', [m.id, m.name, Math.floor(Date.now() / 1000)]);
      applied.push(m.id);
    });
  }
  return applied;
}
