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
import { createContractValidator, type ContractValidator } from '@cordon/contract/testing';
import { createReferenceValidator } from '@cordon/contract/reference';
import type { EngineHostEngine } from '../src/engines/host/engine.js';

const own = createContractValidator();
/**
 * The wire check used by every test: a body (or stream event) of an OpenAI operation must validate
 * against our contract AND against the official OpenAI description (reference/openai-openapi.yaml).
 * Cordon's own operations (admin) are checked against the contract only.
 */
export const contract: ContractValidator = {
  ...own,
  schema(name, data) {
    const mine = own.schema(name, data);
    if (mine || name !== 'ErrorResponse') return mine && `contract: ${mine}`;
    const theirs = createReferenceValidator().schema('ErrorResponse', data);
    return theirs ? `OpenAI reference: ${theirs}` : null;
  },
  response(operationId, status, mediaType, data) {
    const mine = own.response(operationId, status, mediaType, data);
    if (mine) return `contract: ${mine}`;
    const ref = createReferenceValidator();
    if (!ref.has(operationId) || String(status) !== '200') return null;
    let theirs: string | null;
    if (operationId === 'createCompletion' && mediaType === 'text/event-stream') {
      // The reference gives no stream schema for legacy completions; OpenAI documents each chunk
      // as a CreateCompletionResponse object, except that chunks before the last carry
      // `finish_reason: null` (which that schema's enum leaves out): those are checked as 'stop'.
      const chunk = data as any;
      theirs = ref.schema('CreateCompletionResponse', { ...chunk, choices: chunk?.choices?.map?.((c: any) => (c?.finish_reason === null ? { ...c, finish_reason: 'stop' } : c)) ?? chunk?.choices });
    } else if (operationId === 'createEmbedding' && (data as any)?.data?.some?.((d: any) => typeof d.embedding === 'string')) {
      // encoding_format=base64 answers a base64 string, which the reference's types do not describe;
      // check the rest of the shape with each string decoded to its floats.
      const decoded = (data as any).data.map((d: any) => ({ ...d, embedding: typeof d.embedding === 'string' ? [...new Float32Array(Buffer.from(d.embedding, 'base64').buffer.slice(0))] : d.embedding }));
      theirs = ref.response(operationId, status, mediaType, { ...(data as any), data: decoded });
    } else if ((operationId === 'createTranscription' || operationId === 'createTranslation') && mediaType === 'application/json' && (data as any)?.duration !== undefined) {
      // The reference's JSON answer is a oneOf that a verbose_json body matches twice (it is also a
      // valid plain json body): check it against the verbose branch by name.
      theirs = ref.schema(operationId === 'createTranscription' ? 'CreateTranscriptionResponseVerboseJson' : 'CreateTranslationResponseVerboseJson', data);
    } else theirs = ref.response(operationId, status, mediaType, data);
    return theirs ? `OpenAI reference: ${theirs}` : null;
  },
};
/** The official OpenAI schemas, by name (for bodies whose reference operation schema is a oneOf). */
export const reference = () => createReferenceValidator();
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

/** A generating engine's counters for one model: sequences generating, tokens generated so far, requests waiting. */
export interface EngineStats {
  active: number;
  generatedTokens: number;
  queued: number;
}

/**
 * The counters of `modelId` on the gateway's `engine` (llama-cpp by default). The gateway's llama-cpp
 * engine is host-backed (EngineHostEngine): the figures come from the model's engine host
 * (GET /host/v1/stats), so read them again after each change rather than holding them.
 */
export async function engineStats(gw: TestGateway, modelId: string, engine = 'llama-cpp'): Promise<EngineStats> {
  const e = gw.gateway.deps.engines.get(engine) as EngineHostEngine | undefined;
  if (typeof e?.stats !== 'function') throw new Error(`the gateway's '${engine}' engine has no stats()`);
  return e.stats(modelId);
}

/** Waits (polling every 20 ms) until `cond` holds; throws naming `what` after `ms`. */
export async function until(cond: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * The gateway's log as records, one per line (a write may hold several lines: the lines an engine
 * host logs are forwarded into the gateway's log).
 */
export function logRecords(gw: TestGateway): any[] {
  return gw.logs.flatMap((chunk) => chunk.split('\n')).filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
}
