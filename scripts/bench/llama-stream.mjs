#!/usr/bin/env node
// Embedded engine through HTTP vs node-llama-cpp called directly, on the demo model and the same
// prompt, seed and token budget (so both generate the same tokens).
//   node scripts/bench/llama-stream.mjs [--runs 7] [--tokens 256] [--width 64 --layers 2]
// Prints tokens/s and time to first token for each, and 4 concurrent streams vs 1 through HTTP.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getLlama, LlamaCompletion, LlamaLogLevel } from 'node-llama-cpp';
import { writeDemoGguf } from '../make-test-gguf.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, d) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const RUNS = arg('runs', 7);
// --width N --layers N: a larger generated model of the same kind (default: the demo model, 64 x 2).
const WIDTH = arg('width', 64);
const LAYERS = arg('layers', 2);
const TOKENS = arg('tokens', 256);
const PROMPT = 'Once upon a time';
const threads = Math.max(1, os.availableParallelism() - 1);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const dir = mkdtempSync(join(os.tmpdir(), 'cordon-bench-'));
const modelPath = join(dir, 'models', 'cordon-demo.gguf');
writeDemoGguf(modelPath, { width: WIDTH, layers: LAYERS });

// ---- direct -------------------------------------------------------------------------------------
async function direct() {
  const llama = await getLlama({ gpu: false, build: 'never', maxThreads: threads, logLevel: LlamaLogLevel.error });
  const model = await llama.loadModel({ modelPath });
  const context = await model.createContext({ sequences: 4, contextSize: 4096 * 4, threads });
  const seq = context.getSequence();
  const rates = [];
  const ttfts = [];
  for (let r = 0; r < RUNS + 1; r++) {
    await seq.clearHistory();
    const c = new LlamaCompletion({ contextSequence: seq });
    let tokens = 0;
    let first = 0;
    const t0 = performance.now();
    await c.generateCompletion(PROMPT, {
      maxTokens: TOKENS, temperature: 1, seed: 42 + r,
      onToken: (t) => (tokens += t.length),
      onTextChunk: () => (first ||= performance.now()),
    });
    const dt = performance.now() - t0;
    c.dispose({ disposeSequence: false });
    if (r === 0) continue; // warm-up
    rates.push(tokens / (dt / 1000));
    ttfts.push(first - t0);
  }
  // The same 1-vs-4 concurrency comparison as through HTTP, on the context's own sequences: the
  // ceiling the gateway can reach on this machine.
  const seqs = [seq, context.getSequence(), context.getSequence(), context.getSequence()];
  const gen = async (s, seed) => {
    await s.clearHistory();
    const c = new LlamaCompletion({ contextSequence: s });
    let tokens = 0;
    await c.generateCompletion(PROMPT, { maxTokens: TOKENS, temperature: 1, seed, onToken: (t) => (tokens += t.length) });
    c.dispose({ disposeSequence: false });
    return tokens;
  };
  const agg = async (n) => {
    const results = [];
    for (let r = 0; r < 3; r++) {
      const t0 = performance.now();
      const all = await Promise.all(seqs.slice(0, n).map((s, i) => gen(s, 100 + r * 10 + i)));
      results.push(all.reduce((a, b) => a + b, 0) / ((performance.now() - t0) / 1000));
    }
    return median(results);
  };
  const one = await agg(1);
  const four = await agg(4);
  await context.dispose();
  await model.dispose();
  await llama.dispose();
  return { rate: median(rates), ttft: median(ttfts), one, four };
}

// ---- through the gateway --------------------------------------------------------------------------
async function startGateway() {
  const key = 'bench-admin-key-0123456789';
  // --prof DIR: a V8 CPU profile of the gateway (node --cpu-prof), written when it exits.
  const p = process.argv.indexOf('--prof');
  const profArgs = p > 0 ? ['--cpu-prof', '--cpu-prof-dir', process.argv[p + 1]] : [];
  const proc = spawn(process.execPath, [...profArgs, join(root, 'apps/gateway/dist/cli.js'), 'serve'], {
    env: { ...process.env, CORDON_DATA_DIR: dir, CORDON_PORT: '0', CORDON_ADMIN_KEY: key, CORDON_LOG_LEVEL: 'info', CORDON_LLAMA_THREADS: String(threads) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const url = await new Promise((resolve, reject) => {
    proc.stdout.on('data', (d) => {
      out += d;
      const m = /"url":"([^"]+)"/.exec(out);
      if (m) resolve(m[1]);
    });
    proc.once('exit', () => reject(new Error(out)));
  });
  return { proc, url, key };
}

// A minimal node:http client: it shares the two cores with the gateway, so it does as little as it
// can per event (no SSE parsing; it notes the first body byte and reads the usage from the tail).
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
function streamOnce(gw, seed) {
  const body = JSON.stringify({ model: 'cordon-demo', prompt: PROMPT, max_tokens: TOKENS, temperature: 1, seed, stream: true, stream_options: { include_usage: true } });
  const u = new URL(`${gw.url}/v1/completions`);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let first = 0;
    let tail = '';
    const req = http.request(
      { host: u.hostname, port: u.port, path: u.pathname, method: 'POST', agent, headers: { authorization: `Bearer ${gw.key}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.setEncoding('utf8');
        res.on('data', (d) => {
          first ||= performance.now();
          tail = (tail + d).slice(-2048);
        });
        res.on('end', () => {
          const m = /"completion_tokens":(\d+)/.exec(tail);
          resolve({ dt: performance.now() - t0, ttft: first - t0, tokens: m ? Number(m[1]) : 0 });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function viaHttp() {
  const gw = await startGateway();
  try {
    await streamOnce(gw, 1); // load + warm up
    const rates = [];
    const ttfts = [];
    for (let r = 1; r <= RUNS; r++) {
      const s = await streamOnce(gw, 42 + r);
      rates.push(s.tokens / (s.dt / 1000));
      ttfts.push(s.ttft);
    }
    const agg = async (n) => {
      const results = [];
      for (let r = 0; r < 3; r++) {
        const t0 = performance.now();
        const all = await Promise.all(Array.from({ length: n }, (_, i) => streamOnce(gw, 100 + r * 10 + i)));
        results.push(all.reduce((a, s) => a + s.tokens, 0) / ((performance.now() - t0) / 1000));
      }
      return median(results);
    };
    return { rate: median(rates), ttft: median(ttfts), one: await agg(1), four: await agg(4) };
  } finally {
    gw.proc.kill('SIGTERM');
    await new Promise((r) => gw.proc.once('exit', r));
  }
}

// --http-only: skip the direct half (for profiling the gateway).
const d = process.argv.includes('--http-only') ? { rate: NaN, ttft: NaN, one: NaN, four: NaN } : await direct();
const h = await viaHttp();
rmSync(dir, { recursive: true, force: true });
const f = (x) => x.toFixed(1);
console.log(`machine: ${os.cpus()[0].model}, ${os.availableParallelism()} cores, node ${process.version}, engine threads ${threads}`);
console.log(`${WIDTH === 64 && LAYERS === 2 ? 'demo model' : `generated model ${WIDTH} wide, ${LAYERS} layers`}, prompt "${PROMPT}", ${TOKENS} tokens max, ${RUNS} runs (median)`);
console.log(`direct node-llama-cpp : ${f(d.rate)} tokens/s, first token ${f(d.ttft)} ms`);
console.log(`HTTP stream (gateway) : ${f(h.rate)} tokens/s, first token ${f(h.ttft)} ms`);
console.log(`HTTP / direct         : ${f((100 * h.rate) / d.rate)}% of direct tokens/s (target >= 90%), first token +${f(h.ttft - d.ttft)} ms (target <= 2 ms)`);
console.log(`direct concurrency    : 1 stream ${f(d.one)} tokens/s, 4 streams ${f(d.four)} tokens/s aggregate = ${(d.four / d.one).toFixed(2)}x (node-llama-cpp's own scaling here)`);
console.log(`HTTP concurrency      : 1 stream ${f(h.one)} tokens/s, 4 streams ${f(h.four)} tokens/s aggregate = ${(h.four / h.one).toFixed(2)}x (target >= 1.5x)`);
