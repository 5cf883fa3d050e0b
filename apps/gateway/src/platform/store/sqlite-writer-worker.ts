/**
 * The SQLite writer thread's code (a worker_threads Worker, started by sqlite-writer-thread.ts).
 *
 * It opens its own better-sqlite3 connection to the gateway's database file, with the same
 * pragmas (WAL, synchronous=FULL, foreign keys, a busy timeout), and runs the batches it is sent:
 * one statement, once per row of parameters, in one transaction (BEGIN IMMEDIATE). The commit and
 * its fsync happen here, so they never hold the gateway's event loop. On one CPU it runs at a lower
 * priority than the request thread (`nice`, see src/http/one-cpu.ts). A reply is posted only once
 * the transaction has committed, so the main connection reads the rows from then on.
 *
 * Keep this file self-contained (only `node:` modules and better-sqlite3, and type-only imports):
 * under vitest it is started from its TypeScript source, transpiled to one CommonJS script.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** What the writer thread is started with. */
export interface WriterInit {
  file: string;
  nativeBinding?: string;
  busyTimeoutMs: number;
  /** Lower the thread to this nice value (on one CPU, so that it yields to the request thread). */
  nice?: number;
}

/** Parameters as they cross the thread boundary (a Buffer arrives as a Uint8Array). */
export type WireParam = string | number | bigint | null | Uint8Array;

export type WriterRequest = { type: 'write'; id: number; sql: string; rows: WireParam[][] } | { type: 'close' };

export type WriterReply = { id: number; changes: number } | { id: number; error: { message: string; code?: string } };

const MAX_CACHED_STATEMENTS = 100;

function main(): void {
  const port = parentPort;
  if (!port) throw new Error('sqlite-writer-worker runs only as a worker thread');
  const init: WriterInit = workerData;
  if (init.nice !== undefined) {
    try {
      setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), init.nice);
    } catch {
      // not Linux: the thread keeps the process's priority
    }
  }
  const db = new Database(init.file, { nativeBinding: init.nativeBinding || undefined, fileMustExist: true });
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(init.busyTimeoutMs))}`);

  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let st = statements.get(sql);
    if (!st) {
      if (statements.size >= MAX_CACHED_STATEMENTS) statements.clear();
      st = db.prepare(sql);
      statements.set(sql, st);
    }
    return st;
  };
  const bind = (p: WireParam) => (p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p.buffer, p.byteOffset, p.byteLength) : p);
  const batch = db.transaction((st: Database.Statement, rows: WireParam[][]) => {
    let changes = 0;
    for (const row of rows) changes += st.run(...row.map(bind)).changes;
    return changes;
  });

  port.on('message', (msg: WriterRequest) => {
    if (msg.type === 'close') {
      statements.clear();
      db.close();
      port.close(); // nothing else keeps this thread alive: it exits
      return;
    }
    let reply: WriterReply;
    try {
      reply = { id: msg.id, changes: batch.immediate(prepare(msg.sql), msg.rows) };
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      const code = (err as { code?: unknown } | null)?.code;
      reply = { id: msg.id, error: { message: e.message, ...(typeof code === 'string' ? { code } : {}) } };
    }
    port.postMessage(reply);
  });
}

main();
