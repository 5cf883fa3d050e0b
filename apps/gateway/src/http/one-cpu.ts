/**
 * V8's garbage collector on one CPU.
 *
 * V8 runs the parallel and concurrent parts of its collections (scavenges every few milliseconds
 * under traffic, marking and sweeping of the old generation) on helper threads, four on Node 20,
 * whatever the CPUs the process is given. With one CPU (an affinity of one core, or a container's
 * CPU quota of one or less) that work takes turns with the request thread. Measured on the overhead
 * benchmark, where the gateway has one core (`scripts/bench/gateway-overhead.mjs`, session 10 in
 * docs/benchmarks.md): the added p99 at one connection, minus the plain forwarder's, had a median of
 * 2.3 ms by default (20 runs), 0.67 ms with `node --single-threaded-gc` (9) and 1.5 ms with only the
 * flags below (7).
 * The JVM makes the same choice (its serial collector on one CPU).
 *
 * So with one CPU the gateway turns off, at start, what V8 lets a running process turn off: parallel
 * scavenges, compaction and pointer updates, and concurrent sweeping. The flags for concurrent and
 * parallel marking cannot change after start (V8 aborts at its next full collection: tried on Node
 * 20, 22 and 24); on Node 20 the log says to start node with `--single-threaded-gc` for those, as
 * docs/deploy/README.md does on one CPU. Not on Node 22: there the flag cost CPU and memory and
 * bought no tail (session 11 in docs/benchmarks.md). With two CPUs or more nothing changes.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { setFlagsFromString } from 'node:v8';
import type { Log } from '../log.js';

/** The CPU time a cgroup grants, in CPUs (cgroup v2 `cpu.max`, or v1's CFS quota), or null for no quota. */
export function cgroupCpuQuota(read: (path: string) => string | null = readOrNull): number | null {
  const v2 = read('/sys/fs/cgroup/cpu.max');
  if (v2 !== null) {
    const [quota, period] = v2.trim().split(/\s+/);
    return quota === 'max' || !quota || !period ? null : Number(quota) / Number(period);
  }
  const quota = read('/sys/fs/cgroup/cpu/cpu.cfs_quota_us') ?? read('/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us');
  const period = read('/sys/fs/cgroup/cpu/cpu.cfs_period_us') ?? read('/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us');
  if (quota === null || period === null || Number(quota) <= 0) return null;
  return Number(quota) / Number(period);
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The CPUs this process can run on at once: its affinity, capped by its cgroup's quota. */
export function cpusAvailable(affinity = os.availableParallelism(), quota = cgroupCpuQuota()): number {
  return quota === null || !Number.isFinite(quota) || quota <= 0 ? affinity : Math.min(affinity, Math.max(1, Math.ceil(quota)));
}

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
