import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bootstrapPlatform, createPlatform, KeyService, openStore, type Platform } from '../../src/platform/index.js';
import { allRows, captureLog, rawBytes, tempRoot } from './helpers.js';

const tmp = tempRoot('bootstrap');
afterAll(() => tmp.cleanup());

const superadmins = async (p: Platform) => (await p.keys.list()).filter((k) => k.role === 'superadmin' && k.revoked_at === null);

describe('bootstrapPlatform', () => {
  it('first start: the default domain and a generated superadmin key in admin.key (0600); the log says where, never what', async () => {
    const dir = tmp.dir();
    const log = captureLog();
    const p = await createPlatform({ dataDir: dir, log });
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
    expect(rawBytes(dir).includes(Buffer.from(secret.slice(17)))).toBe(true); // only in admin.key...
    expect(allRows(dir)).not.toContain(secret.slice(17)); // ...never in the database

    // Restart: same key, no new one, file untouched.
    const log2 = captureLog();
    const again = await createPlatform({ dataDir: dir, log: log2 });
    expect(again.adminKeyPath).toBe(path);
    expect(await superadmins(again)).toHaveLength(1);
    expect(readFileSync(path, 'utf8').trim()).toBe(secret);
    expect((await again.keys.authenticate(secret)).ok).toBe(true);
    expect(log2.text()).not.toContain(secret);
    await again.close();
  });

  it('CORDON_ADMIN_KEY: that exact secret is registered, hashed; a change replaces the old one', async () => {
    const dir = tmp.dir();
    const first = 'operator-chosen-admin-secret-0001';
    const log = captureLog();
    const p = await createPlatform({ dataDir: dir, adminKey: first, log });
    expect(p.adminKeyPath).toBeUndefined();
    expect(existsSync(join(dir, 'admin.key'))).toBe(false);
    expect(await p.keys.authenticate(first)).toMatchObject({ ok: true, key: { role: 'superadmin' } });
    const [key] = await superadmins(p);
    expect(key!.prefix).not.toContain(first.slice(0, 4));
    await p.close();
    expect(rawBytes(dir).includes(Buffer.from(first))).toBe(false);

    // Same key again: nothing changes.
    const same = await createPlatform({ dataDir: dir, adminKey: first, log });
    expect((await superadmins(same)).map((k) => k.id)).toEqual([key!.id]);
    await same.close();

    // Changed: the new one works, the old one is revoked.
    const second = 'operator-chosen-admin-secret-0002';
    const changed = await createPlatform({ dataDir: dir, adminKey: second, log });
    expect(await changed.keys.authenticate(second)).toMatchObject({ ok: true, key: { role: 'superadmin' } });
    expect(await changed.keys.authenticate(first)).toEqual({ ok: false, reason: 'revoked' });
    expect(await superadmins(changed)).toHaveLength(1);
    await changed.close();

    // And back to the first one: allowed (its old row stays revoked; a new one is made).
    const back = await createPlatform({ dataDir: dir, adminKey: first, log });
    expect((await back.keys.authenticate(first)).ok).toBe(true);
    expect(await back.keys.authenticate(second)).toEqual({ ok: false, reason: 'revoked' });
    await back.close();

    // Unset afterwards: the registered key stays valid, no file is generated.
    const unset = await createPlatform({ dataDir: dir, log });
    expect((await unset.keys.authenticate(first)).ok).toBe(true);
    expect(existsSync(join(dir, 'admin.key'))).toBe(false);
    await unset.close();
    for (const s of [first, second]) expect(log.text()).not.toContain(s);
  });

  it('replacing a generated key with CORDON_ADMIN_KEY revokes it and removes admin.key', async () => {
    const dir = tmp.dir();
    const log = captureLog();
    const p = await createPlatform({ dataDir: dir, log });
    const generated = readFileSync(join(dir, 'admin.key'), 'utf8').trim();
    await p.close();
    const chosen = 'now-the-operator-picks-one-1234';
    const q = await createPlatform({ dataDir: dir, adminKey: chosen, log });
    expect(existsSync(join(dir, 'admin.key'))).toBe(false);
    expect(await q.keys.authenticate(generated)).toEqual({ ok: false, reason: 'revoked' });
    expect((await q.keys.authenticate(chosen)).ok).toBe(true);
    await q.close();
    expect(log.text()).not.toContain(generated);
    expect(log.text()).not.toContain(chosen);
  });

  it('warns (without the key) when the generated key file has gone missing', async () => {
    const dir = tmp.dir();
    const p = await createPlatform({ dataDir: dir, log: captureLog() });
    await p.close();
    writeFileSync(join(dir, 'admin.key'), 'something else\n');
    const log = captureLog();
    const q = await createPlatform({ dataDir: dir, log });
    expect(q.adminKeyPath).toBeUndefined();
    expect(log.text()).toMatch(/CORDON_ADMIN_KEY/);
    expect(log.lines.some((l) => l.includes('"level":"warn"'))).toBe(true);
    await q.close();
  });

  it('refuses a weak CORDON_ADMIN_KEY without echoing it', async () => {
    for (const weak of ['short-secret', 'has a space in it ok', 'x'.repeat(600)]) {
      const err = await createPlatform({ dataDir: tmp.dir(), adminKey: weak, log: captureLog() }).catch((e) => e);
      expect(err).toBeInstanceOf(Error);
      expect(err.message).toMatch(/CORDON_ADMIN_KEY/);
      expect(err.message).not.toContain(weak);
    }
  });

  it('can be run on its own over a store, and is idempotent', async () => {
    const dir = tmp.dir();
    const store = await openStore({ dataDir: dir });
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
    const dir = tmp.dir();
    const p = await createPlatform({ dataDir: dir, log: captureLog() });
    for (let i = 0; i < 50; i++) {
      p.usage.record({ ts: 1_800_000_000, domain_id: 'default', key_id: 'k', model: 'm', endpoint: 'chat.completions', input_tokens: 1, output_tokens: 2, status: 200, latency_ms: 3, streamed: false });
    }
    p.violations.record({ domain_id: 'default', key_id: 'k', rule: 'pii.email', direction: 'input' });
    expect(p.isReady()).toBe(true);
    await Promise.all([p.close(), p.close()]);
    expect(p.isReady()).toBe(false);
    const q = await createPlatform({ dataDir: dir, log: captureLog() });
    expect((await q.usage.report({ group_by: [] })).totals).toEqual({ requests: 50, input_tokens: 50, output_tokens: 100 });
    expect(await q.violations.counts({ domain_id: 'default' })).toEqual([{ rule: 'pii.email', direction: 'input', count: 1 }]);
    expect(await q.violations.counts({ domain_id: 'other' })).toEqual([]);
    await q.close();
  });

  it('refuses a database URL it cannot use yet', async () => {
    await expect(createPlatform({ dataDir: tmp.dir(), databaseUrl: 'postgres://x', log: captureLog() })).rejects.toThrow(/not supported yet/);
  });
});
