// The garbage collector on one CPU (src/gc-threads.ts): the CPUs a process may use, from its
// affinity and its cgroup's quota, and the switch to a main-thread collector when that is one.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cgroupCpuQuota, childGcFlags, cpusAvailable, fitGcToCpus } from '../src/gc-threads.js';
import { createLogger } from '../src/log.js';
import { cliPath, until } from './helpers.js';

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
  const probe = `import { fitGcToCpus } from ${JSON.stringify(join(cliPath, '../gc-threads.js'))};
const said = [];
console.log(JSON.stringify({ switched: fitGcToCpus({ info: (f, m) => said.push([f, m]) }), said }));
// A burst of garbage with old survivors: scavenges, then mark-compacts with the flags changed.
let keep = [], live = [];
for (let n = 0; n < 3e6; n++) { keep.push({ n }); if (keep.length > 5e4) { live.push(keep); keep = []; } if (live.length > 20) live = []; }`;
  it('switches when the process is pinned to one core, says so, and the collections that follow run', async () => {
    const { stdout } = await run('taskset', ['-c', '0', process.execPath, '--input-type=module', '-e', probe]);
    expect(JSON.parse(stdout)).toEqual({ switched: true, said: [[{ cpus: 1, hint: 'start node with --single-threaded-gc for marking too' }, 'one CPU: scavenges and sweeping run on the main thread']] });
    const withFlag = await run('taskset', ['-c', '0', process.execPath, '--single-threaded-gc', '--input-type=module', '-e', probe]);
    expect(JSON.parse(withFlag.stdout).said).toEqual([[{ cpus: 1 }, 'one CPU: the garbage collector runs on the main thread (--single-threaded-gc)']]);
  });
});

/** A process's command line, from /proc. */
const cmdline = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);

/** The engine hosts whose parent is `ppid`. */
function hostPids(ppid: number): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== ppid) continue;
      if (cmdline(Number(name)).some((a) => a.endsWith('engine-host/main.js'))) pids.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

describe('a gateway on one CPU', () => {
  it('engine hosts get --single-threaded-gc on one CPU, nothing with more', () => {
    expect(childGcFlags(1)).toEqual(['--single-threaded-gc']);
    expect(childGcFlags(2)).toEqual([]);
  });

  // Node 22.15+ and 24 have process.execve: `cordon serve` starts again in its own place with the
  // flag (the smoke run on those Nodes, scripts/smoke-other-node.mjs). Node 20 has not: it logs the
  // hint. On every Node the engine host it starts for the demo model has the flag.
  const hasExecve = typeof Reflect.get(process, 'execve') === 'function';
  async function servePinned(env: Record<string, string>) {
    const dataDir = mkdtempSync(join(tmpdir(), 'cordon-gc-'));
    const adminKey = 'cordon-admin-gc-threads-test-0123456789';
    const proc = spawn('taskset', ['-c', '0', process.execPath, cliPath, 'serve'], {
      env: { ...process.env, CORDON_DATA_DIR: dataDir, CORDON_PORT: '0', CORDON_ADMIN_KEY: adminKey, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout!.on('data', (d) => (out += d));
    proc.stderr!.on('data', (d) => (out += d));
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    await until(() => /cordon listening/.test(out) || proc.exitCode !== null, 60_000, 'the gateway to listen');
    const url = /"url":"(http:\/\/[^"]+)".*cordon listening/.exec(out)?.[1];
    const stop = async () => {
      proc.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    };
    return { proc, url, adminKey, output: () => out, stop };
  }

  it(`serve pinned to one core: ${hasExecve ? 'starts again with --single-threaded-gc, same pid' : 'logs the hint (no process.execve on this Node)'}; its engine host has the flag`, async () => {
    const gw = await servePinned({});
    try {
      expect(gw.url, gw.output()).toBeDefined();
      const said = gw.output().split('\n').filter((l) => l.includes('one CPU')).map((l) => JSON.parse(l));
      if (hasExecve) {
        expect(cmdline(gw.proc.pid!)).toContain('--single-threaded-gc');
        expect(said.map((r) => r.msg)).toEqual(['one CPU: the garbage collector runs on the main thread (--single-threaded-gc)']);
      } else {
        expect(cmdline(gw.proc.pid!)).not.toContain('--single-threaded-gc');
        expect(said.map((r) => r.hint)).toEqual(['start node with --single-threaded-gc for marking too']);
      }
      // The demo model's engine host starts with its first request.
      const r = await fetch(`${gw.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${gw.adminKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'cordon-demo', messages: [{ role: 'user', content: 'hi' }], max_tokens: 2 }),
      });
      expect(r.status, await r.text()).toBe(200);
      const hosts = hostPids(gw.proc.pid!);
      expect(hosts.length).toBeGreaterThan(0);
      for (const pid of hosts) expect(cmdline(pid)).toContain('--single-threaded-gc');
    } finally {
      await gw.stop();
    }
  });

  it('CORDON_SINGLE_THREADED_GC=0 keeps the process as it was started', async () => {
    const gw = await servePinned({ CORDON_SINGLE_THREADED_GC: '0' });
    try {
      expect(gw.url, gw.output()).toBeDefined();
      expect(cmdline(gw.proc.pid!)).not.toContain('--single-threaded-gc');
      expect(gw.output()).toContain('start node with --single-threaded-gc for marking too');
    } finally {
      await gw.stop();
    }
  });
});
