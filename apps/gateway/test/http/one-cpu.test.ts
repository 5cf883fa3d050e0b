// The garbage collector on one CPU (src/http/gc-threads.ts): the CPUs a process may use, from its
// affinity and its cgroup's quota, and the switch to a main-thread collector when that is one.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cgroupCpuQuota, cpusAvailable, fitGcToCpus } from '../../src/http/gc-threads.js';
import { createLogger } from '../../src/log.js';
import { cliPath } from '../helpers.js';

const run = promisify(execFile);
const files = (m: Record<string, string>) => (path: string) => m[path] ?? null;

describe('the CPUs a process may use', () => {
  it("reads cgroup v2's cpu.max, and v1's CFS quota", () => {
    expect(cgroupCpuQuota(files({ '/sys/fs/cgroup/cpu.max': 'max 100000\n' }))).toBeNull();
    expect(cgroupCpuQuota(files({ '/sys/fs/cgroup/cpu.max': '50000 100000\n' }))).toBe(0.5);
    expect(cgroupCpuQuota(files({ '/sys/fs/cgroup/cpu.max': '250000 100000\n' }))).toBe(2.5);
    expect(cgroupCpuQuota(files({ '/sys/fs/cgroup/cpu/cpu.cfs_quota_us': '-1\n', '/sys/fs/cgroup/cpu/cpu.cfs_period_us': '100000\n' }))).toBeNull();
    expect(cgroupCpuQuota(files({ '/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us': '100000\n', '/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us': '100000\n' }))).toBe(1);
    expect(cgroupCpuQuota(files({}))).toBeNull();
  });

  it('is the affinity, capped by the quota rounded up', () => {
    expect(cpusAvailable(4, null)).toBe(4);
    expect(cpusAvailable(4, 0.5)).toBe(1);
    expect(cpusAvailable(4, 2.5)).toBe(3);
    expect(cpusAvailable(1, 8)).toBe(1);
  });
});

describe('the collector on one CPU', () => {
  const lines: string[] = [];
  const log = createLogger('info', { write: (s: string) => lines.push(s) });

  it('leaves V8 alone with two CPUs or more', () => {
    expect(fitGcToCpus(log, 2)).toBe(false);
    expect(lines).toEqual([]);
  });

  // A process pinned to one core (taskset) finds one CPU and switches; one on every core does not.
  const probe = `import { fitGcToCpus } from ${JSON.stringify(join(cliPath, '../http/gc-threads.js'))};
const said = [];
const major = process.env.PROBE_NODE_MAJOR ? Number(process.env.PROBE_NODE_MAJOR) : undefined;
console.log(JSON.stringify({ switched: fitGcToCpus({ info: (f, m) => said.push([f, m]) }, undefined, undefined, major), said }));
// A burst of garbage with old survivors: scavenges, then mark-compacts with the flags changed.
let keep = [], live = [];
for (let n = 0; n < 3e6; n++) { keep.push({ n }); if (keep.length > 5e4) { live.push(keep); keep = []; } if (live.length > 20) live = []; }`;
  it('switches when the process is pinned to one core, says so, and the collections that follow run', async () => {
    const { stdout } = await run('taskset', ['-c', '0', process.execPath, '--input-type=module', '-e', probe]);
    expect(JSON.parse(stdout)).toEqual({ switched: true, said: [[{ cpus: 1, hint: 'start node with --single-threaded-gc for marking too' }, 'one CPU: scavenges and sweeping run on the main thread']] });
    const withFlag = await run('taskset', ['-c', '0', process.execPath, '--single-threaded-gc', '--input-type=module', '-e', probe]);
    expect(JSON.parse(withFlag.stdout).said).toEqual([[{ cpus: 1 }, 'one CPU: the garbage collector runs on the main thread (--single-threaded-gc)']]);
    // Node 22 and later: no hint (the flag cost CPU and memory there, docs/benchmarks.md session 11).
    const node22 = await run('taskset', ['-c', '0', process.execPath, '--input-type=module', '-e', probe], { env: { ...process.env, PROBE_NODE_MAJOR: '22' } });
    expect(JSON.parse(node22.stdout)).toEqual({ switched: true, said: [[{ cpus: 1 }, 'one CPU: scavenges and sweeping run on the main thread']] });
  });
});
