/** Test harness: a real gateway on a free loopback port, with a throwaway data dir and a real SQLite file. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { startServer, type RunningServer } from '../src/server.js';
import { createContractValidator } from '@cordon/contract/testing';

export const contract = createContractValidator();
export const gatewayRoot = fileURLToPath(new URL('..', import.meta.url));
export const cliPath = join(gatewayRoot, 'dist/cli.js');

export interface TestGateway extends RunningServer {
  adminKey: string;
  dataDir: string;
  logs: string[];
  stop(): Promise<void>;
  /** fetch against the gateway with a key. */
  req(path: string, init?: RequestInit & { key?: string | null; json?: unknown }): Promise<Response>;
}

export async function startTestGateway(env: Record<string, string> = {}): Promise<TestGateway> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cordon-test-'));
  const adminKey = `cordon-admin-${randomBytes(16).toString('hex')}`;
  const config = loadConfig({
    CORDON_DATA_DIR: dataDir,
    CORDON_PORT: '0',
    CORDON_ADMIN_KEY: adminKey,
    CORDON_VALIDATE_RESPONSES: 'true',
    CORDON_LOG_LEVEL: 'info',
    ...env,
  });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const running = await startServer(config, createLogger('info', sink));
  return {
    ...running,
    adminKey,
    dataDir,
    logs,
    async stop() {
      await running.shutdown('test done');
      rmSync(dataDir, { recursive: true, force: true });
    },
    req(path, init = {}) {
      const { key = adminKey, json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (key !== null) headers.set('authorization', `Bearer ${key}`);
      if (json !== undefined) headers.set('content-type', 'application/json');
      return fetch(`${running.url}${path}`, { ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body });
    },
  };
}

export interface ChildGateway {
  proc: ChildProcess;
  url: string;
  adminKey: string;
  dataDir: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** The gateway as its own process (`node dist/cli.js serve`), for signals and the CLI. */
export async function spawnGateway(env: Record<string, string> = {}): Promise<ChildGateway> {
  const dataDir = env.CORDON_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'cordon-proc-'));
  const adminKey = env.CORDON_ADMIN_KEY ?? `cordon-admin-${randomBytes(16).toString('hex')}`;
  const proc = spawn(process.execPath, [cliPath, 'serve'], {
    env: { ...process.env, CORDON_DATA_DIR: dataDir, CORDON_PORT: '0', CORDON_ADMIN_KEY: adminKey, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not start:\n${out}`)), 60_000);
    const onData = () => {
      const m = /"url":"(http:\/\/[^"]+)".*cordon listening/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    proc.stdout!.on('data', onData);
    proc.once('exit', () => reject(new Error(`gateway exited:\n${out}`)));
  });
  return { proc, url, adminKey, dataDir, output: () => out, exited };
}

export async function json(res: Response): Promise<any> {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`not JSON (${res.status}): ${text.slice(0, 300)}`);
  }
}

/** Creates a domain and a key in it through the admin API; returns the secret. */
export async function makeDomainKey(gw: TestGateway, domain: string, role: 'member' | 'admin' = 'member') {
  const d = await gw.req('/admin/v1/domains', { method: 'POST', json: { id: domain, name: domain } });
  if (d.status !== 201 && d.status !== 409) throw new Error(`domain: ${d.status} ${await d.text()}`);
  const k = await gw.req('/admin/v1/keys', { method: 'POST', json: { domain_id: domain, name: `${domain}-${role}`, role } });
  if (k.status !== 201) throw new Error(`key: ${k.status} ${await k.text()}`);
  const body = await json(k);
  return { id: body.id as string, secret: body.secret as string, domain };
}
