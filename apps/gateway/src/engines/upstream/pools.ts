/** One keep-alive undici Pool per upstream origin or Unix socket (and connect timeout), created on first use and reused. */
import { Pool } from 'undici';

export interface PoolOptions {
  /** Connections per origin (default 128). */
  connections?: number;
  /** How long an idle keep-alive socket is kept (default 4 s; the server's Keep-Alive hint wins when shorter). */
  keepAliveTimeoutMs?: number;
}

export class PoolSet {
  private readonly pools = new Map<string, Pool>();
  private closed = false;

  constructor(private readonly opts: PoolOptions = {}) {}

  get(origin: string, connectTimeoutMs: number, socketPath?: string): Pool {
    if (this.closed) throw new Error('the upstream engine is closed');
    const key = `${origin}|${socketPath ?? ''}|${connectTimeoutMs}`;
    let pool = this.pools.get(key);
    if (!pool) {
      pool = new Pool(origin, {
        connections: this.opts.connections ?? 128,
        pipelining: 1,
        keepAliveTimeout: this.opts.keepAliveTimeoutMs ?? 4_000,
        connect: socketPath ? { timeout: connectTimeoutMs, socketPath } : { timeout: connectTimeoutMs },
        // undici's own timeouts are off: the engine's timers (first byte, idle, total) run the show.
        headersTimeout: 0,
        bodyTimeout: 0,
      });
      this.pools.set(key, pool);
    }
    return pool;
  }

  /** Closes the pools of one Unix socket (its engine host is gone for good). */
  async closeSocket(socketPath: string): Promise<void> {
    const mark = `|${socketPath}|`;
    const doomed = [...this.pools].filter(([k]) => k.includes(mark));
    for (const [k] of doomed) this.pools.delete(k);
    await Promise.all(doomed.map(([, p]) => p.destroy().catch(() => {})));
  }

  get size(): number {
    return this.pools.size;
  }

  /** Closes every pool: in-flight requests get `graceMs` to finish, then sockets are destroyed. */
  async close(graceMs = 2_000): Promise<void> {
    this.closed = true;
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(
      pools.map(async (p) => {
        let timer: NodeJS.Timeout | undefined;
        const graceful = p.close().then(() => true, () => false);
        const late = new Promise<boolean>((r) => {
          timer = setTimeout(() => r(false), graceMs);
          timer.unref();
        });
        const ok = await Promise.race([graceful, late]);
        clearTimeout(timer);
        if (!ok) await p.destroy().catch(() => {});
      }),
    );
  }
}
