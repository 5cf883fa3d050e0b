// The gateway as a process: the CLI against it, the admin key file, graceful shutdown on SIGTERM.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { statSync, readFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPath, gatewayRoot, spawnGateway, type ChildGateway } from '../helpers.js';

const run = promisify(execFile);

describe('cordon CLI against a running gateway', () => {
  let gw: ChildGateway;
  beforeAll(async () => {
    gw = await spawnGateway({ CORDON_DEMO_MODEL: 'false' });
  });
  afterAll(async () => {
    gw.proc.kill('SIGTERM');
    await gw.exited;
  });

  const cli = async (...args: string[]) => {
    const { stdout } = await run(process.execPath, [cliPath, ...args, '--url', gw.url, '--key', gw.adminKey]);
    return stdout;
  };

  it('lists every key, over as many pages of the admin API as it takes', async () => {
    await cli('domains', 'create', 'clipages', '--name', 'CLI pages');
    const made: string[] = [];
    // One more than a page holds (100): the listing needs two pages.
    for (let i = 0; i < 101; i++) {
      const res = await fetch(`${gw.url}/admin/v1/keys`, {
        method: 'POST',
        headers: { authorization: `Bearer ${gw.adminKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ domain_id: 'clipages', name: `k${i}` }),
      });
      made.push((await res.json()).id);
    }
    const listed = JSON.parse(await cli('keys', 'list', '--domain', 'clipages', '--json'));
    expect(listed.has_more).toBe(false);
    expect(listed.data.map((k: { id: string }) => k.id).sort()).toEqual([...made].sort());
    expect(listed.last_id).toBe(listed.data.at(-1).id);
    const table = await cli('keys', 'list', '--domain', 'clipages');
    for (const id of [made[0]!, made[100]!]) expect(table).toContain(id);
  }, 60_000);

  it('creates a domain, a key, a model, and revokes the key', async () => {
    const d = JSON.parse(await cli('domains', 'create', 'clitest', '--name', 'CLI test', '--json'));
    expect(d).toMatchObject({ id: 'clitest', name: 'CLI test', disabled: false });
    expect(await cli('domains', 'list')).toMatch(/clitest\s+CLI test/);

    const k = JSON.parse(await cli('keys', 'create', '--name', 'bot', '--domain', 'clitest', '--json'));
    expect(k.secret).toBeTypeOf('string');
    const table = await cli('keys', 'list', '--domain', 'clitest');
    expect(table).toContain(k.id);
    expect(table).not.toContain(k.secret);

    const m = JSON.parse(
      await cli('models', 'add', 'up-model', '--engine', 'openai-compatible', '--upstream', 'http://127.0.0.1:9/v1', '--upstream-model', 'x', '--capabilities', 'chat', '--domains', 'clitest', '--json'),
    );
    expect(m).toMatchObject({ id: 'up-model', engine: 'openai-compatible', domains: ['clitest'] });
    expect(await cli('models', 'list')).toContain('up-model');

    const asKey = await fetch(`${gw.url}/v1/models`, { headers: { authorization: `Bearer ${k.secret}` } });
    expect((await asKey.json()).data.map((x: any) => x.id)).toEqual(['up-model']);

    expect(await cli('keys', 'revoke', k.id)).toContain(`revoked key ${k.id}`);
    const after = await fetch(`${gw.url}/v1/models`, { headers: { authorization: `Bearer ${k.secret}` } });
    expect(after.status).toBe(401);

    expect(await cli('models', 'remove', 'up-model')).toContain('removed');
  });

  it('reports errors from the gateway with a non-zero exit', async () => {
    await expect(run(process.execPath, [cliPath, 'keys', 'revoke', 'nope', '--url', gw.url, '--key', 'wrong-key-123456'])).rejects.toMatchObject({ code: 1 });
  });
});

describe('first start and shutdown', () => {
  it('without CORDON_ADMIN_KEY writes a generated key to admin.key (0600) and never logs it', async () => {
    const gw = await spawnGateway({ CORDON_ADMIN_KEY: '', CORDON_DEMO_MODEL: 'false' });
    try {
      const file = join(gw.dataDir, 'admin.key');
      expect(existsSync(file)).toBe(true);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const key = readFileSync(file, 'utf8').trim();
      expect(gw.output()).toContain('admin.key');
      expect(gw.output()).not.toContain(key);
      const res = await fetch(`${gw.url}/admin/v1/domains`, { headers: { authorization: `Bearer ${key}` } });
      expect(res.status).toBe(200);
      expect((await res.json()).data.map((d: any) => d.id)).toContain('default');
    } finally {
      gw.proc.kill('SIGTERM');
      expect(await gw.exited).toBe(0);
    }
  });

  it('SIGTERM during a streaming request: the request completes and the process exits 0', async () => {
    const gw = await spawnGateway();
    const res = await fetch(`${gw.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gw.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'cordon-demo', messages: [{ role: 'user', content: 'Tell me a long story' }], max_tokens: 1500, stream: true, seed: 1, temperature: 1 }),
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    gw.proc.kill('SIGTERM');
    let text = new TextDecoder().decode(first.value);
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
    expect(await gw.exited).toBe(0);
    // New connections are refused once it is gone.
    await expect(fetch(`${gw.url}/healthz`)).rejects.toThrow();
  });
});

describe('stopping when nobody reads the log', () => {
  // A gateway whose stdout's reader pauses once it is listening; `load` sends 2,000 requests (about
  // 500 KB of request lines, far more than a pipe holds) and `stop` sends SIGTERM.
  async function unreadGateway(run: (gw: ChildProcess, load: () => Promise<void>) => Promise<void>) {
    const dataDir = mkdtempSync(join(tmpdir(), 'cordon-unread-'));
    const adminKey = 'cordon-admin-unread-0123456789abcdef';
    const gw = spawn(process.execPath, [cliPath, 'serve'], { env: { ...process.env, CORDON_DATA_DIR: dataDir, CORDON_PORT: '0', CORDON_ADMIN_KEY: adminKey, CORDON_DEMO_MODEL: 'false', CORDON_LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        gw.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
        const onData = (d: Buffer) => {
          out += d;
          const m = /"url":"([^"]+)"/.exec(out);
          if (!m) return;
          gw.stdout!.off('data', onData);
          gw.stdout!.pause(); // from here on nobody reads it: the pipe fills with request lines
          resolve(m[1]!);
        };
        gw.stdout!.on('data', onData);
      });
      const load = async () => {
        for (const path of ['/healthz', '/v1/models']) {
          await Promise.all(Array.from({ length: 8 }, async () => {
            for (let i = 0; i < 125; i++) await (await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${adminKey}` } })).text();
          }));
        }
      };
      await run(gw, load);
    } finally {
      gw.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const exitWithin10s = async (gw: ChildProcess, stop: () => void) => {
    const exited = new Promise<number | string | null>((resolve) => gw.once('exit', (code, signal) => resolve(code ?? signal)));
    const t0 = performance.now();
    stop();
    const result = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('still running after 10 s'), 10_000))]);
    expect(result).toBe(0);
    expect(performance.now() - t0).toBeLessThan(10_000);
  };

  it('a gateway whose stdout is no longer read (its pipe full) still exits on SIGTERM, with code 0', async () => {
    await unreadGateway(async (gw, load) => {
      await load();
      await exitWithin10s(gw, () => gw.kill('SIGTERM'));
    });
  }, 60_000);

  it('a gateway whose stdout reader goes away during the stop still exits, with code 0', async () => {
    await unreadGateway(async (gw, load) => {
      await load();
      await exitWithin10s(gw, () => {
        gw.kill('SIGTERM');
        gw.stdout!.destroy();
      });
    });
  }, 60_000);

  // What is still queued on exit is written synchronously. SonicBoom 4 retried every error there
  // but EAGAIN for ever, a broken pipe (EPIPE) too, so a process whose log reader had gone just
  // before it exited hung in Atomics.wait, where not even the gateway's 10 s deadline could end it
  // (seen after a benchmark's parent exited).
  it('the logger exits when its reader went away with a line still queued', async () => {
    const proc = spawn(process.execPath, [join(gatewayRoot, 'test/support/log-exit.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve, reject) => {
        proc.once('exit', (code) => reject(new Error(`exited ${code}`)));
        proc.stdout!.once('data', () => resolve());
      });
      proc.stdout!.destroy();
      await new Promise((r) => setTimeout(r, 100));
      await exitWithin10s(proc, () => proc.kill('SIGUSR2'));
    } finally {
      proc.kill('SIGKILL');
    }
  }, 30_000);
});
