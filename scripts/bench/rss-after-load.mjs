#!/usr/bin/env node
// Memory after load: the gateway in front of the fake upstream, wrk for --seconds at 16 connections
// (JSON chat), then the gateway's RSS and V8 heap every 2 s for --settle seconds. Says what the
// "after the benchmark" figure is made of (V8 heap or native memory) and whether it comes back.
//   node scripts/bench/rss-after-load.mjs [--seconds 10] [--settle 40] [--spaces]
// Environment: CORDON_BENCH_NODE_FLAGS / CORDON_BENCH_ENV (JSON) for the gateway only;
// CORDON_BENCH_CLI=path/to/cli.js runs another build of the gateway (a before/after comparison).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerFakeModel, startFakeUpstream } from './fake-upstream.mjs';
import { wrk } from './wrk.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, dflt) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : dflt);
const SECONDS = arg('--seconds', 10);
const SETTLE = arg('--settle', 40);
// --spaces: each V8 heap space's size, total and used, in every sample.
const SPACES = process.argv.includes('--spaces');
const tmp = mkdtempSync(join(os.tmpdir(), 'cordon-rss-'));
const key = 'bench-admin-key-0123456789';
const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

const fake = await startFakeUpstream({ core: 0 });
const flags = (process.env.CORDON_BENCH_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
const gw = spawn('taskset', ['-c', '1', process.execPath, ...flags, process.env.CORDON_BENCH_CLI ?? join(root, 'apps/gateway/dist/cli.js'), 'serve'], {
  env: { ...process.env, CORDON_DATA_DIR: tmp, CORDON_PORT: '0', CORDON_ADMIN_KEY: key, CORDON_DEMO_MODEL: 'false', CORDON_LOG_LEVEL: 'info', ...JSON.parse(process.env.CORDON_BENCH_ENV ?? '{}') },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const stop = () => {
  gw.kill('SIGTERM');
  fake.child.kill('SIGTERM');
};
process.on('exit', stop);
let out = '';
const url = await new Promise((r) => gw.stdout.on('data', (d) => { out += d; const m = /"url":"([^"]+)"/.exec(out); if (m) r(m[1]); }));
// The gateway's idle collections (memory-reducer.ts), as they happen.
gw.stdout.on('data', (d) => {
  for (const m of String(d).matchAll(/"heap_before_mb":(\d+),"heap_after_mb":(\d+),"rss_before_mb":(\d+),"rss_after_mb":(\d+),"trimmed":(\w+),"ms":(\d+),"trim_ms":(\d+),"msg":"idle: heap/g)) {
    console.log(`  (idle collection: heap ${m[1]} -> ${m[2]} MB, RSS ${m[3]} -> ${m[4]} MB, malloc_trim ${m[5] === 'true' ? 'gave memory back' : 'gave nothing'}, in ${m[6]} ms, ${m[7]} of them the trim)`);
  }
});
await new Promise((r) => setTimeout(r, 3000));
const auth = { authorization: `Bearer ${key}` };
await registerFakeModel(url, key, fake.url);
const metric = (text, name) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+]+)$`, 'm').exec(text)?.[1] ?? NaN) / 2 ** 20;
async function sample(label) {
  const rss = rssMb(gw.pid);
  const text = await (await fetch(`${url}/metrics`, { headers: auth })).text();
  console.log(`${label.padEnd(14)} rss ${rss.toFixed(0).padStart(4)} MB | heap used ${metric(text, 'cordon_nodejs_heap_size_used_bytes').toFixed(0)} total ${metric(text, 'cordon_nodejs_heap_size_total_bytes').toFixed(0)} (young ${(Number(/^cordon_nodejs_heap_space_size_total_bytes\{space="new"\} ([0-9.e+]+)$/m.exec(text)?.[1] ?? NaN) / 2 ** 20).toFixed(0)}) | external ${metric(text, 'cordon_nodejs_external_memory_bytes').toFixed(0)} MB${SPACES ? ` | ${[...text.matchAll(/^cordon_nodejs_heap_space_size_(total|used)_bytes\{space="(\w+)"\} ([0-9.e+]+)$/gm)].filter((m) => Number(m[3]) > 2 ** 19).map((m) => `${m[2]} ${m[1]} ${(Number(m[3]) / 2 ** 20).toFixed(1)}`).join(', ')}` : ''}`);
}
await sample('idle');
const body = JSON.stringify({ model: 'fake', messages: [{ role: 'user', content: 'Hello' }] });
const r = await wrk({ url: `${url}/v1/chat/completions`, key, body, conns: 16, seconds: SECONDS, core: 0, dir: tmp });
console.log(`wrk: ${JSON.stringify(r).slice(0, 200)}`);
await sample('after load');
// --snapshot-at N: N s after the load, a heap snapshot (V8 collects all garbage first; needs
// CORDON_BENCH_NODE_FLAGS='--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=DIR'): what is garbage, what is held.
const SNAP = arg('--snapshot-at', -1);
for (let t = 2; t <= SETTLE; t += 2) {
  await new Promise((res) => setTimeout(res, 2000));
  if (t === SNAP) {
    gw.kill('SIGUSR2');
    await new Promise((res) => setTimeout(res, 6000));
  }
  await sample(`+${t} s${t === SNAP ? ' (snapshot)' : ''}`);
}
stop();
rmSync(tmp, { recursive: true, force: true });
process.exit(0);
