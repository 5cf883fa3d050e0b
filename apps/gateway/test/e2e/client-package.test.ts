// @cordon/client as its users get it: `npm pack`ed, installed offline with plain npm into a fresh
// project outside the monorepo, and its README's examples (the ```js blocks, extracted as written)
// run there by `node` against a started gateway, then typechecked against the packed types.
import { execFile } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, json, startTestGateway, type TestGateway } from '../helpers.js';
import { pcmWav } from '../support/wav.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const readme = readFileSync(join(repoRoot, 'packages/client/README.md'), 'utf8');
const EXAMPLES = ['admin.mjs', 'chat.mjs', 'audio.mjs', 'errors.mjs'];

/** The README's ```js blocks whose first line is `// <name>.mjs`, by name. */
function readmeExamples(): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of readme.matchAll(/^```js\n([\s\S]*?)^```$/gm)) {
    const name = /^\/\/ (\S+\.mjs)\n/.exec(m[1]!)?.[1];
    if (name) out.set(name, m[1]!);
  }
  return out;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command with a clean environment: nothing from the monorepo's npm or vitest leaks in. */
function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir() };
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env: { ...base, ...env }, timeout: 90_000, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

async function ok(p: Promise<Run>): Promise<string> {
  const r = await p;
  if (r.code !== 0) throw new Error(`exit ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** One line of an example's output, by its prefix; the rest of the line. */
function line(stdout: string, prefix: string): string {
  const found = stdout.split('\n').find((l) => l.startsWith(prefix));
  if (found === undefined) throw new Error(`no line starting '${prefix}' in:\n${stdout}`);
  return found.slice(prefix.length);
}

let gw: TestGateway;
let project: string;
let tarball: string;
let memberSecret: string;

const example = (name: string, env: Record<string, string>) => ok(run(process.execPath, [name], project, { CORDON_URL: gw.url, ...env }));

beforeAll(async () => {
  gw = await startTestGateway();
  project = mkdtempSync(join(tmpdir(), 'cordon-client-user-'));
  // The README's pack command; it runs the package's prepack (the build), as for anyone packing it.
  const packed = JSON.parse(await ok(run('npm', ['pack', '-w', '@cordon/client', '--json', '--pack-destination', project], repoRoot))) as Array<{ filename: string }>;
  tarball = packed[0]!.filename;
  await ok(run('npm', ['init', '-y'], project));
  await ok(run('npm', ['install', '--offline', '--no-audit', '--no-fund', `./${tarball}`], project));
  for (const [name, code] of readmeExamples()) writeFileSync(join(project, name), code);
  writeFileSync(join(project, 'speech.wav'), pcmWav({ seconds: 2, freq: 440 }));
}, 180_000);

afterAll(async () => {
  await gw?.stop();
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('@cordon/client from its tarball, in a project outside the monorepo', () => {
  it('the tarball is self-contained: no dependencies, no import outside itself, installed as a copy', () => {
    expect([...readmeExamples().keys()].sort()).toEqual([...EXAMPLES].sort());
    expect(relative(repoRoot, project).startsWith('..')).toBe(true);
    const installed = join(project, 'node_modules/@cordon/client');
    expect(lstatSync(installed).isSymbolicLink()).toBe(false);
    expect(relative(repoRoot, realpathSync(installed)).startsWith('..')).toBe(true);
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    expect(pkg.private).toBeUndefined();
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) expect(pkg[field], field).toBeUndefined();
    expect(readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['@cordon']);
    for (const file of ['README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts']) expect(existsSync(join(installed, file)), file).toBe(true);
    expect(existsSync(join(installed, 'test'))).toBe(false);
    // Every module of dist/ (code and types) imports only files of dist/ itself.
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
    const modules = walk(join(installed, 'dist')).filter((f) => /\.(js|d\.ts)$/.test(f));
    expect(modules.length).toBeGreaterThan(10);
    for (const file of modules) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) expect(m[1], relative(installed, file)).toMatch(/^\.\.?\//);
      for (const m of text.matchAll(/\brequire\(\s*['"]([^'"]+)['"]/g)) expect(m[1], relative(installed, file)).toMatch(/^\.\.?\//);
    }
    // The README's install line names the file npm pack writes.
    expect(readme).toContain(`npm install /path/to/${tarball}`);
    expect(readme).toContain(`npm pack -w @cordon/client    # builds dist/ and writes ${tarball}`);
  });

  it('admin.mjs: a superadmin creates a domain and a member key with the typed admin calls', async () => {
    const out = await example('admin.mjs', { CORDON_ADMIN_KEY: gw.adminKey });
    const [, keyId] = /^domain acme, key (\S+) \(member\)$/m.exec(out) ?? [];
    expect(keyId, out).toBeTruthy();
    memberSecret = line(out, 'secret ');
    expect(line(out, 'keys in acme: ')).toBe('acme-app');
    // The gateway agrees: the domain exists, the key is a member of it, and its secret works.
    const domain = await json(await gw.req('/admin/v1/domains/acme'));
    expect(domain).toMatchObject({ id: 'acme', name: 'Acme Corp', object: 'domain' });
    expect(await json(await gw.req(`/admin/v1/keys/${keyId}`))).toMatchObject({ domain_id: 'acme', role: 'member', name: 'acme-app' });
    expect((await gw.req('/v1/models', { key: memberSecret })).status).toBe(200);
  });

  it('chat.mjs: lists the models and streams a chat in the domain; the streamed text equals the answer', async () => {
    const out = await example('chat.mjs', { CORDON_API_KEY: memberSecret });
    expect(line(out, 'models: ')).toContain('cordon-demo [chat,completions');
    expect(Number(line(out, 'usage: ').replace(' tokens', ''))).toBeGreaterThan(0);
    const streamed = JSON.parse(line(out, 'streamed: ')) as string;
    const complete = JSON.parse(line(out, 'complete: ')) as string;
    expect(streamed.length).toBeGreaterThan(0);
    expect(streamed).toBe(complete);
    // The same request sent by hand through the domain's base URL gives the same text.
    const direct = await json(
      await gw.req('/proxy/acme/v1/chat/completions', { key: memberSecret, method: 'POST', json: { model: 'cordon-demo', messages: [{ role: 'user', content: 'Hello' }], max_tokens: 16, seed: 42 } }),
    );
    expect(direct.choices[0].message.content).toBe(complete);
  });

  it('audio.mjs: uploads a WAV to cordon-demo-whisper; the streamed deltas add up to the transcript', async () => {
    const out = await example('audio.mjs', { CORDON_API_KEY: memberSecret });
    expect(out).toMatch(/^2 s, [1-9]\d* segments$/m);
    const text = JSON.parse(line(out, 'text: ')) as string;
    const [, done, streamed] = /^done: (".*"), streamed: (".*")$/m.exec(out) ?? [];
    expect(text.length).toBeGreaterThan(0);
    expect(JSON.parse(done!)).toBe(text);
    // The deltas add up to exactly the final text.
    expect(JSON.parse(streamed!)).toBe(text);
    // The gateway, asked directly with the same file, hears the same.
    const form = new FormData();
    form.set('file', new File([new Uint8Array(pcmWav({ seconds: 2, freq: 440 }))], 'speech.wav', { type: 'audio/wav' }));
    form.set('model', 'cordon-demo-whisper');
    form.set('language', 'en');
    const direct = await json(await gw.req('/v1/audio/transcriptions', { key: memberSecret, method: 'POST', body: form }));
    expect(direct.text).toBe(text);
  });

  it("errors.mjs: a 404, a 401 and a stream's 404 arrive typed, in OpenAI's error shape", async () => {
    const out = await example('errors.mjs', { CORDON_API_KEY: memberSecret });
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(3);
    const [notFound, unauthorized, streamed] = lines.map((l) => /^(\d{3}) (\S+) (\S+): (\{.*\})$/.exec(l));
    for (const m of [notFound, unauthorized, streamed]) {
      expect(m, out).toBeTruthy();
      expect(contract.schema('ErrorResponse', JSON.parse(m![4]!))).toBeNull();
    }
    expect(notFound!.slice(1, 4)).toEqual(['404', 'invalid_request_error', 'model_not_found']);
    // OpenAI answers an unknown key with type invalid_request_error, code invalid_api_key; so does Cordon.
    expect(unauthorized!.slice(1, 4)).toEqual(['401', 'invalid_request_error', 'invalid_api_key']);
    expect(streamed!.slice(1, 4)).toEqual(['404', 'invalid_request_error', 'model_not_found']);
  });

  it('the examples typecheck against the packed types, and a misspelt field does not', async () => {
    // The examples are plain JavaScript; tsc checks them (checkJs) with the types from the tarball.
    const admin = readmeExamples().get('admin.mjs')!;
    expect(admin).toContain('key.secret}');
    writeFileSync(join(project, 'misspelt.mjs'), admin.replace('key.secret}', 'key.secrett}'));
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          allowJs: true,
          checkJs: true,
          noEmit: true,
          types: ['node'],
          typeRoots: [join(repoRoot, 'node_modules/@types')],
        },
        include: ['*.mjs'],
      }),
    );
    const tsc = await run(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--pretty', 'false'], project);
    const errors = tsc.stdout.split('\n').filter((l) => /error TS\d+/.test(l));
    expect(tsc.code).not.toBe(0);
    expect(errors, tsc.stdout).toHaveLength(1);
    expect(errors[0]).toMatch(/^misspelt\.mjs\(\d+,\d+\): error TS2551: Property 'secrett' does not exist on type '.*'. Did you mean 'secret'\?/);
  });
});
