/**
 * Usage accounting: one record per request, buffered in memory and written in batches (one
 * transaction each) off the request path. close() writes everything left: nothing is lost on a
 * graceful shutdown.
 */
import type { Store } from './store/types.js';

export interface UsageRecord {
  ts: number;
  domain_id: string;
  key_id: string;
  model: string;
  endpoint: string;
  input_tokens: number;
  output_tokens: number;
  status: number;
  latency_ms: number;
  streamed: boolean;
}

export interface UsageQuery {
  domain_id?: string;
  start?: number;
  end?: number;
  group_by: Array<'day' | 'model' | 'key'>;
}

export interface UsageReport {
  object: 'list';
  data: Array<{ day?: string; model?: string; key_id?: string; domain_id?: string; requests: number; input_tokens: number; output_tokens: number; errors: number }>;
  totals: { requests: number; input_tokens: number; output_tokens: number };
}

export class UsageRecorder {
  private buffer: UsageRecord[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly opts: { batchSize?: number; intervalMs?: number; onError?: (err: unknown) => void } = {},
  ) {}

  /** Cheap and synchronous: the request path only pushes. */
  record(rec: UsageRecord): void {
    this.buffer.push(rec);
    if (this.buffer.length >= (this.opts.batchSize ?? 200)) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.opts.intervalMs ?? 1000);
      this.timer.unref();
    }
  }

  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const batch = this.buffer;
    this.buffer = [];
    if (batch.length === 0) return this.flushing;
    this.flushing = this.flushing.then(() =>
      this.store
        .transaction(async (tx) => {
          for (const r of batch) {
            await tx.run(
              'INSERT INTO usage_records (ts, domain_id, key_id, model, endpoint, input_tokens, output_tokens, status, latency_ms, streamed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
              [r.ts, r.domain_id, r.key_id, r.model, r.endpoint, r.input_tokens, r.output_tokens, r.status, r.latency_ms, r.streamed ? 1 : 0],
            );
          }
        })
        .catch((err) => {
          this.buffer.unshift(...batch); // keep them for the next try
          this.opts.onError?.(err);
        }),
    );
    return this.flushing;
  }

  async close(): Promise<void> {
    await this.flush();
    await this.flushing;
  }

  async report(q: UsageQuery): Promise<UsageReport> {
    const groups = q.group_by.length ? q.group_by : (['day', 'model', 'key'] as const);
    const cols: string[] = [];
    if (groups.includes('day')) cols.push("strftime('%Y-%m-%d', ts, 'unixepoch') AS day");
    if (groups.includes('model')) cols.push('model');
    if (groups.includes('key')) cols.push('key_id', 'domain_id');
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.domain_id) {
      where.push('domain_id = ?');
      params.push(q.domain_id);
    }
    if (q.start !== undefined) {
      where.push('ts >= ?');
      params.push(q.start);
    }
    if (q.end !== undefined) {
      where.push('ts < ?');
      params.push(q.end);
    }
    const groupCols = cols.map((c) => c.split(' AS ').pop()!);
    const sql =
      `SELECT ${[...cols, 'COUNT(*) AS requests', 'SUM(input_tokens) AS input_tokens', 'SUM(output_tokens) AS output_tokens', 'SUM(CASE WHEN status >= 400 THEN 1 ELSE 0 END) AS errors'].join(', ')}` +
      ` FROM usage_records${where.length ? ` WHERE ${where.join(' AND ')}` : ''}` +
      (groupCols.length ? ` GROUP BY ${groupCols.join(', ')} ORDER BY ${groupCols.join(', ')}` : '');
    const rows = await this.store.all<UsageReport['data'][number]>(sql, params);
    const data = rows.filter((r) => r.requests > 0).map((r) => ({ ...r, input_tokens: Number(r.input_tokens ?? 0), output_tokens: Number(r.output_tokens ?? 0), errors: Number(r.errors ?? 0) }));
    const totals = data.reduce((t, r) => ({ requests: t.requests + r.requests, input_tokens: t.input_tokens + r.input_tokens, output_tokens: t.output_tokens + r.output_tokens }), { requests: 0, input_tokens: 0, output_tokens: 0 });
    return { object: 'list', data, totals };
  }
}
