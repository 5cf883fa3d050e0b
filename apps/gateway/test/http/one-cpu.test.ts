// The gateway on one CPU (src/http/one-cpu.ts, src/cpus.ts): the CPUs a process may use, from its
// affinity and its cgroup's quota; when that is one, the switch to a main-thread collector, and the
// helper threads (V8's, libuv's pool, the SQLite writer) lowered below the request thread.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { cgroupCpuQuota, cpusAvailable, HELPER_THREAD_NICE } from '../../src/cpus.js';
import { fitGcToCpus, yieldHelperThreads } from '../../src/http/one-cpu.js';
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
  const probe = `import { fitGcToCpus } from ${JSON.stringify(join(cliPath, '../http/one-cpu.js'))};
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

describe('the helper threads on one CPU', () => {
  /** The nice value of each thread of `pid`, by thread id. */
  const niceByThread = (pid: number) =>
    new Map(readdirSync(`/proc/${pid}/task`).map((tid) => [Number(tid), Number(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16])]));

  async function serve(pinned: boolean) {
    const dataDir = mkdtempSync(join(tmpdir(), 'cordon-one-cpu-'));
    const args = [cliPath, 'serve'];
    // Retention's first pass runs 3 s after start: its deletes start the SQLite writer thread then,
    // after the threads of the start were lowered.
    const env = { ...process.env, CORDON_DATA_DIR: dataDir, CORDON_PORT: '0', CORDON_ADMIN_KEY: `admin-${'x'.repeat(20)}`, CORDON_DEMO_MODEL: 'false', CORDON_RETENTION_PRUNE_INTERVAL_MS: '3000' };
    const proc = pinned ? spawn('taskset', ['-c', '0', process.execPath, ...args], { env }) : spawn(process.execPath, args, { env });
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    try {
      await vi.waitFor(() => expect(out).toContain('cordon listening'), { timeout: 30_000 });
      const threadsAtStart = niceByThread(proc.pid!);
      // The writer thread: started by the first batch, after the threads above were read.
      await vi.waitFor(() => expect([...niceByThread(proc.pid!).keys()].some((tid) => !threadsAtStart.has(tid))).toBe(true), { timeout: 10_000 });
      // A thread lowers itself once it runs: read them again until they are all settled (or time out).
      const settled = (t: Map<number, number>) => [...t].every(([tid, nice]) => tid === proc.pid || nice === (pinned ? HELPER_THREAD_NICE : 0));
      await vi.waitFor(() => expect(settled(niceByThread(proc.pid!))).toBe(true), { timeout: 3_000 }).catch(() => undefined);
      const threads = niceByThread(proc.pid!);
      return { pid: proc.pid!, threads, threadsAtStart, out };
    } finally {
      proc.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  it('on one core every thread but the request thread runs at HELPER_THREAD_NICE, the writer started later too; on two, none', async () => {
    const one = await serve(true);
    expect(one.threads.get(one.pid)).toBe(0);
    const helpers = [...one.threads].filter(([tid]) => tid !== one.pid);
    expect(helpers.length).toBeGreaterThanOrEqual(5); // V8's workers, libuv's pool, the writer
    expect(helpers.every(([, nice]) => nice === HELPER_THREAD_NICE)).toBe(true);
    const line = one.out.split('\n').find((l) => l.includes('the helper threads yield to the request thread'));
    expect(JSON.parse(line!)).toMatchObject({ cpus: 1, nice: HELPER_THREAD_NICE, threads: expect.any(Number) });
    expect(JSON.parse(line!).threads).toBeGreaterThanOrEqual(4);

    const two = await serve(false);
    expect([...two.threads.values()].every((nice) => nice === 0)).toBe(true);
    expect(two.out).not.toContain('the helper threads yield');
  }, 60_000);

  it('lowers nothing with two CPUs or more', () => {
    const lines: string[] = [];
    expect(yieldHelperThreads(createLogger('info', { write: (s: string) => lines.push(s) }), 2)).toBe(0);
    expect(lines).toEqual([]);
  });
});
