/**
 * A TCP fault proxy for tests: sits between a client and a real HTTP server on loopback and
 * misbehaves on demand.
 *
 *   const proxy = await startFaultProxy({ target: 'http://127.0.0.1:8080' });
 *   proxy.url                          // 'http://127.0.0.1:<port>' (append your path prefix)
 *   await proxy.setMode('refuse');     // nothing listens: ECONNREFUSED
 *   await proxy.setMode({ kind: 'cut', afterBytes: 300 });
 *   await proxy.setMode('pass');
 *   await proxy.close();
 *
 * Modes (a mode applies from the next request on; HTTP/1.1 keep-alive connections are tracked per
 * exchange: a new exchange starts when the client sends after it received response bytes):
 *  - 'pass'                         forward both ways;
 *  - 'refuse'                       stop listening (connections are refused) and drop open ones;
 *  - 'reset'                        accept, then reset the connection at once (ECONNRESET);
 *  - '500' / { kind: 'status', status, body? }   answer that status without asking the target;
 *  - { kind: 'delay', ms }          forward, but hold the response until `ms` after the request began;
 *  - { kind: 'cut', afterBytes }    forward the first `afterBytes` response bytes, then close the connection;
 *  - 'hang'                         accept and read, never answer.
 */
import net from 'node:net';

export type FaultMode =
  | 'pass'
  | 'refuse'
  | 'reset'
  | 'hang'
  | '500'
  | { kind: 'pass' }
  | { kind: 'refuse' }
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'status'; status: number; body?: string }
  | { kind: 'delay'; ms: number }
  | { kind: 'cut'; afterBytes: number };

type Normal =
  | { kind: 'pass' }
  | { kind: 'refuse' }
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'status'; status: number; body?: string }
  | { kind: 'delay'; ms: number }
  | { kind: 'cut'; afterBytes: number };

export interface FaultProxy {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  mode(): FaultMode;
  setMode(mode: FaultMode): Promise<void>;
  /** Counters since start (or the last `resetStats()`). */
  stats: { connections: number; exchanges: number };
  resetStats(): void;
  /** Destroy every open connection (keep-alive ones included), whatever the mode. */
  dropConnections(): void;
  close(): Promise<void>;
}

function normal(m: FaultMode): Normal {
  if (typeof m !== 'string') return m;
  if (m === '500') return { kind: 'status', status: 500 };
  return { kind: m };
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };

export async function startFaultProxy(opts: { target: string; mode?: FaultMode; host?: string }): Promise<FaultProxy> {
  const target = new URL(opts.target);
  const targetPort = Number(target.port || 80);
  const targetHost = target.hostname;
  const host = opts.host ?? '127.0.0.1';
  let mode: Normal = normal(opts.mode ?? 'pass');
  let rawMode: FaultMode = opts.mode ?? 'pass';
  const sockets = new Set<net.Socket>();
  const stats = { connections: 0, exchanges: 0 };

  const server = net.createServer((client) => {
    stats.connections++;
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    client.setNoDelay(true);

    let upstream: net.Socket | null = null;
    let ex: Normal = mode;
    let newExchange = true;
    let exchangeStart = 0;
    let sent = 0;
    let held: Buffer[] = [];
    let holdTimer: NodeJS.Timeout | null = null;
    let dead = false;

    const kill = () => {
      if (dead) return;
      dead = true;
      if (holdTimer) clearTimeout(holdTimer);
      client.resetAndDestroy();
      upstream?.resetAndDestroy();
    };

    const toClient = (buf: Buffer) => {
      if (dead) return;
      newExchange = true;
      if (ex.kind === 'cut') {
        const room = ex.afterBytes - sent;
        if (room <= 0) return kill();
        if (buf.length >= room) {
          // Deliver exactly `room` bytes, then close mid-response (FIN, so those bytes surely arrive).
          sent += room;
          dead = true;
          client.end(buf.subarray(0, room));
          upstream?.destroy();
          return;
        }
      }
      sent += buf.length;
      client.write(buf);
    };

    const fromUpstream = (buf: Buffer) => {
      if (dead) return;
      if (ex.kind === 'delay') {
        const wait = exchangeStart + ex.ms - Date.now();
        if (wait > 0 || held.length) {
          held.push(buf);
          if (!holdTimer) {
            holdTimer = setTimeout(() => {
              holdTimer = null;
              const all = held;
              held = [];
              for (const b of all) toClient(b);
            }, Math.max(0, wait));
          }
          return;
        }
      }
      toClient(buf);
    };

    const connectUpstream = () => {
      if (upstream) return;
      upstream = net.connect({ host: targetHost, port: targetPort });
      upstream.setNoDelay(true);
      upstream.on('data', fromUpstream);
      upstream.on('error', () => kill());
      upstream.on('end', () => {
        if (dead) return;
        const finish = () => !dead && client.end();
        if (holdTimer) {
          const wait = exchangeStart + (ex.kind === 'delay' ? ex.ms : 0) - Date.now();
          setTimeout(finish, Math.max(0, wait) + 5);
        } else finish();
      });
      upstream.on('close', () => {
        if (!dead && !holdTimer) client.end();
      });
    };

    client.on('data', (buf) => {
      if (dead) return;
      if (newExchange) {
        newExchange = false;
        ex = mode;
        exchangeStart = Date.now();
        sent = 0;
        stats.exchanges++;
        if (ex.kind === 'reset' || ex.kind === 'refuse') return kill();
        if (ex.kind === 'status') {
          const body = ex.body ?? JSON.stringify({ error: { message: `fault proxy: HTTP ${ex.status}`, type: 'server_error', param: null, code: null } });
          dead = true;
          client.end(
            `HTTP/1.1 ${ex.status} ${REASONS[ex.status] ?? 'Error'}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
          );
          upstream?.destroy();
          return;
        }
      }
      if (ex.kind === 'hang') return;
      if (ex.kind === 'status') return;
      connectUpstream();
      upstream!.write(buf);
    });
    client.on('end', () => upstream?.end());
    client.on('close', () => {
      if (holdTimer) clearTimeout(holdTimer);
      upstream?.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as net.AddressInfo).port;
  let listening = true;

  const dropConnections = () => {
    for (const s of sockets) s.resetAndDestroy();
    sockets.clear();
  };

  const stopListening = () =>
    new Promise<void>((resolve) => {
      if (!listening) return resolve();
      listening = false;
      server.close(() => resolve());
      dropConnections();
    });

  const startListening = () =>
    new Promise<void>((resolve, reject) => {
      if (listening) return resolve();
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        listening = true;
        resolve();
      });
    });

  if (mode.kind === 'refuse') await stopListening();

  return {
    url: `http://${host}:${port}`,
    port,
    stats,
    mode: () => rawMode,
    resetStats() {
      stats.connections = 0;
      stats.exchanges = 0;
    },
    dropConnections,
    async setMode(m: FaultMode) {
      rawMode = m;
      mode = normal(m);
      if (mode.kind === 'refuse') await stopListening();
      else await startListening();
    },
    async close() {
      dropConnections();
      if (listening) await new Promise<void>((r) => server.close(() => r()));
      listening = false;
    },
  };
}
