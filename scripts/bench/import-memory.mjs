#!/usr/bin/env node
// What each module the gateway loads costs in memory. Every step runs in a fresh `node --expose-gc`
// (its "alone" cost: RSS and heapUsed after two full GCs, minus the same before it), and once more all
// in one process in the gateway's start order ("in order": what the step adds given the earlier ones).
// The llama.cpp steps are what the first chat request to the demo model loads.
//   node scripts/bench/import-memory.mjs [--only name,name] [--no-order]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = mkdtempSync(join(os.tmpdir(), 'cordon-import-memory-'));
const argValue = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};

// Each step: `setup` runs before the first reading (not counted), `run` is what is measured. Both are
// bodies of async functions with `imp(specifier)` (import as the gateway resolves it), `S` (a shared
// object for later steps) and `tmp`.
const STEPS = [
  { name: 'express', run: `S.express = (await imp('express')).default; S.app = S.express(); S.app.use(S.express.json());` },
  { name: 'express-openapi-validator', run: `await imp('express-openapi-validator');` },
  { name: '@cordon/contract (spec)', run: `S.spec = (await imp('@cordon/contract')).openapiSpec;` },
  {
    name: 'ajv + contract validators',
    setup: `S.spec ??= (await imp('@cordon/contract')).openapiSpec;`,
    // As packages/server-kit/src/fast.ts compiles them: one ajv, the spec added, one validator per JSON POST.
    run: `
      const { Ajv2020 } = await imp('ajv/dist/2020.js');
      const addFormats = (await imp('ajv-formats')).default;
      const ajv = new Ajv2020({ strict: false, strictNumbers: true, strictTuples: true, allowUnionTypes: false, coerceTypes: true, useDefaults: true, validateFormats: true });
      addFormats(ajv);
      for (const f of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']) if (!ajv.formats[f]) ajv.addFormat(f, true);
      ajv.addSchema({ ...S.spec, $id: 'cordon-contract' });
      const ptr = (s) => s.replace(/~/g, '~0').replace(/\\//g, '~1');
      S.validators = [];
      for (const [path, item] of Object.entries(S.spec.paths)) {
        const op = item.post;
        if (!op?.requestBody?.content?.['application/json']) continue;
        S.validators.push(ajv.compile({ type: 'object', required: ['body'], properties: { body: { $ref: 'cordon-contract#/paths/' + ptr(path) + '/post/requestBody/content/application~1json/schema' } } }));
      }
      S.ajv = ajv;`,
  },
  { name: '@cordon/server-kit', run: `await imp('@cordon/server-kit');` },
  {
    name: 'better-sqlite3 (open a db)',
    run: `const D = (await imp('better-sqlite3')).default; S.db = new D(tmp + '/m.db'); S.db.pragma('journal_mode = WAL'); S.db.exec('CREATE TABLE IF NOT EXISTS t (x)');`,
  },
  { name: 'pino (a logger)', run: `const { pino } = await imp('pino'); S.log = pino({ level: 'info' }, { write() {} });` },
  { name: 'prom-client', run: `await imp('prom-client');` },
  { name: 're2js', run: `await imp('re2js');` },
  { name: 'undici', run: `await imp('undici');` },
  { name: 'ioredis', run: `await imp('ioredis');` },
  { name: '@cordon/client', run: `await imp('@cordon/client');` },
  { name: '@cordon/docs (index.html read)', run: `S.docs = (await imp('node:fs')).readFileSync(${JSON.stringify(join(root, 'apps/docs/dist/index.html'))}, 'utf8');` },
  { name: '@fugood/node-whisper (binding)', run: `S.whisper = (await imp('node:module')).createRequire(${JSON.stringify(join(root, 'apps/gateway/package.json'))})('@fugood/node-whisper-' + process.platform + '-' + process.arch);` },
  { name: 'node-llama-cpp (import)', run: `S.nlc = await imp('node-llama-cpp');` },
  {
    name: 'node-llama-cpp getLlama (native)',
    setup: `S.nlc ??= await imp('node-llama-cpp');`,
    run: `S.llama = await S.nlc.getLlama({ gpu: false, build: 'never', logLevel: S.nlc.LlamaLogLevel.error });`,
  },
  {
    name: 'demo model + context (4 seq)',
    setup: `S.nlc ??= await imp('node-llama-cpp'); S.llama ??= await S.nlc.getLlama({ gpu: false, build: 'never', logLevel: S.nlc.LlamaLogLevel.error });
      const { writeDemoGguf } = await imp(${JSON.stringify(join(root, 'scripts/make-test-gguf.mjs'))}); S.gguf = tmp + '/demo.gguf'; await writeDemoGguf(S.gguf);`,
    run: `S.model = await S.llama.loadModel({ modelPath: S.gguf }); const n = Math.min(4096, S.model.trainContextSize);
      S.ctx = await S.model.createContext({ sequences: 4, contextSize: n * 4 });`,
  },
  { name: 'gateway (dist/app.js, the rest)', run: `await imp(${JSON.stringify(join(root, 'apps/gateway/dist/app.js'))});` },
];

const childSource = (steps) => `
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
const req = createRequire(${JSON.stringify(join(root, 'apps/gateway/package.json'))});
const imp = (s) => (s.startsWith('node:') || s.startsWith('/') ? import(s.startsWith('/') ? pathToFileURL(s).href : s) : import(pathToFileURL(req.resolve(s)).href));
const S = {};
const tmp = ${JSON.stringify(tmp)};
const read = () => { gc(); gc(); const m = process.memoryUsage(); return { rss: m.rss, heapUsed: m.heapUsed, external: m.external + m.arrayBuffers }; };
const steps = [${steps.map((s) => `{ name: ${JSON.stringify(s.name)}, setup: async () => { ${s.setup ?? ''} }, run: async () => { ${s.run} } }`).join(',\n')}];
console.log(JSON.stringify({ name: '(bare node)', ...read(), base: true }));
for (const s of steps) {
  await s.setup();
  const a = read();
  const t = performance.now();
  await s.run();
  const ms = performance.now() - t;
  const b = read();
  console.log(JSON.stringify({ name: s.name, rss: b.rss - a.rss, heapUsed: b.heapUsed - a.heapUsed, external: b.external - a.external, ms, total: b.rss }));
}
`;

function runChild(steps) {
  // From a file, not `-e`: node-llama-cpp tests its binary in a child started with this process's flags.
  const file = join(tmp, 'steps.mjs');
  writeFileSync(file, childSource(steps));
  const r = spawnSync(process.execPath, ['--expose-gc', file], { cwd: tmp, encoding: 'utf8', timeout: 300_000 });
  const out = [];
  for (const line of r.stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      out.push(JSON.parse(line));
    } catch {
      // a module's own output
    }
  }
  if (r.status !== 0) out.push({ name: steps.at(-1)?.name, error: (r.stderr || `exit ${r.status}`).trim().split('\n').slice(-3).join(' | ').slice(0, 300) });
  return out;
}

const only = argValue('--only')?.split(',');
const steps = only ? STEPS.filter((s) => only.some((o) => s.name.startsWith(o))) : STEPS;
const MB = (n) => (n === undefined ? '' : (n / 1024 / 1024).toFixed(1));

try {
  const alone = new Map();
  let bare = null;
  for (const s of steps) {
    const res = runChild([s]);
    bare ??= res.find((r) => r.base);
    const r = res.find((x) => x.name === s.name);
    alone.set(s.name, r ?? { error: 'no result' });
  }
  const inOrder = new Map();
  if (!process.argv.includes('--no-order')) for (const r of runChild(steps)) if (!r.base) inOrder.set(r.name, r);

  console.log(`bare node (--expose-gc, after GC): rss ${MB(bare?.rss)} MB, heapUsed ${MB(bare?.heapUsed)} MB\n`);
  console.log('| module (step) | alone: rss | alone: heapUsed | alone: external | in order: rss | in order: heapUsed | in order: rss total | ms |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of steps) {
    const a = alone.get(s.name);
    const o = inOrder.get(s.name);
    if (a.error) {
      console.log(`| ${s.name} | failed: ${a.error} |||||||`);
      continue;
    }
    console.log(`| ${s.name} | ${MB(a.rss)} | ${MB(a.heapUsed)} | ${MB(a.external)} | ${MB(o?.rss)} | ${MB(o?.heapUsed)} | ${MB(o?.total)} | ${Math.round(a.ms)} |`);
  }
  console.log('(MB, deltas after two full GCs; "alone" in a fresh process, "in order" after the steps above it)');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
