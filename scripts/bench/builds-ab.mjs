#!/usr/bin/env node
// Two builds of the gateway, alternated in one window, on gateway-overhead.mjs's setup (the fake
// upstream and wrk on core 0, the gateway alone on core 1, chat completions as JSON at 16
// connections): the CPU each spends a request, split into its request thread and the rest (the
// SQLite writer thread, V8's helper threads, libuv's pool), from /proc per thread
// (proc-threads.mjs). This VM's speed drifts by tens of percent within minutes, so two builds are
// only compared when their runs alternate in one window; the medians of the rounds are printed.
//   node scripts/bench/builds-ab.mjs path/to/old/cli.js path/to/new/cli.js [--rounds 3] [--seconds 20]
// (A build to compare with: e.g. `git worktree add`, build it, pass its apps/gateway/dist/cli.js.)
// CORDON_AB_FLAGS_OLD / CORDON_AB_FLAGS_NEW: node flags for one build's process (space-separated),
// e.g. the same build twice, once with a V8 flag. CORDON_AB_ENV_OLD / CORDON_AB_ENV_NEW: environment
// for one build's process (space-separated NAME=value), e.g. CORDON_AB_ENV_NEW=CORDON_LOG_LEVEL=warn.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { registerFakeModel, startFakeUpstream } from './fake-upstream.mjs';
import { freePort } from './processes.mjs';
import { cpuOf } from './proc-threads.mjs';
import { wrk } from './wrk.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const ROUNDS = arg('--rounds', 3);
const SECONDS = arg('--seconds', 20);
const builds = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
if (builds.length !== 2) throw new Error('usage: builds-ab.mjs OLD_CLI NEW_CLI [--rounds 3] [--seconds 20]');
const key = 'bench-admin-key-0123456789';

const { child: fake, port: fakePort } = await startFakeUpstream({ core: 0 });
process.on('exit', () => fake.kill('SIGKILL'));

/** One run of one build: a fresh data directory and gateway, 5 s of warm-up, then the measured run. */
const flagsOf = (name) => (process.env[name] ?? '').split(' ').filter(Boolean);
const nodeFlags = [flagsOf('CORDON_AB_FLAGS_OLD'), flagsOf('CORDON_AB_FLAGS_NEW')];
const envs = [flagsOf('CORDON_AB_ENV_OLD'), flagsOf('CORDON_AB_ENV_NEW')].map((pairs) => Object.fromEntries(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)])));

async function run(cli, flags, extraEnv) {
  const dir = mkdtempSync(join(os.tmpdir(), 'cordon-ab-'));
  const outPath = join(dir, 'gateway.out');
  const out = openSync(outPath, 'w');
  // A port chosen here, not read from the log: a build may run with a log level that hides it.
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { ...process.env, CORDON_DATA_DIR: dir, CORDON_PORT: String(port), CORDON_ADMIN_KEY: key, CORDON_DEMO_MODEL: 'false', CORDON_LOG_LEVEL: 'info', ...extraEnv };
  const gw = spawn('taskset', ['-c', '1', process.execPath, ...flags, cli, 'serve'], { env, stdio: ['ignore', out, 'inherit'] });
  closeSync(out);
  try {
    for (const until = Date.now() + 30_000; !(await fetch(`${url}/readyz`).then((r) => r.ok, () => false)); await new Promise((r) => setTimeout(r, 100))) {
      if (gw.exitCode !== null || Date.now() > until) throw new Error(`the gateway did not start: ${readFileSync(outPath, 'utf8').slice(-2000)}`);
    }
    await registerFakeModel(url, key, `http://127.0.0.1:${fakePort}`);
    const load = (seconds) => wrk({ url: `${url}/v1/chat/completions`, key, body: JSON.stringify({ model: 'fake', messages: [{ role: 'user', content: 'Hello' }] }), conns: 16, seconds, core: 0, dir });
    load(5);
    const before = cpuOf(gw.pid);
    const r = load(SECONDS);
    const after = cpuOf(gw.pid);
    if (r.non2xx > 0) throw new Error(`${r.non2xx} answers were not 2xx`);
    const main = ((after.main - before.main) * 1000) / r.requests;
    const others = ((after.other - before.other) * 1000) / r.requests;
    return { rps: r.rps, total: main + others, main, others };
  } finally {
    gw.kill('SIGKILL');
    await new Promise((r) => (gw.exitCode !== null ? r() : gw.once('exit', r)));
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = builds.map(() => []);
console.log(`machine: ${os.cpus()[0]?.model}, ${os.availableParallelism()} cores, node ${process.version}; ${ROUNDS} rounds of ${SECONDS} s, builds alternated`);
for (const [i, name] of ['old', 'new'].entries()) if (nodeFlags[i].length || Object.keys(envs[i]).length) console.log(`${name}: node ${nodeFlags[i].join(' ')} ${JSON.stringify(envs[i])}`);
console.log('build | requests/s | CPU µs a request: all threads = request thread + the others');
for (let round = 0; round < ROUNDS; round++) {
  for (const [i, cli] of builds.entries()) {
    const r = await run(cli, nodeFlags[i], envs[i]);
    results[i].push(r);
    console.log(`${i === 0 ? 'old' : 'new'} | ${r.rps.toFixed(0)} | ${r.total.toFixed(1)} = ${r.main.toFixed(1)} + ${r.others.toFixed(1)}`);
  }
}
const med = (i, k) => median(results[i].map((r) => r[k]));
for (const [i, name] of ['old', 'new'].entries()) {
  console.log(`median ${name}: ${med(i, 'rps').toFixed(0)} requests/s; ${med(i, 'total').toFixed(1)} = ${med(i, 'main').toFixed(1)} + ${med(i, 'others').toFixed(1)} µs a request`);
}
console.log(`new / old, CPU a request: ${(med(1, 'total') / med(0, 'total')).toFixed(3)}`);
process.exit(0);
