#!/usr/bin/env node
// Runs a named smoke subset of the gateway's end-to-end suite on each other Node release (Node 22
// and 24 LTS by default; see scripts/other-node.mjs, which fetches and caches them and builds
// better-sqlite3 for each). vitest itself runs on that Node, and so do its workers and every
// gateway process a test spawns (they all start from process.execPath).
// First it loads each native addon on that Node and prints what each needed.
// Usage: node scripts/smoke-other-node.mjs [version ...]
// Env: CORDON_SMOKE (comma-separated names from SMOKE below; default all), and those of other-node.mjs.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureNode, ensureSqliteBinding, repoRoot, versions } from './other-node.mjs';

/** The subset, by name: each file but `memory` starts real gateways on the demo llama.cpp and whisper models. */
export const SMOKE = {
  chat: 'test/e2e/inference.test.ts', // chat plain and streamed, tools, json_schema, completions, embeddings
  audio: 'test/e2e/audio.test.ts', // whisper transcriptions and translations, streamed, ffmpeg, an upstream child process
  responses: 'test/e2e/responses.test.ts', // Responses API: stored, streamed events, previous_response_id
  admin: 'test/e2e/platform.test.ts', // admin API, keys, domains, registry, auth matrix
  cli: 'test/e2e/process.test.ts', // the cordon CLI and a gateway process: first start, SIGTERM
  confidential: 'test/e2e/confidential-gateway.test.ts', // sealed requests: X-Wing, WebCrypto, the openai SDK with confidentialFetch
  memory: 'test/http/memory-reducer.test.ts', // the idle collection and malloc_trim: V8 12 pools emptied pages unless asked to reduce memory
};

const gatewayDir = join(repoRoot, 'apps', 'gateway');
const log = (msg) => process.stderr.write(`[smoke-other-node] ${msg}\n`);

// Runs on the other Node, from a file (node-llama-cpp forks its own file to test its binary, and a
// fork of \`node -e\` would run the -e code instead): each addon as the gateway loads it.
const PROBE = `
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
const require = createRequire(process.env.PROBE_FROM);
const r = { node: process.version, abi: process.versions.modules, napi: process.versions.napi };
const Database = require('better-sqlite3');
try { new Database(':memory:').close(); r.sqliteInstalled = 'loads'; }
catch (e) { r.sqliteInstalled = 'refused (' + (/NODE_MODULE_VERSION \\d+\\. This version of Node.js requires\\s+NODE_MODULE_VERSION \\d+/.exec(e.message)?.[0] ?? e.message.split('\\n')[0]).replace(/\\s+/g, ' ') + ')'; }
const db = new Database(':memory:', { nativeBinding: process.env.CORDON_SQLITE_NATIVE_BINDING });
r.sqliteCached = 'SQLite ' + db.prepare('select sqlite_version() v').get().v; db.close();
const { getLlama, LlamaLogLevel } = await import(pathToFileURL(require.resolve('node-llama-cpp')).href);
const llama = await getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error });
r.llama = llama.buildType + ' binary, llama.cpp ' + llama.llamaCppRelease.release; await llama.dispose();
const whisper = require('@fugood/node-whisper-' + process.platform + '-' + process.arch);
r.whisper = typeof whisper.WhisperContext === 'function' ? 'prebuilt binary loads' : 'no WhisperContext';
const trim = await import(pathToFileURL(require.resolve('@cordon/malloc-trim')).href);
r.mallocTrim = trim.unavailableBecause ?? 'loads';
process.stdout.write(JSON.stringify(r));
`;

function probe(node, binding) {
  const dir = mkdtempSync(join(tmpdir(), 'cordon-probe-'));
  let r;
  try {
    writeFileSync(join(dir, 'probe.mjs'), PROBE);
    const env = { ...process.env, CORDON_SQLITE_NATIVE_BINDING: binding, PROBE_FROM: join(gatewayDir, 'package.json') };
    r = JSON.parse(execFileSync(node.node, [join(dir, 'probe.mjs')], { encoding: 'utf8', env }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  log(`Node ${r.node} (ABI ${r.abi}, N-API ${r.napi}):`);
  log(`  better-sqlite3 (V8 addon): installed build ${r.sqliteInstalled}; rebuilt from source for this ABI: ${r.sqliteCached}`);
  log(`  node-llama-cpp (N-API): ${r.llama}, the installed one, unchanged`);
  log(`  @fugood/node-whisper (N-API): ${r.whisper}, the installed one, unchanged`);
  log(`  @cordon/malloc-trim (N-API): ${r.mallocTrim}, the one npm run build compiled, unchanged`);
  return r;
}

function selected() {
  const names = (process.env.CORDON_SMOKE || Object.keys(SMOKE).join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  for (const n of names) if (!(n in SMOKE)) throw new Error(`unknown smoke name "${n}"; known: ${Object.keys(SMOKE).join(', ')}`);
  return names;
}

const names = selected();
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : versions();
// The tests spawn dist/cli.js; compiled JavaScript is the same for every Node (a cache hit after `npm test`).
execFileSync('npx', ['turbo', 'run', 'build', '--filter=@cordon/gateway', '--output-logs=errors-only'], { cwd: repoRoot, stdio: ['ignore', process.stderr, process.stderr] });

const results = [];
for (const version of wanted) {
  const started = Date.now();
  let binding;
  try {
    const node = ensureNode(version);
    binding = { node, path: ensureSqliteBinding(node) };
    probe(node, binding.path);
  } catch (err) {
    log(`Node ${version}: ${err.message}`);
    results.push({ version, ok: false, prepare: Math.round((Date.now() - started) / 1000), tests: 0 });
    continue;
  }
  const prepared = Date.now();
  log(`Node ${version}: ${names.join(', ')}`);
  const run = spawnSync(binding.node.node, [join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...names.map((n) => SMOKE[n])], {
    cwd: gatewayDir,
    stdio: 'inherit',
    env: { ...process.env, CORDON_SQLITE_NATIVE_BINDING: binding.path },
  });
  results.push({ version, ok: run.status === 0, prepare: Math.round((prepared - started) / 1000), tests: Math.round((Date.now() - prepared) / 1000) });
}
for (const r of results) console.log(`Node ${r.version}: smoke ${r.ok ? 'passed' : 'FAILED'} (${names.join(', ')}); prepare ${r.prepare} s, tests ${r.tests} s`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
