#!/usr/bin/env node
// Memory of the gateway and of its engine hosts (issue 13), from /proc (Linux): RSS, and the
// private part of it (USS: Private_Clean + Private_Dirty of /proc/<pid>/smaps_rollup), which is what
// one more process of the same program really adds (the node binary's and the native libraries'
// code pages are shared between processes).
//   node scripts/bench/engine-host-memory.mjs [--settle-ms 2000]
// 1. The gateway idle (started, nothing served), with and without the demo models registered
//    (first start, which writes their files, and a restart); after one chat (its llama host starts)
//    and one transcription (its whisper host starts).
// 2. One engine host alone (`cordon engine-host --port`) holding two llama models and one whisper
//    model: idle (nothing loaded), after a chat to the first model, to the second, and after one
//    transcription: what a model costs inside a shared host, against a host of its own (per model).
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { freePort, waitHealthy } from './processes.mjs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = join(root, 'apps/gateway/dist');
const i = process.argv.indexOf('--settle-ms');
const SETTLE = i > 0 ? Number(process.argv[i + 1]) : 2000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const tmp = mkdtempSync(join(os.tmpdir(), 'cordon-host-memory-'));
const children = [];
process.on('exit', () => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

/** RSS and USS of a process, MB. */
function mem(pid) {
  const t = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(t)?.[1] ?? NaN);
  return { rss: kb('Rss') / 1024, uss: (kb('Private_Clean') + kb('Private_Dirty')) / 1024 };
}
const fmt = ({ rss, uss }) => `RSS ${rss.toFixed(1)} MB, private ${uss.toFixed(1)} MB`;
function childrenOf(pid) {
  const kids = [];
  for (const tid of readdirSync(`/proc/${pid}/task`)) kids.push(...readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
  return kids;
}
async function stop(proc) {
  if (proc.exitCode !== null) return;
  proc.kill('SIGTERM');
  const t = setTimeout(() => proc.kill('SIGKILL'), 10_000);
  await new Promise((r) => proc.once('exit', r));
  clearTimeout(t);
}

/** A 16-bit mono PCM WAV: one second of a 440 Hz tone at 16 kHz. */
function wav() {
  const rate = 16000;
  const data = Buffer.alloc(rate * 2);
  for (let k = 0; k < rate; k++) data.writeInt16LE(Math.round(12000 * Math.sin((2 * Math.PI * 440 * k) / rate)), k * 2);
  const head = Buffer.alloc(44);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(36 + data.length, 4);
  head.write('WAVEfmt ', 8, 'latin1');
  head.writeUInt32LE(16, 16);
  head.writeUInt16LE(1, 20);
  head.writeUInt16LE(1, 22);
  head.writeUInt32LE(rate, 24);
  head.writeUInt32LE(rate * 2, 28);
  head.writeUInt16LE(2, 32);
  head.writeUInt16LE(16, 34);
  head.write('data', 36, 'latin1');
  head.writeUInt32LE(data.length, 40);
  return Buffer.concat([head, data]);
}
async function chat(url, key, model) {
  const r = await fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'Hello' }], max_tokens: 8 }),
  });
  if (!r.ok) throw new Error(`chat ${model}: ${r.status} ${await r.text()}`);
  await r.text();
}
async function transcribe(url, key, model) {
  const form = new FormData();
  form.append('model', model);
  form.append('file', new Blob([wav()], { type: 'audio/wav' }), 'a.wav');
  const r = await fetch(`${url}/v1/audio/transcriptions`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: form });
  if (!r.ok) throw new Error(`transcription ${model}: ${r.status} ${await r.text()}`);
  await r.text();
}

const rows = [];
const row = (what, pid) => rows.push([what, mem(pid)]);

// ---- 1. the gateway ------------------------------------------------------------------------------
async function gateway(demo, again = false) {
  const key = 'bench-admin-key-0123456789';
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = spawn(process.execPath, [join(dist, 'cli.js'), 'serve'], {
    env: { ...process.env, CORDON_DATA_DIR: join(tmp, demo ? 'gw-demo' : 'gw-none'), CORDON_PORT: String(port), CORDON_HOST: '127.0.0.1', CORDON_ADMIN_KEY: key, CORDON_LOG_LEVEL: 'warn', CORDON_DEMO_MODEL: String(demo) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(proc);
  await waitHealthy(url, proc, 60_000);
  await sleep(SETTLE);
  const label = demo ? `demo models registered${again ? ' (restarted: their files exist)' : ''}` : 'no model registered';
  row(`gateway idle, ${label}`, proc.pid);
  if (demo && !again) {
    await chat(url, key, 'cordon-demo');
    await sleep(SETTLE);
    const [llamaHost] = childrenOf(proc.pid);
    row('gateway after 1 chat (cordon-demo)', proc.pid);
    row('  its llama host (cordon-demo loaded)', llamaHost);
    await transcribe(url, key, 'cordon-demo-whisper');
    await sleep(SETTLE);
    const whisperHost = childrenOf(proc.pid).find((p) => p !== llamaHost);
    row('gateway after 1 transcription (cordon-demo-whisper)', proc.pid);
    row('  its whisper host (cordon-demo-whisper loaded)', whisperHost);
  }
  await stop(proc);
}

// ---- 2. one host holding several models (what "one host per engine kind" would be) --------------
async function sharedHost() {
  const { writeDemoGguf } = await import(join(dist, 'platform/demo-models/gguf.js'));
  const { writeWhisperModel } = await import(join(dist, 'platform/demo-models/whisper.js'));
  const a = join(tmp, 'models', 'a.gguf');
  const b = join(tmp, 'models', 'b.gguf');
  writeDemoGguf(a);
  copyFileSync(a, b); // another file: its pages are not shared with a's
  const w = writeWhisperModel(join(tmp, 'models', 'w.bin')) ?? join(tmp, 'models', 'w.bin');
  const llama = (id, path) => ({ id, engine: 'llama-cpp', settings: { path }, capabilities: ['chat', 'completions', 'embeddings'] });
  const modelsFile = join(tmp, 'host-models.json');
  writeFileSync(modelsFile, JSON.stringify([llama('llama-a', a), llama('llama-b', b), { id: 'whisper-w', engine: 'whisper', settings: { path: w }, capabilities: ['transcription'] }]));
  const key = 'bench-host-token-0123456789';
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { ...process.env, CORDON_ENGINE_HOST_TOKEN: key, CORDON_DATA_DIR: join(tmp, 'host'), CORDON_LOG_LEVEL: 'warn' };
  delete env.CORDON_ENGINE_HOST_CONFIG;
  delete env.CORDON_ENGINE_HOST_MODELS;
  const proc = spawn(process.execPath, [join(dist, 'cli.js'), 'engine-host', '--port', String(port), '--models', modelsFile], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(proc);
  await waitHealthy(url, proc, 60_000);
  await sleep(SETTLE);
  row('engine host alone, idle (3 models registered, none loaded)', proc.pid);
  await chat(url, key, 'llama-a');
  await sleep(SETTLE);
  row('  after 1 chat to llama-a (demo gguf)', proc.pid);
  await chat(url, key, 'llama-b');
  await sleep(SETTLE);
  row('  after 1 chat to llama-b (a second demo gguf)', proc.pid);
  await transcribe(url, key, 'whisper-w');
  await sleep(SETTLE);
  row('  after 1 transcription (whisper-w)', proc.pid);
  await stop(proc);
}

try {
  await gateway(false);
  await gateway(true);
  // The first start wrote the demo models' files (building them allocates); a restart only reads the registry.
  await gateway(true, true);
  await sharedHost();
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`machine: ${os.cpus()[0].model}, ${os.availableParallelism()} cores, node ${process.version}; settled ${SETTLE} ms before each reading`);
const w = Math.max(...rows.map(([k]) => k.length));
for (const [what, m] of rows) console.log(`${what.padEnd(w)} : ${fmt(m)}`);
