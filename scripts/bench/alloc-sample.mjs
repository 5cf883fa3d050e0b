#!/usr/bin/env node
// Where the gateway allocates per request: V8's sampling heap profiler over the inspector
// (HeapProfiler.startSampling, counting objects later collected by minor and major GCs too, so the
// figures are bytes allocated, not bytes kept), while wrk sends JSON chat through the gateway to the
// fake upstream at 16 connections. Prints the functions that allocate the most, per request.
// --promoted leaves out what minor GCs collect: what remains was promoted to the old generation (or
// is still alive), the garbage that grows the heap until a major GC. --frames N prints N callers.
// --stream asks for streamed answers (SSE) in the measured run. --path and --body measure another
// operation (a JSON POST; the body's model must be `fake`), e.g. --path /v1/responses --body '{"model":"fake","input":"Hi"}'.
//   node scripts/bench/alloc-sample.mjs [--seconds 5] [--top 25] [--promoted] [--frames 1] [--stream] [--path P --body JSON]
// Env: CONNS=1 (wrk's connections in the measured run; 16 by default).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'undici';
import { registerFakeModel, startFakeUpstream } from './fake-upstream.mjs';
import { wrk } from './wrk.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, dflt) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : dflt);
const SECONDS = arg('--seconds', 5);
const TOP = arg('--top', 25);
const PROMOTED = process.argv.includes('--promoted');
const FRAMES = arg('--frames', 1);
const STREAM = process.argv.includes('--stream');
const text = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : null);
const PATH = text('--path') ?? '/v1/chat/completions';
const tmp = mkdtempSync(join(os.tmpdir(), 'cordon-alloc-'));
const key = 'bench-admin-key-0123456789';
const fake = await startFakeUpstream({ core: 0 });
const gw = spawn('taskset', ['-c', '1', process.execPath, '--inspect=127.0.0.1:9339', join(root, 'apps/gateway/dist/cli.js'), 'serve'], {
  env: { ...process.env, CORDON_DATA_DIR: tmp, CORDON_PORT: '0', CORDON_ADMIN_KEY: key, CORDON_DEMO_MODEL: 'false', CORDON_LOG_LEVEL: 'info' },
  stdio: ['ignore', 'pipe', 'ignore'],
});
const stop = () => {
  gw.kill('SIGKILL');
  fake.child.kill('SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
};
let out = '';
const url = await new Promise((r) => gw.stdout.on('data', (d) => { out += d; const m = /"url":"([^"]+)"/.exec(out); if (m) r(m[1]); }));
gw.stdout.resume();
await registerFakeModel(url, key, fake.url);
const body = JSON.stringify({ model: 'fake', messages: [{ role: 'user', content: 'Hello' }] });
await wrk({ url: `${url}/v1/chat/completions`, key, body, conns: 16, seconds: 3, core: 0, dir: tmp }); // warm the JIT

const list = await (await fetch('http://127.0.0.1:9339/json/list')).json();
const ws = new WebSocket(list[0].webSocketDebuggerUrl);
await new Promise((r) => ws.addEventListener('open', r));
let id = 0;
const call = (method, params = {}) => new Promise((resolve) => {
  const i = ++id;
  const h = (ev) => { const m = JSON.parse(ev.data); if (m.id === i) { ws.removeEventListener('message', h); resolve(m.result); } };
  ws.addEventListener('message', h);
  ws.send(JSON.stringify({ id: i, method, params }));
});
await call('HeapProfiler.enable');
await call('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: !PROMOTED });
const measured = text('--body') ?? (STREAM ? JSON.stringify({ model: 'fake', messages: [{ role: 'user', content: 'Hello' }], stream: true }) : body);
const r = await wrk({ url: `${url}${PATH}`, key, body: measured, conns: Number(process.env.CONNS ?? 16), seconds: SECONDS, core: 0, dir: tmp });
const { profile } = await call('HeapProfiler.stopSampling');
ws.close();
stop();

// Self bytes per function (file:line), from the sampled allocation tree.
const bySite = new Map();
let total = 0;
const frame = (f) => `${f.functionName || '(anonymous)'} ${f.url.replace(/^file:\/\//, '').replace(root + '/', '')}:${f.lineNumber + 1}`;
const walk = (node, callers) => {
  const self = node.selfSize;
  const here = [frame(node.callFrame), ...callers].slice(0, FRAMES);
  if (self) {
    const site = here.join(' <- ');
    bySite.set(site, (bySite.get(site) ?? 0) + self);
    total += self;
  }
  for (const c of node.children) walk(c, here);
};
walk(profile.head, []);
const requests = r.requests;
console.log(`${requests} requests in ${SECONDS} s; sampled ${PROMOTED ? 'promoted' : 'allocation'} ${(total / requests / 1024).toFixed(1)} KB per request`);
for (const [site, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${(bytes / requests).toFixed(0).padStart(7)} B/req  ${site}`);
process.exit(0);
