/**
 * A throwaway PostgreSQL server for tests: Debian's `postgresql` package (initdb and postgres from
 * /usr/lib/postgresql/<version>/bin), a new cluster in a temp directory, on a free loopback port,
 * fsync off, trust authentication for the `postgres` user. PostgreSQL refuses to run as root:
 * when the tests run as root, initdb and the server run as the `postgres` system user (the temp
 * directory is chowned to it). A missing installation is an error, never a skip.
 *
 *   const pg = await startPostgres();
 *   const url = await pg.createDatabase();   // a fresh, empty database: postgres://postgres@127.0.0.1:<port>/t_<n>
 *   ...
 *   await pg.stop();                          // the server stopped, its directory removed
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './redis.js';

const START_TIMEOUT_MS = 30_000;

/** The newest installed server's bin directory (PG_BIN overrides). */
export function postgresBinDir(): string | undefined {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

/** The uid/gid to run the server as: the `postgres` user when we are root, else ourselves. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error('PostgreSQL refuses to run as root and there is no `postgres` user (apt-get install postgresql makes one)');
  }
}

export interface TestPostgres {
  port: number;
  /** The maintenance database's URL (postgres://postgres@127.0.0.1:<port>/postgres). */
  url: string;
  /** The cluster's directory (every byte the server stored is under it). */
  dataDir: string;
  /** Creates a new empty database and returns its URL. */
  createDatabase(name?: string): Promise<string>;
  /** Runs SQL on the maintenance database (CHECKPOINT, pg_terminate_backend, ...). */
  query(sql: string, params?: unknown[]): Promise<pg.QueryResult>;
  /** The directory holding one database's files (base/<oid>). */
  databaseDir(url: string): Promise<string>;
  /** Stops the server (fast shutdown, then SIGKILL) and removes its directory. Idempotent. */
  stop(): Promise<void>;
}

let databases = 0;

export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql): /usr/lib/postgresql/<version>/bin/postgres not found');
  const user = serverUser();
  const root = mkdtempSync(join(tmpdir(), 'cordon-pg-'));
  const dataDir = join(root, 'data');
  const socketDir = join(root, 'sock');
  mkdirSync(socketDir);
  if (user) {
    for (const p of [root, socketDir]) chownSync(p, user.uid, user.gid);
  }
  const asServer = user ? { uid: user.uid, gid: user.gid } : {};
  const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };
  try {
    execFileSync(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-locale', '-E', 'UTF8', '--no-sync', '--no-instructions'], {
      ...asServer,
      env,
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`initdb failed: ${String((err as { stderr?: unknown }).stderr ?? err)}`);
  }

  const port = await freePort();
  const settings = {
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: socketDir,
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    max_connections: '300',
    shared_buffers: '32MB',
    logging_collector: 'off',
  };
  const args = ['-D', dataDir, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
  const proc: ChildProcess = spawn(join(bin, 'postgres'), args, { ...asServer, env, cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  proc.stderr!.on('data', (d) => (log = (log + d).slice(-8000)));
  // If the test process exits without stop(), the server goes too: at once on a normal exit, and
  // within a second if the process is killed (a watchdog shell waits for it to go).
  const killOnExit = () => proc.kill('SIGKILL');
  process.once('exit', killOnExit);
  const watchdog = spawn('/bin/sh', ['-c', 'while kill -0 "$0" 2>/dev/null; do sleep 1; done; kill -INT "$1" 2>/dev/null', String(process.pid), String(proc.pid)], {
    stdio: 'ignore',
    detached: true,
  });
  watchdog.unref();

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const admin = new pg.Pool({ connectionString: url, max: 2, allowExitOnIdle: true });
  admin.on('error', () => undefined);
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (proc.exitCode !== null) {
      watchdog.kill('SIGKILL');
      rmSync(root, { recursive: true, force: true });
      throw new Error(`postgres exited at start: ${log}`);
    }
    try {
      await admin.query('SELECT 1');
      break;
    } catch (err) {
      if (Date.now() > deadline) {
        proc.kill('SIGKILL');
        watchdog.kill('SIGKILL');
        rmSync(root, { recursive: true, force: true });
        throw new Error(`postgres did not start in ${START_TIMEOUT_MS} ms (${(err as Error).message}): ${log}`);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await admin.end().catch(() => undefined);
      if (proc.exitCode === null && proc.signalCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGINT'); // fast shutdown: disconnects clients
        const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      process.removeListener('exit', killOnExit);
      watchdog.kill('SIGKILL');
      rmSync(root, { recursive: true, force: true });
    })());

  return {
    port,
    url,
    dataDir,
    createDatabase: async (name = `t_${process.pid}_${++databases}`) => {
      await admin.query(`CREATE DATABASE "${name}"`);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    query: (sql, params) => admin.query(sql, params),
    databaseDir: async (dbUrl) => {
      const name = new URL(dbUrl).pathname.slice(1);
      const r = await admin.query<{ oid: number }>('SELECT oid FROM pg_database WHERE datname = $1', [name]);
      if (!r.rows[0]) throw new Error(`no database ${name}`);
      return join(dataDir, 'base', String(r.rows[0].oid));
    },
    stop,
  };
}

/** Every byte under a directory (a database's files, the WAL), for "the secret is nowhere" checks. */
export function bytesUnder(dir: string): Buffer {
  return Buffer.concat(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => readFileSync(join(e.parentPath, e.name))));
}
