/**
 * Buffered, batched inserts off the request path (usage records, guardrail violations).
 *
 * push() is synchronous and cheap. The buffer is written in batches (one transaction each, through
 * Store.writeBatch, which commits off the event loop) when it holds `batchSize` rows, or
 * `intervalMs` after the first unwritten one, never in the caller's tick. flush() writes
 * everything buffered and resolves once it is committed; close() does too and then refuses new rows, so
 * nothing is lost on a graceful shutdown. A failed write keeps its rows and retries with backoff;
 * the buffer is bounded (`maxBuffered`, oldest dropped first, and logged) so a failing store
 * cannot eat the memory.
 *
 * With a `spool` (record-spool.ts), push() also appends the row to it before returning, and each
 * row is settled in it once its batch has committed (or once it is dropped): a process killed
 * before the commit leaves the row there for the next start to write.
 */
import type { Param, Store } from './store/types.js';
import { errField, type PlatformLog } from './log.js';
import type { RecordSpool, SpoolSegment } from './record-spool.js';

export interface BatchWriterOptions<T> {
  /** For log lines: 'usage', 'guardrail violations'. */
  what: string;
  /** One INSERT statement with `?` placeholders. */
  insert: string;
  params(row: T): Param[];
  batchSize?: number;
  intervalMs?: number;
  maxBuffered?: number;
  /** Where each row is kept, outside the process, until its batch commits. */
  spool?: RecordSpool;
  log?: PlatformLog;
}

/** A buffered row: its INSERT parameters, and the spool segment holding it (if spooled). */
interface Pending {
  row: Param[];
  seg: SpoolSegment | null;
}

const MAX_BACKOFF_MS = 30_000;

export class BatchWriter<T> {
  private buffer: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private immediate: NodeJS.Immediate | null = null;
  /** Writes run one after another on this chain. */
  private chain: Promise<void> = Promise.resolve();
  private failures = 0;
  private dropped = 0;
  private closed = false;
  private readonly batchSize: number;
  private readonly intervalMs: number;
  private readonly maxBuffered: number;

  constructor(
    private readonly store: Store,
    private readonly opts: BatchWriterOptions<T>,
  ) {
    this.batchSize = Math.max(1, opts.batchSize ?? 200);
    this.intervalMs = Math.max(1, opts.intervalMs ?? 1000);
    this.maxBuffered = Math.max(this.batchSize, opts.maxBuffered ?? 100_000);
  }

  /** Rows not yet written. */
  get pending(): number {
    return this.buffer.length;
  }

  /** Rows dropped (buffer full, or pushed after close). */
  get droppedCount(): number {
    return this.dropped;
  }

  push(row: T): void {
    if (this.closed) {
      this.drop(1, `${this.opts.what}: a record arrived after close and was dropped`);
      return;
    }
    const params = this.opts.params(row);
    let seg: SpoolSegment | null = null;
    if (this.opts.spool) {
      const spooled = this.opts.spool.append(params);
      if (spooled === 'full') return; // dropped and counted by the spool
      seg = spooled;
    }
    this.buffer.push({ row: params, seg });
    if (this.buffer.length > this.maxBuffered) {
      const oldest = this.buffer.splice(0, this.buffer.length - this.maxBuffered);
      this.settle(oldest);
      this.drop(oldest.length, `${this.opts.what}: buffer full (the store is failing); oldest records dropped`);
    }
    if (this.failures > 0) return; // a retry is already scheduled
    if (this.buffer.length >= this.batchSize) {
      this.immediate ??= setImmediate(() => {
        this.immediate = null;
        this.background();
      });
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.background();
      }, this.intervalMs);
      this.timer.unref();
    }
  }

  /** Rows committed or given up: their spool segments may go. */
  private settle(rows: readonly Pending[]): void {
    const spool = this.opts.spool;
    if (!spool) return;
    for (const p of rows) if (p.seg) spool.settle(p.seg);
  }

  /** Count dropped rows; log the first and then one line per thousand. */
  private drop(n: number, msg: string): void {
    const before = this.dropped;
    this.dropped += n;
    if (before === 0 || Math.floor(before / 1000) !== Math.floor(this.dropped / 1000)) this.opts.log?.error({ dropped: this.dropped }, msg);
  }

  private background(): void {
    this.flush().catch(() => {
      /* logged in write(); retried on the backoff timer */
    });
  }

  /** Write everything buffered now. Rejects if the store fails (the rows are kept and retried). */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const next = this.chain.then(() => this.write());
    this.chain = next.catch(() => {});
    return next;
  }

  private async write(): Promise<void> {
    // What is buffered now. Rows pushed while a batch commits (off the event loop, so requests go on)
    // wait for their own full batch or the timer: no trickle of tiny transactions, an fsync each.
    let left = this.buffer.length;
    while (left > 0 && this.buffer.length > 0) {
      const batch = this.buffer.splice(0, Math.min(this.batchSize, left));
      left -= batch.length;
      try {
        await this.store.writeBatch(
          this.opts.insert,
          batch.map((p) => p.row),
        );
        this.settle(batch);
        this.failures = 0;
        // Let requests run between batches: a large buffer is written in many short steps.
        if (left > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      } catch (err) {
        this.buffer.unshift(...batch);
        this.failures++;
        this.opts.log?.error({ err: errField(err), pending: this.buffer.length }, `${this.opts.what}: write failed; will retry`);
        if (!this.closed && !this.timer) {
          const delay = Math.min(MAX_BACKOFF_MS, this.intervalMs * 2 ** Math.min(this.failures, 15));
          this.timer = setTimeout(() => {
            this.timer = null;
            this.background();
          }, delay);
          this.timer.unref();
        }
        throw err;
      }
    }
  }

  /**
   * Write everything, then refuse new rows. Rejects (after logging how many were not written) if
   * the store fails; with a spool, those stay in it and are written at the next start.
   */
  async close(): Promise<void> {
    this.closed = true;
    if (this.immediate) clearImmediate(this.immediate);
    this.immediate = null;
    try {
      await this.flush();
    } catch (err) {
      const spooled = this.buffer.filter((p) => p.seg !== null).length;
      this.opts.log?.error(
        { err: errField(err), lost: this.buffer.length - spooled, spooled },
        `${this.opts.what}: records could not be written at shutdown${spooled ? ' (the spooled ones are written at the next start)' : ''}`,
      );
      throw err;
    } finally {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.opts.spool?.close();
    }
  }
}
