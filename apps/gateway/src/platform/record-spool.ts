/**
 * A local append-only spool of the records a batch writer has not committed yet (usage records),
 * so that a record made before its request's answer completed survives the process being killed
 * (SIGKILL, an OOM kill, a crash) before its batch commits.
 *
 * Each record is one short JSON line (its INSERT parameters) appended with a synchronous write to
 * the OS (the page cache: no fsync per record, so it survives the process, not the machine). After
 * a batch commits, its records are settled: a segment file whose records are all settled is
 * deleted (or, the one being appended to, truncated). At start, before serving, the records left
 * by processes that are gone are written to the store (replay), then their files deleted; the
 * INSERT they are written with must ignore a record already there (ON CONFLICT (id) DO NOTHING on
 * a unique record id), since a process may die after its commit and before its settling.
 *
 * Layout: `<dir>/<instance>/owner.json` (pid, process start time, boot id, host name) and
 * `<dir>/<instance>/<n>.jsonl`, one directory per process that opened the spool. A directory whose
 * owner still runs (same host and boot, a process with that pid and start time) is never touched
 * by another: instances that share a data directory by mistake do not take each other's records.
 * (Across containers sharing a volume, pids are not comparable: give each instance its own data
 * directory, as the README says.)
 *
 * Bounded: at most `maxBytes` (default 64 MiB) of unsettled records; beyond, a record is dropped
 * and counted (logged once, then once per thousand), as the batch writer's memory buffer does.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Param } from './store/types.js';
import { errField, type PlatformLog } from './log.js';

export const DEFAULT_SPOOL_MAX_BYTES = 64 * 1024 * 1024;
const DEFAULT_SEGMENT_BYTES = 1024 * 1024;
const OWNER_FILE = 'owner.json';
const SEGMENT_FILE = /^\d+\.jsonl$/;
const REPLAY_BATCH = 500;

/** One segment file of this process's spool and the records in it not yet settled. */
export class SpoolSegment {
  appended = 0;
  settled = 0;
  bytes = 0;
  sealed = false;
  constructor(
    readonly path: string,
    public fd: number | null,
  ) {}
}

interface Owner {
  pid: number;
  /** The process's start time (/proc/<pid>/stat, clock ticks since boot); null off Linux. */
  start: string | null;
  boot: string | null;
  host: string;
}

function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After "pid (comm) ": field 3 onwards; the start time is field 22.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function bootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return null;
  }
}

const thisProcess = (): Owner => ({ pid: process.pid, start: processStart(process.pid), boot: bootId(), host: hostname() });

function readOwner(dir: string): Owner | null {
  try {
    const v: unknown = JSON.parse(readFileSync(join(dir, OWNER_FILE), 'utf8'));
    if (typeof v !== 'object' || v === null || !('pid' in v) || typeof v.pid !== 'number') return null;
    const str = (x: unknown) => (typeof x === 'string' ? x : null);
    return { pid: v.pid, start: 'start' in v ? str(v.start) : null, boot: 'boot' in v ? str(v.boot) : null, host: 'host' in v ? (str(v.host) ?? '') : '' };
  } catch {
    return null;
  }
}

/** Whether the process that wrote `o` still runs (another host, or since a reboot: no). */
function stillRuns(o: Owner, self: Owner): boolean {
  if (o.host !== self.host || o.boot !== self.boot) return false;
  if (o.start !== null) return processStart(o.pid) === o.start;
  try {
    process.kill(o.pid, 0);
    return true;
  } catch (err) {
    return err instanceof Error && 'code' in err && err.code === 'EPERM';
  }
}

const isParamRow = (v: unknown, length: number): v is Param[] =>
  Array.isArray(v) && v.length === length && v.every((x) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean');

export interface RecordSpoolOptions {
  /** The spool's directory (e.g. `<dataDir>/spool/usage`): one subdirectory per process. */
  dir: string;
  /** For log lines: 'usage'. */
  what: string;
  /** Unsettled bytes beyond which records are dropped (default 64 MiB). */
  maxBytes?: number;
  /** A segment is closed (and deleted once settled) past this size (default 1 MiB). */
  segmentBytes?: number;
  log?: PlatformLog;
}

export interface ReplayResult {
  /** Records read from the spools of processes that are gone. */
  records: number;
  /** Of those, rows the store did not already hold. */
  written: number;
  /** Lines that could not be read (a torn last line after a machine crash). */
  unreadable: number;
}

export class RecordSpool {
  /** This process's directory. */
  readonly home: string;
  /** Directories of processes that are gone, found at open: replay() writes and removes them. */
  private readonly orphans: string[];
  private active: SpoolSegment | null = null;
  private segments = 0;
  private bytes = 0;
  private dropped = 0;
  private failures = 0;
  private readonly maxBytes: number;
  private readonly segmentBytes: number;

  constructor(private readonly opts: RecordSpoolOptions) {
    this.maxBytes = Math.max(1, opts.maxBytes ?? DEFAULT_SPOOL_MAX_BYTES);
    this.segmentBytes = Math.max(1, opts.segmentBytes ?? DEFAULT_SEGMENT_BYTES);
    mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
    const self = thisProcess();
    this.orphans = readdirSync(opts.dir)
      .filter((name) => !name.startsWith('.'))
      .map((name) => join(opts.dir, name))
      .filter((dir) => {
        const owner = readOwner(dir);
        return owner === null || !stillRuns(owner, self);
      });
    // Made under a hidden name and renamed once its owner file is written: another process never
    // sees a directory without an owner.
    const id = `${Date.now()}-${process.pid}-${randomBytes(4).toString('hex')}`;
    const staging = join(opts.dir, `.${id}`);
    mkdirSync(staging, { mode: 0o700 });
    writeFileSync(join(staging, OWNER_FILE), JSON.stringify(self), { mode: 0o600 });
    this.home = join(opts.dir, id);
    renameSync(staging, this.home);
  }

  /** Records dropped because the spool was full. */
  get droppedCount(): number {
    return this.dropped;
  }

  /** Bytes of records not settled yet. */
  get pendingBytes(): number {
    return this.bytes;
  }

  /**
   * Appends one record (its INSERT parameters) and returns its segment, to settle once committed;
   * 'full' when the spool is at its cap (the record is dropped and counted); null when the write
   * failed (logged: the record is kept in memory only). Never throws.
   */
  append(row: readonly Param[]): SpoolSegment | 'full' | null {
    const line = `${JSON.stringify(row)}\n`;
    if (this.bytes + line.length > this.maxBytes) {
      this.dropped++;
      if (this.dropped === 1 || this.dropped % 1000 === 0) {
        this.opts.log?.error({ dropped: this.dropped, bytes: this.bytes }, `${this.opts.what}: the spool is full (the store is failing); records dropped`);
      }
      return 'full';
    }
    try {
      const seg = this.active ?? this.openSegment();
      if (seg.fd === null) return null;
      const n = writeSync(seg.fd, line);
      seg.bytes += n;
      this.bytes += n;
      if (n < line.length) throw new Error(`short write (${n} of ${line.length} bytes)`);
      seg.appended++;
      if (seg.bytes >= this.segmentBytes) this.seal(seg);
      return seg;
    } catch (err) {
      // Start a new segment for the next record, so that it is not appended to a torn line.
      if (this.active) this.seal(this.active);
      this.fail(err, 'a record could not be written to the spool (it is kept in memory only)');
      return null;
    }
  }

  /** One record of `seg` is committed (or given up): a segment all settled is deleted or emptied. */
  settle(seg: SpoolSegment): void {
    seg.settled++;
    this.tidy(seg);
  }

  /**
   * Closes this process's spool: what is settled is removed; what is not stays for the next start
   * to replay (a shutdown whose last commit failed).
   */
  close(): void {
    if (this.active) this.seal(this.active);
    try {
      if (readdirSync(this.home).every((name) => !SEGMENT_FILE.test(name))) rmSync(this.home, { recursive: true, force: true });
    } catch (err) {
      this.fail(err, 'the spool directory could not be removed');
    }
  }

  /**
   * Writes the records left by processes that are gone, `write` taking up to 500 rows at a time
   * (each row the record's INSERT parameters, `columns` of them), and removes each file once its
   * records are written. Rejects, leaving what is not written for the next start, if `write` does.
   */
  async replay(columns: number, write: (rows: Param[][]) => Promise<number>): Promise<ReplayResult> {
    const result: ReplayResult = { records: 0, written: 0, unreadable: 0 };
    for (const dir of this.orphans.splice(0)) {
      const files = readdirSync(dir)
        .filter((name) => SEGMENT_FILE.test(name))
        .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10));
      for (const name of files) {
        const rows: Param[][] = [];
        for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
          if (line === '') continue;
          let v: unknown;
          try {
            v = JSON.parse(line);
          } catch {
            v = undefined;
          }
          if (isParamRow(v, columns)) rows.push(v);
          else result.unreadable++;
        }
        for (let i = 0; i < rows.length; i += REPLAY_BATCH) {
          const chunk = rows.slice(i, i + REPLAY_BATCH);
          result.written += await write(chunk);
          result.records += chunk.length;
        }
        unlinkSync(join(dir, name));
      }
      rmSync(dir, { recursive: true, force: true });
    }
    return result;
  }

  private openSegment(): SpoolSegment {
    const path = join(this.home, `${String(++this.segments).padStart(6, '0')}.jsonl`);
    const seg = new SpoolSegment(path, openSync(path, 'a', 0o600));
    this.active = seg;
    return seg;
  }

  /** No more records go to `seg`: its file is closed, and deleted once all of them are settled. */
  private seal(seg: SpoolSegment): void {
    seg.sealed = true;
    if (this.active === seg) this.active = null;
    if (seg.fd !== null) {
      try {
        closeSync(seg.fd);
      } catch {
        /* already closed */
      }
      seg.fd = null;
    }
    this.tidy(seg);
  }

  private tidy(seg: SpoolSegment): void {
    if (seg.settled < seg.appended) return;
    try {
      if (seg.sealed) {
        unlinkSync(seg.path);
      } else if (seg.bytes > 0 && seg.fd !== null) {
        // The segment being appended to, all committed: emptied in place (appends go on at its end).
        ftruncateSync(seg.fd, 0);
        seg.appended = 0;
        seg.settled = 0;
      } else {
        return;
      }
    } catch (err) {
      if (!(err instanceof Error && 'code' in err && err.code === 'ENOENT')) this.fail(err, 'a committed spool segment could not be removed');
    }
    this.bytes -= seg.bytes;
    seg.bytes = 0;
  }

  private fail(err: unknown, msg: string): void {
    this.failures++;
    if (this.failures === 1 || this.failures % 1000 === 0) this.opts.log?.error({ err: errField(err), failures: this.failures }, `${this.opts.what}: ${msg}`);
  }
}
