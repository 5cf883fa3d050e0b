#!/usr/bin/env node
// Where the gateway's one-connection tail goes: the time of each request split into its phases, on
// gateway-overhead.mjs's setup (fake upstream and load on core 0, the gateway alone on core 1).
// A preload in the gateway (request-phases-preload.cjs) timestamps every request from Node's and
// undici's diagnostics channels; a one-connection client here times every request from outside.
// Prints the client's percentiles, each phase's, and how the slowest 3% of requests' time above
// the medians splits over the phases (and how much of it V8's collections paused).
//   node scripts/bench/request-phases.mjs [--seconds 5] [--idle-collection]
// --idle-collection: measure right after the gateway's idle collection (it waits 7 s after the
// warm-up, as gateway-overhead.mjs's settle does); by default the measured run follows the warm-up.
// CORDON_BENCH_NODE_FLAGS: node flags for the gateway; CORDON_BENCH_CLI: another build of it.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerFakeModel, startFakeUpstream } from './fake-upstream.mjs';
import { gatewayUrlFromLog } from './processes.mjs';
import { wrk } from './wrk.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const si = process.argv.indexOf('--seconds');
const SECONDS = si > 0 ? Number(process.argv[si + 1]) : 5;
const AFTER_IDLE = process.argv.includes('--idle-collection');
const key = 'bench-admin-key-0123456789';
const tmp = mkdtempSync(join(os.tmpdir(), 'cordon-phases-'));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const { child: fake, url: fakeUrl } = await startFakeUpstream({ core: 0 });
const outPath = join(tmp, 'gateway.out');
const out = openSync(outPath, 'w');
const phasesPath = join(tmp, 'phases.json');
const flags = (process.env.CORDON_BENCH_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
const gw = spawn('taskset', ['-c', '1', process.execPath, ...flags, '-r', join(here, 'request-phases-preload.cjs'), process.env.CORDON_BENCH_CLI ?? join(root, 'apps/gateway/dist/cli.js'), 'serve'], {
  env: { ...process.env, CORDON_DATA_DIR: tmp, CORDON_PORT: '0', CORDON_ADMIN_KEY: key, CORDON_DEMO_MODEL: 'false', CORDON_LOG_LEVEL: 'info', CORDON_PHASES_OUT: phasesPath },
  stdio: ['ignore', out, 'inherit'],
});
closeSync(out);
process.on('exit', () => [gw, fake].forEach((c) => c.kill('SIGKILL')));
const gwUrl = await gatewayUrlFromLog(gw, outPath);
await registerFakeModel(gwUrl, key, fakeUrl);
const body = JSON.stringify({ model: 'fake', messages: [{ role: 'user', content: 'Hello' }] });
wrk({ url: `${gwUrl}/v1/chat/completions`, key, body, conns: 16, seconds: 3, core: 0, dir: tmp });
await sleep(AFTER_IDLE ? 7000 : 500);

// One connection, one request at a time, each timed from its write to its last byte; this process
// moves to core 0 with the fake upstream, as wrk is in gateway-overhead.mjs.
execFileSync('taskset', ['-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
const u = new URL(gwUrl);
const request = `POST /v1/chat/completions HTTP/1.1\r\nHost: ${u.host}\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const latencies = await new Promise((resolve, reject) => {
  const socket = net.connect(Number(u.port), u.hostname);
  socket.setNoDelay(true);
  const times = [];
  let pending = '';
  let t0 = 0;
  const end = performance.now() + SECONDS * 1000;
  const send = () => {
    t0 = performance.now();
    socket.write(request);
  };
  socket.on('error', reject);
  socket.on('connect', send);
  socket.on('data', (d) => {
    pending += d;
    const head = pending.indexOf('\r\n\r\n');
    if (head < 0) return;
    const length = Number(/content-length: (\d+)/i.exec(pending.slice(0, head))?.[1] ?? 0);
    if (pending.length < head + 4 + length) return;
    pending = pending.slice(head + 4 + length);
    const t = performance.now();
    times.push(t - t0);
    if (t < end) send();
    else {
      socket.end();
      resolve(times);
    }
  });
});
gw.kill('SIGUSR2');
async function readPhases() {
  for (let t = 0; ; t++) {
    await sleep(50);
    try {
      return JSON.parse(readFileSync(phasesPath, 'utf8'));
    } catch (err) {
      if (t === 100) throw new Error(`the gateway wrote no phases to ${phasesPath}: ${err.message}`);
    }
  }
}
const { events, gcs } = await readPhases();
gw.kill('SIGTERM');
fake.kill('SIGTERM');
await new Promise((r) => gw.once('exit', r));
rmSync(tmp, { recursive: true, force: true });

// The measured run's requests: the last `latencies.length` that have every phase.
const requests = [];
let current = null;
for (let i = 0; i < events.length; i += 2) {
  const [code, t] = [events[i], events[i + 1]];
  if (code === 1) requests.push((current = { 1: t }));
  else if (current && !(code in current)) current[code] = t;
}
const complete = requests.filter((r) => [1, 2, 3, 4, 5, 6].every((c) => c in r));
const run = complete.slice(-latencies.length);
for (let i = 0; i < run.length - 1; i++) run[i].next = run[i + 1][1];
run.pop();
const PHASES = [
  ['request start -> upstream request made', 1, 2],
  ['-> upstream headers sent', 2, 3],
  ['-> upstream response headers', 3, 4],
  ['-> upstream body read', 4, 5],
  ['-> response finished', 5, 6],
  ['-> next request start', 6, 'next'],
];
const pct = (xs, q) => xs[Math.min(xs.length - 1, Math.floor(xs.length * q))];
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const f = (x) => x.toFixed(3);
const lat = sorted(latencies);
console.log(`machine: ${os.cpus()[0].model}, ${os.availableParallelism()} cores, node ${process.version}; one connection for ${SECONDS} s${AFTER_IDLE ? ', right after the idle collection' : ''}; fake + client on core 0, gateway on core 1`);
console.log(`client: ${lat.length} requests, p50 ${f(pct(lat, 0.5))} p90 ${f(pct(lat, 0.9))} p95 ${f(pct(lat, 0.95))} p98 ${f(pct(lat, 0.98))} p99 ${f(pct(lat, 0.99))} ms`);
const medians = {};
for (const [name, a, b] of PHASES) {
  const xs = sorted(run.map((r) => r[b] - r[a]));
  medians[name] = pct(xs, 0.5);
  console.log(`${name.padEnd(40)} p50 ${f(pct(xs, 0.5))} p90 ${f(pct(xs, 0.9))} p99 ${f(pct(xs, 0.99))} max ${f(xs.at(-1))} ms`);
}
const slowest = [...run].sort((x, y) => x.next - x[1] - (y.next - y[1])).slice(-Math.ceil(run.length * 0.03));
const excess = PHASES.map(([name, a, b]) => [name, slowest.reduce((s, r) => s + (r[b] - r[a] - medians[name]), 0)]);
const paused = slowest.reduce((s, r) => s + gcs.reduce((g, [t, d]) => g + Math.max(0, Math.min(r.next, t + d) - Math.max(r[1], t)), 0), 0);
const total = excess.reduce((s, [, x]) => s + x, 0);
console.log(`slowest 3% (${slowest.length} requests): ${f(total)} ms above the phases' medians, of which GC pauses ${f(paused)} ms; by phase: ${excess.map(([name, x]) => `${name.replace('-> ', '')} ${f(x)}`).join('; ')}`);
