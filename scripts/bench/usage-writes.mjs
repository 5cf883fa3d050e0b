#!/usr/bin/env node
// Usage writes and the event loop (issue 12). Every request leaves a usage record; the records are
// written in batches (one transaction, one fsync each, synchronous=FULL). This drives the built
// gateway with chat completions against a fast fake upstream and compares, in the same build:
//   thread  batches commit on the SQLite writer thread (the default);
//   inline  CORDON_SQLITE_WRITER_THREAD=0: batches commit on the event loop (the old behaviour).
// Printed per mode: the gateway's event-loop delay over the measured run (p99 and max, from
// /metrics), the client's latency (p50, p99, max), and the batch transactions (BEGIN to COMMIT)
// timed inside the gateway, by thread, by a preload that wraps better-sqlite3.
//   npx tsc -p apps/gateway/tsconfig.json && node scripts/bench/usage-writes.mjs [--requests 8000] [--rate 1000] [--conns 16] [--rounds 2]
// The loop delay comes twice: the gateway's own metric (prom-client, 10 ms resolution: a value is
// the timer's 10 ms plus the delay) and the preload's monitorEventLoopDelay at 1 ms resolution
// (shown minus its 1 ms period).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { registerFakeModel } from './fake-upstream.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const REQUESTS = arg('requests', 8000);
const CONNS = arg('conns', 16);
const ROUNDS = arg('rounds', 2);
// Requests a second, paced (0: as fast as the connections go). Below saturation, so that a stall
// of the event loop shows as what it is and not inside a saturated loop's queueing.
const RATE = arg('rate', 1000);
// --gateway-cores 0-1: the cores the gateway (and its writer thread) may use; the client and the fake
// upstream stay on core 0. Default: core 1 only, which makes the writer thread share the event loop's core.
const gi = process.argv.indexOf('--gateway-cores');
const GATEWAY_CORES = gi > 0 ? process.argv[gi + 1] : '1';
const key = 'bench-admin-key-0123456789';
const tmp = mkdtempSync(join(os.tmpdir(), 'cordon-usage-writes-'));
const pin = os.availableParallelism() > 1 ? (core, args) => ['taskset', ['-c', String(core), ...args]] : (_core, args) => [args[0], args.slice(1)];

const children = new Set();
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
});
function start(core, args, env = {}) {
  const [cmd, argv] = pin(core, [process.execPath, ...args]);
  const child = spawn(cmd, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

// ---- the fake upstream: a fixed chat completion, at once ----------------------------------------
writeFileSync(
  join(tmp, 'fake.cjs'),
  `const body = JSON.stringify({ id: 'chatcmpl-x', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: 'Hi.', refusal: null }, logprobs: null, finish_reason: 'stop' }], usage: { prompt_tokens: 10, completion_tokens: 2, total_tokens: 12 } });
require('node:http').createServer((req, res) => { req.resume(); req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }); res.end(body); }); })
  .listen(0, '127.0.0.1', function () { console.log(this.address().port); });`,
);

// ---- the preload: times batch transactions in every thread of the gateway ------------------------
// Inline path: the store's exec('BEGIN IMMEDIATE') ... exec('COMMIT') on the main thread. Thread path:
// the writer thread's db.transaction(...).immediate(...). Each thread writes its totals to a file.
const statsDir = join(tmp, 'stats');
writeFileSync(
  join(tmp, 'preload.mjs'),
  `import { createRequire } from 'node:module';
import { existsSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isMainThread, threadId } from 'node:worker_threads';
const Database = createRequire(${JSON.stringify(pathToFileURL(join(root, 'apps/gateway/package.json')).href)})('better-sqlite3');
const dir = process.env.BENCH_STATS_DIR;
mkdirSync(dir, { recursive: true });
const spans = [];
const loop = isMainThread ? monitorEventLoopDelay({ resolution: 1 }) : null;
loop?.enable();
const reset = dir + '/reset-' + process.pid;
const save = () => {
  if (loop && existsSync(reset)) { loop.reset(); unlinkSync(reset); }
  const delay = loop ? { p99: loop.percentile(99) / 1e6 - 1, max: loop.max / 1e6 - 1 } : null;
  writeFileSync(dir + '/' + process.pid + '-' + threadId + '.json', JSON.stringify({ main: isMainThread, spans, delay }));
};
setInterval(save, 200).unref();
const exec = Database.prototype.exec;
let begun = 0;
Database.prototype.exec = function (sql) {
  if (sql === 'BEGIN IMMEDIATE') begun = performance.now();
  const r = exec.call(this, sql);
  if (sql === 'COMMIT' && begun) { spans.push(performance.now() - begun); begun = 0; }
  return r;
};
const transaction = Database.prototype.transaction;
Database.prototype.transaction = function (fn) {
  const t = transaction.call(this, fn);
  const timed = (...a) => { const t0 = performance.now(); try { return t.immediate(...a); } finally { spans.push(performance.now() - t0); } };
  return Object.assign((...a) => t(...a), { immediate: timed, deferred: t.deferred, exclusive: t.exclusive });
};
`,
);
function readStats(pid) {
  const out = { main: [], worker: [], delay: null };
  for (const f of readdirSync(statsDir, { withFileTypes: true })) {
    if (!f.name.startsWith(`${pid}-`)) continue;
    try {
      const s = JSON.parse(readFileSync(join(statsDir, f.name), 'utf8'));
      out[s.main ? 'main' : 'worker'].push(...s.spans);
      if (s.main) out.delay = s.delay;
    } catch {
      /* being written */
    }
  }
  return out;
}

const fake = start(0, [join(tmp, 'fake.cjs')]);
const fakePort = await new Promise((r) => fake.stdout.once('data', (d) => r(Number(String(d).trim()))));

const pct = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : 0);
const secondsMs = (text, name) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, 'm').exec(text)?.[1] ?? NaN) * 1000;

async function drive(url, n, conns, rate) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: conns });
  const body = JSON.stringify({ model: 'fake', messages: [{ role: 'user', content: 'Hello' }] });
  const u = new URL('/v1/chat/completions', url);
  const lat = [];
  let next = 0;
  let failed = 0;
  const one = () =>
    new Promise((resolve, reject) => {
      const t0 = performance.now();
      const req = http.request(
        { host: u.hostname, port: u.port, path: u.pathname, method: 'POST', agent, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          if (res.statusCode !== 200) failed++;
          res.resume();
          res.on('end', () => resolve(lat.push(performance.now() - t0)));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: conns }, async () => {
      for (let i = next++; i < n; i = next++) {
        const wait = rate > 0 ? t0 + (i * 1000) / rate - performance.now() : 0;
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        await one();
      }
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  agent.destroy();
  if (failed) throw new Error(`${failed} requests failed`);
  lat.sort((a, b) => a - b);
  return { rps: n / secs, p50: pct(lat, 0.5), p99: pct(lat, 0.99), max: lat[lat.length - 1] };
}

async function run(mode) {
  const dataDir = mkdtempSync(join(tmp, `${mode}-`));
  const gw = start(GATEWAY_CORES, [join(root, 'apps/gateway/dist/cli.js'), 'serve'], {
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${pathToFileURL(join(tmp, 'preload.mjs')).href}`.trim(),
    BENCH_STATS_DIR: statsDir,
    CORDON_DATA_DIR: dataDir, CORDON_PORT: '0', CORDON_ADMIN_KEY: key, CORDON_DEMO_MODEL: 'false', CORDON_LOG_LEVEL: 'info',
    CORDON_SQLITE_WRITER_THREAD: mode === 'inline' ? '0' : '1',
  });
  let out = '';
  const url = await new Promise((resolve, reject) => {
    gw.stdout.on('data', (d) => { if (out.length < 1e5) out += d; const m = /"url":"([^"]+)"/.exec(out); if (m) resolve(m[1]); });
    gw.once('exit', (code) => reject(new Error(`gateway exited (${code}):\n${out}`)));
  });
  const auth = { authorization: `Bearer ${key}` };
  await registerFakeModel(url, key, `http://127.0.0.1:${fakePort}`);
  await drive(url, 2000, CONNS, 0); // warm-up (JIT, the writer thread started), not measured
  await new Promise((r) => setTimeout(r, 1500)); // its records written
  const before = readStats(gw.pid);
  writeFileSync(join(statsDir, `reset-${gw.pid}`), ''); // the preload's loop-delay histogram
  await new Promise((r) => setTimeout(r, 400));
  await fetch(`${url}/metrics`, { headers: auth }); // resets the gateway's event-loop delay histogram
  const client = await drive(url, REQUESTS, CONNS, RATE);
  await new Promise((r) => setTimeout(r, 1300)); // the last partial batch, on the 1 s timer
  const metrics = await (await fetch(`${url}/metrics`, { headers: auth })).text();
  await new Promise((r) => setTimeout(r, 300)); // the preload's files
  const after = readStats(gw.pid);
  const fine = after.delay;
  const spans = (t) => after[t].slice(before[t].length).sort((a, b) => a - b);
  const exited = new Promise((r) => gw.once('exit', r));
  gw.kill('SIGTERM');
  await exited;
  const db = (await import(pathToFileURL(join(root, 'node_modules/better-sqlite3/lib/index.js')).href)).default;
  const conn = new db(join(dataDir, 'cordon.db'), { readonly: true });
  const rows = conn.prepare('SELECT COUNT(*) AS n FROM usage_records').get().n;
  conn.close();
  const expected = 2000 + REQUESTS;
  if (rows !== expected) throw new Error(`${mode}: ${rows} usage records written, expected ${expected}`);
  const summary = (s) => ({ n: s.length, totalMs: s.reduce((a, b) => a + b, 0), p50: pct(s, 0.5), max: s[s.length - 1] ?? 0 });
  return {
    mode,
    loop: { p99: secondsMs(metrics, 'cordon_nodejs_eventloop_lag_p99_seconds'), max: secondsMs(metrics, 'cordon_nodejs_eventloop_lag_max_seconds') },
    fine,
    client,
    mainTx: summary(spans('main')),
    workerTx: summary(spans('worker')),
  };
}

const f = (x) => x.toFixed(1).padStart(6);
console.log(`${REQUESTS} chat completions per run at ${RATE || 'max'} rps, ${CONNS} connections, usage batches of 500 (synchronous=FULL, ${tmp})`);
console.log('mode    | prom loop p99  max | 1ms loop p99  max | client rps  p50   p99   max | batch tx on event loop: n total  max | on writer thread: n total  max   (ms)');
for (let round = 0; round < ROUNDS; round++) {
  for (const mode of ['inline', 'thread']) {
    const r = await run(mode);
    console.log(
      `${mode.padEnd(7)} |    ${f(r.loop.p99)} ${f(r.loop.max)} |   ${f(r.fine?.p99 ?? NaN)} ${f(r.fine?.max ?? NaN)} | ${String(Math.round(r.client.rps)).padStart(6)} ${f(r.client.p50)}${f(r.client.p99)}${f(r.client.max)} |` +
        ` ${String(r.mainTx.n).padStart(24)}${f(r.mainTx.totalMs)}${f(r.mainTx.max)} | ${String(r.workerTx.n).padStart(18)}${f(r.workerTx.totalMs)}${f(r.workerTx.max)}`,
    );
  }
}
process.exit(0);
