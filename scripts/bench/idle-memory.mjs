#!/usr/bin/env node
// What an idle gateway holds. Starts the built gateway (apps/gateway/dist/cli.js serve) on a temp data
// dir and a free port, waits for /healthz, and reads process.memoryUsage() inside it (through a small
// preload that answers over IPC, after a full GC) at: start, after /healthz, after one chat request
// to the demo model with the admin key, and after a few idle seconds. Prints a table; with
// --snapshot, also writes a heap snapshot of the idle gateway and summarises it (V8 heap by kind, and
// the loaded scripts' source and code by package: what the heap holds for each module).
//   node scripts/bench/idle-memory.mjs [--snapshot] [--keep] [--no-demo] [--no-gc] [--idle-ms 3000]
// Env: CORDON_* pass through (e.g. CORDON_DEMO_MODEL=false). Linux: RSS also from /proc.
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { freePort } from './processes.mjs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name) => process.argv.includes(name);
const argValue = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const SNAPSHOT = arg('--snapshot');
const IDLE_MS = Number(argValue('--idle-ms', 3000));
// --no-gc: read memory as it is, without the two full GCs first (what a monitor would see).
const NO_GC = arg('--no-gc');
const cli = join(root, 'apps/gateway/dist/cli.js');
if (!existsSync(cli)) {
  console.error('apps/gateway/dist/cli.js is missing: run `npx turbo run build --filter=@cordon/gateway` first.');
  process.exit(2);
}

const tmp = mkdtempSync(join(os.tmpdir(), 'cordon-idle-memory-'));
const key = `cordon-idle-${Math.random().toString(36).slice(2)}-0123456789`;
const MB = (n) => (n / 1024 / 1024).toFixed(1);

// The preload: answers { cmd: 'mem' } with process.memoryUsage() after a full GC, and { cmd: 'snapshot' }
// with a heap snapshot's path. Its IPC channel is unref'd: it never keeps the gateway alive. It acts
// only in the gateway itself, not in processes the gateway starts with the same flags (node-llama-cpp
// tests its binary in such a child, over IPC of its own).
const preload = join(tmp, 'preload.cjs');
writeFileSync(
  preload,
  `if (process.ppid === ${process.pid}) {
const v8 = require('node:v8');
const atPreload = process.memoryUsage();
if (process.channel) process.channel.unref();
process.on('message', (m) => {
  if (!m || typeof m !== 'object' || !m.cordonBench) return;
  if (m.gc && typeof global.gc === 'function') { global.gc(); global.gc(); }
  const out = { id: m.id, atPreload, mem: process.memoryUsage(), spaces: v8.getHeapSpaceStatistics(), heap: v8.getHeapStatistics() };
  if (m.cmd === 'snapshot') out.snapshot = v8.writeHeapSnapshot(m.path);
  process.send(out);
});
}
`,
);

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const gw = spawn(process.execPath, ['--expose-gc', '--require', preload, cli, 'serve'], {
  cwd: tmp,
  env: {
    ...process.env,
    CORDON_DATA_DIR: join(tmp, 'data'),
    CORDON_PORT: String(port),
    CORDON_HOST: '127.0.0.1',
    CORDON_ADMIN_KEY: key,
    CORDON_LOG_LEVEL: process.env.CORDON_LOG_LEVEL ?? 'warn',
    ...(arg('--no-demo') ? { CORDON_DEMO_MODEL: 'false' } : {}),
  },
  stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
});
let logs = '';
gw.stdout.on('data', (d) => (logs += d));
gw.stderr.on('data', (d) => (logs += d));
const exited = new Promise((r) => gw.once('exit', (code, signal) => r({ code, signal })));

let nextId = 0;
function ask(cmd, extra = {}) {
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer to ${cmd}`)), 120_000);
    const on = (m) => {
      if (m?.id !== id) return;
      clearTimeout(t);
      gw.off('message', on);
      resolve(m);
    };
    gw.on('message', on);
    gw.send({ cordonBench: true, id, cmd, gc: !NO_GC, ...extra });
  });
}
const rssProc = () => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${gw.pid}/status`, 'utf8'))[1]) * 1024;
  } catch {
    return NaN;
  }
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const rows = [];
async function sample(label) {
  const m = await ask('mem');
  rows.push({ label, ...m.mem, procRss: rssProc() });
  return m;
}

let failed = null;
try {
  const started = Date.now();
  for (;;) {
    if (gw.exitCode !== null) throw new Error(`the gateway exited:\n${logs}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 60_000) throw new Error(`no /healthz after 60 s:\n${logs}`);
    await sleep(50);
  }
  const first = await sample('after /healthz');
  rows.unshift({ label: 'preload (bare node)', ...first.atPreload, procRss: NaN });
  console.log(`gateway up in ${Date.now() - started} ms (pid ${gw.pid}, ${base})`);

  const models = await (await fetch(`${base}/v1/models`, { headers: { authorization: `Bearer ${key}` } })).json();
  const model = models?.data?.find?.((m) => m.id === 'cordon-demo')?.id ?? models?.data?.[0]?.id;
  if (model) {
    const t0 = Date.now();
    const r = await fetch(`${base}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model, messages: [{ role: 'user', content: 'Hello' }], max_tokens: 8 }),
    });
    const text = await r.text();
    console.log(`chat ${model}: ${r.status} in ${Date.now() - t0} ms${r.ok ? '' : `: ${text.slice(0, 200)}`}`);
    await sample(`after 1 chat (${model})`);
  } else {
    console.log('no model registered: no chat request (CORDON_DEMO_MODEL=false?)');
  }
  await sleep(IDLE_MS);
  const idle = await sample(`idle ${IDLE_MS / 1000} s later`);

  console.log('');
  console.log('| when | rss (/proc) | rss | heapTotal | heapUsed | external | arrayBuffers |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.label} | ${Number.isNaN(r.procRss) ? '' : MB(r.procRss)} | ${MB(r.rss)} | ${MB(r.heapTotal)} | ${MB(r.heapUsed)} | ${MB(r.external)} | ${MB(r.arrayBuffers)} |`);
  }
  console.log(NO_GC ? '(MB; memoryUsage() as is, no GC forced)' : '(MB; memoryUsage() after two full GCs)');
  console.log('');
  console.log('V8 heap spaces at idle (used / committed MB):');
  console.log(
    idle.spaces
      .filter((s) => s.space_size > 0)
      .map((s) => `  ${s.space_name.padEnd(24)} ${MB(s.space_used_size).padStart(7)} / ${MB(s.space_size).padStart(7)}`)
      .join('\n'),
  );
  const h = idle.heap;
  console.log(`  malloced ${MB(h.malloced_memory)}  (peak ${MB(h.peak_malloced_memory)}), external ${MB(h.external_memory)}, native contexts ${h.number_of_native_contexts}`);

  const maps = smapsByFile(gw.pid);
  if (maps.length) {
    console.log('\nRSS by mapping at idle (/proc/<pid>/smaps; anonymous memory is the V8 heap, malloc and native buffers):');
    for (const [file, rss] of maps.slice(0, 15)) console.log(`  ${MB(rss).padStart(7)} MB  ${file}`);
  }

  if (SNAPSHOT) {
    const path = join(arg('--keep') ? process.cwd() : tmp, `cordon-idle-${gw.pid}.heapsnapshot`);
    const s = await ask('snapshot', { path });
    console.log(`\nheap snapshot: ${s.snapshot}${arg('--keep') ? '' : ' (removed at exit; --keep writes it to the current directory)'}`);
    await summariseSnapshot(s.snapshot);
  }
} catch (err) {
  failed = err;
} finally {
  gw.kill('SIGTERM');
  const t = setTimeout(() => gw.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(t);
  rmSync(tmp, { recursive: true, force: true });
}
if (failed) {
  console.error(failed instanceof Error ? failed.message : failed);
  process.exit(1);
}

/** Resident bytes by mapped file (shared libraries, native addons), largest first; anonymous maps as one row. */
function smapsByFile(pid) {
  let text;
  try {
    text = readFileSync(`/proc/${pid}/smaps`, 'utf8');
  } catch {
    return [];
  }
  const by = new Map();
  let file = null;
  for (const line of text.split('\n')) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+(?:\s+(.*))?$/.exec(line);
    if (head) {
      const path = (head[1] ?? '').trim();
      file = path === '' ? '[anonymous]' : path.replace(/^.*\/node_modules\//, 'node_modules/');
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss && file) by.set(file, (by.get(file) ?? 0) + Number(rss[1]) * 1024);
  }
  return [...by].sort((a, b) => b[1] - a[1]);
}

/**
 * The snapshot by node type and constructor, and by package: each Script's source string and the
 * code of its functions (SharedFunctionInfo, bytecode, feedback), keyed by the script's package.
 */
async function summariseSnapshot(file) {
  let text = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8' })) text += chunk;
  const snap = JSON.parse(text);
  text = '';
  const meta = snap.snapshot.meta;
  const nf = meta.node_fields;
  const ef = meta.edge_fields;
  const N = nf.length;
  const E = ef.length;
  const [fType, fName, fSize, fEdges] = ['type', 'name', 'self_size', 'edge_count'].map((f) => nf.indexOf(f));
  const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) => ef.indexOf(f));
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const { nodes, edges, strings } = snap;
  const count = nodes.length / N;
  const firstEdge = new Uint32Array(count + 1);
  for (let i = 0, e = 0; i < count; i++) {
    firstEdge[i] = e;
    e += nodes[i * N + fEdges] * E;
  }
  firstEdge[count] = edges.length;
  const type = (i) => nodeTypes[nodes[i * N + fType]];
  const name = (i) => strings[nodes[i * N + fName]];
  const size = (i) => nodes[i * N + fSize];
  function* out(i) {
    for (let e = firstEdge[i]; e < firstEdge[i + 1]; e += E) {
      const t = edgeTypes[edges[e + eType]];
      const n = t === 'element' || t === 'hidden' ? String(edges[e + eName]) : strings[edges[e + eName]];
      yield { type: t, name: n, to: edges[e + eTo] / N };
    }
  }

  let total = 0;
  const byType = new Map();
  const byCtor = new Map();
  for (let i = 0; i < count; i++) {
    const s = size(i);
    total += s;
    const t = type(i);
    byType.set(t, (byType.get(t) ?? 0) + s);
    if (t === 'object' || t === 'closure' || t === 'array' || t === 'code' || t === 'hidden') {
      const k = `${t}:${name(i).slice(0, 60)}`;
      byCtor.set(k, (byCtor.get(k) ?? 0) + s);
    }
  }
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log(`\nsnapshot: ${count} nodes, ${MB(total)} MB self size`);
  console.log('by node type:');
  for (const [k, v] of top(byType, 12)) console.log(`  ${k.padEnd(22)} ${MB(v).padStart(7)} MB`);
  console.log('largest groups (type:name):');
  for (const [k, v] of top(byCtor, 20)) console.log(`  ${k.padEnd(70)} ${MB(v).padStart(7)} MB`);

  const pkgOf = (url) => {
    if (!url) return '(no url)';
    if (url.startsWith('node:') || !url.includes('/')) return '(node internals)';
    const p = url.replace(/^file:\/\//, '');
    const nm = p.lastIndexOf('/node_modules/');
    if (nm >= 0) {
      const rest = p.slice(nm + 14).split('/');
      return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    }
    const m = /\/(apps|packages)\/([^/]+)\//.exec(p);
    if (m) return `@cordon/${m[2]}`;
    if (p.includes('/scripts/')) return 'scripts/';
    return '(other)';
  };
  // Functions (SharedFunctionInfo, 'code' nodes named after the function) point at their Script through
  // `script_or_debug_info`; a Script points at its URL (`name`) and its source text (`source`). A
  // function's code here: itself, its bytecode or uncompiled data, scope info and feedback metadata.
  const scriptPkg = new Map(); // Script node index -> package
  const sourceBytes = new Map();
  const scripts = new Map();
  const codeBytes = new Map();
  const scriptOf = (i) => {
    let pkg = scriptPkg.get(i);
    if (pkg !== undefined) return pkg;
    let url = null;
    let src = null;
    for (const e of out(i)) {
      if (e.name === 'name' && type(e.to).includes('string')) url = name(e.to);
      else if (e.name === 'source') src = e.to;
    }
    pkg = pkgOf(url);
    scriptPkg.set(i, pkg);
    scripts.set(pkg, (scripts.get(pkg) ?? 0) + 1);
    if (src !== null) sourceBytes.set(pkg, (sourceBytes.get(pkg) ?? 0) + size(src));
    return pkg;
  };
  for (let i = 0; i < count; i++) {
    if (type(i) !== 'code') continue;
    let script = null;
    let bytes = size(i);
    for (const e of out(i)) {
      if (e.name === 'script_or_debug_info' || e.name === 'script') script = e.to;
      else if (e.name === 'function_data' || e.name === 'name_or_scope_info' || e.name.includes('outer_scope_info_or_feedback_metadata')) bytes += size(e.to);
    }
    if (script === null) continue;
    const pkg = scriptOf(script);
    codeBytes.set(pkg, (codeBytes.get(pkg) ?? 0) + bytes);
  }
  const pkgs = [...new Set([...sourceBytes.keys(), ...codeBytes.keys()])].map((p) => [p, (sourceBytes.get(p) ?? 0) + (codeBytes.get(p) ?? 0)]);
  console.log('by package (scripts, source text + function code held in the V8 heap):');
  console.log('  package                              scripts   source MB   code MB');
  for (const [p] of top(new Map(pkgs), 25)) {
    console.log(`  ${p.padEnd(36)} ${String(scripts.get(p) ?? 0).padStart(7)} ${MB(sourceBytes.get(p) ?? 0).padStart(11)} ${MB(codeBytes.get(p) ?? 0).padStart(9)}`);
  }
}
