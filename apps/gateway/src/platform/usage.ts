/**
 * Usage accounting: one record per request, buffered and written in batches off the request path
 * (see batch-writer.ts: flush() and close() write everything, so nothing is lost on a graceful
 * shutdown), and reported as totals by day, model and key.
 */
import { randomUUID } from 'node:crypto';
import type { Store } from './store/types.js';
import { invalid } from './errors.js';
import type { PlatformLog } from './log.js';
import { BatchWriter } from './batch-writer.js';
import { whereWindow } from './store/sql.js';

export interface UsageRecord {
  /** Unix seconds. */
  ts: number;
  domain_id: string;
  key_id: string;
  model: string;
  /** The operation, e.g. 'chat.completions'. */
  endpoint: string;
  input_tokens: number;
  output_tokens: number;
  /** The HTTP status answered; 400 and above count as errors. */
  status: number;
  latency_ms: number;
  streamed: boolean;
}

export type UsageGroup = 'day' | 'model' | 'key';
export const USAGE_GROUPS: readonly UsageGroup[] = ['day', 'model', 'key'];

export interface UsageQuery {
  domain_id?: string;
  /** Unix seconds, inclusive. */
  start?: number;
  /** Unix seconds, exclusive. */
  end?: number;
  /** Default (absent or empty): all three. 'key' groups by key_id and its domain_id. */
  group_by?: UsageGroup[];
}

export interface UsageReportRow {
  day?: string;
  model?: string;
  key_id?: string;
  domain_id?: string;
  requests: number;
  input_tokens: number;
  output_tokens: number;
  errors: number;
}

export interface UsageReport {
  object: 'list';
  data: UsageReportRow[];
  totals: { requests: number; input_tokens: number; output_tokens: number };
}

export interface UsageRecorderOptions {
  batchSize?: number;
  intervalMs?: number;
  maxBuffered?: number;
  log?: PlatformLog;
}

const INSERT =
  'INSERT INTO usage_records (id, ts, domain_id, key_id, model, endpoint, input_tokens, output_tokens, status, latency_ms, streamed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

const count = (v: unknown): number => {
  const n = Math.round(Number(v));
  return Number.isFinite(n) && n > 0 ? n : 0;
};
const text = (v: unknown): string => (typeof v === 'string' ? v : String(v ?? ''));

/** UTC day of a day number (days since the epoch). */
const dayString = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

export class UsageRecorder {
  private readonly writer: BatchWriter<UsageRecord>;

  constructor(
    private readonly store: Store,
    opts: UsageRecorderOptions = {},
  ) {
    this.writer = new BatchWriter<UsageRecord>(store, {
      // Each batch is one transaction, and each commit an fsync (synchronous=FULL): at thousands of
      // requests a second, 500 rows a batch keeps that to a few a second.
      batchSize: 500,
      ...opts,
      what: 'usage',
      insert: INSERT,
      params: (r) => [randomUUID(), r.ts, r.domain_id, r.key_id, r.model, r.endpoint, r.input_tokens, r.output_tokens, r.status, r.latency_ms, r.streamed],
    });
  }

  /** Records not yet written. */
  get pending(): number {
    return this.writer.pending;
  }

  /** Synchronous and cheap: the request path only pushes. Never throws. */
  record(rec: UsageRecord): void {
    this.writer.push({
      ts: Number.isFinite(rec?.ts) ? Math.floor(rec.ts) : Math.floor(Date.now() / 1000),
      domain_id: text(rec?.domain_id),
      key_id: text(rec?.key_id),
      model: text(rec?.model),
      endpoint: text(rec?.endpoint),
      input_tokens: count(rec?.input_tokens),
      output_tokens: count(rec?.output_tokens),
      status: count(rec?.status),
      latency_ms: count(rec?.latency_ms),
      streamed: !!rec?.streamed,
    });
  }

  /** Write everything buffered now. Rejects if the store fails (the records are kept and retried). */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  /** Write everything, then refuse new records. */
  close(): Promise<void> {
    return this.writer.close();
  }

  /** Totals per group over the written records (call flush() first to include the buffered ones). */
  async report(q: UsageQuery = {}): Promise<UsageReport> {
    const groups = q.group_by && q.group_by.length > 0 ? q.group_by : USAGE_GROUPS;
    for (const g of groups) if (!USAGE_GROUPS.includes(g)) throw invalid(`'group_by' may hold only ${USAGE_GROUPS.join(', ')}.`, 'group_by');
    for (const k of ['start', 'end'] as const) {
      if (q[k] !== undefined && !Number.isSafeInteger(q[k])) throw invalid(`'${k}' must be a unix time in seconds.`, k);
    }
    // Portable SQL: the day is the integer day number (ts / 86400 is integer division in SQLite
    // and PostgreSQL alike), formatted here.
    const keys: Array<[expr: string, alias: string]> = [];
    if (groups.includes('day')) keys.push(['ts / 86400', 'day_number']);
    if (groups.includes('model')) keys.push(['model', 'model']);
    if (groups.includes('key')) keys.push(['key_id', 'key_id'], ['domain_id', 'domain_id']);
    const where = whereWindow({ domain_id: q.domain_id }, q);
    const select = [
      ...keys.map(([e, a]) => `${e} AS ${a}`),
      'COUNT(*) AS requests',
      'SUM(input_tokens) AS input_tokens',
      'SUM(output_tokens) AS output_tokens',
      'SUM(CASE WHEN status >= 400 THEN 1 ELSE 0 END) AS errors',
    ];
    const by = keys.map(([e]) => e).join(', ');
    const sql =
      `SELECT ${select.join(', ')} FROM usage_records` +
      where.sql +
      (keys.length ? ` GROUP BY ${by} ORDER BY ${by}` : '');
    const rows = await this.store.all<Record<string, unknown>>(sql, where.params);
    const data: UsageReportRow[] = [];
    for (const r of rows) {
      const requests = Number(r.requests ?? 0);
      if (requests === 0) continue;
      const row: UsageReportRow = { requests, input_tokens: Number(r.input_tokens ?? 0), output_tokens: Number(r.output_tokens ?? 0), errors: Number(r.errors ?? 0) };
      const out: UsageReportRow = {} as UsageReportRow;
      if ('day_number' in r) out.day = dayString(Number(r.day_number));
      if ('model' in r) out.model = String(r.model);
      if ('key_id' in r) out.key_id = String(r.key_id);
      if ('domain_id' in r) out.domain_id = String(r.domain_id);
      data.push(Object.assign(out, row));
    }
    const totals = data.reduce(
      (t, r) => ({ requests: t.requests + r.requests, input_tokens: t.input_tokens + r.input_tokens, output_tokens: t.output_tokens + r.output_tokens }),
      { requests: 0, input_tokens: 0, output_tokens: 0 },
    );
    return { object: 'list', data, totals };
  }
}
