/**
 * The CPUs this process may use (its affinity, capped by its cgroup's quota), and the priority of
 * its threads on them (see http/one-cpu.ts for what the gateway does with one CPU).
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import os from 'node:os';

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

/**
 * The nice value of the gateway's helper threads on one CPU (http/one-cpu.ts): about a tenth of
 * the weight of a nice 0 thread, so a helper that wakes up does not take the core from the request
 * thread, and still gets a tenth of it when both want it.
 */
export const HELPER_THREAD_NICE = 10;

let helperNice: number | undefined;

/**
 * The nice value this process's helper threads run at, once lowerOtherThreads has lowered them
 * (undefined before, or when it never does): a helper thread started later (the SQLite writer)
 * lowers itself to it.
 */
export function helperThreadNice(): number | undefined {
  return helperNice;
}

/** The kernel's id of the calling thread (the process id for the main thread). */
export function ownThreadId(): number {
  return Number(readlinkSync('/proc/thread-self').split('/').pop());
}

/**
 * Lowers every thread of this process but the calling one to `nice` (a thread already at `nice` or
 * lower in priority is left as it is), and those started later with helperThreadNice; returns how
 * many were lowered. Linux only (elsewhere: 0).
 */
export function lowerOtherThreads(nice: number): number {
  helperNice = nice;
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return 0;
  }
  const self = ownThreadId();
  let lowered = 0;
  for (const tid of tids.map(Number)) {
    if (tid === self) continue;
    try {
      if (os.getPriority(tid) < nice) {
        os.setPriority(tid, nice);
        lowered++;
      }
    } catch {
      // the thread has ended
    }
  }
  return lowered;
}
