// The README as a new user runs it: `npm start` itself, then the README's shell blocks and every
// command of "The command line" through `npx cordon` (the bin npm links), from the repository root.
// Only paths, the port and placeholders (<hex>) are substituted; the data dir is a temp folder.
import { execFile, execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayRoot } from '../helpers.js';

const execFileP = promisify(execFile);
const repo = resolve(gatewayRoot, '../..');
const readme = readFileSync(join(repo, 'README.md'), 'utf8');
const binFile = join(gatewayRoot, 'bin/cordon.js');

/** The fenced blocks under a heading (up to the next heading of any level), with their info string. */
function blocks(heading: string): Array<{ lang: string; text: string }> {
  const start = readme.split('\n').findIndex((l) => /^#{2,4} /.test(l) && l.replace(/^#+ /, '').startsWith(heading));
  if (start < 0) throw new Error(`README has no section '${heading}'`);
  const lines = readme.split('\n').slice(start + 1);
  const out: Array<{ lang: string; text: string }> = [];
  for (let i = 0; i < lines.length && !/^#{1,4} /.test(lines[i]!); i++) {
    const open = /^```(\S*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
    out.push({ lang: open[1]!, text: body.join('\n') });
  }
  return out;
}
const shBlocks = (heading: string) => blocks(heading).filter((b) => b.lang === 'sh').map((b) => b.text);

/** "The command line" synopsis: one form per alternative, e.g. `domains create <id> [--name N]`. */
function synopsisForms(): string[] {
  const [block] = blocks('The command line');
  const forms: string[] = [];
  for (const line of block!.text.split('\n')) {
    const m = /^cordon (\S+) (.*)$/.exec(line.trim()) ?? /^cordon (\S+)()$/.exec(line.trim());
    if (!m) continue;
    for (const alt of m[2]!.split(' | ')) forms.push(`${m[1]} ${alt}`.trim());
  }
  return forms;
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => res(port));
    });
  });
}

/** A command's stdout, or '' when it fails. */
function execFileSyncText(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { cwd: repo, encoding: 'utf8' });
  } catch {
    return '';
  }
}

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

let dataDir: string;
let work: string;
let port: number;
let env: NodeJS.ProcessEnv;
let started: ChildProcess | undefined;
let startLog = '';
let fileServer: Server;
let fileBase: string;
let demoGguf: string;
let demoSha: string;

/** Runs a shell snippet from the repository root, as a user would type it. */
async function sh(script: string, extraEnv: NodeJS.ProcessEnv = {}, cwd = repo): Promise<Ran> {
  try {
    const { stdout, stderr } = await execFileP('bash', ['-eo', 'pipefail', '-c', script], { cwd, env: { ...env, ...extraEnv }, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

/** Runs a README command and requires exit 0. */
async function ok(script: string): Promise<string> {
  const r = await sh(script);
  expect(r.code, `${script}\n${r.stdout}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

/** The README's paths and port, pointed at this test's temp folder and port. */
function localize(script: string): string {
  return script
    .replaceAll('data/admin.key', join(dataDir, 'admin.key'))
    .replaceAll('127.0.0.1:8080', `127.0.0.1:${port}`)
    .replaceAll('/models/', `${work}/models/`)
    .replaceAll('https://example.org/model.gguf', `${fileBase}/model.gguf`)
    .replaceAll('<hex>', demoSha);
}

async function waitHealthy(url: string, proc: ChildProcess, log: () => string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`exited with ${proc.exitCode}:\n${log()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`did not answer /healthz within ${ms} ms:\n${log()}`);
}

/** Starts a README command in the background in its own process group (npm, turbo, sh and node). */
function background(script: string, extraEnv: NodeJS.ProcessEnv, onOut: (s: string) => void): ChildProcess {
  const proc = spawn('bash', ['-c', script], { cwd: repo, env: { ...env, ...extraEnv }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout!.on('data', (d) => onOut(String(d)));
  proc.stderr!.on('data', (d) => onOut(String(d)));
  return proc;
}

/** SIGTERM to the whole group, as Ctrl-C in a terminal reaches npm and the gateway together. */
async function stopGroup(proc: ChildProcess | undefined): Promise<string> {
  if (!proc?.pid || proc.exitCode !== null) return `exit ${proc?.exitCode}`;
  const exited = new Promise<string>((r) => proc.once('close', (code, signal) => r(signal ?? `exit ${code}`)));
  process.kill(-proc.pid, 'SIGTERM');
  const timer = setTimeout(() => proc.pid && process.kill(-proc.pid, 'SIGKILL'), 20_000);
  const code = await exited;
  clearTimeout(timer);
  return code;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cordon-readme-'));
  dataDir = join(work, 'data');
  port = await freePort();
  // CORDON_URL is left unset: the CLI finds the gateway from CORDON_PORT, as `cordon serve` does.
  env = { ...process.env, CORDON_DATA_DIR: dataDir, CORDON_PORT: String(port) };
  delete env.CORDON_URL;
  delete env.CORDON_API_KEY;
  delete env.CORDON_ADMIN_KEY;

  // The quick start's `npm start`, exactly as written (its `npm ci` is what CI has just run).
  const [quick] = shBlocks('Quick start');
  const startLine = quick!.split('\n').find((l) => l.startsWith('npm start'));
  expect(startLine, 'the quick start runs npm start').toBeTruthy();
  started = background(startLine!, {}, (s) => (startLog += s));
  await waitHealthy(`http://127.0.0.1:${port}`, started, () => startLog, 240_000);

  // "A real model": a GGUF file on disk, here the demo model the gateway generated, under the README's file name.
  demoGguf = join(dataDir, 'models', 'cordon-demo.gguf');
  mkdirSync(join(work, 'models'), { recursive: true });
  copyFileSync(demoGguf, join(work, 'models', 'qwen2.5-0.5b-instruct-q4_k_m.gguf'));
  const bytes = readFileSync(demoGguf);
  demoSha = createHash('sha256').update(bytes).digest('hex');
  fileServer = createServer((_req, res) => {
    res.writeHead(200, { 'content-length': bytes.length });
    res.end(bytes);
  });
  await new Promise<void>((r) => fileServer.listen(0, '127.0.0.1', () => r()));
  fileBase = `http://127.0.0.1:${(fileServer.address() as AddressInfo).port}`;
}, 300_000);

afterAll(async () => {
  await stopGroup(started);
  await new Promise<void>((r) => (fileServer ? fileServer.close(() => r()) : r()));
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the cordon bin, however it is reached', () => {
  it('is a committed file with a shebang and its execute bit (also in git), which package.json names', () => {
    const pkg = JSON.parse(readFileSync(join(gatewayRoot, 'package.json'), 'utf8'));
    expect(pkg.bin).toEqual({ cordon: 'bin/cordon.js' });
    expect(readFileSync(binFile, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    expect(statSync(binFile).mode & 0o111).toBe(0o111);
    // What a fresh clone gets: the mode git records (an untracked file is not in a clone at all).
    const staged = execFileSyncText('git', ['ls-files', '-s', 'apps/gateway/bin/cordon.js']);
    expect(staged, 'git add apps/gateway/bin/cordon.js (mode 100755)').toMatch(/^100755 /);
  });

  it('npm links it where npx finds it', () => {
    const link = join(repo, 'node_modules/.bin/cordon');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(resolve(dirname(link), readlinkSync(link))).toBe(resolve(repo, 'node_modules/@cordon/gateway/bin/cordon.js'));
  });

  it('runs through a symlink on the PATH from any folder, as a global install links it', async () => {
    const bin = join(work, 'global-bin');
    mkdirSync(bin, { recursive: true });
    symlinkSync(binFile, join(bin, 'cordon'));
    const r = await sh('cordon domains list', { PATH: `${bin}:${process.env.PATH}` }, work);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^default\s/m);
  });

  it('says how to build it when dist/ is missing, instead of a stack trace', async () => {
    const pkg = join(work, 'unbuilt');
    mkdirSync(join(pkg, 'bin'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), '{"type":"module"}');
    copyFileSync(binFile, join(pkg, 'bin/cordon.js'));
    const r = await sh(`node ${join(pkg, 'bin/cordon.js')} domains list`, {}, pkg);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('npm run build');
    expect(r.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|at .*\(/);
  });

  it('`npx cordon serve` runs the gateway and stops cleanly on SIGTERM', async () => {
    const own = await freePort();
    let log = '';
    const proc = background('npx cordon serve', { CORDON_DATA_DIR: join(work, 'serve-data'), CORDON_PORT: String(own), CORDON_DEMO_MODEL: 'false' }, (s) => (log += s));
    await waitHealthy(`http://127.0.0.1:${own}`, proc, () => log, 60_000);
    // npx ends by the signal it got (or 0); the gateway under it shuts down gracefully.
    expect(await stopGroup(proc)).toMatch(/^(SIGTERM|exit 0)$/);
    expect(log).toMatch(/"msg":"stopped"/);
  });
});

// The quick start uses curl; under CI a missing curl is a failure, not a skip.
const hasCurl = spawnSync('curl', ['--version']).status === 0;
if (!hasCurl && !process.env.CI) console.warn('readme-as-written: the curl step is skipped, curl is not installed');

describe('the README, as written', () => {
  it.skipIf(!hasCurl && !process.env.CI)('Quick start: the admin key file and the streamed chat with curl', async () => {
    const [, chat] = shBlocks('Quick start');
    expect(chat).toContain('curl -N');
    expect(statSync(join(dataDir, 'admin.key')).mode & 0o777).toBe(0o600);
    const out = await ok(localize(chat!));
    expect(out).toContain('"object":"chat.completion.chunk"');
    expect(out.trimEnd().endsWith('data: [DONE]')).toBe(true);
  });

  it('A real model: models add --file and models pull --register, then the model answers', async () => {
    const [block] = shBlocks('A real model');
    const lines = block!.split('\n').filter((l) => l.startsWith('npx cordon'));
    expect(lines).toHaveLength(2);
    expect(await ok(localize(lines[0]!))).toContain('registered model qwen2.5-0.5b (llama-cpp)');
    const pulled = await ok(localize(lines[1]!));
    expect(pulled).toContain(`sha256 ${demoSha}`);
    expect(pulled).toContain('registered as my-model');
    const key = readFileSync(join(dataDir, 'admin.key'), 'utf8').trim();
    for (const model of ['qwen2.5-0.5b', 'my-model']) {
      const res = await fetch(`http://127.0.0.1:${port}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model, messages: [{ role: 'user', content: 'Hi' }], max_tokens: 4 }),
      });
      expect(res.status, model).toBe(200);
    }
  });

  it('Upstream servers: models add --engine openai-compatible with --api-key-env', async () => {
    const [block] = shBlocks('Upstream servers');
    expect(await ok(localize(block!))).toContain('registered model llama-8b (openai-compatible)');
  });

  it('The command line: every form of the synopsis runs through npx cordon and does what it says', async () => {
    const models = async (secret: string) => (await fetch(`http://127.0.0.1:${port}/v1/models`, { headers: { authorization: `Bearer ${secret}` } })).status;
    const secretOf = (out: string) => /^\s+(\S+)$/m.exec(out)![1]!;
    let keyId = '';
    let secret = '';
    // One check per form of the README's synopsis, in an order where each has what it needs.
    const checks: Array<[form: string, run: () => Promise<void>]> = [
      ['serve', async () => expect(started!.exitCode).toBeNull()], // `npm start` runs it; the bin tests run `npx cordon serve`
      ['domains list', async () => expect(await ok('npx cordon domains list')).toMatch(/^default\s/m)],
      ['domains create <id> [--name N]', async () => expect(await ok("npx cordon domains create readme --name 'Read me'")).toContain('created domain readme (Read me)')],
      ['domains get <id>', async () => expect(await ok('npx cordon domains get readme')).toMatch(/^readme\s+Read me\s+false/m)],
      ['domains rename <id> <name>', async () => expect(await ok('npx cordon domains rename readme Renamed')).toContain('domain readme: name Renamed, enabled')],
      ['domains disable <id>', async () => expect(await ok('npx cordon domains disable readme')).toContain('disabled')],
      ['domains enable <id>', async () => expect(await ok('npx cordon domains enable readme')).toContain('enabled')],
      [
        'keys create --name N [--domain D] [--role member|admin|superadmin] [--expires-in 30d]',
        async () => {
          const out = await ok('npx cordon keys create --name reader --domain readme --role member --expires-in 30d');
          keyId = /created key (\S+) \(member\) in domain readme/.exec(out)![1]!;
          secret = secretOf(out);
          expect(await models(secret)).toBe(200);
        },
      ],
      ['keys list [--domain D]', async () => expect(await ok('npx cordon keys list --domain readme')).toContain(keyId)],
      [
        'keys rotate <key-id>',
        async () => {
          const out = await ok(`npx cordon keys rotate ${keyId}`);
          expect(out).toContain(`rotated key ${keyId}`);
          const old = secret;
          secret = secretOf(out);
          expect(await models(old)).toBe(401);
          expect(await models(secret)).toBe(200);
        },
      ],
      [
        'keys revoke <key-id>',
        async () => {
          expect(await ok(`npx cordon keys revoke ${keyId}`)).toContain(`revoked key ${keyId}`);
          expect(await models(secret)).toBe(401);
        },
      ],
      ['models list', async () => expect(await ok('npx cordon models list')).toMatch(/^cordon-demo\s+llama-cpp/m)],
      ['models add <id> --file x.gguf', async () => expect(await ok(`npx cordon models add from-file --file ${demoGguf}`)).toContain('registered model from-file (llama-cpp)')],
      [
        'models add <id> --engine openai-compatible --upstream URL --upstream-model M',
        async () => expect(await ok('npx cordon models add remote --engine openai-compatible --upstream http://127.0.0.1:9/v1 --upstream-model m')).toContain('registered model remote (openai-compatible)'),
      ],
      [
        'models remove <id>',
        async () => {
          expect(await ok('npx cordon models remove remote')).toContain('removed model remote');
          expect(await ok('npx cordon models list')).not.toMatch(/^remote\s/m);
        },
      ],
      [
        'models pull <url> [--sha256 HEX] [--register ID]',
        async () => expect(await ok(`npx cordon models pull ${fileBase}/pulled.gguf --sha256 ${demoSha} --register pulled`)).toContain('registered as pulled'),
      ],
      ['usage [--domain D]', async () => expect(await ok('npx cordon usage --domain default')).toMatch(/^TOTAL\s+requests \d+/m)],
      [
        'seal chat/completions|completions|embeddings [--allow-insecure-none]',
        async () => {
          // Sealed to the demo model's engine host; this machine has no TEE, hence the flag.
          const body = JSON.stringify({ model: 'cordon-demo', messages: [{ role: 'user', content: 'Hi' }], max_tokens: 4, seed: 1 });
          const answer = JSON.parse(await ok(`echo '${body}' | npx cordon seal chat/completions --allow-insecure-none`));
          expect(answer.object).toBe('chat.completion');
          expect(answer.choices[0].message.role).toBe('assistant');
          const refused = await sh(`echo '${body}' | npx cordon seal chat/completions`);
          expect(refused.code).not.toBe(0);
          expect(refused.stderr + refused.stdout).toMatch(/none/);
          const stream = await ok(`echo '${JSON.stringify({ model: 'cordon-demo', prompt: 'Once', max_tokens: 3, stream: true })}' | npx cordon seal completions --allow-insecure-none`);
          expect(stream.trim().split('\n\n').at(-1)).toBe('data: [DONE]');
        },
      ],
      [
        'engine-host --listen unix:PATH|HOST:PORT|PORT [--models FILE]',
        async () => {
          // A standalone host of the demo model: /healthz open, the API only with its token.
          const modelsFile = join(work, 'host-models.json');
          writeFileSync(modelsFile, JSON.stringify([{ id: 'hosted', engine: 'llama-cpp', settings: { path: demoGguf }, capabilities: ['chat', 'completions'] }]));
          const hostPort = await freePort();
          const token = `host-${createHash('sha256').update(modelsFile).digest('hex').slice(0, 24)}`;
          let out = '';
          const host = background(`npx cordon engine-host --listen 127.0.0.1:${hostPort} --models ${modelsFile}`, { CORDON_ENGINE_HOST_TOKEN: token }, (s) => (out += s));
          try {
            const base = `http://127.0.0.1:${hostPort}`;
            await waitHealthy(base, host, () => out, 30_000);
            expect((await fetch(`${base}/v1/models`)).status).toBe(401);
            const listed = await fetch(`${base}/v1/models`, { headers: { authorization: `Bearer ${token}` } });
            expect(listed.status).toBe(200);
            expect((await listed.json()).data.map((m: { id: string }) => m.id)).toEqual(['hosted']);
            expect(out).not.toContain(token);
          } finally {
            await stopGroup(host);
          }
          // SIGTERM (to the group, as Ctrl-C): the host drained and stopped.
          expect(out).toContain('engine host stopped');
        },
      ],
    ];
    expect(checks.map(([form]) => form).sort()).toEqual(synopsisForms().sort());
    for (const [, check] of checks) await check();
    // "Tables by default, --json for scripts."
    const listed = JSON.parse(await ok('npx cordon domains list --json'));
    expect(listed.data.map((d: { id: string }) => d.id)).toEqual(expect.arrayContaining(['default', 'readme']));
  });
});
