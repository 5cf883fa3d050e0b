#!/usr/bin/env node
// What storing a Responses-API response costs the event loop (the store behind `store: true`, on
// the embedded SQLite database): for stored sizes from 1 KB to 8 MB, N puts each, the wall time of
// a put and the longest the event loop was held while the puts ran (a setImmediate ticker notes the
// gaps between its turns), then the same for reading it back (the body as a retrieve does, the
// conversation as a continuation does) and deleting it.
//   node scripts/bench/responses-store.mjs [--puts 5] [--dist apps/gateway/dist]
// --dist: the gateway build to measure (e.g. a copy of an older build's dist, for a before/after).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const argOf = (name, d) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : d;
};
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = resolve(argOf('dist', join(root, 'apps/gateway/dist')));
const PUTS = Number(argOf('puts', 5));
const { openStore } = await import(pathToFileURL(join(dist, 'platform/store/index.js')).href);
const { ResponsesStore } = await import(pathToFileURL(join(dist, 'platform/responses-store.js')).href);

const dir = mkdtempSync(join(os.tmpdir(), 'cordon-bench-responses-'));
const store = await openStore({ dataDir: dir });
const responses = new ResponsesStore(store, { purgeIntervalMs: 0 });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs `fn` while a setImmediate ticker measures the event loop's longest gap; returns [wall ms, longest gap ms]. */
async function held(fn) {
  let longest = 0;
  let last = performance.now();
  let ticking = true;
  const tick = () => {
    const t = performance.now();
    longest = Math.max(longest, t - last);
    last = t;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  const t0 = performance.now();
  await fn();
  const wall = performance.now() - t0;
  const end = performance.now();
  longest = Math.max(longest, end - last);
  ticking = false;
  return [wall, longest];
}

console.log(`node ${process.version}, ${os.cpus()[0].model}; ${PUTS} puts per size; ${dist}`);
console.log('stored size | put: wall / event loop held (median, max) | retrieve body: held | continuation read: held | delete: held');
try {
  for (const kb of [1, 100, 1024, 8192]) {
    const text = 'x'.repeat(Math.floor((kb * 1024) / 2));
    const put = [];
    const putHeld = [];
    const get = [];
    const conv = [];
    const del = [];
    for (let i = 0; i < PUTS; i++) {
      const id = `resp_${kb}_${i}`;
      const [w, h] = await held(() => responses.put({ id, domain_id: 'bench', body: { id, object: 'response', output_text: text }, conversation: [{ role: 'user', content: text }] }));
      put.push(w);
      putHeld.push(h);
      get.push((await held(() => (responses.bodyText ? responses.bodyText(id, 'bench') : responses.get(id, 'bench'))))[1]);
      conv.push((await held(() => (responses.conversation ? responses.conversation(id, 'bench') : responses.get(id, 'bench'))))[1]);
      if (i % 2 === 1) del.push((await held(() => responses.delete(id, 'bench')))[1]);
    }
    const f = (x) => x.toFixed(1);
    console.log(`${String(kb).padStart(5)} KB | ${f(median(put))} ms / ${f(median(putHeld))} ms, max ${f(Math.max(...putHeld))} ms | ${f(median(get))} ms | ${f(median(conv))} ms | ${f(median(del))} ms`);
  }
} finally {
  responses.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
