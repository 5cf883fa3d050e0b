import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gatewayRoot } from '../helpers.js';
import { bootstrapPlatform, createPlatform, KeyService, type Platform } from '../../src/platform/index.js';
import { DEMO_MODEL_ID, ensureDemoModel } from '../../src/platform/bootstrap-demo.js';
import { migrations } from '../../src/platform/store/migrations.js';
import type { Config } from '../../src/config.js';
import type { Log } from '../../src/log.js';
import { captureLog, rawBytes, STORE_KINDS, storeTargets } from './helpers.js';

describe.each(STORE_KINDS)('%s store', (kind) => {
  const stores = storeTargets(kind, 'bootstrap');

  const superadmins = async (p: Platform) => (await p.keys.list()).filter((k) => k.role === 'superadmin' && k.revoked_at === null);

  describe('bootstrapPlatform', () => {
    it('first start: the default domain and a generated superadmin key in admin.key (0600); the log says where, never what', async () => {
      const t = await stores.fresh();
      const dir = t.dataDir;
      const log = captureLog();
      const p = await createPlatform({ ...t.options, log });
      const path = join(dir, 'admin.key');
      expect(p.defaultDomainId).toBe('default');
      expect(p.adminKeyPath).toBe(path);
      expect(await p.domains.get('default')).toMatchObject({ id: 'default', disabled: false });
      expect(statSync(path).mode & 0o777).toBe(0o600);
      const secret = readFileSync(path, 'utf8').trim();
      expect(secret).toMatch(/^cdn_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
      const auth = await p.keys.authenticate(secret);
      expect(auth).toMatchObject({ ok: true, key: { role: 'superadmin', domain_id: 'default' } });
      expect(log.text()).toContain(path);
      expect(log.text()).not.toContain(secret);
      expect(log.text()).not.toContain(secret.slice(17));
      await p.close();
      expect((await t.rawBytes()).includes(Buffer.from(secret.slice(17)))).toBe(true); // only in admin.key...
      expect(await t.allRows()).not.toContain(secret.slice(17)); // ...never in the database
      expect((await t.rawBytes()).subarray(rawBytes(dir).length).includes(Buffer.from(secret.slice(17)))).toBe(false);

      // Restart: same key, no new one, file untouched.
      const log2 = captureLog();
      const again = await createPlatform({ ...t.options, log: log2 });
      expect(again.adminKeyPath).toBe(path);
      expect(await superadmins(again)).toHaveLength(1);
      expect(readFileSync(path, 'utf8').trim()).toBe(secret);
      expect((await again.keys.authenticate(secret)).ok).toBe(true);
      expect(log2.text()).not.toContain(secret);
      await again.close();
    });

    it('CORDON_ADMIN_KEY: that exact secret is registered, hashed; a change replaces the old one', async () => {
      const t = await stores.fresh();
      const dir = t.dataDir;
      const first = 'operator-chosen-admin-secret-0001';
      const log = captureLog();
      const p = await createPlatform({ ...t.options, adminKey: first, log });
      expect(p.adminKeyPath).toBeUndefined();
      expect(existsSync(join(dir, 'admin.key'))).toBe(false);
      expect(await p.keys.authenticate(first)).toMatchObject({ ok: true, key: { role: 'superadmin' } });
      const [key] = await superadmins(p);
      expect(key!.prefix).not.toContain(first.slice(0, 4));
      await p.close();
      expect((await t.rawBytes()).includes(Buffer.from(first))).toBe(false);

      // Same key again: nothing changes.
      const same = await createPlatform({ ...t.options, adminKey: first, log });
      expect((await superadmins(same)).map((k) => k.id)).toEqual([key!.id]);
      await same.close();

      // Changed: the new one works, the old one is revoked.
      const second = 'operator-chosen-admin-secret-0002';
      const changed = await createPlatform({ ...t.options, adminKey: second, log });
      expect(await changed.keys.authenticate(second)).toMatchObject({ ok: true, key: { role: 'superadmin' } });
      expect(await changed.keys.authenticate(first)).toEqual({ ok: false, reason: 'revoked' });
      expect(await superadmins(changed)).toHaveLength(1);
      await changed.close();

      // And back to the first one: allowed (its old row stays revoked; a new one is made).
      const back = await createPlatform({ ...t.options, adminKey: first, log });
      expect((await back.keys.authenticate(first)).ok).toBe(true);
      expect(await back.keys.authenticate(second)).toEqual({ ok: false, reason: 'revoked' });
      await back.close();

      // Unset afterwards: the registered key stays valid, no file is generated.
      const unset = await createPlatform({ ...t.options, log });
      expect((await unset.keys.authenticate(first)).ok).toBe(true);
      expect(existsSync(join(dir, 'admin.key'))).toBe(false);
      await unset.close();
      for (const s of [first, second]) expect(log.text()).not.toContain(s);
    });

    it('replacing a generated key with CORDON_ADMIN_KEY revokes it and removes admin.key', async () => {
      const t = await stores.fresh();
      const dir = t.dataDir;
      const log = captureLog();
      const p = await createPlatform({ ...t.options, log });
      const generated = readFileSync(join(dir, 'admin.key'), 'utf8').trim();
      await p.close();
      const chosen = 'now-the-operator-picks-one-1234';
      const q = await createPlatform({ ...t.options, adminKey: chosen, log });
      expect(existsSync(join(dir, 'admin.key'))).toBe(false);
      expect(await q.keys.authenticate(generated)).toEqual({ ok: false, reason: 'revoked' });
      expect((await q.keys.authenticate(chosen)).ok).toBe(true);
      await q.close();
      expect(log.text()).not.toContain(generated);
      expect(log.text()).not.toContain(chosen);
    });

    it('warns (without the key) when the generated key file has gone missing', async () => {
      const t = await stores.fresh();
      const dir = t.dataDir;
      const p = await createPlatform({ ...t.options, log: captureLog() });
      await p.close();
      writeFileSync(join(dir, 'admin.key'), 'something else\n');
      const log = captureLog();
      const q = await createPlatform({ ...t.options, log });
      expect(q.adminKeyPath).toBeUndefined();
      expect(log.text()).toMatch(/CORDON_ADMIN_KEY/);
      expect(log.lines.some((l) => l.includes('"level":"warn"'))).toBe(true);
      await q.close();
    });

    it('refuses a weak CORDON_ADMIN_KEY without echoing it', async () => {
      for (const weak of ['short-secret', 'has a space in it ok', 'x'.repeat(600)]) {
        const err = await createPlatform({ ...(await stores.fresh()).options, adminKey: weak, log: captureLog() }).catch((e) => e);
        expect(err).toBeInstanceOf(Error);
        expect(err.message).toMatch(/CORDON_ADMIN_KEY/);
        expect(err.message).not.toContain(weak);
      }
    });

    it('can be run on its own over a store, and is idempotent', async () => {
      const t = await stores.fresh();
      const dir = t.dataDir;
      const store = await t.open();
      const log = captureLog();
      const a = await bootstrapPlatform({ store, dataDir: dir, log });
      const b = await bootstrapPlatform({ store, dataDir: dir, log });
      expect(a).toEqual({ defaultDomainId: 'default', adminKeyPath: join(dir, 'admin.key') });
      expect(b).toEqual(a);
      expect((await new KeyService(store).list()).filter((k) => k.role === 'superadmin')).toHaveLength(1);
      await store.close();
    });
  });

  describe('createPlatform', () => {
    it('close() writes everything buffered and is idempotent; violations are recorded without content', async () => {
      const t = await stores.fresh();
      const dir = t.dataDir;
      const p = await createPlatform({ ...t.options, log: captureLog() });
      for (let i = 0; i < 50; i++) {
        p.usage.record({ ts: 1_800_000_000, domain_id: 'default', key_id: 'k', model: 'm', endpoint: 'chat.completions', input_tokens: 1, output_tokens: 2, status: 200, latency_ms: 3, streamed: false });
      }
      p.violations.record({ domain_id: 'default', key_id: 'k', rule: 'pii.email', direction: 'input' });
      expect(p.isReady()).toBe(true);
      await Promise.all([p.close(), p.close()]);
      expect(p.isReady()).toBe(false);
      const q = await createPlatform({ ...t.options, log: captureLog() });
      expect((await q.usage.report({ group_by: [] })).totals).toEqual({ requests: 50, input_tokens: 50, output_tokens: 100 });
      expect(await q.violations.counts({ domain_id: 'default' })).toEqual([{ rule: 'pii.email', direction: 'input', count: 1 }]);
      expect(await q.violations.counts({ domain_id: 'other' })).toEqual([]);
      await q.close();
    });

    it('refuses a database URL it cannot use, without echoing credentials', async () => {
      const err = await createPlatform({ dataDir: (await stores.fresh()).dataDir, databaseUrl: 'mysql://u:secretpw@x/db', log: captureLog() }).catch((e) => e);
      expect(err.message).toMatch(/CORDON_DATABASE_URL must be a postgres:\/\//);
      expect(err.message).not.toContain('secretpw');
    });

    it('logs which store it opened, never a password', async () => {
      const t = await stores.fresh();
      const log = captureLog();
      const p = await createPlatform({ ...t.options, log });
      expect(p.store.kind).toBe(kind);
      expect(log.lines[0]).toContain(kind === 'sqlite' ? 'store: SQLite' : 'store: PostgreSQL');
      await p.close();
    });
  });

  describe('many instances starting at once on an empty database', () => {
    it('three processes all come up: one set of migrations, one default domain, one superadmin key', async () => {
      const t = await stores.fresh();
      // Each process: the built platform (dist), started on the same database (SQLite: the same file).
      const script = `
        const { createPlatform } = await import(${JSON.stringify(pathToFileURL(join(gatewayRoot, 'dist/platform/index.js')).href)});
        const quiet = { info() {}, warn() {}, error() {} };
        const p = await createPlatform({ ...JSON.parse(process.argv[1]), log: quiet });
        process.stdout.write(JSON.stringify({ adminKeyPath: p.adminKeyPath ?? null }));
        await p.close();`;
      const results = await Promise.all(
        [0, 1, 2].map(
          () =>
            new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
              const child = spawn(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(t.options)], { stdio: ['ignore', 'pipe', 'pipe'] });
              let out = '';
              let err = '';
              child.stdout.on('data', (d) => (out += d));
              child.stderr.on('data', (d) => (err += d));
              child.on('exit', (code) => resolve({ code, out, err }));
            }),
        ),
      );
      for (const r of results) expect(r, r.err).toMatchObject({ code: 0 });
      // The one that made the key wrote admin.key; the others found it.
      for (const r of results) expect(JSON.parse(r.out)).toEqual({ adminKeyPath: join(t.dataDir, 'admin.key') });
      const p = await createPlatform({ ...t.options, log: captureLog() });
      expect((await p.store.all('SELECT id FROM schema_migrations ORDER BY id')).map((r) => r.id)).toEqual(migrations.map((m) => m.id));
      expect((await p.domains.list()).map((d) => d.id)).toEqual(['default']);
      expect(await superadmins(p)).toHaveLength(1);
      expect((await p.keys.authenticate(readFileSync(join(t.dataDir, 'admin.key'), 'utf8').trim())).ok).toBe(true);
      await p.close();
    });

    if (kind === 'postgres') {
      it('three stores on their own pools, each instance with its own data directory and CORDON_ADMIN_KEY', async () => {
        const t = await stores.fresh();
        const adminKey = 'fleet-wide-admin-secret-000001';
        const dirs = await Promise.all([0, 1, 2].map(async () => (await stores.fresh()).dataDir));
        const started = await Promise.allSettled(dirs.map((dataDir) => createPlatform({ dataDir, databaseUrl: t.databaseUrl, adminKey, log: captureLog() })));
        const up = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
        try {
          expect(started.filter((r) => r.status === 'rejected')).toEqual([]);
          expect((await up[0]!.store.all('SELECT id FROM schema_migrations ORDER BY id')).map((r) => r.id)).toEqual(migrations.map((m) => m.id));
          expect((await up[0]!.domains.list()).map((d) => d.id)).toEqual(['default']);
          expect(await superadmins(up[0]!)).toHaveLength(1);
          for (const q of up) expect((await q.keys.authenticate(adminKey)).ok).toBe(true);
        } finally {
          await Promise.all(up.map((q) => q.close()));
        }
      });
    }

    it('the demo model is registered once, and no instance fails on it', async () => {
      const t = await stores.fresh();
      const started: Platform[] = [];
      for (let i = 0; i < 3; i++) started.push(await createPlatform({ ...t.options, log: captureLog() }));
      try {
        const log = { info: () => undefined, warn: () => undefined, error: () => undefined } as unknown as Log;
        await Promise.all(started.map((p) => ensureDemoModel({ dataDir: t.dataDir } as Config, p, log)));
        const ids = (await started[0]!.registry.list()).map((m) => m.id);
        expect(ids).toContain(DEMO_MODEL_ID);
        expect(new Set(ids).size).toBe(ids.length);
      } finally {
        await Promise.all(started.map((q) => q.close()));
      }
    });
  });
});
