/**
 * The gateway on one CPU: what it changes when it finds a single CPU at start (an affinity of one
 * core, or a container's CPU quota of one or less). With two CPUs or more nothing changes.
 *
 * **V8's garbage collector.** V8 runs the parallel and concurrent parts of its collections
 * (scavenges every few milliseconds under traffic, marking and sweeping of the old generation) on
 * helper threads, four on Node 20, whatever the CPUs the process is given. With one CPU that work
 * takes turns with the request thread. Measured on the overhead benchmark, where the gateway has one
 * core (`scripts/bench/gateway-overhead.mjs`, session 10 in docs/benchmarks.md): the added p99 at
 * one connection, minus the plain forwarder's, had a median of 2.3 ms by default (20 runs), 0.67 ms
 * with `node --single-threaded-gc` (9) and 1.5 ms with only the flags below (7). The JVM makes the
 * same choice (its serial collector on one CPU). So the gateway turns off, at start, what V8 lets a
 * running process turn off: parallel scavenges, compaction and pointer updates, and concurrent
 * sweeping. The flags for concurrent and parallel marking cannot change after start (V8 aborts at
 * its next full collection: tried on Node 20, 22 and 24); on Node 20 the log says to start node with
 * `--single-threaded-gc` for those, as docs/deploy/README.md does on one CPU. Not on Node 22: there
 * the flag cost CPU and memory and bought no tail (session 11 in docs/benchmarks.md).
 *
 * **The helper threads yield to the request thread** (`cordon serve` only). V8's platform workers
 * (concurrent marking, compilation), libuv's pool (the log's writes) and the SQLite writer thread
 * (usage commits) all wake up while requests are being served. Linux gives a thread that wakes up
 * the CPU ahead of the one running, so on one core each of those wake-ups held a request for as
 * long as the helper ran (at one connection V8's four workers ran about 6% of the core between them,
 * the writer 2%, in slices of up to a few ms): that is a p99. At nice 10 (about a tenth of the
 * weight of the request thread's nice 0) a helper runs when the request thread waits, and still
 * gets about a tenth of the core when both want it, so usage commits and log writes keep up under
 * a saturating load. Measured (session 14 in docs/benchmarks.md):
 * the added p99 at one connection above the forwarder's, median 2.38 -> 1.72 ms; V8's workers are
 * what matters (the writer alone gave nothing). With the core saturated it costs about 5% more CPU
 * per request (concurrent marking finishes later, and the main thread does more of it); SCHED_IDLE
 * for V8's workers starved them under load and was far worse. Lowering a thread's own priority
 * needs no privilege; the engine hosts keep theirs (their decode runs on libuv's pool).
 */
import { access } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import type { Log } from '../log.js';
import { cpusAvailable, HELPER_THREAD_NICE, lowerOtherThreads } from '../cpus.js';

/** The collector's flags that a running process may change (each read by V8 at every collection). */
export const RUNTIME_GC_FLAGS = ['--no-parallel-scavenge', '--no-parallel-compaction', '--no-parallel-pointer-update', '--no-concurrent-sweeping', '--no-concurrent-array-buffer-sweeping'];

/**
 * With one CPU, runs what it can of the collector on the main thread, and logs the choice (on Node
 * 20, with the node flag that does the rest, when the process was not started with it). Returns
 * whether it did.
 */
export function fitGcToCpus(log: Log, cpus = cpusAvailable(), execArgv = process.execArgv, nodeMajor = Number(process.versions.node.split('.')[0])): boolean {
  if (cpus > 1) return false;
  for (const flag of RUNTIME_GC_FLAGS) setFlagsFromString(flag);
  if (execArgv.includes('--single-threaded-gc')) log.info({ cpus }, 'one CPU: the garbage collector runs on the main thread (--single-threaded-gc)');
  else if (nodeMajor <= 20) log.info({ cpus, hint: 'start node with --single-threaded-gc for marking too' }, 'one CPU: scavenges and sweeping run on the main thread');
  else log.info({ cpus }, 'one CPU: scavenges and sweeping run on the main thread');
  return true;
}

/**
 * With one CPU, lowers every other thread of this process to HELPER_THREAD_NICE, and logs it.
 * Threads started later lower themselves (the SQLite writer) or are started here first: libuv starts
 * its pool on first use, so it is used once before the threads are read. Returns how many it lowered.
 */
export function yieldHelperThreads(log: Log, cpus = cpusAvailable()): number {
  if (cpus > 1) return 0;
  access('/', () => {});
  const lowered = lowerOtherThreads(HELPER_THREAD_NICE);
  log.info({ cpus, threads: lowered, nice: HELPER_THREAD_NICE }, "one CPU: the helper threads yield to the request thread");
  return lowered;
}
