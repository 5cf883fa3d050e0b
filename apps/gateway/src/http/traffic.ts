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

/** The count of `server`'s traffic, started by the first call (one set of listeners per server). */
export function trafficOf(server: Server): Traffic {
  const known = counts.get(server);
  if (known) return known;
  const connections = new Map<Socket, number>();
  const idleListeners: ((socket: Socket) => void)[] = [];
  let inFlight = 0;
  let arrivals = 0;
  let lastEnded = performance.now();
  server.on('connection', (s: Socket) => {
    connections.set(s, 0);
    s.once('close', () => connections.delete(s));
  });
  server.on('request', (req, res) => {
    const s = req.socket;
    inFlight++;
    arrivals++;
    connections.set(s, (connections.get(s) ?? 0) + 1);
    res.once('close', () => {
      inFlight--;
      lastEnded = performance.now();
      const n = (connections.get(s) ?? 1) - 1;
      if (connections.has(s)) connections.set(s, n);
      if (n === 0) for (const fn of idleListeners) fn(s);
    });
  });
  const traffic: Traffic = {
    get inFlight() {
      return inFlight;
    },
    get arrivals() {
      return arrivals;
    },
    idleMs: () => (inFlight > 0 ? 0 : performance.now() - lastEnded),
    connections,
    onConnectionIdle: (fn) => void idleListeners.push(fn),
  };
  counts.set(server, traffic);
  return traffic;
}
