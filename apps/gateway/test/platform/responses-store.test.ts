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
      // Expiry is in whole seconds: with a TTL of 1 a second boundary between the put and the read
      // could expire it at once; 2 leaves at least a second.
      await responses.put({ id: 'short', domain_id: 'a', body: {}, conversation: [], ttl_seconds: 2 });
      await responses.put({ id: 'long', domain_id: 'a', body: {}, conversation: [] });
      expect(await responses.get('short', 'a')).not.toBeNull();
      await sleep(3100);
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

    it('reads back only what a caller needs: the body as its stored text, the conversation parsed', async () => {
      const conversation = [{ role: 'user', content: 'é ✓ "quoted"' }];
      await responses.put({ id: 'resp_text', domain_id: 'a', body: body('resp_text'), conversation });
      expect(await responses.bodyText('resp_text', 'a')).toBe(JSON.stringify(body('resp_text')));
      expect(await responses.conversation('resp_text', 'a')).toEqual({ conversation, size_bytes: (await responses.get('resp_text', 'a'))!.size_bytes });
      expect(await responses.bodyText('resp_text', 'b')).toBeNull();
      expect(await responses.conversation('resp_text', 'b')).toBeNull();
    });

    it('evicts the oldest past either cap, ties in the same second by id, never the one just stored', async () => {
      const capped = new ResponsesStore(store, { purgeIntervalMs: 0, maxPerDomain: 3, maxBytesPerDomain: 10_000 });
      const ids = async () => (await store.all<{ id: string }>("SELECT id FROM stored_responses WHERE domain_id = 'cap' ORDER BY id")).map((r) => r.id);
      for (const id of ['c1', 'c2', 'c3', 'c4']) await capped.put({ id, domain_id: 'cap', body: {}, conversation: [] });
      expect(await ids()).toEqual(['c2', 'c3', 'c4']);
      // A response of about 6,000 bytes: the others must fit in what is left of 10,000.
      await capped.put({ id: 'c0', domain_id: 'cap', body: { text: 'x'.repeat(6000) }, conversation: [] });
      const left = await ids();
      expect(left).toContain('c0');
      expect(left).not.toContain('c2');
      const sizes = await store.get<{ n: unknown; bytes: unknown }>("SELECT COUNT(*) AS n, SUM(size_bytes) AS bytes FROM stored_responses WHERE domain_id = 'cap'");
      expect(Number(sizes?.n)).toBeLessThanOrEqual(3);
      expect(Number(sizes?.bytes)).toBeLessThanOrEqual(10_000);
      // 9,995 bytes: no other response (6 bytes each) fits beside it in 10,000; it stays, alone.
      await capped.put({ id: 'c9', domain_id: 'cap', body: { text: 'y'.repeat(9980) }, conversation: [] });
      expect(await ids()).toEqual(['c9']);
      // Another domain is untouched.
      expect(await responses.get('long', 'a')).not.toBeNull();
      capped.close();
    });

    it('validates its input', async () => {
      await expect(responses.put({ id: '', domain_id: 'a', body: {}, conversation: [] })).rejects.toMatchObject({ status: 400 });
      await expect(responses.put({ id: 'x', domain_id: 'a', body: {}, conversation: [], ttl_seconds: 0 })).rejects.toMatchObject({ status: 400 });
      expect(await responses.get(undefined as any, 'a')).toBeNull();
    });
  });
});
