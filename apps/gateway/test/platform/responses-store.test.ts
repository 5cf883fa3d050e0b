import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponsesStore, type Store } from '../../src/platform/index.js';
import { sleep, STORE_KINDS, storeTargets } from './helpers.js';

describe.each(STORE_KINDS)('%s store', (kind) => {
  const stores = storeTargets(kind, 'responses');
  let store: Store;
  let responses: ResponsesStore;

  beforeAll(async () => {
    store = await (await stores.fresh()).open();
    responses = new ResponsesStore(store, { purgeIntervalMs: 0 });
  });
  afterAll(async () => {
    responses.close();
    await store.close();
  });

  const body = (id: string) => ({ id, object: 'response', status: 'completed', output: [{ type: 'message', content: [{ type: 'output_text', text: 'hi' }] }] });

  describe('ResponsesStore', () => {
    it('puts and gets, with what a continuation needs', async () => {
      const saved = await responses.put({
        id: 'resp_1',
        domain_id: 'a',
        body: body('resp_1'),
        input_items: [{ role: 'user', content: 'hello' }],
        conversation: [
          { role: 'user', content: 'hello' },
          { role: 'assistant', content: 'hi' },
        ],
        previous_response_id: null,
        key_id: 'ka',
        model: 'm',
      });
      expect(saved).toMatchObject({ id: 'resp_1', domain_id: 'a', body: body('resp_1'), key_id: 'ka', model: 'm', previous_response_id: null });
      expect(saved.expires_at - saved.created_at).toBe(30 * 86400);
      expect(await responses.get('resp_1', 'a')).toEqual(saved);
    });

    it('is isolated per domain: another domain can neither read, delete nor overwrite', async () => {
      expect(await responses.get('resp_1', 'b')).toBeNull();
      expect(await responses.delete('resp_1', 'b')).toBe(false);
      await responses.put({ id: 'resp_1', domain_id: 'b', body: { mine: 'b' }, conversation: [] });
      expect((await responses.get('resp_1', 'a'))?.body).toEqual(body('resp_1'));
      expect((await responses.get('resp_1', 'b'))?.body).toEqual({ mine: 'b' });
      expect(await responses.delete('resp_1', 'a')).toBe(true);
      expect(await responses.get('resp_1', 'a')).toBeNull();
      expect(await responses.get('resp_1', 'b')).not.toBeNull();
      expect(await responses.delete('resp_1', 'a')).toBe(false);
    });

    it('never returns an expired response, and purges them', async () => {
      await responses.put({ id: 'short', domain_id: 'a', body: {}, conversation: [], ttl_seconds: 1 });
      await responses.put({ id: 'long', domain_id: 'a', body: {}, conversation: [] });
      expect(await responses.get('short', 'a')).not.toBeNull();
      await sleep(2100);
      expect(await responses.get('short', 'a')).toBeNull();
      expect(await responses.purge()).toBe(1);
      expect(await store.get("SELECT id FROM stored_responses WHERE id = 'short'")).toBeUndefined();
      expect(await responses.get('long', 'a')).not.toBeNull();
    });

    it('purges on its own timer', async () => {
      const fast = new ResponsesStore(store, { purgeIntervalMs: 50 });
      await fast.put({ id: 'tiny', domain_id: 'a', body: {}, conversation: [], ttl_seconds: 1 });
      await sleep(2200);
      expect(await store.get("SELECT id FROM stored_responses WHERE id = 'tiny'")).toBeUndefined();
      fast.close();
    });

    it('validates its input', async () => {
      await expect(responses.put({ id: '', domain_id: 'a', body: {}, conversation: [] })).rejects.toMatchObject({ status: 400 });
      await expect(responses.put({ id: 'x', domain_id: 'a', body: {}, conversation: [], ttl_seconds: 0 })).rejects.toMatchObject({ status: 400 });
      expect(await responses.get(undefined as any, 'a')).toBeNull();
    });
  });
});
