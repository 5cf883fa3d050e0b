import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainService, slugify, type Store } from '../../src/platform/index.js';
import { STORE_KINDS, storeTargets } from './helpers.js';

describe.each(STORE_KINDS)('%s store', (kind) => {
  const stores = storeTargets(kind, 'domains');
  let store: Store;
  let domains: DomainService;

  beforeAll(async () => {
    store = await (await stores.fresh()).open();
    domains = new DomainService(store);
  });
  afterAll(async () => {
    await store.close();
  });

  describe('DomainService', () => {
    it('creates with a given slug and returns the API shape', async () => {
      const d = await domains.create({ id: 'acme', name: 'ACME Corp' });
      expect(d).toEqual({ id: 'acme', object: 'domain', name: 'ACME Corp', disabled: false, created_at: expect.any(Number) });
      expect(Math.abs(d.created_at - Date.now() / 1000)).toBeLessThan(5);
    });

    it('makes the slug from the name when no id is given', async () => {
      expect((await domains.create({ name: 'Café Zürich  (EU)' })).id).toBe('cafe-zurich-eu');
      expect(slugify('---Hello, World!---')).toBe('hello-world');
      expect(slugify('x'.repeat(100))).toHaveLength(63);
      expect(slugify('日本語')).toMatch(/^domain-[a-z0-9]{8}$/);
      const odd = await domains.create({ name: '!!!' });
      expect(odd.id).toMatch(/^domain-[a-z0-9]{8}$/);
    });

    it('refuses a bad slug (400) and a taken one (409), typed', async () => {
      for (const id of ['', 'UPPER', '-lead', 'sp ace', 'a'.repeat(64), 'under_score', 'dot.ted']) {
        await expect(domains.create({ id, name: 'x' })).rejects.toMatchObject({ status: 400, code: 'invalid_value', param: 'id' });
      }
      await expect(domains.create({ id: 'acme', name: 'again' })).rejects.toMatchObject({ name: 'PlatformError', status: 409, code: 'already_exists' });
      await expect(domains.create({ name: 'ACME' })).rejects.toMatchObject({ status: 409 });
      await expect(domains.create({ id: 'noname', name: '' })).rejects.toMatchObject({ status: 400, param: 'name' });
    });

    it('lists, gets, renames and disables', async () => {
      expect((await domains.list()).map((d) => d.id)).toEqual(expect.arrayContaining(['acme', 'cafe-zurich-eu']));
      expect(await domains.get('nope')).toBeNull();
      const before = await domains.get('acme');
      expect(before?.disabled).toBe(false);
      const renamed = await domains.update('acme', { name: 'ACME Inc' });
      expect(renamed).toMatchObject({ id: 'acme', name: 'ACME Inc', disabled: false });
      const off = await domains.update('acme', { disabled: true });
      expect(off).toMatchObject({ name: 'ACME Inc', disabled: true, created_at: before!.created_at });
      expect((await domains.get('acme'))?.disabled).toBe(true); // the cache was dropped on write
      expect((await domains.update('acme', { disabled: false }))?.disabled).toBe(false);
      expect(await domains.update('nope', { name: 'x' })).toBeNull();
      await expect(domains.update('acme', { name: '' })).rejects.toMatchObject({ status: 400 });
    });
  });
});
