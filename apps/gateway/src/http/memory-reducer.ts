/**
 * Gives the heap's garbage back to the OS once a burst of traffic is over.
 *
 * Under load V8 promotes request objects that happen to be in flight at two scavenges, and it
 * compacts the old generation only when that reaches its limit, which after a startup with a small
 * heap is several times the live set. When the traffic stops, nothing allocates any more, so no
 * collection runs, and V8's own memory reducer did not run either: measured, a gateway that served 60,000 requests held 200-250 MB for as long as it stayed idle,
 * of which 25 MB were live (`scripts/bench/rss-after-load.mjs`).
 *
 * So: when the traffic has been quiet for `idleMs` (at most a probe or a scrape a second), no
 * request is in flight, and V8's heap has grown by at least `growthBytes` (16 MB) since start, one
 * memory-reducing full collection runs, and a second one if the heap is still a quarter of that
 * above where it started. V8 shrinks its young generation (32 MB after load) in a full collection
 * only when its allocation rate is low, and it measures that rate between collections over the last
 * 5 s: the first collection still counts the burst, and so does a second one less than 5 s after it
 * (measured: a second one `idleMs` = 5 s after the first, on a 1 s check, left the young generation
 * at 32 MB in 3 runs of 4). So the second one waits until V8's window holds only the quiet time.
 * Each takes 20-80 ms with a 25 MB live set; after 55,000 requests the RSS once quiet was 94-105 MB,
 * against 199-231 MB right after the load (`rss-after-load.mjs`, docs/benchmarks.md, session 9). It
 * never runs under traffic, so it cannot stall a request in a stream or a burst; a request that
 * arrives during it waits that long, once.
 *
 * At the check after each collection glibc's `malloc_trim(0)` gives back the native memory the traffic freed
 * (@cordon/malloc-trim): glibc keeps it inside its heaps otherwise, and it was most of what the
 * RSS still held above idle (session 11: 64 of 143 MB after the overhead benchmark). Without the
 * addon (no C compiler at build) the start is logged once and the collections go on without it.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { trimFreedMemory, unavailableBecause } from '@cordon/malloc-trim';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Log } from '../log.js';
import { trafficOf } from './traffic.js';

export interface Collection {
  /** V8's heap, committed, before and after. */
  beforeBytes: number;
  afterBytes: number;
  /** The process's resident memory before the collection, and after the trim (at the next check). */
  rssBeforeBytes: number;
  rssAfterBytes: number;
  /** Whether malloc_trim gave native memory back (false: nothing to give, no addon, or traffic again). */
  trimmed: boolean;
  /** How long the collection took, and the trim. */
  ms: number;
  trimMs: number;
}

/** A collection before its trim. */
type Collected = Omit<Collection, 'rssAfterBytes' | 'trimmed' | 'trimMs'>;

export interface MemoryReducerOptions {
  /** How often the idle check runs. */
  checkMs?: number;
  /** How long the traffic must have been quiet. */
  idleMs?: number;
  /**
   * Requests per check that still count as quiet: health probes and metrics scrapes (every few
   * seconds) must not keep the heap from ever being collected. Default 1.
   */
  quietArrivals?: number;
  /**
   * The window over which V8 measures its allocation rate (5 s in V8's GC tracer); the second
   * collection comes more than this after the first. A test makes it short.
   */
  rateWindowMs?: number;
  /**
   * On V8 12 and later (Node 22, 24): one collection in the first quiet spell after start, if no
   * traffic came before it, whatever the heap's growth: the start-up's garbage (modules, the
   * contract's validators), whose pages V8 12 keeps (idle RSS 92-109 MB against Node 20's 78-81).
   * Not on Node 20: its V8 collects them itself some 9 s after start, and one of ours before that
   * left its young generation grown (idle 93 MB).
   */
  afterStart?: boolean;
  /**
   * Heap growth (committed bytes) that is worth a collection, above the smallest heap seen quiet
   * before traffic (at start, at a quiet check, after the start collection). 16 MB: after a burst V8
   * keeps its young generation at 32 MB (16 at start) and the old one some 15 MB above its live
   * set; at 32 MB such a heap (67 against 36 MB at start, measured after the overhead benchmark)
   * was never collected.
   */
  growthBytes?: number;
  /** Told of each collection, at the check after it (with the trim): heap, RSS, how long they took. */
  onCollect?(r: Collection): void;
  /** Where each collection is logged (info), and a missing malloc_trim addon (warn, at start). */
  log?: Pick<Log, 'info' | 'warn'>;
}

/** What the `gc` of `--expose-gc` takes (V8's gc extension). */
interface GcOptions {
  type: 'major';
  execution: 'sync';
  flavor: 'last-resort';
}

/**
 * V8 12 and later (Node 22, 24) keep the pages a collection empties in a pool, committed, for the
 * heap to grow into again; only a collection asked to reduce memory releases them. Node 20's V8
 * (11.3) releases them itself, shortly after the collection.
 */
export const V8_POOLS_FREED_PAGES = Number(process.versions.v8.split('.')[0]) >= 12;

/**
 * V8's full collection, as `--expose-gc` offers it (without exposing `gc` to the program), in its
 * memory-reducing form.
 * - Node 20: with `--compact-on-every-full-gc` for that one collection V8 evacuates the old
 *   generation's sparse pages and shrinks the young generation. A plain full collection frees the
 *   garbage but keeps the pages: measured on a heap of 88 MB old pages holding 4 MB live, a plain
 *   one left 121 MB committed and 172 MB RSS, this one 6 MB and 55 MB.
 * - Node 22 and 24: the "last-resort" collection (V8's CollectAllAvailableGarbage, what it runs
 *   under memory pressure: full collections that compact, shrink the young generation and release
 *   the pooled pages). The compacting one above left the pages in V8's pool: a heap grown to 300 MB
 *   RSS and freed stayed at 268 MB (Node 22) and 330 MB (Node 24), against 53 and 61 MB this way,
 *   in 32-40 ms (session 12 in docs/benchmarks.md). Node 20's V8 does not know this flavor.
 */
export function memoryReducingCollection(): () => void {
  const exposed: unknown = globalThis.gc;
  let gc: (options?: GcOptions) => void;
  if (typeof exposed === 'function') {
    gc = (options) => void exposed(options);
  } else {
    setFlagsFromString('--expose-gc');
    const made: unknown = runInNewContext('gc');
    setFlagsFromString('--no-expose-gc');
    if (typeof made !== 'function') throw new Error('V8 did not expose gc');
    gc = (options) => void made(options);
  }
  if (V8_POOLS_FREED_PAGES) return () => gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  return () => {
    setFlagsFromString('--compact-on-every-full-gc');
    try {
      gc();
    } finally {
      setFlagsFromString('--no-compact-on-every-full-gc');
    }
  };
}

/** The largest request body (bytes) whose request is kept as an example of its method's shapes. */
const KEPT_REQUEST_MAX_BODY = 64 * 1024;

/**
 * Keeps the last GET and the last small POST that `server` received referenced (the response, and
 * through it the request and what the gateway hangs on it, as the RequestContext), until the next
 * one replaces it. Returns its stop.
 *
 * Why: V8's memory-reducing collection keeps no hidden class ("map") that only dead objects still
 * use, and it throws away the optimized code that was compiled against one. Once traffic has
 * stopped, every request's objects are dead, so the idle collection took the compiled code of the
 * whole request path with it (Node's http and streams included): under the next traffic V8
 * recompiled about 170 functions on the one core the requests had, and the first 2 s after an idle
 * spell had a one-connection p99 of about 4 ms against 1.3-1.6 ms (session 20 in
 * docs/benchmarks.md). One live object of each shape keeps the maps, and the code with them. A
 * request with a larger body (or none declared) is not kept, so what stays is bounded. What stays
 * includes the request's headers, its bearer token too, in the heap until the next request: written
 * nowhere, but a heap snapshot of an idle gateway shows it, as it shows the requests in flight.
 */
function keepLastRequests(server: Server): () => void {
  const kept: { get: ServerResponse | null; post: ServerResponse | null } = { get: null, post: null };
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'GET') kept.get = res;
    else if (req.method === 'POST' && Number(req.headers['content-length']) <= KEPT_REQUEST_MAX_BODY) kept.post = res;
  };
  server.on('request', onRequest);
  return () => {
    server.off('request', onRequest);
    kept.get = kept.post = null;
  };
}

/** Starts the idle check on `server`'s traffic; returns its stop. */
export function reduceMemoryWhenIdle(server: Server, opts: MemoryReducerOptions = {}): () => void {
  const idleMs = opts.idleMs ?? 5000;
  const growth = opts.growthBytes ?? 16 * 2 ** 20;
  const collect = memoryReducingCollection();
  if (unavailableBecause !== null) opts.log?.warn({ reason: unavailableBecause }, 'idle: freed native memory stays with the allocator after traffic (no malloc_trim)');
  const quietArrivals = opts.quietArrivals ?? 1;
  const traffic = trafficOf(server);
  let arrivalsSeen = traffic.arrivals;
  let quietSince = performance.now();
  // Growth is measured from the smallest heap seen quiet before traffic: at a check with nothing
  // arrived and nothing collected yet in its quiet spell (Node 20's V8 shrinks its own start-up heap
  // some 9 s after start), and after the start collection. The heap at start still holds the
  // start-up's garbage (Node 22: 57 MB, 33 after the start collection), and growth measured from
  // there missed a heap grown to 72 MB by traffic (not collected in the overhead benchmark's 18 s).
  let baseline = getHeapStatistics().total_heap_size;
  let startDue = (opts.afterStart ?? false) && V8_POOLS_FREED_PAGES;
  const checkMs = opts.checkMs ?? 1000;
  const secondAfterMs = (opts.rateWindowMs ?? 5000) + checkMs;
  let collected = 0; // in this quiet spell
  let lastAt = 0;
  // A collection whose trim comes at the next check: V8 frees dead Buffers' memory (and Node 20's
  // emptied pages) off the main thread just after a collection, so a trim at once misses it.
  let untrimmed: Collected | null = null;
  const trimAndReport = (c: Collected) => {
    const t = performance.now();
    // Not with a request in flight: the trim takes milliseconds. The next quiet spell's will do.
    const trimmed = traffic.inFlight === 0 && trimFreedMemory();
    const done: Collection = { ...c, rssAfterBytes: process.memoryUsage.rss(), trimmed, trimMs: performance.now() - t };
    opts.onCollect?.(done);
    const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
    opts.log?.info({ heap_before_mb: mb(done.beforeBytes), heap_after_mb: mb(done.afterBytes), rss_before_mb: mb(done.rssBeforeBytes), rss_after_mb: mb(done.rssAfterBytes), trimmed, ms: Math.round(done.ms), trim_ms: Math.round(done.trimMs) }, 'idle: heap garbage collected after traffic');
  };
  const timer = setInterval(() => {
    const now = performance.now();
    if (traffic.arrivals - arrivalsSeen > quietArrivals) {
      quietSince = now;
      collected = 0;
      startDue = false; // the collections after traffic take it over
    }
    const quietCheck = traffic.arrivals === arrivalsSeen && traffic.inFlight === 0;
    arrivalsSeen = traffic.arrivals;
    if (quietCheck && collected === 0) baseline = Math.min(baseline, getHeapStatistics().total_heap_size);
    if (untrimmed) {
      trimAndReport(untrimmed);
      untrimmed = null;
      return;
    }
    if (traffic.inFlight > 0 || collected >= 2 || now - quietSince < idleMs) return;
    // The second one, when the first left the heap grown, once V8's rate window is past the first.
    if (collected === 1 && now - lastAt <= secondAfterMs) return;
    const before = getHeapStatistics().total_heap_size;
    // The second one only needs the heap to be still a quarter of that above where it started.
    if (before < baseline + (collected === 0 ? growth : growth / 4) && !startDue) return;
    const t = performance.now();
    const rssBefore = process.memoryUsage.rss();
    collect();
    collected++;
    lastAt = performance.now();
    untrimmed = { beforeBytes: before, afterBytes: getHeapStatistics().total_heap_size, rssBeforeBytes: rssBefore, ms: lastAt - t };
    if (startDue) baseline = Math.min(baseline, untrimmed.afterBytes);
    startDue = false;
  }, checkMs);
  timer.unref();
  const stopKeeping = keepLastRequests(server);
  return () => {
    clearInterval(timer);
    stopKeeping();
  };
}
