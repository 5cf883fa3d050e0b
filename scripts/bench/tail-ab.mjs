#!/usr/bin/env node
// The one-connection tail of two or more gateway configurations (builds, node flags, environments),
// measured against the plain forwarder on gateway-overhead.mjs's setup (the fake upstream and wrk on
// core 0, the forwarder and the gateways on core 1, JSON chat). Each round runs the forwarder, then
// every configuration in turn, SECONDS each, the order rotated by one each round (where a
// configuration runs in the round changed how often V8 ran a full collection during its run: with
// the same build in every place, 9-11 of 12-16 rounds in the first place against 1-3 in another).
// A round's figure for a configuration is its percentile minus the forwarder's in the same round,
// and the medians over the rounds (the first left out) are printed. Only the gateway being measured runs:
// the others are stopped (SIGSTOP), so that their timers and helper threads stay off the core.
//
// This VM's one-connection tail moves by more than most changes to the gateway do, so compare
// configurations only within one run, and read them against the default, an A/A run of one build
// twice: its two rows differ by the run's own noise.
//   node scripts/bench/tail-ab.mjs [--rounds 13] [--seconds 2] [--resume-ms 300] [--gc] [--configs JSON]
// --resume-ms: how long a gateway runs after SIGCONT before its load (its overdue timers fire then;
// 1500 with three configurations makes every run follow an idle collection).
// --configs: a JSON array of { name, cli?, flags?, env? } (cli: a build's apps/gateway/dist/cli.js;
// flags: node flags; env: the gateway's environment). Default: this build twice.
// --gc: starts each gateway with --trace-gc and splits its rounds into those in which V8 ran a
// full collection (Mark-Compact) of the main heap and those in which it did not.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerFakeModel, startFakeUpstream } from './fake-upstream.mjs';
import { gatewayUrlFromLog } from './processes.mjs';
import { cpuOf } from './proc-threads.mjs';
import { linesOf, mainIsolate } from './gc-trace.mjs';
import { PERCENTILES, wrk } from './wrk.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, dflt) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);
const ROUNDS = Number(arg('--rounds', 13));
const SECONDS = Number(arg('--seconds', 2));
const GC = process.argv.includes('--gc');
const RESUME_MS = Number(arg('--resume-ms', 300));
const configs = JSON.parse(arg('--configs', '[{"name":"this build"},{"name":"this build again"}]'));
const key = 'bench-admin-key-0123456789';
const tmp = mkdtempSync(join(os.tmpdir(), 'cordon-tail-ab-'));
/** ms on a core so far, all of the process's threads. */
const cpuMs = (pid) => {
  const { main, other } = cpuOf(pid);
  return main + other;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const children = [];
process.on('exit', () => {
  children.forEach((c) => c.kill('SIGKILL'));
  rmSync(tmp, { recursive: true, force: true });
});
// Interrupted, it still stops what it started (the gateways may be stopped: SIGKILL ends them too).
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(1));
const startPinned = (core, args, env, stdout, lineBuffered = false) => {
  const node = lineBuffered ? ['stdbuf', '-oL', process.execPath] : [process.execPath];
  const child = spawn('taskset', ['-c', String(core), ...node, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', stdout, 'inherit'] });
  children.push(child);
  return child;
};
const fake = await startFakeUpstream({ core: 0 });
children.push(fake.child);
const forwarder = startPinned(1, [join(root, 'scripts/bench/forwarder.cjs'), fake.url], {}, 'pipe');
const forwarderPort = await new Promise((r) => forwarder.stdout.once('data', (d) => r(Number(String(d).trim()))));

for (const [i, c] of configs.entries()) {
  c.log = join(tmp, `gateway-${i}.out`);
  const out = openSync(c.log, 'w');
  const flags = [...(GC ? ['--trace-gc'] : []), ...(c.flags ?? [])];
  const env = { CORDON_DATA_DIR: join(tmp, `data-${i}`), CORDON_PORT: '0', CORDON_ADMIN_KEY: key, CORDON_DEMO_MODEL: 'false', CORDON_LOG_LEVEL: 'info', ...c.env };
  // --trace-gc's lines go through C's stdio, which buffers a file by blocks: by lines, each falls in its round.
  c.proc = startPinned(1, [...flags, c.cli ?? join(root, 'apps/gateway/dist/cli.js'), 'serve'], env, out, GC);
  closeSync(out);
  c.url = await gatewayUrlFromLog(c.proc, c.log);
}
await sleep(2000);
const body = JSON.stringify({ model: 'fake', messages: [{ role: 'user', content: 'Hello' }] });
const load = (url, conns, seconds) => wrk({ url: `${url}/v1/chat/completions`, key, body, conns, seconds, core: 0, dir: tmp });
// Warm-up, as gateway-overhead.mjs's; then every gateway stops until its turn.
for (const c of configs) {
  await registerFakeModel(c.url, key, fake.url);
  load(c.url, 16, 3);
  process.kill(c.proc.pid, 'SIGSTOP');
}
await sleep(7000);

// A gateway's full collections of its main heap (--trace-gc) from line `from` of its log on.
const logLines = (c) => readFileSync(c.log, 'utf8').split('\n');
const fullCollections = (lines, from) => linesOf(lines.slice(from), mainIsolate(lines)).filter((l) => l.includes('Mark-Compact')).length;

const rounds = new Map(configs.map((c) => [c, []]));
for (let k = 0; k < ROUNDS; k++) {
  const floor = load(`http://127.0.0.1:${forwarderPort}`, 1, SECONDS);
  for (const c of configs.map((_, i) => configs[(i + k) % configs.length])) {
    process.kill(c.proc.pid, 'SIGCONT');
    await sleep(RESUME_MS);
    const from = GC ? logLines(c).length : 0;
    const cpu0 = cpuMs(c.proc.pid);
    const run = load(c.url, 1, SECONDS);
    const cpu = cpuMs(c.proc.pid) - cpu0;
    await sleep(300);
    process.kill(c.proc.pid, 'SIGSTOP');
    if (k === 0) continue; // the first round after the warm-up is left out
    const over = Object.fromEntries(PERCENTILES.map((p) => [p, run.percentiles[p] - floor.percentiles[p]]));
    rounds.get(c).push({ over, cpu, requests: run.requests, fullGcs: GC ? fullCollections(logLines(c), from) : 0 });
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f = (x) => (x === undefined ? '-' : x.toFixed(2));
console.log(`machine: ${os.cpus()[0].model}, node ${process.version}; ${ROUNDS - 1} rounds of ${SECONDS} s at one connection (the first of ${ROUNDS} left out); wrk + fake on core 0, forwarder + gateways on core 1`);
console.log(`configuration        | percentile minus the forwarder's, ms (median of rounds): ${PERCENTILES.map((p) => `p${p}`).join(' ')} | CPU ms a request`);
for (const [c, rs] of rounds) {
  const cpu = rs.reduce((a, r) => a + r.cpu, 0) / rs.reduce((a, r) => a + r.requests, 0);
  console.log(`${c.name.padEnd(20)} | ${PERCENTILES.map((p) => f(median(rs.map((r) => r.over[p])))).join(' ')} | ${cpu.toFixed(3)}`);
  if (GC) {
    const withGc = rs.filter((r) => r.fullGcs > 0).map((r) => r.over[99]);
    const without = rs.filter((r) => r.fullGcs === 0).map((r) => r.over[99]);
    console.log(`${''.padEnd(20)} | p99 minus the forwarder's: ${withGc.length} rounds with a full collection ${f(median(withGc))} ms, ${without.length} without ${f(median(without))} ms`);
  }
}
configs.forEach((c) => process.kill(c.proc.pid, 'SIGCONT'));
process.exit(0);
