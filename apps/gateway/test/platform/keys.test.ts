import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { DomainService, KeyService, RetentionPruner, TOKEN_PATTERN, type Store } from '../../src/platform/index.js';
import { captureLog, nowS, sleep, STORE_KINDS, storeTargets, type StoreTarget } from './helpers.js';

describe.each(STORE_KINDS)('%s store', (kind) => {
  const stores = storeTargets(kind, 'keys');
  let target: StoreTarget;
  let store: Store;
  let keys: KeyService;
  const log = captureLog();

  beforeAll(async () => {
    target = await stores.fresh();
    store = await target.open();
    const domains = new DomainService(store);
    await domains.create({ id: 'acme', name: 'ACME' });
    await domains.create({ id: 'other', name: 'Other' });
    keys = new KeyService(store, { log });
  });
  afterAll(async () => {
    await keys.close();
    await store.close();
  });

  describe('create', () => {
    it('returns the public record and a cdn_<id>_<43 base64url> secret shown once', async () => {
      const { key, secret } = await keys.create({ domain_id: 'acme', name: 'ci', role: 'member' });
      expect(secret).toMatch(TOKEN_PATTERN);
      expect(secret).toMatch(/^cdn_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
      expect(secret.slice(4, 16)).toBe(key.id);
      expect(Buffer.from(secret.slice(17), 'base64url')).toHaveLength(32);
      expect(key).toEqual({
        id: key.id,
        object: 'api_key',
        domain_id: 'acme',
        name: 'ci',
        role: 'member',
        prefix: secret.slice(0, 12),
        created_at: expect.any(Number),
        expires_at: null,
        last_used_at: null,
        revoked_at: null,
      });
      expect(Object.keys(key).sort()).toEqual(['created_at', 'domain_id', 'expires_at', 'id', 'last_used_at', 'name', 'object', 'prefix', 'revoked_at', 'role']);
      expect(JSON.stringify(await keys.get(key.id))).not.toContain(secret.slice(17));
    });

    it('validates role, name, expires_at and the domain', async () => {
      await expect(keys.create({ domain_id: 'acme', name: 'x', role: 'root' as any })).rejects.toMatchObject({ status: 400, param: 'role' });
      await expect(keys.create({ domain_id: 'acme', name: '', role: 'member' })).rejects.toMatchObject({ status: 400, param: 'name' });
      await expect(keys.create({ domain_id: 'acme', name: 'x', role: 'member', expires_at: 1.5 })).rejects.toMatchObject({ status: 400, param: 'expires_at' });
      await expect(keys.create({ domain_id: 'nope', name: 'x', role: 'member' })).rejects.toMatchObject({ status: 404, code: 'domain_not_found' });
    });

    it('a domain holds at most maxPerDomain live keys: one more is a 400 until one is revoked or expires', async () => {
      const domains = new DomainService(store);
      await domains.create({ id: 'capped', name: 'Capped' });
      const capped = new KeyService(store, { log, maxPerDomain: 2 });
      const first = await capped.create({ domain_id: 'capped', name: 'a', role: 'member' });
      await capped.create({ domain_id: 'capped', name: 'b', role: 'admin', expires_at: nowS() + 3600 });
      await expect(capped.create({ domain_id: 'capped', name: 'c', role: 'member' })).rejects.toMatchObject({ status: 400, code: 'key_limit_reached', param: null });
      // Other domains are not affected, and concurrent creations cannot pass the cap together.
      await capped.create({ domain_id: 'other', name: 'elsewhere', role: 'member' });
      await capped.revoke(first.key.id);
      const attempts = await Promise.allSettled([1, 2, 3, 4].map((i) => capped.create({ domain_id: 'capped', name: `c${i}`, role: 'member' })));
      expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
      // An expired key no longer counts.
      const expiring = new KeyService(store, { log, maxPerDomain: 3 });
      // Two seconds ahead, so that a second ticking between the two calls does not expire it already.
      await expiring.create({ domain_id: 'capped', name: 'short', role: 'member', expires_at: nowS() + 2 });
      await expect(expiring.create({ domain_id: 'capped', name: 'd', role: 'member' })).rejects.toMatchObject({ code: 'key_limit_reached' });
      await sleep(3100);
      await expiring.create({ domain_id: 'capped', name: 'd', role: 'member' });
      expect((await capped.list({ domain_id: 'capped' })).filter((k) => k.revoked_at === null)).toHaveLength(4);
      await Promise.all([capped.close(), expiring.close()]);
    });

    it('lists all keys or one domain\'s', async () => {
      const b = await keys.create({ domain_id: 'other', name: 'b', role: 'admin' });
      const all = await keys.list();
      const other = await keys.list({ domain_id: 'other' });
      expect(all.map((k) => k.id)).toContain(b.key.id);
      expect(other.every((k) => k.domain_id === 'other')).toBe(true);
      expect(other.map((k) => k.id)).toContain(b.key.id);
      expect((await keys.list({ domain_id: 'acme' })).map((k) => k.id)).not.toContain(b.key.id);
    });

    it('lists a page at a time, oldest first: `after` a key of the same listing, at most `limit`', async () => {
      const domains = new DomainService(store);
      await domains.create({ id: 'paged', name: 'Paged' });
      const made: string[] = [];
      for (let i = 0; i < 7; i++) made.push((await keys.create({ domain_id: 'paged', name: `p${i}`, role: i === 3 ? 'superadmin' : 'member' })).key.id);
      // Keys made in the same second are ordered by id; the pages walk the listing's own order.
      const whole = (await keys.list({ domain_id: 'paged' })).map((k) => k.id);
      expect([...whole].sort()).toEqual([...made].sort());
      const walked: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await keys.list({ domain_id: 'paged', after, limit: 3 });
        walked.push(...page.map((k) => k.id));
        if (page.length < 3) break;
        after = page.at(-1)!.id;
      }
      expect(walked).toEqual(whole);
      // A filtered listing pages over what it shows; a cursor from outside it is a 400.
      const members = await keys.list({ domain_id: 'paged', exclude_role: 'superadmin', limit: 10 });
      expect(members.map((k) => k.id)).toEqual(whole.filter((id) => id !== made[3]));
      await expect(keys.list({ domain_id: 'paged', exclude_role: 'superadmin', after: made[3] })).rejects.toMatchObject({ status: 400, param: 'after' });
      const elsewhere = (await keys.list({ domain_id: 'acme', limit: 1 }))[0]!.id;
      await expect(keys.list({ domain_id: 'paged', after: elsewhere })).rejects.toMatchObject({ status: 400, param: 'after' });
      await expect(keys.list({ domain_id: 'paged', after: 'nosuchkey000' })).rejects.toMatchObject({ status: 400, param: 'after' });
    });

    it('retention deletes keys revoked or expired longer ago than their days, and nothing else', async () => {
      const domains = new DomainService(store);
      await domains.create({ id: 'dead', name: 'Dead' });
      const live = await keys.create({ domain_id: 'dead', name: 'live', role: 'member' });
      const revokedLongAgo = await keys.create({ domain_id: 'dead', name: 'gone', role: 'member' });
      const revokedToday = await keys.create({ domain_id: 'dead', name: 'recent', role: 'member' });
      const expiredLongAgo = await keys.create({ domain_id: 'dead', name: 'expired', role: 'member', expires_at: nowS() + 3600 });
      const expiresLater = await keys.create({ domain_id: 'dead', name: 'later', role: 'member', expires_at: nowS() + 3600 });
      await keys.revoke(revokedToday.key.id);
      const longAgo = nowS() - 31 * 86_400;
      await store.run('UPDATE api_keys SET revoked_at = ? WHERE id = ?', [longAgo, revokedLongAgo.key.id]);
      await store.run('UPDATE api_keys SET expires_at = ? WHERE id = ?', [longAgo, expiredLongAgo.key.id]);
      keys.invalidate();
      const pruner = new RetentionPruner(store, { usageDays: 0, violationsDays: 0, deadKeysDays: 30, intervalMs: 0, batchSize: 1 });
      expect((await pruner.prune()).keys).toBe(2);
      await pruner.close();
      expect((await keys.list({ domain_id: 'dead' })).map((k) => k.name).sort()).toEqual(['later', 'live', 'recent']);
      expect(await keys.get(revokedLongAgo.key.id)).toBeNull();
      // The deleted keys still do not authenticate; the live ones still do.
      expect(await keys.authenticate(revokedLongAgo.secret)).toEqual({ ok: false, reason: 'unknown' });
      expect(await keys.authenticate(expiredLongAgo.secret)).toEqual({ ok: false, reason: 'unknown' });
      expect(await keys.authenticate(live.secret)).toMatchObject({ ok: true });
      expect(await keys.authenticate(expiresLater.secret)).toMatchObject({ ok: true });
      expect(await keys.authenticate(revokedToday.secret)).toEqual({ ok: false, reason: 'revoked' });
    });
  });

  describe('secrets at rest', () => {
    it('neither a secret nor its random part is anywhere in the database (raw bytes or rows)', async () => {
      const made = [];
      for (let i = 0; i < 5; i++) made.push(await keys.create({ domain_id: 'acme', name: `k${i}`, role: 'member' }));
      const rotated = await keys.rotate(made[0]!.key.id);
      const opaque = `my-own-admin-secret-${randomBytes(8).toString('hex')}`;
      await keys.register({ domain_id: 'acme', name: 'op', role: 'superadmin' }, opaque);
      for (const m of made) expect((await keys.authenticate(m.secret)).ok).toBe(m !== made[0]);
      expect((await keys.authenticate(rotated.secret)).ok).toBe(true);
      expect((await keys.authenticate(opaque)).ok).toBe(true);
      await sleep(20); // let last_used_at writes land
      const bytes = await target.rawBytes();
      const rows = await target.allRows();
      for (const secret of [...made.map((m) => m.secret), rotated.secret, opaque]) {
        const body = secret.startsWith('cdn_') ? secret.slice(17) : secret;
        for (const needle of [secret, body]) {
          expect(bytes.includes(Buffer.from(needle))).toBe(false);
          expect(rows.includes(needle)).toBe(false);
        }
      }
      // The opaque secret is not shown as a prefix either (it may be short).
      expect(rows.includes(opaque.slice(0, 12))).toBe(false);
      expect(log.text()).not.toContain(opaque);
      for (const m of made) expect(log.text()).not.toContain(m.secret);
    });
  });

  describe('authenticate', () => {
    it('accepts a live key and returns its record', async () => {
      const { key, secret } = await keys.create({ domain_id: 'acme', name: 'live', role: 'admin' });
      const r = await keys.authenticate(secret);
      expect(r).toEqual({ ok: true, key: expect.objectContaining({ id: key.id, domain_id: 'acme', role: 'admin' }) });
    });

    it('says why it refuses: missing, malformed, unknown', async () => {
      const { secret } = await keys.create({ domain_id: 'acme', name: 'x', role: 'member' });
      expect(await keys.authenticate(undefined)).toEqual({ ok: false, reason: 'missing' });
      expect(await keys.authenticate('')).toEqual({ ok: false, reason: 'missing' });
      expect(await keys.authenticate(42)).toEqual({ ok: false, reason: 'missing' });
      expect(await keys.authenticate('short')).toEqual({ ok: false, reason: 'malformed' });
      expect(await keys.authenticate('has space inside it ok')).toEqual({ ok: false, reason: 'malformed' });
      expect(await keys.authenticate('x'.repeat(10_000))).toEqual({ ok: false, reason: 'malformed' });
      // right id, wrong random part; a made-up id; a one-character change
      expect(await keys.authenticate(`${secret.slice(0, 17)}${'A'.repeat(43)}`)).toEqual({ ok: false, reason: 'unknown' });
      expect(await keys.authenticate(`cdn_abcdefabcdef_${'A'.repeat(43)}`)).toEqual({ ok: false, reason: 'unknown' });
      const flipped = secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A');
      expect(await keys.authenticate(flipped)).toEqual({ ok: false, reason: 'unknown' });
      expect(await keys.authenticate('an-opaque-secret-nobody-registered')).toEqual({ ok: false, reason: 'unknown' });
    });

    it('revocation takes effect on the very next call (even right after a cached success)', async () => {
      const { key, secret } = await keys.create({ domain_id: 'acme', name: 'rev', role: 'member' });
      expect((await keys.authenticate(secret)).ok).toBe(true);
      expect((await keys.authenticate(secret)).ok).toBe(true); // now cached
      const revoked = await keys.revoke(key.id);
      expect(revoked?.revoked_at).toBeTypeOf('number');
      expect(await keys.authenticate(secret)).toEqual({ ok: false, reason: 'revoked' });
      // idempotent: the first revocation time stays
      expect((await keys.revoke(key.id))?.revoked_at).toBe(revoked?.revoked_at);
      expect(await keys.revoke('nosuchkey000')).toBeNull();
    });

    it('rotation: the new secret works and the old one stops at once', async () => {
      const { key, secret } = await keys.create({ domain_id: 'acme', name: 'rot', role: 'member' });
      expect((await keys.authenticate(secret)).ok).toBe(true);
      const r = await keys.rotate(key.id);
      expect(r.secret).not.toBe(secret);
      expect(r.secret.slice(4, 16)).toBe(key.id);
      expect(r.key.prefix).toBe(r.secret.slice(0, 12));
      expect(await keys.authenticate(secret)).toEqual({ ok: false, reason: 'unknown' });
      expect((await keys.authenticate(r.secret)).ok).toBe(true);
      await expect(keys.rotate('nosuchkey000')).rejects.toMatchObject({ status: 404, code: 'key_not_found' });
      await keys.revoke(key.id);
      await expect(keys.rotate(key.id)).rejects.toMatchObject({ status: 409, code: 'key_revoked' });
    });

    it('rejects expired keys (checked on every call, not cached)', async () => {
      const past = await keys.create({ domain_id: 'acme', name: 'old', role: 'member', expires_at: nowS() - 10 });
      expect(await keys.authenticate(past.secret)).toEqual({ ok: false, reason: 'expired' });
      // Two seconds ahead: with one, a second that ticks between the create and the check expired it already (seen in CI).
      const soon = await keys.create({ domain_id: 'acme', name: 'soon', role: 'member', expires_at: nowS() + 2 });
      expect((await keys.authenticate(soon.secret)).ok).toBe(true);
      await sleep(3100);
      expect(await keys.authenticate(soon.secret)).toEqual({ ok: false, reason: 'expired' });
      const later = await keys.create({ domain_id: 'acme', name: 'later', role: 'member', expires_at: nowS() + 3600 });
      expect((await keys.authenticate(later.secret)).ok).toBe(true);
    });

    it('authenticates an operator-chosen (opaque) secret by its hash', async () => {
      const secret = 'Operator-Chosen-Secret-1234567890';
      const key = await keys.register({ domain_id: 'acme', name: 'op2', role: 'superadmin' }, secret);
      expect(key.prefix).toBe('(custom)');
      expect(await keys.authenticate(secret)).toMatchObject({ ok: true, key: { id: key.id, role: 'superadmin' } });
      await keys.revoke(key.id);
      expect(await keys.authenticate(secret)).toEqual({ ok: false, reason: 'revoked' });
      // the same secret may be registered again once the old one is revoked
      const again = await keys.register({ domain_id: 'acme', name: 'op3', role: 'superadmin' }, secret);
      expect(await keys.authenticate(secret)).toMatchObject({ ok: true, key: { id: again.id } });
      await expect(keys.register({ domain_id: 'acme', name: 'dup', role: 'member' }, secret)).rejects.toMatchObject({ status: 409 });
      await expect(keys.register({ domain_id: 'acme', name: 'weak', role: 'member' }, 'too-short')).rejects.toMatchObject({ status: 400 });
    });

    it('never throws on garbage of any type, length or encoding, and logs none of it', async () => {
      const { secret } = await keys.create({ domain_id: 'acme', name: 'fuzz', role: 'member' });
      const before = log.lines.length;
      const samples: unknown[] = [null, undefined, 0, -1, NaN, {}, [], Symbol('x'), () => 1, Buffer.from('abc'), new Uint8Array(4), true, 10n];
      const alphabet = ['a', 'Z', '0', '_', '-', ' ', '\t', '\n', '\0', 'é', 'ß', '中', '😀', '\ud800', '\udfff', '\u202e', '%', '"', "'", '\\', 'cdn_'];
      for (let i = 0; i < 4000; i++) {
        const kind = i % 6;
        const len = kind === 0 ? Math.floor(Math.random() * 20) : kind === 1 ? 60 : kind === 2 ? 10_000 + Math.floor(Math.random() * 100_000) : Math.floor(Math.random() * 600);
        let s = '';
        if (kind === 3) s = randomBytes(len).toString('latin1');
        else if (kind === 4) s = `cdn_${randomBytes(6).toString('hex')}_${randomBytes(32).toString('base64url')}`.slice(0, 4 + Math.floor(Math.random() * 70));
        else if (kind === 5) s = secret.slice(0, Math.floor(Math.random() * secret.length)) + alphabet[i % alphabet.length];
        else {
          const chunk = Array.from({ length: Math.min(len, 500) }, () => alphabet[Math.floor(Math.random() * alphabet.length)]!).join('');
          s = chunk.repeat(Math.ceil(len / Math.max(1, chunk.length))).slice(0, len);
        }
        samples.push(s);
      }
      for (const s of samples) {
        if (s === secret) continue; // a truncation plus one character can rebuild the real secret
        const r = await keys.authenticate(s);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(['missing', 'malformed', 'unknown']).toContain(r.reason);
      }
      expect(log.lines.length).toBe(before);
      expect((await keys.authenticate(secret)).ok).toBe(true);
    });
  });

  describe('touchLastUsed', () => {
    it('records last use off the request path, at most once a minute per key, a turn\'s keys in one batch write', async () => {
      await keys.close(); // earlier tests' pending writes
      const { key, secret } = await keys.create({ domain_id: 'acme', name: 'touch', role: 'member' });
      const other = await keys.create({ domain_id: 'acme', name: 'touch-2', role: 'member' });
      expect((await keys.get(key.id))?.last_used_at).toBeNull();
      const batches: string[][] = []; // the key ids of each last_used_at write
      const run = store.run.bind(store);
      const writeBatch = store.writeBatch.bind(store);
      store.run = (async (sql: string, params?: any[]) => {
        if (sql.startsWith('UPDATE api_keys SET last_used_at')) throw new Error('last_used_at written on the main connection');
        return run(sql, params);
      }) as Store['run'];
      store.writeBatch = (async (sql: string, rows: any[][]) => {
        if (sql.startsWith('UPDATE api_keys SET last_used_at')) batches.push(rows.map((r) => r[1]));
        return writeBatch(sql, rows);
      }) as Store['writeBatch'];
      const writesOf = (id: string) => batches.flat().filter((k) => k === id).length;
      try {
        await keys.authenticate(secret);
        expect(batches).toEqual([]); // not on the request path
        await keys.close(); // waits for the pending write
        expect(batches).toEqual([[key.id]]);
        for (let i = 0; i < 20; i++) await keys.authenticate(secret);
        await keys.close();
        expect(writesOf(key.id)).toBe(1);
        const t = (await keys.get(key.id))!.last_used_at!;
        expect(Math.abs(t - nowS())).toBeLessThanOrEqual(2);
        // Two keys used in one turn: one write for both.
        keys.touchLastUsed(key.id, t + 61);
        keys.touchLastUsed(other.key.id, t + 61);
        await keys.close();
        expect(writesOf(key.id)).toBe(2);
        expect(batches.at(-1)).toEqual([key.id, other.key.id]);
        expect((await keys.get(key.id))!.last_used_at).toBe(t + 61);
        expect((await keys.get(other.key.id))!.last_used_at).toBe(t + 61);
      } finally {
        store.run = run;
        store.writeBatch = writeBatch;
      }
    });
  });

  describe('a failing store', () => {
    it('is an error (logged without the secret), not a wrong key', async () => {
      const { secret } = await keys.create({ domain_id: 'acme', name: 'outage', role: 'member' });
      const log2 = captureLog();
      const k2 = new KeyService(store, { log: log2 });
      const get = store.get.bind(store);
      store.get = (async () => {
        throw new Error('disk I/O error');
      }) as Store['get'];
      try {
        await expect(k2.authenticate(secret)).rejects.toThrow('The key store is unavailable.');
        // input problems are still answered without the store
        expect(await k2.authenticate('')).toEqual({ ok: false, reason: 'missing' });
      } finally {
        store.get = get;
      }
      expect(log2.text()).toContain('disk I/O error');
      expect(log2.text()).not.toContain(secret);
    });
  });
});
