#!/usr/bin/env node
// What the gateway promotes to V8's old generation per request, by operation: the garbage that fills
// the old generation until a full collection, whose marking steps and final pause are what the
// one-connection tail follows (docs/benchmarks.md, sessions 21 and 22). A forwarder promotes
// nothing a request; what the gateway should promote is what is meant to outlive a young-generation
// collection (usage records waiting for their batch, the log's batch, a stored response on its way
// to the writer thread): about 100 bytes a request.
//
// The gateway runs on core 1 with --trace-gc-nvp (line-buffered); the fake upstream and wrk on core
// 0. Each operation is loaded at one connection for SECONDS after the warm-up, and V8's `promoted=`
// of the main heap's scavenges in that window is summed and divided by the requests.
//   node scripts/bench/promoted.mjs [--seconds 8] [--conns 1] [--only chat,stream,...]
// Run it with another Node to compare versions (CORDON_SQLITE_NATIVE_BINDING as other-node.mjs prints);
// CORDON_BENCH_CLI=path/to/cli.js measures another build of the gateway (before/after);
// CORDON_BENCH_NODE_FLAGS adds node flags to the gateway's.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerFakeModel, startFakeUpstream } from './fake-upstream.mjs';
import { gatewayUrlFromLog } from './processes.mjs';
import { wrk } from './wrk.mjs';
import { linesOf, mainIsolate } from './gc-trace.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, dflt) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);
const SECONDS = Number(arg('--seconds', 8));
const CONNS = Number(arg('--conns', 1));
const ONLY = arg('--only', null)?.split(',') ?? null;
const key = 'bench-admin-key-0123456789';
const chat = { model: 'fake', messages: [{ role: 'user', content: 'Hello' }] };
const OPERATIONS = [
  { name: 'chat', path: '/v1/chat/completions', body: JSON.stringify(chat) },
  { name: 'stream', path: '/v1/chat/completions', body: JSON.stringify({ ...chat, stream: true }) },
  { name: 'responses', path: '/v1/responses', body: JSON.stringify({ model: 'fake', input: 'Hello' }) },
  { name: 'responses-stream', path: '/v1/responses', body: JSON.stringify({ model: 'fake', input: 'Hello', stream: true }) },
  { name: 'models', path: '/v1/models', body: null },
  { name: 'unknown-model', path: '/v1/chat/completions', body: JSON.stringify({ ...chat, model: 'no-such-model' }) },
].filter((o) => !ONLY || ONLY.includes(o.name));

const tmp = mkdtempSync(join(os.tmpdir(), 'cordon-promoted-'));
const children = [];
process.on('exit', () => {
  children.forEach((c) => c.kill('SIGKILL'));
  rmSync(tmp, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(1));

const fake = await startFakeUpstream({ core: 0 });
children.push(fake.child);
const log = join(tmp, 'gateway.out');
const out = openSync(log, 'w');
const env = { ...process.env, CORDON_DATA_DIR: join(tmp, 'data'), CORDON_PORT: '0', CORDON_ADMIN_KEY: key, CORDON_DEMO_MODEL: 'false', CORDON_LOG_LEVEL: 'info' };
// --trace-gc-nvp's lines go through C's stdio, which buffers a file by blocks: by lines, each falls in its window.
const gw = spawn('taskset', ['-c', '1', 'stdbuf', '-oL', process.execPath, '--trace-gc-nvp', ...(process.env.CORDON_BENCH_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean), process.env.CORDON_BENCH_CLI ?? join(root, 'apps/gateway/dist/cli.js'), 'serve'], { env, stdio: ['ignore', out, 'inherit'] });
children.push(gw);
closeSync(out);
const url = await gatewayUrlFromLog(gw, log);
await registerFakeModel(url, key, fake.url);
const load = (op, conns, seconds) => wrk({ url: `${url}${op.path}`, key, body: op.body, conns, seconds, core: 0, dir: tmp });

/** Bytes promoted by each of the main heap's scavenges in a piece of the log. */
const promotedBytes = (lines) => linesOf(lines, mainIsolate(lines)).filter((l) => l.includes(' gc=s ')).map((l) => Number(/ promoted=(\d+)/.exec(l)?.[1] ?? 0));
const fullCollections = (lines) => lines.filter((l) => / gc=(mc|ms) /.test(l)).length;
/** The old generation's used bytes (old, large-object and code spaces), from the gateway's metrics. */
const oldUsed = async () => {
  const text = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${key}` } })).text();
  return [...text.matchAll(/^cordon_nodejs_heap_space_size_used_bytes\{space="(old|large_object|code)"\} ([0-9.e+]+)$/gm)].reduce((a, m) => a + Number(m[2]), 0);
};

console.log(`machine: ${os.cpus()[0].model.split(' ').slice(0, 2).join(' ')}, node ${process.version}; ${SECONDS} s an operation at ${CONNS} connection(s) after a warm-up; gateway on core 1, wrk + fake on core 0`);
// The old generation's growth a request also counts what V8 allocates there directly (pretenured
// allocation sites, large objects), which promoted= does not; a full collection in the window makes it meaningless.
console.log('operation         | requests/s | non-2xx | scavenges | promoted a request | a scavenge (median) | old generation grew a request | full collections (all isolates)');
for (const op of OPERATIONS) {
  await load(op, 16, 2); // warm the operation's code
  await load(op, CONNS, 1);
  const oldBefore = await oldUsed();
  const before = readFileSync(log, 'utf8').length;
  const r = await load(op, CONNS, SECONDS);
  const oldGrew = (await oldUsed()) - oldBefore;
  const lines = readFileSync(log, 'utf8').slice(before).split('\n');
  const s = promotedBytes(lines).sort((a, b) => a - b);
  const total = s.reduce((a, b) => a + b, 0);
  const median = s.length ? s[s.length >> 1] : 0;
  console.log(
    `${op.name.padEnd(17)} | ${String(Math.round(r.rps)).padStart(10)} | ${String(r.non2xx).padStart(7)} | ${String(s.length).padStart(9)} | ${`${Math.round(total / Math.max(1, r.requests))} B`.padStart(18)} | ${`${(median / 1024).toFixed(1)} KB`.padStart(19)} | ${`${Math.round(oldGrew / Math.max(1, r.requests))} B`.padStart(29)} | ${fullCollections(lines)}`,
  );
}
process.exit(0);
