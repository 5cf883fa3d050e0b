/**
 * Gives the heap's garbage back to the OS once a burst of traffic is over.
 *
 * Under load V8 promotes request objects that happen to be in flight at two scavenges, and it
 * compacts the old generation only when that reaches its limit, which after a startup with a small
 * heap is several times the live set. When the traffic stops, nothing allocates any more, so no
 * collection runs, and V8's own memory reducer did not run either: measured, a gateway that served 60,000 requests held 200-250 MB for as long as it stayed idle,
 * of which 25 MB were live (`scripts/bench/rss-after-load.mjs`).
 *
 * So: when no request has arrived for `idleMs`, none is in flight, and V8's heap has grown by at
 * least `growthBytes` since the last collection made here (or since start), one memory-reducing
 * full collection runs: 20-80 ms with a 25 MB live set, measured after 60,000 requests; the RSS went
 * from 164 to 112 MB. It never runs under traffic, so it cannot stall a request in a stream or a
 * burst; a request that arrives during it waits that long, once. `idleMs` is 5 s because V8
 * shrinks its young generation (32 MB after load) only when its allocation rate, measured over the
 * last 5 s, is low.
 */
import type { Server, ServerResponse } from 'node:http';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface MemoryReducerOptions {
  /** How often the idle check runs. */
  checkMs?: number;
  /** How long without a new request counts as idle. */
  idleMs?: number;
  /** Heap growth (committed bytes) since the last collection made here that is worth one. */
  growthBytes?: number;
  /** Told of each collection: heap committed before and after, and how long it took. */
  onCollect?(r: { beforeBytes: number; afterBytes: number; ms: number }): void;
}

/**
 * V8's full collection, as `--expose-gc` offers it (without exposing `gc` to the program), in its
 * memory-reducing form: with `--compact-on-every-full-gc` for that one collection V8 evacuates the
 * old generation's sparse pages and shrinks the young generation. A plain full collection frees the
 * garbage but keeps the pages: measured on a heap of 88 MB old pages holding 4 MB live, a plain one
 * left 121 MB committed and 172 MB RSS, this one 6 MB and 55 MB (Node 20; on Node 22 and 24 the old
 * generation is compacted alike, the young one is not shrunk).
 */
function memoryReducingCollection(): () => void {
  const exposed: unknown = globalThis.gc;
  let gc: () => void;
  if (typeof exposed === 'function') {
    gc = () => void exposed();
  } else {
    setFlagsFromString('--expose-gc');
    const made: unknown = runInNewContext('gc');
    setFlagsFromString('--no-expose-gc');
    if (typeof made !== 'function') throw new Error('V8 did not expose gc');
    gc = () => void made();
  }
  return () => {
    setFlagsFromString('--compact-on-every-full-gc');
    try {
      gc();
    } finally {
      setFlagsFromString('--no-compact-on-every-full-gc');
    }
  };
}

/** Starts the idle check on `server`'s traffic; returns its stop. */
export function reduceMemoryWhenIdle(server: Server, opts: MemoryReducerOptions = {}): () => void {
  const idleMs = opts.idleMs ?? 5000;
  const growth = opts.growthBytes ?? 32 * 2 ** 20;
  const collect = memoryReducingCollection();
  let inFlight = 0;
  let lastArrival = 0;
  const ended = () => {
    inFlight--;
  };
  const arrived = (_req: unknown, res: ServerResponse) => {
    inFlight++;
    lastArrival = performance.now();
    res.once('close', ended);
  };
  server.on('request', arrived);
  let baseline = getHeapStatistics().total_heap_size;
  const timer = setInterval(() => {
    if (inFlight > 0 || performance.now() - lastArrival < idleMs) return;
    const before = getHeapStatistics().total_heap_size;
    if (before < baseline + growth) return;
    const t = performance.now();
    collect();
    baseline = getHeapStatistics().total_heap_size;
    opts.onCollect?.({ beforeBytes: before, afterBytes: baseline, ms: performance.now() - t });
  }, opts.checkMs ?? 1000);
  timer.unref();
  return () => {
    clearInterval(timer);
    server.off('request', arrived);
  };
}
