#!/usr/bin/env node
// Per-request cost of a streamed chat request that generates one token, on three paths to the same
// engine host code, taken in turn (one request to each path, then the next round), so that the
// machine's jitter falls on all three alike:
//   gateway -> host   the gateway with the demo llama model (its own engine host, Unix socket)
//   gateway -> up     the same gateway with an `openai-compatible` model whose target is a standalone
//                     `cordon engine-host --port` (loopback TCP, the generic upstream path)
//   host alone        that standalone host, called directly
// Prints, per path, median and p90 of the time to the response headers (first byte) and to the first
// token (the first body chunk carrying content), and the gateway's and hosts' CPU per request
// (/proc/<pid>/task/*/schedstat: main thread + other threads).
//   node scripts/bench/first-token.mjs [--requests 200] [--width 64 --layers 2] [--root DIR] [--prof DIR]
// Environment: CORDON_BENCH_NODE_FLAGS (node flags for the gateway), CORDON_BENCH_STRACE=PREFIX (strace -c -f of
// the gateway and its host, to PREFIX.gateway and PREFIX.host), CORDON_BENCH_PERF=FILE (perf
// record -g of the gateway during the measured rounds).
// --root: the checkout whose apps/gateway/dist is run (default: this one; e.g. a worktree of HEAD
// for a before/after comparison). --prof DIR: a V8 CPU profile of the gateway (written at its exit).
import { spawn } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { childrenOf, cpuOf } from './proc-threads.mjs';
import os from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDemoGguf } from '../make-test-gguf.mjs';
import { startEngineHost } from './processes.mjs';

const argOf = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const num = (name, d) => (argOf(name) === undefined ? d : Number(argOf(name)));
const root = resolve(argOf('root') ?? join(dirname(fileURLToPath(import.meta.url)), '../..'));
const cli = join(root, 'apps/gateway/dist/cli.js');
const N = num('requests', 200);
const SIZE = { width: num('width', 64), layers: num('layers', 2) };
const threads = Math.max(1, os.availableParallelism() - 1);
const KEY = 'bench-admin-key-0123456789';
const HOST_TOKEN = 'bench-host-token-0123456789';
const KEY_ENV = 'CORDON_UPSTREAM_KEY_BENCH_HOST';

const dir = mkdtempSync(join(os.tmpdir(), 'cordon-ft-'));
const modelPath = join(dir, 'models', 'cordon-demo.gguf');
writeDemoGguf(modelPath, SIZE);
const procs = [];
const stopAll = () => {
  for (const p of procs) if (p.exitCode === null) p.kill('SIGTERM');
};
process.on('exit', stopAll);


async function startHost() {
  const modelsFile = join(dir, 'host-models.json');
  writeFileSync(modelsFile, JSON.stringify([{ id: 'hosted-demo', engine: 'llama-cpp', settings: { path: modelPath }, capabilities: ['chat', 'completions'] }]));
  const { proc, url } = await startEngineHost({ cli, modelsFile, dataDir: join(dir, 'host'), token: HOST_TOKEN, threads });
  procs.push(proc);
  return { proc, url, key: HOST_TOKEN, model: 'hosted-demo' };
}

async function startGateway(hostUrl) {
  const prof = argOf('prof');
  const nodeFlags = (process.env.CORDON_BENCH_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
  const proc = spawn(process.execPath, [...nodeFlags, ...(prof ? ['--cpu-prof', '--cpu-prof-dir', prof] : []), cli, 'serve'], {
    env: { ...process.env, CORDON_DATA_DIR: dir, CORDON_PORT: '0', CORDON_ADMIN_KEY: KEY, CORDON_LOG_LEVEL: 'info', CORDON_LLAMA_THREADS: String(threads), [KEY_ENV]: HOST_TOKEN },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  procs.push(proc);
  let out = '';
  const url = await new Promise((res, rej) => {
    const onData = (d) => {
      out += d;
      const m = /"url":"([^"]+)"/.exec(out);
      if (m) {
        proc.stdout.off('data', onData);
        proc.stdout.resume();
        res(m[1]);
      }
    };
    proc.stdout.on('data', onData);
    proc.once('exit', () => rej(new Error(out)));
  });
  const reg = await fetch(`${url}/admin/v1/models`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id: 'remote-demo', engine: 'openai-compatible', settings: { targets: [{ base_url: `${hostUrl}/v1`, model: 'hosted-demo', api_key_env: KEY_ENV }] }, capabilities: ['chat', 'completions'] }),
  });
  if (reg.status !== 201) throw new Error(`registering the upstream model: ${reg.status} ${await reg.text()}`);
  return { proc, url };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
/** One streamed chat request for one token: ms to the headers and to the first content chunk. */
function once(target, seed) {
  const body = JSON.stringify({ model: target.model, messages: [{ role: 'user', content: 'Once upon a time' }], max_tokens: 1, temperature: 1, seed, stream: true });
  const u = new URL(`${target.url}/v1/chat/completions`);
  return new Promise((res, rej) => {
    const t0 = performance.now();
    let token = 0;
    const req = http.request(
      { host: u.hostname, port: u.port, path: u.pathname, method: 'POST', agent, headers: { authorization: `Bearer ${target.key}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (r) => {
        const headers = performance.now() - t0;
        const overhead = Number(r.headers['x-cordon-overhead-ms'] ?? NaN);
        if (r.statusCode !== 200) rej(new Error(`${target.name}: HTTP ${r.statusCode}`));
        r.setEncoding('utf8');
        r.on('data', (d) => {
          if (!token && /"content":"[^"]/.test(d)) token = performance.now() - t0;
        });
        r.on('end', () => res({ headers, token: token || performance.now() - t0, overhead }));
      },
    );
    req.on('error', rej);
    req.end(body);
  });
}

const q = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

try {
  const host = await startHost();
  const gw = await startGateway(host.url);
  const legs = [
    { name: 'gateway -> host', url: gw.url, key: KEY, model: 'cordon-demo' },
    { name: 'gateway -> up', url: gw.url, key: KEY, model: 'remote-demo' },
    { name: 'host alone', url: host.url, key: HOST_TOKEN, model: 'hosted-demo' },
  ];
  for (const leg of legs) for (let i = 0; i < 20; i++) await once(leg, i); // warm-up (starts the gateway's host)
  const gwHost = childrenOf(gw.proc.pid)[0];
  const pids = { gateway: gw.proc.pid, "gateway's host": gwHost, 'standalone host': host.proc.pid };
  const times = legs.map(() => ({ headers: [], token: [], overhead: [] }));
  // CPU per request: one leg at a time would be cleaner, but interleaved legs share the jitter; the
  // CPU is split by process instead (the gateway serves legs 1 and 2, each host one leg).
  // CORDON_BENCH_PERF=FILE: `perf record -g` of the gateway and its host during the measured rounds (with
  // CORDON_BENCH_NODE_FLAGS=--perf-basic-prof for the names of JS functions).
  const perf = process.env.CORDON_BENCH_PERF ? spawn('perf', ['record', '-F', '4999', '-g', '-o', process.env.CORDON_BENCH_PERF, '-p', `${gw.proc.pid},${childrenOf(gw.proc.pid)[0]}`], { stdio: 'ignore' }) : null;
  // CORDON_BENCH_STRACE=FILE: `strace -c -f` (system calls counted, per process) of the gateway and its host.
  const strace = process.env.CORDON_BENCH_STRACE
    ? [gw.proc.pid, gwHost].map((pid) => spawn('strace', ['-c', '-f', '-o', `${process.env.CORDON_BENCH_STRACE}.${pid === gwHost ? 'host' : 'gateway'}`, '-p', String(pid)], { stdio: 'ignore' }))
    : [];
  if (perf || strace.length) await new Promise((r) => setTimeout(r, 1000));
  const cpu0 = Object.fromEntries(Object.entries(pids).map(([k, p]) => [k, cpuOf(p)]));
  // --segments K: the gateway's main-thread CPU per request in each K-th of the rounds (its code warms up: V8 optimizes a function after enough calls).
  const segments = num('segments', 1);
  const seg = [];
  let segCpu = cpuOf(gw.proc.pid).main;
  for (let i = 0; i < N; i++) {
    if (segments > 1 && i > 0 && i % Math.ceil(N / segments) === 0) {
      const c = cpuOf(gw.proc.pid).main;
      seg.push(((c - segCpu) / (2 * Math.ceil(N / segments))).toFixed(2));
      segCpu = c;
    }
    for (let l = 0; l < legs.length; l++) {
      const r = await once(legs[l], 100 + i);
      times[l].headers.push(r.headers);
      times[l].token.push(r.token);
      times[l].overhead.push(r.overhead);
    }
  }
  for (const p of perf ? [perf, ...strace] : strace) {
    p.kill('SIGINT');
    await new Promise((r) => p.once('exit', r));
  }
  const cpu1 = Object.fromEntries(Object.entries(pids).map(([k, p]) => [k, cpuOf(p)]));
  const f = (x) => x.toFixed(2);
  if (segments > 1) console.log(`gateway main-thread CPU ms per request, by ${Math.ceil(N / segments)} rounds: ${seg.join(' ')}`);
  console.log(`${SIZE.width} x ${SIZE.layers}, ${N} rounds of one request per path (max_tokens 1, streamed chat), node ${process.version}, ${root}`);
  for (let l = 0; l < legs.length; l++) {
    const t = times[l];
    console.log(`  ${legs[l].name.padEnd(16)}: headers median ${f(q(t.headers, 0.5))} p90 ${f(q(t.headers, 0.9))} ms; first token median ${f(q(t.token, 0.5))} p90 ${f(q(t.token, 0.9))} ms; x-cordon-overhead-ms median ${f(q(t.overhead, 0.5))}`);
  }
  const per = (k, n) => `${f((cpu1[k].main - cpu0[k].main) / n)} + ${f((cpu1[k].other - cpu0[k].other) / n)}`;
  console.log(`  CPU ms per request, main + other threads: gateway ${per('gateway', 2 * N)} (both gateway legs), its host ${per("gateway's host", N)}, standalone host ${per('standalone host', 2 * N)} (legs 2 and 3)`);
} finally {
  stopAll();
  await new Promise((r) => setTimeout(r, 500));
  rmSync(dir, { recursive: true, force: true });
}
