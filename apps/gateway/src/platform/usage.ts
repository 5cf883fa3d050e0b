/**
 * Usage accounting: one record per request, buffered and written in batches off the request path
 * (see batch-writer.ts: flush() and close() write everything, so nothing is lost on a graceful
 * shutdown), and reported as totals by day, model and key.
 *
 * What survives what (with a spool, `spoolDir`: the gateway's is `<dataDir>/spool/usage`):
 * - **The process killed** (SIGKILL, an OOM kill, a crash) before the record's batch committed:
 *   kept. record() appends the record to the spool (record-spool.ts) with a synchronous write to
 *   the OS before it returns, and the next start on the same data directory writes it to the store
 *   before serving (recover()). A record has a unique id made in record(), and the INSERT ignores
 *   an id already stored, so a record committed just before the kill is not counted twice.
 *   (The pipeline records usage before an answer's last bytes are written: pipeline/meter.ts
 *   `Meter.record`.)
 * - **The machine lost** (power, kernel panic, the node gone): what the OS had not written to disk
 *   yet (no fsync per record: up to the last ~30 s of the spool, the kernel's writeback delay) is
 *   lost, and whatever the spool held if its disk is gone.
 * - **The data directory lost** (a pod deleted whose data directory is not a volume): the spool
 *   with it. A container that restarts keeps its data directory; a pod that is deleted loses it
 *   unless it is a volume.
 * Several instances need a data directory each: the spool of an instance that is gone is replayed
 * by the next one that starts on that directory (one still running is never touched).
 * Bounded: at most `maxBuffered` records wait (100,000) and at most 64 MiB of spool; beyond,
 * records are dropped and counted, which only a store failing for minutes reaches.
 */
import { ApiError } from '@cordon/server-kit';
import type { components } from '@cordon/contract';
import type { Store } from './store/types.js';
import { invalid } from './errors.js';
import { errField, type PlatformLog } from './log.js';
import { BatchWriter } from './batch-writer.js';
import { RecordSpool } from './record-spool.js';
import { uuidv7 } from './util.js';

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

export type UsageReport = components['schemas']['UsageReport'];
export type UsageReportRow = UsageReport['data'][number];

export interface UsageRecorderOptions {
  batchSize?: number;
  intervalMs?: number;
  maxBuffered?: number;
  /** Rows one report may hold (default 10,000); more: 400. */
  maxReportRows?: number;
  /** A directory for the spool (the gateway's: `<dataDir>/spool/usage`); none: records wait in memory only. */
  spoolDir?: string;
  /** The spool's cap in bytes (default 64 MiB). */
  spoolMaxBytes?: number;
  log?: PlatformLog;
}

/** Reports prepared at once; more: 429. */
const MAX_CONCURRENT_REPORTS = 2;
/** Work per report slice, ms: the longest the event loop waits for a report. */
const SLICE_TARGET_MS = 8;
const FIRST_SLICE_SECONDS = 3600;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A record already stored (replayed from the spool after its commit) is left as it is. */
const INSERT =
  'INSERT INTO usage_records (id, ts, domain_id, key_id, model, endpoint, input_tokens, output_tokens, status, latency_ms, streamed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING';
const COLUMNS = 11;

/** A record as buffered: with its id, made when it is recorded. */
type IdentifiedRecord = UsageRecord & { id: string };

const count = (v: unknown): number => {
  const n = Math.round(Number(v));
  return Number.isFinite(n) && n > 0 ? n : 0;
};
const text = (v: unknown): string => (typeof v === 'string' ? v : String(v ?? ''));

/** UTC day of a day number (days since the epoch). */
const dayString = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

export class UsageRecorder {
  private readonly writer: BatchWriter<IdentifiedRecord>;
  private readonly spool: RecordSpool | null;
  private readonly log: PlatformLog | undefined;
  private readonly maxRows: number;
  private running = 0;

  constructor(
    private readonly store: Store,
    opts: UsageRecorderOptions = {},
  ) {
    this.maxRows = Math.max(1, opts.maxReportRows ?? 10_000);
    this.log = opts.log;
    this.spool = opts.spoolDir ? new RecordSpool({ dir: opts.spoolDir, what: 'usage', maxBytes: opts.spoolMaxBytes, log: opts.log }) : null;
    this.writer = new BatchWriter<IdentifiedRecord>(store, {
      // Each batch is one transaction, and each commit an fsync (synchronous=FULL): at thousands of
      // requests a second, 500 rows a batch keeps that to a few a second.
      batchSize: 500,
      ...opts,
      what: 'usage',
      insert: INSERT,
      params: (r) => [r.id, r.ts, r.domain_id, r.key_id, r.model, r.endpoint, r.input_tokens, r.output_tokens, r.status, r.latency_ms, r.streamed],
      ...(this.spool ? { spool: this.spool } : {}),
    });
  }

  /**
   * Writes to the store the records spooled by a gateway process that is gone (killed before
   * their batch committed), then removes them: call once at start, before serving. Never throws:
   * if the store fails, they stay spooled for the next start (and this is logged).
   */
  async recover(): Promise<void> {
    if (!this.spool) return;
    try {
      const r = await this.spool.replay(COLUMNS, async (rows) => (await this.store.writeBatch(INSERT, rows)).changes);
      if (r.records > 0 || r.unreadable > 0) {
        this.log?.info({ records: r.records, written: r.written, unreadable: r.unreadable }, 'usage: records spooled by a process that is gone were written (those already stored were left as they were)');
      }
    } catch (err) {
      this.log?.error({ err: errField(err) }, 'usage: the records spooled by a process that is gone could not be written; they are kept for the next start');
    }
  }

  /** Records not yet written. */
  get pending(): number {
    return this.writer.pending;
  }

  /** Synchronous and cheap: the request path only pushes. Never throws. */
  record(rec: UsageRecord): void {
    this.writer.push({
      id: uuidv7(),
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

  /**
   * Totals per group over the written records (call flush() first to include the buffered ones).
   *
   * Served from the (domain_id, ts) and (ts) indexes in time slices: each slice is one
   * indexed range query sized to take about SLICE_TARGET_MS, and the event loop runs between slices,
   * so a report over a large table never holds the gateway. At most `maxRows` groups (more: 400),
   * and at most MAX_CONCURRENT_REPORTS at once (more: 429).
   */
  async report(q: UsageQuery = {}): Promise<UsageReport> {
    const groups = q.group_by && q.group_by.length > 0 ? q.group_by : USAGE_GROUPS;
    for (const g of groups) if (!USAGE_GROUPS.includes(g)) throw invalid(`'group_by' may hold only ${USAGE_GROUPS.join(', ')}.`, 'group_by');
    for (const k of ['start', 'end'] as const) {
      if (q[k] !== undefined && !Number.isSafeInteger(q[k])) throw invalid(`'${k}' must be a unix time in seconds.`, k);
    }
    if (this.running >= MAX_CONCURRENT_REPORTS) {
      throw new ApiError(429, 'Too many usage reports are being prepared; try again shortly.', 'rate_limit_exceeded', null, { 'retry-after': '1' });
    }
    this.running++;
    try {
      return await this.buildReport(q, groups);
    } finally {
      this.running--;
    }
  }

  private async buildReport(q: UsageQuery, groups: readonly UsageGroup[]): Promise<UsageReport> {
    // Portable SQL: the day is the integer day number (ts / 86400 is integer division in SQLite
    // and PostgreSQL alike), formatted here.
    const keys: Array<[expr: string, alias: string]> = [];
    if (groups.includes('day')) keys.push(['ts / 86400', 'day_number']);
    if (groups.includes('model')) keys.push(['model', 'model']);
    if (groups.includes('key')) keys.push(['key_id', 'key_id'], ['domain_id', 'domain_id']);
    const scope = q.domain_id === undefined ? { sql: '', params: [] } : { sql: ' WHERE domain_id = ?', params: [q.domain_id] };
    // The window actually holding records (two index lookups), within the one asked for.
    const first = await this.store.get<{ ts: unknown }>(`SELECT MIN(ts) AS ts FROM usage_records${scope.sql}`, scope.params);
    const last = await this.store.get<{ ts: unknown }>(`SELECT MAX(ts) AS ts FROM usage_records${scope.sql}`, scope.params);
    const empty: UsageReport = { object: 'list', data: [], totals: { requests: 0, input_tokens: 0, output_tokens: 0 } };
    if (first?.ts === null || first?.ts === undefined) return empty;
    const from = Math.max(q.start ?? -Infinity, Number(first.ts));
    const to = Math.min(q.end ?? Infinity, Number(last?.ts) + 1);
    if (!(from < to)) return empty;

    const select = [
      ...keys.map(([e, a]) => `${e} AS ${a}`),
      'COUNT(*) AS requests',
      'SUM(input_tokens) AS input_tokens',
      'SUM(output_tokens) AS output_tokens',
      'SUM(CASE WHEN status >= 400 THEN 1 ELSE 0 END) AS errors',
    ];
    const sql =
      `SELECT ${select.join(', ')} FROM usage_records WHERE ` +
      (q.domain_id === undefined ? '' : 'domain_id = ? AND ') +
      'ts >= ? AND ts < ?' +
      (keys.length ? ` GROUP BY ${keys.map(([e]) => e).join(', ')}` : '');
    const groupsOf = new Map<string, { key: Record<string, unknown>; row: UsageReportRow }>();
    let span = FIRST_SLICE_SECONDS;
    for (let lo = from; lo < to; ) {
      const hi = Math.min(to, lo + span);
      const t0 = performance.now();
      const rows = await this.store.all<Record<string, unknown>>(sql, [...scope.params, lo, hi]);
      const ms = performance.now() - t0;
      for (const r of rows) {
        const requests = Number(r.requests ?? 0);
        if (requests === 0) continue;
        const id = keys.map(([, a]) => String(r[a])).join('\u0000');
        let g = groupsOf.get(id);
        if (!g) {
          if (groupsOf.size >= this.maxRows) {
            throw invalid(`This usage report would have more than ${this.maxRows} rows: narrow the window ('start', 'end') or group by fewer fields.`, 'group_by');
          }
          g = { key: r, row: { requests: 0, input_tokens: 0, output_tokens: 0, errors: 0 } };
          groupsOf.set(id, g);
        }
        g.row.requests += requests;
        g.row.input_tokens += Number(r.input_tokens ?? 0);
        g.row.output_tokens += Number(r.output_tokens ?? 0);
        g.row.errors += Number(r.errors ?? 0);
      }
      lo = hi;
      // Aim every slice at about SLICE_TARGET_MS of work.
      if (ms > SLICE_TARGET_MS) span = Math.max(1, Math.floor(span / 2));
      else if (ms < SLICE_TARGET_MS / 4) span *= 2;
      if (lo < to) await yieldToLoop();
    }
    const sorted = [...groupsOf.values()].sort((a, b) => {
      for (const [, alias] of keys) {
        const x = a.key[alias];
        const y = b.key[alias];
        if (x === y) continue;
        if (alias === 'day_number') return Number(x) - Number(y);
        return String(x) < String(y) ? -1 : 1;
      }
      return 0;
    });
    const data: UsageReportRow[] = sorted.map(({ key, row }) => {
      const out: UsageReportRow = {} as UsageReportRow;
      if ('day_number' in key) out.day = dayString(Number(key.day_number));
      if ('model' in key) out.model = String(key.model);
      if ('key_id' in key) out.key_id = String(key.key_id);
      if ('domain_id' in key) out.domain_id = String(key.domain_id);
      return Object.assign(out, row);
    });
    const totals = data.reduce(
      (t, r) => ({ requests: t.requests + r.requests, input_tokens: t.input_tokens + r.input_tokens, output_tokens: t.output_tokens + r.output_tokens }),
      { requests: 0, input_tokens: 0, output_tokens: 0 },
    );
    return { object: 'list', data, totals };
  }
}
