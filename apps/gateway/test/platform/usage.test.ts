import { afterAll, describe, expect, it } from 'vitest';
import { UsageRecorder, type Store, type UsageRecord } from '../../src/platform/index.js';
import { captureLog, countRows, usageRecord, STORE_KINDS, storeTargets } from './helpers.js';

describe.each(STORE_KINDS)('%s store', (kind) => {
  const stores = storeTargets(kind, 'usage');

  const DAY1 = Date.UTC(2026, 10, 22, 12) / 1000; // 2026-11-22 12:00 UTC
  const DAY2 = Date.UTC(2026, 10, 23, 0, 0, 1) / 1000;
  const rec = (over: Partial<UsageRecord> = {}): UsageRecord => usageRecord(DAY1, over);
  const count = countRows;

  describe('UsageRecorder', () => {
    it('record() is synchronous and writes nothing on the caller\'s tick', async () => {
      const store = await (await stores.fresh()).open();
      const usage = new UsageRecorder(store, { batchSize: 3, intervalMs: 60_000 });
      let inTx = 0;
      const wb = store.writeBatch.bind(store);
      store.writeBatch = (sql, rows) => (inTx++, wb(sql, rows));
      for (let i = 0; i < 7; i++) expect(usage.record(rec())).toBeUndefined();
      expect(inTx).toBe(0);
      expect(await count(store)).toBe(0);
      // A full batch is written soon after (on the writer thread, started by this first batch), in one
      // transaction per batch: everything buffered by the time the write ran.
      await expect.poll(() => count(store), { timeout: 5000, interval: 10 }).toBe(7);
      expect(inTx).toBeGreaterThanOrEqual(1);
      await usage.close();
      await store.close();
    });

    it('flushes on the interval', async () => {
      const store = await (await stores.fresh()).open();
      const usage = new UsageRecorder(store, { batchSize: 1000, intervalMs: 30 });
      usage.record(rec());
      usage.record(rec());
      expect(await count(store)).toBe(0);
      // Written by the interval alone (the batch is far from full); the first write also starts
      // SQLite's writer thread, which takes longer than the interval on a loaded machine.
      await expect.poll(() => count(store), { timeout: 5000, interval: 20 }).toBe(2);
      expect(usage.pending).toBe(0);
      await usage.close();
      await store.close();
    });

    it('close() writes everything: nothing is lost on a graceful shutdown', async () => {
      const target = await stores.fresh();
      const store = await target.open();
      const usage = new UsageRecorder(store, { batchSize: 500, intervalMs: 60_000 });
      for (let i = 0; i < 1234; i++) usage.record(rec({ input_tokens: i }));
      await usage.close();
      usage.record(rec()); // after close: dropped, never thrown
      await store.close();
      const again = await target.open();
      expect(await count(again)).toBe(1234);
      const report = await new UsageRecorder(again).report({ group_by: [] });
      expect(report.totals).toEqual({ requests: 1234, input_tokens: (1233 * 1234) / 2, output_tokens: 1234 * 5 });
      await again.close();
    });

    it('keeps records when the store fails, and retries', async () => {
      const store = await (await stores.fresh()).open();
      const log = captureLog();
      const usage = new UsageRecorder(store, { batchSize: 2, intervalMs: 5, log });
      const wb = store.writeBatch.bind(store);
      let fail = true;
      store.writeBatch = (sql, rows) => (fail ? Promise.reject(new Error('disk full')) : wb(sql, rows));
      usage.record(rec());
      usage.record(rec());
      await expect(usage.flush()).rejects.toThrow('disk full');
      expect(usage.pending).toBe(2);
      expect(log.text()).toContain('write failed');
      fail = false;
      // The backoff timer retries (nothing else writes: no more records, no flush).
      await expect.poll(() => count(store), { timeout: 5000, interval: 20 }).toBe(2);
      await usage.close();
      await store.close();
    });

    it('reports by day, model and key; errors counted; domain and time filters isolate', async () => {
      const store = await (await stores.fresh()).open();
      const usage = new UsageRecorder(store);
      usage.record(rec());
      usage.record(rec({ status: 500, input_tokens: 1, output_tokens: 0 }));
      usage.record(rec({ model: 'm2', ts: DAY2 }));
      usage.record(rec({ domain_id: 'b', key_id: 'kb', input_tokens: 100, output_tokens: 50 }));
      usage.record(rec({ domain_id: 'b', key_id: 'kb', ts: DAY2, status: 429 }));
      await usage.flush();

      const all = await usage.report({ group_by: ['day', 'model', 'key'] });
      expect(all.object).toBe('list');
      expect(all.data).toEqual([
        { day: '2026-11-22', model: 'm1', key_id: 'ka', domain_id: 'a', requests: 2, input_tokens: 11, output_tokens: 5, errors: 1 },
        { day: '2026-11-22', model: 'm1', key_id: 'kb', domain_id: 'b', requests: 1, input_tokens: 100, output_tokens: 50, errors: 0 },
        { day: '2026-11-23', model: 'm1', key_id: 'kb', domain_id: 'b', requests: 1, input_tokens: 10, output_tokens: 5, errors: 1 },
        { day: '2026-11-23', model: 'm2', key_id: 'ka', domain_id: 'a', requests: 1, input_tokens: 10, output_tokens: 5, errors: 0 },
      ]);
      expect(all.totals).toEqual({ requests: 5, input_tokens: 131, output_tokens: 65 });
      expect(await usage.report({ group_by: undefined as any })).toEqual(all);

      const a = await usage.report({ domain_id: 'a', group_by: ['model'] });
      expect(a.data).toEqual([
        { model: 'm1', requests: 2, input_tokens: 11, output_tokens: 5, errors: 1 },
        { model: 'm2', requests: 1, input_tokens: 10, output_tokens: 5, errors: 0 },
      ]);
      expect(a.totals).toEqual({ requests: 3, input_tokens: 21, output_tokens: 10 });
      const b = await usage.report({ domain_id: 'b', group_by: ['key'] });
      expect(b.data).toEqual([{ key_id: 'kb', domain_id: 'b', requests: 2, input_tokens: 110, output_tokens: 55, errors: 1 }]);
      expect(JSON.stringify(b)).not.toContain('ka');
      expect((await usage.report({ domain_id: 'nobody', group_by: ['day'] }))).toEqual({ object: 'list', data: [], totals: { requests: 0, input_tokens: 0, output_tokens: 0 } });

      const day2 = await usage.report({ start: Date.UTC(2026, 10, 23) / 1000, end: Date.UTC(2026, 10, 24) / 1000, group_by: ['day'] });
      expect(day2.data).toEqual([{ day: '2026-11-23', requests: 2, input_tokens: 20, output_tokens: 10, errors: 1 }]);
      await expect(usage.report({ group_by: ['week' as any] })).rejects.toMatchObject({ status: 400 });
      await usage.close();
      await store.close();
    });
  });
});
