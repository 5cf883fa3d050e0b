/**
 * What a node:http server is serving, counted once per server: the requests in flight (in all and on
 * each connection), the arrivals, and when the last request ended. Three things read it: the drain
 * on SIGTERM (`drainer` in server.ts: idle keep-alive connections go at once, busy ones when their
 * last request ends), an engine host's idle unload (engine-host/host-server.ts) and the idle
 * collection after traffic (memory-reducer.ts).
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface Traffic {
  /** Requests whose response has not closed yet. */
  readonly inFlight: number;
  /** Requests that have arrived since the count started (it only grows). */
  readonly arrivals: number;
  /** ms since the last request ended; 0 while one is in flight. */
  idleMs(): number;
  /** The open connections, each with its requests in flight. */
  readonly connections: ReadonlyMap<Socket, number>;
  /** `fn` is told of each connection whose last request in flight has just ended. */
  onConnectionIdle(fn: (socket: Socket) => void): void;
}

const counts = new WeakMap<Server, Traffic>();

/** A server's count (see Traffic): fields the interface shows read-only, not an object literal's getters (scripts/lint/no-literal-accessors.mjs). */
class ServerTraffic implements Traffic {
  inFlight = 0;
  arrivals = 0;
  readonly connections = new Map<Socket, number>();
  private lastEnded = performance.now();
  private readonly idleListeners: ((socket: Socket) => void)[] = [];

  constructor(server: Server) {
    server.on('connection', (s: Socket) => {
      this.connections.set(s, 0);
      s.once('close', () => this.connections.delete(s));
    });
    server.on('request', (req, res) => {
      const s = req.socket;
      this.inFlight++;
      this.arrivals++;
      this.connections.set(s, (this.connections.get(s) ?? 0) + 1);
      res.once('close', () => {
        this.inFlight--;
        this.lastEnded = performance.now();
        const n = (this.connections.get(s) ?? 1) - 1;
        if (this.connections.has(s)) this.connections.set(s, n);
        if (n === 0) for (const fn of this.idleListeners) fn(s);
      });
    });
  }

  idleMs(): number {
    return this.inFlight > 0 ? 0 : performance.now() - this.lastEnded;
  }

  onConnectionIdle(fn: (socket: Socket) => void): void {
    this.idleListeners.push(fn);
  }
}

/** The count of `server`'s traffic, started by the first call (one set of listeners per server). */
export function trafficOf(server: Server): Traffic {
  let traffic = counts.get(server);
  if (!traffic) counts.set(server, (traffic = new ServerTraffic(server)));
  return traffic;
}
