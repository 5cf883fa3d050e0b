// `cordon models pull` (progress, resume after a cut connection, sha256) and `cordon models add --file`.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoGguf } from '../../src/platform/demo-models/gguf.js';
import { cliPath, spawnGateway, type ChildGateway } from '../helpers.js';

const run = promisify(execFile);
const file = buildDemoGguf();
const sha = createHash('sha256').update(file).digest('hex');
let server: Server;
let base: string;
let cutNext = true;
const ranges: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const range = req.headers.range;
    ranges.push(range ?? 'none');
    if (range) {
      const start = Number(/bytes=(\d+)-/.exec(range)![1]);
      res.writeHead(206, { 'content-length': file.length - start, 'content-range': `bytes ${start}-${file.length - 1}/${file.length}`, 'accept-ranges': 'bytes' });
      res.end(file.subarray(start));
      return;
    }
    res.writeHead(200, { 'content-length': file.length, 'accept-ranges': 'bytes' });
    if (cutNext) {
      cutNext = false;
      res.write(file.subarray(0, Math.floor(file.length / 3)), () => setTimeout(() => res.destroy(), 50));
      return;
    }
    res.end(file);
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('cordon models pull', () => {
  it('resumes an interrupted download and checks the sha256', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cordon-pull-'));
    const out = join(dir, 'pulled.gguf');
    const args = [cliPath, 'models', 'pull', `${base}/models/demo.gguf`, '--out', out, '--sha256', sha];
    await expect(run(process.execPath, args, { env: { ...process.env, CORDON_DATA_DIR: dir } })).rejects.toMatchObject({ code: 1 });
    expect(existsSync(`${out}.part`)).toBe(true);
    const { stdout, stderr } = await run(process.execPath, args, { env: { ...process.env, CORDON_DATA_DIR: dir } });
    expect(stdout).toContain(sha);
    expect(stderr).toMatch(/100\.0%/);
    expect(ranges.at(-1)).toMatch(/^bytes=\d+-$/);
    expect(createHash('sha256').update(readFileSync(out)).digest('hex')).toBe(sha);
  });

  it('refuses a file whose sha256 does not match', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cordon-pull-'));
    await expect(
      run(process.execPath, [cliPath, 'models', 'pull', `${base}/x.gguf`, '--out', join(dir, 'x.gguf'), '--sha256', '0'.repeat(64)], { env: { ...process.env, CORDON_DATA_DIR: dir } }),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('sha256 mismatch') });
    expect(existsSync(join(dir, 'x.gguf'))).toBe(false);
  });
});

describe('cordon models add --file', () => {
  let gw: ChildGateway;
  beforeAll(async () => {
    gw = await spawnGateway({ CORDON_DEMO_MODEL: 'false' });
  });
  afterAll(async () => {
    gw.proc.kill('SIGTERM');
    await gw.exited;
  });

  it('registers a GGUF file that then answers chat requests', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cordon-add-'));
    const path = join(dir, 'mine.gguf');
    await run(process.execPath, [cliPath, 'models', 'pull', `${base}/mine.gguf`, '--out', path], { env: { ...process.env, CORDON_DATA_DIR: dir } });
    const added = JSON.parse((await run(process.execPath, [cliPath, 'models', 'add', 'mine', '--file', path, '--json', '--url', gw.url, '--key', gw.adminKey])).stdout);
    expect(added).toMatchObject({ id: 'mine', engine: 'llama-cpp', settings: { path } });
    const res = await fetch(`${gw.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gw.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'mine', messages: [{ role: 'user', content: 'hi' }], max_tokens: 4 }),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).choices[0].message.role).toBe('assistant');
  });
});
