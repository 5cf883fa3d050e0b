#!/usr/bin/env node
// What confidential inference costs, in one process (packages/confidential): sealing a chat request
// on the client and opening it on the host (X-Wing encapsulation, HKDF, AES-256-GCM), and per stream
// chunk the host's seal and the client's open. Medians of --rounds rounds.
//   node scripts/bench/confidential.mjs [--rounds 200]
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { generateHostKey, sealRequest, openRequest, ReplayGuard } = await import(join(root, 'packages/confidential/dist/index.js'));
const i = process.argv.indexOf('--rounds');
const ROUNDS = i > 0 ? Number(process.argv[i + 1]) : 200;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const host = await generateHostKey();
const guard = new ReplayGuard();
const body = { model: 'm', stream: true, max_tokens: 256, messages: [{ role: 'user', content: 'x'.repeat(2000) }] };
const chunk = JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content: ' token' }, finish_reason: null }] });
const seal = [], open = [], chunkSeal = [], chunkOpen = [];
for (let r = 0; r < ROUNDS + 20; r++) {
  let t = performance.now();
  const s = await sealRequest(host, '/chat/completions', body);
  const sealMs = performance.now() - t;
  t = performance.now();
  const o = await openRequest(host, '/chat/completions', s.body, guard);
  const openMs = performance.now() - t;
  const sealed = [];
  t = performance.now();
  for (let k = 0; k < 100; k++) sealed.push(await o.answer.sealChunk(chunk));
  const cs = (performance.now() - t) / 100;
  t = performance.now();
  for (const c of sealed) await s.answer.openChunk(c);
  const co = (performance.now() - t) / 100;
  if (r >= 20) seal.push(sealMs), open.push(openMs), chunkSeal.push(cs), chunkOpen.push(co); // the first 20 warm the JIT
}
console.log(`node ${process.version}, ${ROUNDS} rounds (medians)`);
console.log(`request (2 KB prompt): client seal ${median(seal).toFixed(3)} ms, host open ${median(open).toFixed(3)} ms`);
console.log(`stream chunk: host seal ${(median(chunkSeal) * 1000).toFixed(1)} µs, client open ${(median(chunkOpen) * 1000).toFixed(1)} µs`);
