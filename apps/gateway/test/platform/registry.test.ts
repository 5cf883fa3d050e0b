import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRegistryModel, RegistryService, type Store } from '../../src/platform/index.js';
import { STORE_KINDS, storeTargets } from './helpers.js';

describe.each(STORE_KINDS)('%s store', (kind) => {
  const stores = storeTargets(kind, 'registry');
  let store: Store;
  let registry: RegistryService;

  const llama = { id: 'tiny', engine: 'llama-cpp' as const, settings: { path: '/models/tiny.gguf' }, capabilities: ['chat' as const, 'completions' as const] };
  const upstream = (id: string, domains: string[] | null = null) => ({
    id,
    engine: 'openai-compatible' as const,
    settings: { targets: [{ base_url: 'http://127.0.0.1:9/v1', model: 'up' }] },
    capabilities: ['chat' as const],
    domains,
  });

  beforeAll(async () => {
    store = await (await stores.fresh()).open();
    registry = new RegistryService(store);
  });
  afterAll(async () => {
    await store.close();
  });

  describe('RegistryService', () => {
    it('adds, with defaults, and returns a ModelEntry', async () => {
      const m = await registry.add(llama);
      expect(m).toEqual({ ...llama, owned_by: 'cordon', created: expect.any(Number), domains: null });
      expect(asRegistryModel(m)).toMatchObject({ object: 'registry_model', id: 'tiny' });
      expect(await registry.get('tiny')).toEqual(m);
      await expect(registry.add(llama)).rejects.toMatchObject({ status: 409, code: 'already_exists' });
    });

    it('validates every field', async () => {
      const bad: Array<[unknown, string | null]> = [
        [{ ...llama, id: '' }, 'id'],
        [{ ...llama, id: 'has space' }, 'id'],
        [{ ...llama, id: 'x'.repeat(129) }, 'id'],
        [{ ...llama, engine: 'vllm' }, 'engine'],
        [{ ...llama, capabilities: ['chat', 'images'] }, 'capabilities'],
        [{ ...llama, capabilities: [] }, 'capabilities'],
        [{ ...llama, settings: {} }, 'settings.path'],
        [{ ...llama, engine: 'whisper', settings: { path: '' } }, 'settings.path'],
        [{ ...upstream('u'), settings: {} }, 'settings.targets'],
        [{ ...upstream('u'), settings: { targets: [] } }, 'settings.targets'],
        [{ ...upstream('u'), engine: 'ollama', settings: { targets: [{ model: 'x' }] } }, 'settings.targets[0].base_url'],
        [{ ...upstream('u'), settings: { targets: [{ base_url: 'ftp://x/', model: 'x' }] } }, 'settings.targets[0].base_url'],
        [{ ...upstream('u'), settings: { targets: [{ base_url: 'http://x/', model: 'x', api_key_env: 'A B' }] } }, 'settings.targets[0].api_key_env'],
        [{ ...llama, id: 'self', settings: { path: '/x', fallback_model: 'self' } }, 'settings.fallback_model'],
        [{ ...llama, domains: ['Not A Slug'] }, 'domains'],
        [{ ...llama, settings: 'nope' }, 'settings'],
        ['not an object', null],
      ];
      for (const [entry, param] of bad) {
        await expect(registry.add(entry as any), JSON.stringify(entry)).rejects.toMatchObject({ status: 400, param });
      }
    });

    it('lists per domain: null is every domain, a list only those', async () => {
      await registry.add(upstream('for-a', ['a']));
      await registry.add(upstream('for-b', ['b']));
      await registry.add(upstream('for-ab', ['a', 'b']));
      const ids = async (d: string) => (await registry.listForDomain(d)).map((m) => m.id).sort();
      expect(await ids('a')).toEqual(['for-a', 'for-ab', 'tiny']);
      expect(await ids('b')).toEqual(['for-ab', 'for-b', 'tiny']);
      expect(await ids('c')).toEqual(['tiny']);
      expect((await registry.getForDomain('for-a', 'a'))?.id).toBe('for-a');
      expect(await registry.getForDomain('for-a', 'b')).toBeNull(); // not allowed: same as unknown
      expect(await registry.getForDomain('nope', 'a')).toBeNull();
      expect((await registry.list()).length).toBe(4);
    });

    it('updates (replacing settings as a whole), tells listeners, and removes', async () => {
      const heard: string[] = [];
      const off = registry.onChange((id) => heard.push(id));
      const m = await registry.update('for-a', { domains: null, settings: { targets: [{ base_url: 'https://up.example/v1', model: 'other' }], context_size: 2048 } });
      expect(m).toMatchObject({ id: 'for-a', domains: null, settings: { targets: [{ base_url: 'https://up.example/v1', model: 'other' }], context_size: 2048 } });
      expect(await registry.getForDomain('for-a', 'c')).not.toBeNull();
      expect(heard).toEqual(['for-a']);
      await expect(registry.update('for-a', { engine: 'llama-cpp' })).rejects.toMatchObject({ status: 400, param: 'settings.path' });
      expect(await registry.update('nope', { owned_by: 'x' })).toBeNull();
      expect(await registry.remove('for-b')).toBe(true);
      expect(await registry.remove('for-b')).toBe(false);
      expect(await registry.get('for-b')).toBeNull();
      expect(heard).toEqual(['for-a', 'for-b']);
      off();
    });

    it('hands out entries that cannot be changed behind its back', async () => {
      const m = (await registry.get('tiny'))!;
      expect(() => {
        (m.settings as any).path = '/elsewhere';
      }).toThrow();
      expect((await registry.get('tiny'))!.settings.path).toBe('/models/tiny.gguf');
    });

    it('sees changes made by another process after its reload interval', async () => {
      const other = new RegistryService(store, { reloadMs: 0 });
      expect((await other.get('tiny'))?.owned_by).toBe('cordon');
      await registry.update('tiny', { owned_by: 'someone' });
      expect((await other.get('tiny'))?.owned_by).toBe('someone');
    });
  });
});
