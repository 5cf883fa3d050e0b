// Every write the platform's services make is a writeBatch: on SQLite it commits on the writer
// thread, so no commit (and its fsync) holds the event loop, whoever causes it (a tenant's stored
// response, a domain admin's key, the superadmin's registry). Checked with a store that records
// the calls made through it: reads, batch writes and notifications only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainService, KeyService, PolicyService, RegistryService, ResponsesStore, type Store } from '../../src/platform/index.js';
import { STORE_KINDS, storeTargets } from './helpers.js';

const ALLOWED = new Set(['get', 'all', 'writeBatch', 'notify', 'listen', 'withLock', 'kind', 'closed', 'close']);

describe.each(STORE_KINDS)('%s store', (kind) => {
  const stores = storeTargets(kind, 'writes-off-loop');
  let store: Store;
  const calls: string[] = [];
  let watched: Store;

  beforeAll(async () => {
    store = await (await stores.fresh()).open();
    watched = new Proxy(store, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => {
          calls.push(String(prop));
          return v.apply(target, args);
        };
      },
    });
  });
  afterAll(async () => {
    await store.close();
  });

  it('domains, policies, the registry, keys and stored responses write only through writeBatch', async () => {
    const domains = new DomainService(watched);
    const policies = new PolicyService(watched);
    const registry = new RegistryService(watched, { reloadMs: 0 });
    const keys = new KeyService(watched);
    const responses = new ResponsesStore(watched, { purgeIntervalMs: 0, maxPerDomain: 1 });
    try {
      await domains.create({ id: 'acme', name: 'ACME' });
      expect((await domains.update('acme', { name: 'ACME Corp', disabled: false }))?.name).toBe('ACME Corp');
      await policies.set('acme', { limits: { key: { requests_per_minute: 5 } } });
      expect((await new PolicyService(store).get('acme')).limits.key.requests_per_minute).toBe(5);
      await registry.add({ id: 'tiny', engine: 'llama-cpp', settings: { path: '/models/tiny.gguf' }, capabilities: ['chat'] });
      expect((await registry.update('tiny', { owned_by: 'team' }))?.owned_by).toBe('team');
      expect(await registry.remove('tiny')).toBe(true);
      expect(await registry.get('tiny')).toBeNull();
      const { key, secret } = await keys.create({ domain_id: 'acme', name: 'k', role: 'member' });
      expect((await keys.authenticate(secret)).ok).toBe(true);
      const rotated = await keys.rotate(key.id);
      expect((await keys.authenticate(secret)).ok).toBe(false);
      expect((await keys.revoke(key.id))?.revoked_at).toBeTypeOf('number');
      expect((await keys.authenticate(rotated.secret)).ok).toBe(false);
      for (const id of ['r1', 'r2']) await responses.put({ id, domain_id: 'acme', body: { id }, conversation: [] });
      expect(await responses.bodyText('r1', 'acme')).toBeNull(); // evicted past the cap of 1
      expect(await responses.delete('r2', 'acme')).toBe(true);
      await responses.purge();
      await keys.close(); // its last-use write
      expect(calls.filter((c) => !ALLOWED.has(c))).toEqual([]);
      expect(calls.filter((c) => c === 'writeBatch').length).toBeGreaterThanOrEqual(12);
    } finally {
      responses.close();
    }
  });
});
