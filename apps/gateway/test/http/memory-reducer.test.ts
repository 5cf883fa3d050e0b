// The idle collection after traffic (src/http/memory-reducer.ts), on a real node:http server in
// this process: it runs once the server has been idle and the heap has grown, never while a request
// is in flight or soon after one arrived, and it gives the heap back.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { getStatus } from '../support/raw-http.js';
import { memoryReducingCollection, reduceMemoryWhenIdle, V8_POOLS_FREED_PAGES, type Collection } from '../../src/http/memory-reducer.js';
import { loadConfig } from '../../src/config.js';
import { HOST_CONFIG_ENV, hostConfigOf, loadHostConfig } from '../../src/engine-host/config.js';

let server: Server;
let stop = () => {};
afterEach(async () => {
  stop();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits (up to 10 s, so that a loaded CI machine does not fail it) until `list` has an entry. */
async function until(list: unknown[]): Promise<void> {
  for (let t = 0; t < 200 && list.length === 0; t++) await sleep(50);
}

/**
 * Grows V8's heap by some 30 MB that stays live until `drop()`: its committed size then stays grown
 * until a full collection, whatever V8 collected before (earlier tests, other allocations).
 */
function growHeap(): { drop(): void } {
  let held: { n: number; s: string }[] | null = [];
  for (let i = 0; i < 400_000; i++) held.push({ n: i, s: `garbage ${i}` });
  return {
    drop: () => {
      held = null;
    },
  };
}

async function listen(handler: Parameters<typeof createServer>[1]): Promise<number> {
  server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return (server.address() as AddressInfo).port;
}


describe('collecting the heap once idle after traffic', () => {
  it('collects after idleMs without requests, once the heap has grown, and gives memory back', async () => {
    let arrivedAt = 0;
    const port = await listen((_req, res) => {
      arrivedAt = performance.now();
      res.end('ok');
    });
    const collections: { beforeBytes: number; afterBytes: number; ms: number; at: number }[] = [];
    stop = reduceMemoryWhenIdle(server, { checkMs: 50, idleMs: 400, quietArrivals: 0, growthBytes: 8 * 2 ** 20, onCollect: (r) => collections.push({ ...r, at: performance.now() }) });
    const grown = growHeap();
    expect(await getStatus(port)).toBe(200);
    grown.drop();
    await until(collections);
    const [c] = collections;
    expect(c.at - c.ms - arrivedAt).toBeGreaterThanOrEqual(400 - 50); // not before idleMs without a request (checked every 50 ms)
    expect(c.afterBytes).toBeLessThan(c.beforeBytes);
    await sleep(1500);
    expect(collections.length).toBeLessThanOrEqual(2); // a second one at most, in one quiet spell
  });

  it("a second collection, when the first left the heap grown, comes only once V8's allocation-rate window is past the first", async () => {
    // V8 shrinks its young generation in a full collection only when its allocation rate, measured
    // between collections over the last 5 s (rateWindowMs here, shorter), no longer counts the burst.
    const port = await listen((_req, res) => res.end('ok'));
    const collections: number[] = [];
    stop = reduceMemoryWhenIdle(server, { checkMs: 50, idleMs: 200, quietArrivals: 0, growthBytes: 8 * 2 ** 20, rateWindowMs: 1000, onCollect: () => collections.push(performance.now()) });
    expect(await getStatus(port)).toBe(200);
    const held = growHeap(); // live through both: the heap stays grown after the first
    for (let t = 0; t < 200 && collections.length < 2; t++) await sleep(50);
    expect(collections).toHaveLength(2);
    expect(collections[1]! - collections[0]!).toBeGreaterThan(1000);
    held.drop();
  });

  it('never collects while a request is in flight, however long it has been idle', async () => {
    let finish = () => {};
    let arrived = () => {};
    const inHandler = new Promise<void>((r) => (arrived = r));
    const port = await listen((_req, res) => {
      finish = () => res.end('late');
      arrived();
    });
    const collections: unknown[] = [];
    stop = reduceMemoryWhenIdle(server, { checkMs: 50, idleMs: 200, quietArrivals: 0, growthBytes: 8 * 2 ** 20, onCollect: (r) => collections.push(r) });
    const answer = getStatus(port);
    await inHandler;
    const grown = growHeap();
    await sleep(700);
    expect(collections).toHaveLength(0);
    grown.drop();
    finish();
    expect(await answer).toBe(200);
    await until(collections);
    expect(collections).toHaveLength(1);
  });

  it('a probe now and then is quiet, a burst is not', async () => {
    const port = await listen((_req, res) => res.end('ok'));
    const collections: unknown[] = [];
    stop = reduceMemoryWhenIdle(server, { checkMs: 100, idleMs: 500, quietArrivals: 1, growthBytes: 8 * 2 ** 20, onCollect: (r) => collections.push(r) });
    const grown = growHeap();
    // A burst every 100 ms (more than one request per check) for 1 s: never quiet.
    for (let t = 0; t < 10; t++) {
      await Promise.all([getStatus(port), getStatus(port), getStatus(port), getStatus(port)]);
      await sleep(100);
    }
    expect(collections).toHaveLength(0);
    grown.drop();
    // Then one request every 300 ms, as a health probe: quiet; the collection comes.
    for (let t = 0; t < 30 && collections.length === 0; t++) {
      expect(await getStatus(port)).toBe(200);
      await sleep(300);
    }
    expect(collections).toHaveLength(1);
  });

  it("gives V8's emptied pages back to the OS (RSS), on each Node it runs on (also a smoke test on Node 22 and 24)", async () => {
    // Node 22's and 24's V8 keep emptied pages in a pool, committed, unless the collection is one
    // that reduces memory: a compacting full collection left a freed 300 MB heap at 268-330 MB RSS.
    await listen((_req, res) => res.end('ok'));
    const collections: Collection[] = [];
    stop = reduceMemoryWhenIdle(server, { checkMs: 50, idleMs: 200, quietArrivals: 0, growthBytes: 8 * 2 ** 20, onCollect: (r) => collections.push(r) });
    let held: { i: number; s: string }[][] | null = [];
    for (let r = 0; r < 30; r++) {
      const a: { i: number; s: string }[] = [];
      for (let i = 0; i < 100_000; i++) a.push({ i, s: `x${i}` });
      held.push(a);
      if (held.length > 10) held.shift();
    }
    const grown = process.memoryUsage.rss();
    expect(held).toHaveLength(10);
    held = null;
    await until(collections);
    await sleep(2000); // Node 20's V8 unmaps the pages shortly after the collection, off the main thread
    expect((grown - process.memoryUsage.rss()) / 2 ** 20).toBeGreaterThan(100);
  });

  it("gives back the native memory the traffic freed, which glibc's free() kept (malloc_trim after the collection)", async () => {
    // 64 MB of Buffers (glibc's heap, not mmap) live while a request is served, freed when its
    // answer is sent, but for every 64th, which stays live: glibc cannot return the rest by
    // shrinking its heap's top, only malloc_trim can (one pin after them all was not enough: it
    // could land in an older hole, and then free() itself gave the 64 MB back from the top). The
    // heap grows with their JavaScript objects.
    const pins: Buffer[] = [];
    const port = await listen((_req, res) => {
      const held: Buffer[] = [];
      for (let i = 0; i < 16384; i++) (i % 64 === 63 ? pins : held).push(Buffer.allocUnsafeSlow(4000));
      res.end(`ok ${held.length}`);
    });
    const collections: Collection[] = [];
    // The trim comes at the check after the collection: 250 ms, for V8's sweeper to have freed the
    // Buffers on a busy machine (the gateway checks every second).
    stop = reduceMemoryWhenIdle(server, { checkMs: 250, idleMs: 250, quietArrivals: 0, growthBytes: 1, onCollect: (r) => collections.push(r) });
    expect(await getStatus(port)).toBe(200);
    for (let t = 0; t < 200 && collections.length < 2; t++) await sleep(50);
    const seen = JSON.stringify(collections);
    expect(collections.some((c) => c.trimmed), seen).toBe(true);
    const first = collections[0]!;
    const last = collections[collections.length - 1]!;
    expect((first.rssBeforeBytes - last.rssAfterBytes) / 2 ** 20, seen).toBeGreaterThan(40);
    expect(pins).toHaveLength(256);
  });

  it("keeps the code V8 optimized for the last request's objects through the collection (without them it is thrown away)", async () => {
    // V8's memory-reducing collection keeps no hidden class that only dead objects use, and drops
    // the optimized code compiled against one. The reducer keeps the last GET (and small POST)
    // referenced, and with it what hangs on the request, as the gateway's RequestContext does.
    // A request's object here: a class whose instances gain a property after construction (a map
    // reached only through V8's weak transitions), read by a function V8 is told to optimize.
    setFlagsFromString('--allow-natives-syntax');
    const natives = {
      prepare: new Function('f', '%PrepareFunctionForOptimization(f);'),
      optimizeOnNextCall: new Function('f', '%OptimizeFunctionOnNextCall(f);'),
      status: new Function('f', 'return %GetOptimizationStatus(f);'),
    };
    const isOptimized = (f: unknown) => (Number(Reflect.apply(natives.status, undefined, [f])) & 16) !== 0; // V8's kOptimized bit
    class Attached {
      extra = '';
      constructor(readonly n: number) {}
    }
    class Detached {
      extra = '';
      constructor(readonly n: number) {}
    }
    const readAttached = (c: Attached) => c.n + c.extra.length;
    const readDetached = (c: Detached) => c.n + c.extra.length;
    const ATTACHED = Symbol('attached');
    let n = 0;
    const port = await listen((req: IncomingMessage & { [ATTACHED]?: Attached }, res) => {
      n++;
      if (req.url === '/attached') {
        const c = new Attached(n);
        c.extra = req.url;
        req[ATTACHED] = c; // as RequestContext.for does
        res.end(String(readAttached(c)));
      } else {
        const c = new Detached(n);
        c.extra = req.url ?? '';
        res.end(String(readDetached(c)));
      }
    });
    const collections: Collection[] = [];
    // Whatever the heap's growth (another test's subject; this worker's heap at the start depends on
    // the tests before): the collection comes once the server has been idle for idleMs.
    stop = reduceMemoryWhenIdle(server, { checkMs: 50, idleMs: 300, quietArrivals: 0, growthBytes: Number.NEGATIVE_INFINITY, onCollect: (r) => collections.push(r) });
    const get = async (path: string) => (await fetch(`http://127.0.0.1:${port}${path}`)).text();
    for (const [path, read] of [['/detached', readDetached], ['/attached', readAttached]] as const) {
      Reflect.apply(natives.prepare, undefined, [read]);
      await get(path);
      await get(path);
      Reflect.apply(natives.optimizeOnNextCall, undefined, [read]);
      await get(path);
    }
    expect(isOptimized(readDetached)).toBe(true);
    expect(isOptimized(readAttached)).toBe(true);
    await until(collections);
    expect(collections).not.toHaveLength(0);
    expect(isOptimized(readDetached)).toBe(false); // its objects died: V8 dropped the code
    expect(isOptimized(readAttached)).toBe(true); // the last GET kept its request's object alive
  });

  it('measures growth from the smallest heap seen while quiet, not from the heap at start (which holds the start-up garbage)', async () => {
    const port = await listen((_req, res) => res.end('ok'));
    // The start-up's garbage, in the heap when the check starts (about 60 MB committed).
    const startUp = [growHeap(), growHeap()];
    const collections: Collection[] = [];
    stop = reduceMemoryWhenIdle(server, { checkMs: 50, idleMs: 300, quietArrivals: 0, growthBytes: 16 * 2 ** 20, onCollect: (r) => collections.push(r) });
    // Then given back while quiet: Node 20's V8 does so itself some 9 s after start; on Node 22 and 24 the start collection does.
    for (const g of startUp) g.drop();
    memoryReducingCollection()();
    await sleep(300);
    expect(collections).toHaveLength(0);
    // Traffic grows the heap by about 30 MB: more than growthBytes above the quiet heap, less than above the heap at start.
    const traffic = growHeap();
    expect(await getStatus(port)).toBe(200);
    traffic.drop();
    await until(collections);
    expect(collections.length).toBeGreaterThanOrEqual(1);
  });

  it('does not collect when the heap has not grown', async () => {
    await listen((_req, res) => res.end('ok'));
    const collections: unknown[] = [];
    stop = reduceMemoryWhenIdle(server, { checkMs: 50, idleMs: 100, growthBytes: 512 * 2 ** 20, onCollect: (r) => collections.push(r) });
    await sleep(500);
    expect(collections).toHaveLength(0);
  });

  it('afterStart: on Node 22 and 24, one collection in the first quiet spell after start, although the heap has not grown; none on Node 20, nor after traffic', async () => {
    const port = await listen((_req, res) => res.end('ok'));
    const collections: Collection[] = [];
    stop = reduceMemoryWhenIdle(server, { checkMs: 50, idleMs: 100, growthBytes: 512 * 2 ** 20, afterStart: true, onCollect: (r) => collections.push(r) });
    await sleep(800);
    expect(collections).toHaveLength(V8_POOLS_FREED_PAGES ? 1 : 0);
    stop();
    // Traffic before the first quiet spell: the start-up's collection is left to the ones after traffic.
    collections.length = 0;
    stop = reduceMemoryWhenIdle(server, { checkMs: 50, idleMs: 300, quietArrivals: 0, growthBytes: 512 * 2 ** 20, afterStart: true, onCollect: (r) => collections.push(r) });
    await sleep(100);
    expect(await getStatus(port)).toBe(200);
    await sleep(800);
    expect(collections).toHaveLength(0);
  });

  it('is on by default; CORDON_IDLE_GC=false turns it off for the gateway and the engine hosts it starts', () => {
    expect(loadConfig({}).idleCollection).toBe(true);
    const off = loadConfig({ CORDON_IDLE_GC: 'false' });
    expect(off.idleCollection).toBe(false);
    // What the supervisor hands its hosts, and what a host reads back.
    expect(loadHostConfig({ [HOST_CONFIG_ENV]: JSON.stringify(hostConfigOf(off)) }).idleCollection).toBe(false);
    expect(loadHostConfig({ CORDON_IDLE_GC: 'false' }).idleCollection).toBe(false);
  });
});
