/**
 * The SQLite writer thread, seen from the gateway's side: batch writes (every write of the
 * platform's services: usage records, stored responses, keys, the registry, ...) are posted to a
 * worker_threads Worker that commits them on its own connection (sqlite-writer-worker.ts), so a
 * commit's fsync never holds the event loop.
 *
 * The worker starts on the first batch (an idle gateway does not pay for a thread), runs one batch
 * at a time in the order they were posted, and keeps the process alive only while a batch is in
 * flight. Once no batch has come for `idleExitMs` it closes its connection and ends, and the next
 * batch starts a new one: a thread is a V8 isolate of its own, whose heap grows under load like the
 * gateway's and that nothing collects once the load is over (measured with
 * `scripts/bench/rss-after-load.mjs`: the gateway's RSS once quiet after 60,000 requests was 20-25
 * MB lower with the thread ended). close() waits for the batches in flight, closes the worker's
 * connection and ends the thread. If the thread dies, the batches in flight fail (their callers
 * keep the rows and retry) and the next batch starts a new one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { helperThreadNice } from '../../cpus.js';
import { normalizeParams } from './sql.js';
import { StoreError, type Param } from './types.js';
import type { WireParam, WriterInit, WriterReply, WriterRequest } from './sqlite-writer-worker.js';

const CLOSE_TIMEOUT_MS = 10_000;
/** How long the thread stays after its last batch (under traffic usage is flushed every second: it stays). */
const IDLE_EXIT_MS = 5_000;

interface Waiter {
  resolve(changes: number): void;
  reject(err: Error): void;
}

/**
 * The worker from the built `.js` next to this module; when running from the TypeScript sources
 * (vitest), from the `.ts`, transpiled here to one CommonJS script (the worker file imports only
 * `node:` modules and better-sqlite3, which `require` finds from the working directory).
 */
function startWorker(init: WriterInit): Worker {
  const js = new URL('./sqlite-writer-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return new Worker(js, { workerData: init });
  const source = readFileSync(fileURLToPath(new URL('./sqlite-writer-worker.ts', import.meta.url)), 'utf8');
  const ts: typeof import('typescript') = createRequire(import.meta.url)('typescript');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  return new Worker(outputText, { eval: true, workerData: init });
}

export class SqliteWriterThread {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiter>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private nextId = 0;
  private closing = false;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly init: WriterInit,
    private readonly idleExitMs = IDLE_EXIT_MS,
  ) {}

  /** True while a batch has been posted and not yet answered. */
  get busy(): boolean {
    return this.waiting.size > 0;
  }

  /** True while the thread runs (started by the first batch, ended by close()). */
  get running(): boolean {
    return this.worker !== null;
  }

  /** Settles once every batch posted so far has (committed or failed). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  /** Runs `sql` once per row, in one transaction, on the writer thread. Resolves after the commit. */
  write(sql: string, rows: readonly (readonly Param[])[]): Promise<number> {
    if (this.closing) return Promise.reject(new StoreError('The store is closed.'));
    clearTimeout(this.idleTimer);
    const worker = this.worker ?? this.start();
    const id = ++this.nextId;
    const wire: WireParam[][] = rows.map((r) => normalizeParams(r));
    const p = new Promise<number>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      if (this.waiting.size === 1) worker.ref();
      const msg: WriterRequest = { type: 'write', id, sql, rows: wire };
      worker.postMessage(msg);
    });
    const tracked = p.finally(() => this.inFlight.delete(tracked)).catch(() => undefined);
    this.inFlight.add(tracked);
    return p;
  }

  /**
   * Ends an idle thread: it closes its connection and exits on its own; the next batch starts a
   * new one at once (two connections for a moment are fine for SQLite in WAL mode).
   */
  private retire(worker: Worker): void {
    if (this.worker !== worker || this.waiting.size > 0) return;
    this.worker = null;
    worker.removeAllListeners();
    worker.on('error', () => undefined);
    const msg: WriterRequest = { type: 'close' };
    worker.postMessage(msg);
  }

  private start(): Worker {
    // When the process's helper threads yield to its request thread (http/one-cpu.ts), so does this one.
    const worker = startWorker({ ...this.init, nice: helperThreadNice() });
    this.worker = worker;
    worker.unref();
    worker.on('message', (reply: WriterReply) => {
      const w = this.waiting.get(reply.id);
      if (!w) return;
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) {
        worker.unref();
        this.idleTimer = setTimeout(() => this.retire(worker), this.idleExitMs).unref();
      }
      if ('error' in reply) w.reject(Object.assign(new Error(reply.error.message), reply.error.code ? { code: reply.error.code } : {}));
      else w.resolve(reply.changes);
    });
    const fail = (err: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
    };
    worker.on('error', (err) => fail(new StoreError(`The SQLite writer thread failed: ${err.message}`)));
    worker.on('exit', (code) => fail(new StoreError(`The SQLite writer thread exited (code ${code}).`)));
    return worker;
  }

  /** Waits for the batches in flight, then closes the thread's connection and ends it. Idempotent. */
  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.idleTimer);
    await this.settled();
    const worker = this.worker;
    if (!worker) return;
    worker.ref();
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    const msg: WriterRequest = { type: 'close' };
    worker.postMessage(msg);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), CLOSE_TIMEOUT_MS)));
    try {
      if ((await Promise.race([exited, late])) === 'late') await worker.terminate();
    } finally {
      clearTimeout(timer);
      if (this.worker === worker) this.worker = null;
    }
  }
}
