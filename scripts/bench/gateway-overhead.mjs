#!/usr/bin/env node
// The gateway's own cost in front of an upstream. A minimal fast fake upstream on loopback (the only
// place a fake belongs: it isolates the gateway's cost) answers chat completions, JSON and SSE.
// Load from wrk (Debian package). The fake and wrk share core 0, the gateway runs on core 1
// (taskset). Auth, validation, logging, metrics and usage accounting stay on.
//   node scripts/bench/gateway-overhead.mjs [--seconds 10] [--rounds 5]
// Options: --only json16 (one configuration), --prof DIR (CPU profile), --heap-snapshot DIR,
// --single-threaded-gc (the forwarder and the gateway start with it, as on one CPU in production),
// --malloc-stats (once settled after the runs, glibc's malloc_stats() of the gateway through gdb:
// how much of its RSS is freed memory glibc keeps; needs gdb and ptrace rights; glibc's "system bytes"
// still count the pages the idle collection's malloc_trim returned).
// Environment: CORDON_BENCH_NODE_FLAGS='--trace-gc ...' (node flags for the gateway only),
// CORDON_BENCH_GATEWAY_OUT=file (the gateway's stdout goes there, and is kept), CORDON_BENCH_SIGNAL=SIGUSR2 (send the
// gateway a signal after the runs, e.g. for a profiler preloaded with NODE_OPTIONS=-r),
// CORDON_BENCH_CLI=path/to/cli.js (another build of the gateway, for a before/after comparison).
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerFakeModel, startFakeUpstream } from './fake-upstream.mjs';
import { gatewayUrlFromLog } from './processes.mjs';
import { wrk as runWrk } from './wrk.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const i = process.argv.indexOf('--seconds');
const SECONDS = i > 0 ? Number(process.argv[i + 1]) : 10;
const ri = process.argv.indexOf('--rounds');
const ROUNDS = ri > 0 ? Number(process.argv[ri + 1]) : 5; // SECONDS / ROUNDS: a whole number of seconds (wrk's -d)
const tmp = mkdtempSync(join(os.tmpdir(), 'cordon-overhead-'));
const key = 'bench-admin-key-0123456789';
const CLK_TCK = 100;
const CORES = os.availableParallelism(); // read before this process pins itself for the first-byte client

// ---- the fake upstream (fake-upstream.mjs: its own process, pinned to core 0) --------------------

// ---- the floor: a plain node:http + undici forwarder (forwarder.cjs: its own process, on the ----
// gateway's core). Cordon's added latency is compared with it, in the same run on the same core, so
// that the VM's own jitter is not counted against the gateway.

const cpuMs = (pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / CLK_TCK;
};
const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const children = [];
// Whatever happens (an error included), the processes this benchmark started stop with it.
process.on('exit', () => children.forEach((c) => c.kill('SIGKILL')));
function startPinned(core, args, env = {}, stderr = 'inherit', stdout = 'pipe') {
  const child = spawn('taskset', ['-c', String(core), process.execPath, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', stdout, stderr] });
  children.push(child);
  return child;
}
const { child: fake, port: fakePort } = await startFakeUpstream({ core: 0 });
children.push(fake);
// --single-threaded-gc: the forwarder and the gateway both start with it, as docs/deploy/README.md
// says to run the gateway on one CPU (src/http/one-cpu.ts); the comparison stays like for like.
const nodeGcFlags = process.argv.includes('--single-threaded-gc') ? ['--single-threaded-gc'] : [];
const forwarder = startPinned(1, [...nodeGcFlags, join(root, 'scripts/bench/forwarder.cjs'), `http://127.0.0.1:${fakePort}`]);
const forwarderPort = await new Promise((r) => forwarder.stdout.once('data', (d) => r(Number(String(d).trim()))));

// ---- the gateway (pinned to core 1) --------------------------------------------------------------
// --prof DIR: write a V8 CPU profile of the gateway (node --cpu-prof) into DIR when it exits.
const p = process.argv.indexOf('--prof');
const profArgs = p > 0 ? ['--cpu-prof', '--cpu-prof-dir', process.argv[p + 1]] : [];
// --heap-snapshot DIR: after the runs, a heap snapshot of the gateway (a full GC comes first) in DIR.
const hs = process.argv.indexOf('--heap-snapshot');
if (hs > 0) profArgs.push('--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${process.argv[hs + 1]}`);
// --only json16: run one configuration (for profiling).
const o = process.argv.indexOf('--only');
const ONLY = o > 0 ? process.argv[o + 1].split(',') : null; // --only json16,ttfb16
// CORDON_BENCH_NODE_FLAGS='--flag ...': node flags for the gateway only (GC tracing, heap sizes).
if (process.env.CORDON_BENCH_NODE_FLAGS) profArgs.push(...process.env.CORDON_BENCH_NODE_FLAGS.split(/\s+/).filter(Boolean));
const MALLOC_STATS = process.argv.includes('--malloc-stats');
// The gateway's stdout (its log, a line per request) is a file, as when a collector keeps up with
// it: this process blocks in wrk during each run, so a pipe to it would stay full for the run, and
// the gateway would hold the run's log lines in its heap (and retry the write every 100 ms) — a
// state no deployment that reads its logs is in. CORDON_BENCH_GATEWAY_OUT=file keeps the file.
const gwOutPath = process.env.CORDON_BENCH_GATEWAY_OUT ?? join(tmp, 'gateway.out');
const gwOut = openSync(gwOutPath, 'w');
const gw = startPinned(1, [...nodeGcFlags, ...profArgs, process.env.CORDON_BENCH_CLI ?? join(root, 'apps/gateway/dist/cli.js'), 'serve'], {
  CORDON_DATA_DIR: tmp, CORDON_PORT: '0', CORDON_ADMIN_KEY: key, CORDON_DEMO_MODEL: 'false', CORDON_LOG_LEVEL: 'info',
}, MALLOC_STATS ? 'pipe' : 'inherit', gwOut);
closeSync(gwOut);
// --malloc-stats: the gateway's stderr is read here (malloc_stats() writes there), and passed on.
let gwErr = '';
gw.stderr?.on('data', (d) => {
  gwErr += d;
  process.stderr.write(d);
});
const gwUrl = await gatewayUrlFromLog(gw, gwOutPath);
// Idle: started, nothing served yet, 3 s after start and 12 s after it (V8's own memory reducer,
// armed by the start's mark-compacts, shrinks the young generation about 9 s after start).
await new Promise((r) => setTimeout(r, 3000));
const startRss = rssMb(gw.pid);
await new Promise((r) => setTimeout(r, 9000));
const idleRss = rssMb(gw.pid);
await registerFakeModel(gwUrl, key, `http://127.0.0.1:${fakePort}`);


const chatBody = (stream) => JSON.stringify({ model: 'fake', messages: [{ role: 'user', content: 'Hello' }], ...(stream ? { stream: true } : {}) });
const wrkWarm = (url) => runWrk({ url, key, body: chatBody(false), conns: 16, seconds: 3, core: 0, dir: tmp });
const wrk = (url, conns, stream) => runWrk({ url, key, body: chatBody(stream), conns, seconds: SECONDS / ROUNDS, core: 0, dir: tmp });

// Stream time to first byte: wrk reports whole-response latency, so a small node:http client (in
// this process, pinned with wrk's core) measures the first body byte of streamed chat, `conns`
// requests in flight for `seconds`.
async function streamTtfb(url, conns, seconds) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: conns });
  const body = JSON.stringify({ model: 'fake', messages: [{ role: 'user', content: 'Hello' }], stream: true });
  const u = new URL(url);
  const ttfbs = [];
  const until = performance.now() + seconds * 1000;
  const one = () =>
    new Promise((resolve, reject) => {
      const t0 = performance.now();
      let first = 0;
      const req = http.request(
        { host: u.hostname, port: u.port, path: u.pathname, method: 'POST', agent, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          res.on('data', () => (first ||= performance.now()));
          res.on('end', () => resolve(first - t0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  await Promise.all(
    Array.from({ length: conns }, async () => {
      while (performance.now() < until) ttfbs.push(await one());
    }),
  );
  agent.destroy();
  ttfbs.sort((a, b) => a - b);
  return { n: ttfbs.length, p50: ttfbs[Math.floor(ttfbs.length / 2)], p99: ttfbs[Math.floor(ttfbs.length * 0.99)] };
}

// The gateway's event-loop delay (prom-client's monitorEventLoopDelay, reset at every scrape): p99 and max
// over one run, read right after it.
const scrape = async () => (await fetch(`${gwUrl}/metrics`, { headers: { authorization: `Bearer ${key}` } })).text();
const seconds = (text, name) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, 'm').exec(text)?.[1] ?? NaN) * 1000;
const LAG_INTERVAL_MS = 10;
async function loopDelay() {
  const text = await scrape();
  // Node's histogram records the time between its timer's fires: prom-client's 10 ms interval
  // (its default precision) is in every figure, and an idle loop reads 10.1 ms. The delay is the rest.
  return { p99: seconds(text, 'cordon_nodejs_eventloop_lag_p99_seconds') - LAG_INTERVAL_MS, max: seconds(text, 'cordon_nodejs_eventloop_lag_max_seconds') - LAG_INTERVAL_MS };
}

const rows = [];
// Warm-up, not measured: 3 s through Cordon, so that every configuration (also a lone `--only`)
// meets a gateway whose JIT has compiled the request path.
wrkWarm(`${gwUrl}/v1/chat/completions`);
// cordon serve collects its heap once idle for 5 s after traffic (src/http/memory-reducer.ts): let
// that happen before the next floor runs, on the same core, rather than during them.
const letGatewaySettle = () => new Promise((r) => setTimeout(r, 7000));
await letGatewaySettle();
// Each configuration runs in ROUNDS rounds of direct, forwarder and gateway in turn (SECONDS / ROUNDS
// each), so that the VM's drift from one moment to the next falls on all three alike. A row's figures
// are the medians of its rounds'; the gateway's p99 above the forwarder's is the median of the rounds'
// differences, each taken from runs seconds apart; CPU per request is over all rounds.
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const medianOf = (runs) => Object.fromEntries(['p50', 'p99', 'rps'].map((k) => [k, median(runs.map((r) => r[k]))]));
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
for (const [conns, stream] of [[1, false], [16, false], [64, false], [16, true]]) {
  if (ONLY && !ONLY.includes(`${stream ? 'stream' : 'json'}${conns}`)) continue;
  const rounds = [];
  for (let k = 0; k < ROUNDS; k++) {
    const direct = wrk(`http://127.0.0.1:${fakePort}/v1/chat/completions`, conns, stream);
    const f0 = cpuMs(forwarder.pid);
    const floor = wrk(`http://127.0.0.1:${forwarderPort}/v1/chat/completions`, conns, stream);
    const f1 = cpuMs(forwarder.pid);
    await scrape(); // resets the event-loop delay histogram
    const c0 = cpuMs(gw.pid);
    const via = wrk(`${gwUrl}/v1/chat/completions`, conns, stream);
    const c1 = cpuMs(gw.pid);
    rounds.push({ direct, floor, via, cpu: c1 - c0, floorCpu: f1 - f0, loop: await loopDelay() });
  }
  rows.push({
    conns,
    stream,
    direct: medianOf(rounds.map((r) => r.direct)),
    floor: medianOf(rounds.map((r) => r.floor)),
    via: medianOf(rounds.map((r) => r.via)),
    overFloorP99: median(rounds.map((r) => r.via.p99 - r.floor.p99)),
    cpuPerReq: sum(rounds.map((r) => r.cpu)) / sum(rounds.map((r) => r.via.requests)),
    floorCpuPerReq: sum(rounds.map((r) => r.floorCpu)) / sum(rounds.map((r) => r.floor.requests)),
    loop: { p99: median(rounds.map((r) => r.loop.p99)), max: Math.max(...rounds.map((r) => r.loop.max)) },
  });
  await letGatewaySettle();
}
let ttfb = null;
if (!ONLY || ONLY.includes('ttfb16')) {
  execFileSync('taskset', ['-p', '-c', '0', String(process.pid)]);
  const direct = await streamTtfb(`http://127.0.0.1:${fakePort}/v1/chat/completions`, 16, Math.min(SECONDS, 5));
  const c0 = cpuMs(gw.pid);
  const b0 = process.cpuUsage();
  const via = await streamTtfb(`${gwUrl}/v1/chat/completions`, 16, Math.min(SECONDS, 5));
  const b1 = process.cpuUsage(b0);
  ttfb = { direct, via, cpuPerStream: (cpuMs(gw.pid) - c0) / via.n, clientCpuPerStream: (b1.user + b1.system) / 1000 / via.n };
}
if (process.env.CORDON_BENCH_SIGNAL) {
  gw.kill(process.env.CORDON_BENCH_SIGNAL);
  await new Promise((r) => setTimeout(r, 3000));
}
if (hs > 0) {
  gw.kill('SIGUSR2');
  await new Promise((r) => setTimeout(r, 8000));
}
const rss = rssMb(gw.pid);
await new Promise((r) => setTimeout(r, 18_000)); // both idle collections (5 s quiet, then 6-7 s after the first)
const rssSettled = rssMb(gw.pid);
// glibc's own account, in the same settled state: memory it took from the system, and what of it is in use.
let glibcLine = '';
if (MALLOC_STATS) {
  gwErr = '';
  execFileSync('gdb', ['-p', String(gw.pid), '-batch', '-ex', 'call (void)malloc_stats()'], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 500));
  const total = /Total \(incl\. mmap\):\s*system bytes\s*=\s*(\d+)\s*in use bytes\s*=\s*(\d+)/.exec(gwErr);
  glibcLine = total
    ? `; glibc (malloc_stats, settled): ${(Number(total[1]) / 2 ** 20).toFixed(0)} MB from the system, ${(Number(total[2]) / 2 ** 20).toFixed(0)} MB in use, so RSS minus glibc's free memory ${(rssSettled - (Number(total[1]) - Number(total[2])) / 2 ** 20).toFixed(0)} MB (glibc still counts the pages the idle malloc_trim gave back as its own, so after a trim this is low)`
    : '; glibc: malloc_stats() gave nothing readable';
}
// The gateway's own view of its memory (prom-client's default metrics): heap vs. the rest.
const metricsText = await (await fetch(`${gwUrl}/metrics`, { headers: { authorization: `Bearer ${key}` } })).text();
const metric = (name) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+]+)$`, 'm').exec(metricsText)?.[1] ?? NaN) / 1e6;
const heapLine = `heap used ${metric('cordon_nodejs_heap_size_used_bytes').toFixed(0)} MB, heap total ${metric('cordon_nodejs_heap_size_total_bytes').toFixed(0)} MB, external ${metric('cordon_nodejs_external_memory_bytes').toFixed(0)} MB`;
gw.kill('SIGTERM');
fake.kill('SIGTERM');
forwarder.kill('SIGTERM');
await new Promise((r) => gw.once('exit', r));
rmSync(tmp, { recursive: true, force: true });

console.log(`machine: ${os.cpus()[0].model}, ${CORES} cores, node ${process.version}; ${SECONDS}s per configuration and path, in ${ROUNDS} rounds of the three paths in turn (medians of the rounds); wrk + fake on core 0, gateway on core 1${nodeGcFlags.length ? "; forwarder and gateway started with --single-threaded-gc" : ""}`);
console.log('added latency = through it minus direct to the fake upstream; the forwarder is plain node:http + undici on the same core');
console.log('mode        conns | direct p50/p99 ms | forwarder added p50/p99 ms, CPU ms/req | cordon rps, added p50/p99 ms, CPU ms/req | cordon p99 - forwarder p99 | event-loop delay p99/max ms (beyond the 10 ms sampling interval)');
for (const r of rows) {
  const mode = r.stream ? 'stream' : 'json';
  const f = (x) => x.toFixed(2);
  console.log(
    `${mode.padEnd(11)} ${String(r.conns).padStart(5)} | ${f(r.direct.p50)} / ${f(r.direct.p99)} | ` +
      `+${f(r.floor.p50 - r.direct.p50)} / +${f(r.floor.p99 - r.direct.p99)}, ${r.floorCpuPerReq.toFixed(3)} | ` +
      `${r.via.rps.toFixed(0)}, +${f(r.via.p50 - r.direct.p50)} / +${f(r.via.p99 - r.direct.p99)}, ${r.cpuPerReq.toFixed(3)} | ${f(r.overFloorP99)} | ${f(r.loop.p99)} / ${f(r.loop.max)}`,
  );
}
if (ttfb) {
  console.log(
    `stream first byte, 16 in flight (node:http client): direct p50 ${ttfb.direct.p50.toFixed(2)} ms p99 ${ttfb.direct.p99.toFixed(2)} ms; ` +
      `cordon p50 ${ttfb.via.p50.toFixed(2)} ms p99 ${ttfb.via.p99.toFixed(2)} ms; added p50 ${(ttfb.via.p50 - ttfb.direct.p50).toFixed(2)} ms (${ttfb.via.n} streams; CPU ms per stream: gateway ${ttfb.cpuPerStream.toFixed(3)}, this client ${ttfb.clientCpuPerStream.toFixed(3)})`,
  );
}
console.log(`gateway RSS idle (started, nothing served): ${startRss.toFixed(0)} MB 3 s after start, ${idleRss.toFixed(0)} MB 12 s after; right after the runs: ${rss.toFixed(0)} MB; 18 s later, idle: ${rssSettled.toFixed(0)} MB (${heapLine})${glibcLine}`);
console.log('targets: added p99 at 1 conn <= forwarder p99 + 1 ms; CPU <= 0.20 ms/req at 16 (json); RSS idle <= 90 MB, after <= 130 MB; added p50 at 1 and stream first byte not worse than before');
