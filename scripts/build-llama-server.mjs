#!/usr/bin/env node
// Builds llama.cpp's own `llama-server` from the source bundle node-llama-cpp ships, without network,
// and caches the binary (llama.cpp statically linked; system libstdc++/libgomp/libssl dynamically)
// outside the repo, with llama.cpp's own chat templates (models/templates) beside it:
//   ~/.cache/cordon/llama-server/<tag>-node-llama-cpp-<version>-<platform>-<arch>/{llama-server,templates/}
// Prints the binary's path on stdout (build logs go to stderr). A cached binary is returned at once.
//   node scripts/build-llama-server.mjs [--cached]   (--cached: only look; exit 3 when not built yet)
// Env: CORDON_LLAMA_SERVER_CACHE (cache root), CORDON_LLAMA_SERVER_JOBS (default 2).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, copyFileSync, chmodSync, cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const pkgDir = findPackage(join(dirname(fileURLToPath(import.meta.url)), '..'), 'node-llama-cpp');
const llamaDir = join(pkgDir, 'llama');
const bundle = join(llamaDir, 'gitRelease.bundle');
const { tag } = JSON.parse(readFileSync(join(llamaDir, 'llama.cpp.info.json'), 'utf8'));
const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));

const key = `${tag}-node-llama-cpp-${version}-${process.platform}-${process.arch}`.replace(/[^\w.-]/g, '_');
const root = process.env.CORDON_LLAMA_SERVER_CACHE || join(homedir(), '.cache', 'cordon', 'llama-server');
const dir = join(root, key);
const bin = join(dir, process.platform === 'win32' ? 'llama-server.exe' : 'llama-server');
const templates = join(dir, 'templates');
const log = (msg) => process.stderr.write(`[build-llama-server] ${msg}\n`);
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ['ignore', process.stderr, process.stderr] });

if (existsSync(bin) && !existsSync(templates) && !process.argv.includes('--cached')) {
  // A cache from before templates were kept: add them (a clone takes seconds, no build).
  const work = mkdtempSync(join(tmpdir(), 'cordon-llama-server-'));
  try {
    run('git', ['-c', 'advice.detachedHead=false', 'clone', '--quiet', bundle, join(work, 'src')]);
    copyTemplates(join(work, 'src'), dir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
if (existsSync(bin) && existsSync(templates)) {
  process.stdout.write(bin + '\n');
  process.exit(0);
}
if (process.argv.includes('--cached')) {
  process.stderr.write(`llama-server is not built yet (run node scripts/build-llama-server.mjs): ${bin}\n`);
  process.exit(3);
}

const jobs = process.env.CORDON_LLAMA_SERVER_JOBS || '2';
const work = mkdtempSync(join(tmpdir(), 'cordon-llama-server-'));
const started = Date.now();
try {
  const src = join(work, 'llama.cpp');
  log(`cloning ${bundle} (${tag}) into ${src}`);
  run('git', ['-c', 'advice.detachedHead=false', 'clone', '--quiet', bundle, src]);
  const build = join(src, 'build');
  const generator = hasNinja() ? ['-G', 'Ninja'] : [];
  log(`configuring (${generator.length ? 'ninja' : 'make'})`);
  run('cmake', [
    '-S', src, '-B', build, ...generator,
    '-DCMAKE_BUILD_TYPE=Release',
    '-DBUILD_SHARED_LIBS=OFF',
    '-DLLAMA_CURL=OFF',
    '-DGGML_NATIVE=OFF',
    '-DLLAMA_BUILD_TESTS=OFF',
    '-DLLAMA_BUILD_EXAMPLES=OFF',
    '-DLLAMA_BUILD_SERVER=ON',
  ], src);
  log(`building llama-server with -j${jobs}`);
  run('cmake', ['--build', build, '--config', 'Release', '--target', 'llama-server', '-j', jobs], src);
  const built = join(build, 'bin', 'llama-server');
  if (!existsSync(built)) throw new Error(`build finished but ${built} is missing`);
  // Copy into a sibling temp dir, then rename: a concurrent run never sees a half-written cache.
  mkdirSync(root, { recursive: true });
  const staging = mkdtempSync(join(root, `.${key}-`));
  copyFileSync(built, join(staging, 'llama-server'));
  chmodSync(join(staging, 'llama-server'), 0o755);
  copyTemplates(src, staging);
  try {
    renameSync(staging, dir);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(bin)) throw err;
    if (!existsSync(templates)) cpSync(join(src, 'models', 'templates'), templates, { recursive: true });
  }
  log(`built in ${Math.round((Date.now() - started) / 1000)} s`);
  process.stdout.write(bin + '\n');
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** llama.cpp's chat templates (tests serve a tool-calling one with the demo model). */
function copyTemplates(src, into) {
  const tmp = join(into, `.templates-${process.pid}`);
  cpSync(join(src, 'models', 'templates'), tmp, { recursive: true });
  try {
    renameSync(tmp, join(into, 'templates'));
  } catch {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function findPackage(from, name) {
  for (let d = from; ; d = dirname(d)) {
    const candidate = join(d, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(d) === d) throw new Error(`${name} is not installed (run npm ci)`);
  }
}

function hasNinja() {
  try {
    execFileSync('ninja', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
