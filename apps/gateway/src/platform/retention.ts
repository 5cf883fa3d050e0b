/**
 * Retention: usage and guardrail-violation records older than their retention, and keys revoked or
 * expired longer ago than theirs, are deleted by a background job, a small batch per statement with the event loop running in between, so pruning
 * never holds SQLite's write lock for long. Each batch is a Store.writeBatch, which commits off the
 * event loop (with SQLite, on the writer thread, after the usage batches queued before it).
 */
import type { Store } from './store/types.js';
import { errField, type PlatformLog } from './log.js';
import { now } from './util.js';

export interface RetentionOptions {
  /** Days of usage records kept (0: forever). */
  usageDays: number;
  /** Days of guardrail violations kept (0: forever). */
  violationsDays: number;
  /** Days a revoked or expired key is kept after its revocation or expiry (0: forever). */
  deadKeysDays?: number;
  /** How often the job runs, ms (0: never automatically). */
  intervalMs: number;
  /** Rows deleted per statement (default 250: a few ms each). */
  batchSize?: number;
  log?: PlatformLog;
}

export interface PruneResult {
  usage: number;
  violations: number;
  /** Keys revoked or expired longer ago than their retention. */
  keys: number;
}

const DAY = 86_400;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What is pruned by time: a table and its time column, with an index that starts with it (see migrations). */
const PRUNED = {
  usage: { table: 'usage_records', column: 'ts' },
  violations: { table: 'guardrail_violations', column: 'ts' },
  revokedKeys: { table: 'api_keys', column: 'revoked_at' },
  expiredKeys: { table: 'api_keys', column: 'expires_at' },
} as const;

export class RetentionPruner {
  private timer: NodeJS.Timeout | null = null;
  private first: NodeJS.Timeout | null = null;
  private running: Promise<PruneResult> | null = null;
  private stopped = false;
  private readonly batchSize: number;

  constructor(
    private readonly store: Store,
    private readonly opts: RetentionOptions,
  ) {
    this.batchSize = Math.max(1, opts.batchSize ?? 250);
    if (opts.intervalMs > 0 && (opts.usageDays > 0 || opts.violationsDays > 0 || (opts.deadKeysDays ?? 0) > 0)) {
      const run = () => {
        this.prune().catch((err) => opts.log?.warn({ err: errField(err) }, 'pruning old usage and violation records failed'));
      };
      // The first pass a minute after start (or sooner), so a gateway that restarts often still prunes.
      this.first = setTimeout(run, Math.min(opts.intervalMs, 60_000));
      this.first.unref();
      this.timer = setInterval(run, opts.intervalMs);
      this.timer.unref();
    }
  }

  /** One pass over every table (a pass already running is joined, not repeated). */
  prune(): Promise<PruneResult> {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<PruneResult> {
    const keysDays = this.opts.deadKeysDays ?? 0;
    const result: PruneResult = {
      usage: await this.pruneTable(PRUNED.usage, this.opts.usageDays),
      violations: await this.pruneTable(PRUNED.violations, this.opts.violationsDays),
      keys: (await this.pruneTable(PRUNED.revokedKeys, keysDays)) + (await this.pruneTable(PRUNED.expiredKeys, keysDays)),
    };
    if (result.usage + result.violations + result.keys > 0) this.opts.log?.info({ ...result }, 'pruned records past their retention');
    return result;
  }

  private async pruneTable({ table, column }: { table: string; column: string }, days: number): Promise<number> {
    if (days <= 0) return 0;
    const before = now() - days * DAY;
    let total = 0;
    for (;;) {
      if (this.stopped || this.store.closed) return total;
      // ORDER BY the time column: the planner walks its index (and stops after a batch).
      const { changes } = await this.store.writeBatch(`DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE ${column} < ? ORDER BY ${column} LIMIT ?)`, [
        [before, this.batchSize],
      ]);
      total += changes;
      if (changes < this.batchSize) return total;
      await yieldToLoop();
    }
  }

  /** Stop the timer; a pass in progress ends after its current batch. */
  async close(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.first) clearTimeout(this.first);
    this.timer = this.first = null;
    await this.running?.catch(() => undefined);
  }
}
