// Crash discipline (issue 11, item 11, and item 8's model-load part): an uncaught exception or an
// unhandled rejection in `cordon serve` is logged without request text, the buffered usage is
// written, and the process exits non-zero; a model that failed to load is tried again after a
// backoff, and members never see why it failed (file paths, native messages).
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, json, logRecords, makeDomainKey, spawnGateway, startTestGateway, until, type TestGateway } from '../helpers.js';
import { pcmWav } from '../support/wav.js';

const preload = fileURLToPath(new URL('../support/crash-preload.mjs', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const usageRows = (dataDir: string): number => {
  const db = new Database(join(dataDir, 'cordon.db'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM usage_records').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('a crash in `cordon serve`', () => {
  for (const kind of ['exception', 'rejection'] as const) {
    it(`an unhandled ${kind}: logged without request text, buffered usage written, exit non-zero`, async () => {
      // The preload (a test file, loaded with --import) is how the test provokes the crash.
      const gw = await spawnGateway({ NODE_OPTIONS: `--import=${preload}`, CRASH_KIND: kind });
      const post = (body: unknown) =>
        fetch(`${gw.url}/v1/embeddings`, { method: 'POST', headers: { authorization: `Bearer ${gw.adminKey}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      // Load the model, and let that request's record be written (records are flushed every second).
      expect((await post({ model: 'cordon-demo', input: 'warm up' })).status).toBe(200);
      await sleep(1500);
      expect(usageRows(gw.dataDir)).toBe(1);
      // Two more, still buffered when the process crashes a moment later.
      const [a, b] = await Promise.all([post({ model: 'cordon-demo', input: 'confidential words one' }), post({ model: 'cordon-demo', input: 'confidential words two' })]);
      expect([a.status, b.status]).toEqual([200, 200]);
      gw.proc.kill('SIGUSR2');
      const code = await gw.exited;
      expect(code).toBe(70);
      expect(usageRows(gw.dataDir)).toBe(3);
      const out = gw.output();
      expect(out).toContain(kind === 'exception' ? 'uncaughtException' : 'unhandledRejection');
      expect(out).toContain('fatal error: writing buffered records, then exiting');
      expect(out).not.toContain('private prompt text');
      expect(out).not.toContain('confidential words');
      expect(out).not.toContain(gw.adminKey);
    }, 60_000);
  }
});

/** One second of a 16 kHz mono 16-bit tone, as WAV. */
const wav = (): Buffer => pcmWav({ freq: 440 });

describe('a model that fails to load', () => {
  let gw: TestGateway;
  let member: string;
  beforeAll(async () => {
    gw = await startTestGateway();
    member = (await makeDomainKey(gw, 'loaders')).secret;
  });
  afterAll(() => gw?.stop());

  let llamaRequestId = '';
  const llamaLogLine = () => logRecords(gw).find((l) => l.msg === 'model failed to load' && l.model === 'flaky-llama');
  // The engine host's log lines reach the gateway's log through a pipe, possibly after the answer.
  const logged = async <T>(find: () => T | undefined): Promise<T | undefined> => {
    await until(() => find() !== undefined, 5000, 'the log line').catch(() => {});
    return find();
  };

  const register = async (id: string, engine: 'llama-cpp' | 'whisper', path: string, capabilities: string[]) =>
    expect((await gw.req('/admin/v1/models', { method: 'POST', json: { id, engine, settings: { path }, capabilities } })).status).toBe(201);

  const expectGeneric503 = async (res: Response, id: string, path: string) => {
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = await json(res);
    expect(contract.schema('ErrorResponse', body)).toBeNull();
    expect(body.error).toMatchObject({ code: 'model_load_failed', param: 'model' });
    expect(body.error.message).toContain(`'${id}'`);
    // Nothing of the reason: no path, no file name, no native or parser text.
    for (const leak of [path, gw.dataDir, 'broken-', '.gguf', '.bin', 'magic', 'GGUF', 'invalid']) expect(body.error.message).not.toContain(leak);
    const requestId = res.headers.get('x-request-id')!;
    return requestId;
  };

  it('llama-cpp: a broken file gives members a generic 503, the log and the superadmin the reason; fixed, it loads after the backoff', async () => {
    const path = join(gw.dataDir, 'broken-llama.gguf');
    writeFileSync(path, Buffer.alloc(4096, 9));
    await register('flaky-llama', 'llama-cpp', path, ['chat', 'completions', 'embeddings']);
    const chat = () => gw.req('/v1/chat/completions', { method: 'POST', key: member, json: { model: 'flaky-llama', messages: [{ role: 'user', content: 'hi' }], max_tokens: 2 } });
    llamaRequestId = await expectGeneric503(await chat(), 'flaky-llama', path);
    // The log has the reason.
    const line = await logged(llamaLogLine);
    expect(line).toMatchObject({ attempts: 1 });
    expect(String(line.reason).length).toBeGreaterThan(0);
    // The superadmin sees it in the model's status; a member cannot read the registry.
    const status = await json(await gw.req('/admin/v1/models/flaky-llama'));
    expect(status.status).toMatchObject({ state: 'failed' });
    expect(status.status.reason).toBe(line.reason);
    expect((await gw.req('/admin/v1/models/flaky-llama', { key: member })).status).toBe(403);

    // Fix the file in place (no registry change): after the backoff the next request loads it.
    copyFileSync(join(gw.dataDir, 'models', 'cordon-demo.gguf'), path);
    await sleep(1200);
    const ok = await chat();
    expect(ok.status).toBe(200);
    expect((await json(ok)).choices[0].message.role).toBe('assistant');
    expect((await json(await gw.req('/admin/v1/models/flaky-llama'))).status).toEqual({ state: 'ready' });
  });

  it('llama-cpp: the failure is logged with the id of the request that tried the load', () => {
    expect(llamaLogLine()).toMatchObject({ request_id: llamaRequestId, attempts: 1 });
  });

  it('whisper: the same, for a speech model', async () => {
    const path = join(gw.dataDir, 'broken-whisper.bin');
    writeFileSync(path, Buffer.alloc(4096, 7));
    await register('flaky-whisper', 'whisper', path, ['transcription']);
    const transcribe = () => {
      const form = new FormData();
      form.set('file', new Blob([wav()], { type: 'audio/wav' }), 'a.wav');
      form.set('model', 'flaky-whisper');
      form.set('language', 'en');
      return gw.req('/v1/audio/transcriptions', { method: 'POST', key: member, body: form });
    };
    const requestId = await expectGeneric503(await transcribe(), 'flaky-whisper', path);
    const line = await logged(() => logRecords(gw).find((l) => l.msg === 'whisper model failed to load' && l.model === 'flaky-whisper'));
    expect(line).toMatchObject({ request_id: requestId, attempts: 1 });
    const status = await json(await gw.req('/admin/v1/models/flaky-whisper'));
    expect(status.status).toMatchObject({ state: 'failed', reason: line.reason });

    copyFileSync(join(gw.dataDir, 'models', 'cordon-demo-whisper.bin'), path);
    await sleep(1200);
    const ok = await transcribe();
    expect(ok.status).toBe(200);
    expect(typeof (await json(ok)).text).toBe('string');
  });
});
