// llama.cpp's own `llama-server` (built from the source node-llama-cpp ships, by
// scripts/build-llama-server.mjs) serving the demo GGUF, as an `openai-compatible` upstream of a
// Cordon gateway. Every answer through Cordon is compared with asking llama-server directly, and
// every body and stream event Cordon sends is checked against our contract and OpenAI's reference.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoGguf } from '../../src/platform/demo-models/gguf.js';
import { contract, gatewayRoot, json, makeDomainKey, startTestGateway, type TestGateway } from '../helpers.js';
import { freePort } from '../support/redis.js';

const buildScript = join(gatewayRoot, '../../scripts/build-llama-server.mjs');

/** The cached binary (CORDON_LLAMA_SERVER_BIN overrides), or null with the reason. */
function locate(): { bin: string | null; reason: string } {
  const env = process.env.CORDON_LLAMA_SERVER_BIN;
  if (env) return existsSync(env) ? { bin: env, reason: '' } : { bin: null, reason: `CORDON_LLAMA_SERVER_BIN=${env} does not exist` };
  try {
    return { bin: execFileSync(process.execPath, [buildScript, '--cached'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim(), reason: '' };
  } catch (err) {
    return { bin: null, reason: String((err as { stderr?: string }).stderr ?? err).trim() };
  }
}

const found = locate();
const inCi = process.env.CI === 'true';
if (!found.bin && !inCi) console.warn(`[llama-server-upstream] skipped: ${found.reason}`);

interface LlamaServer {
  proc: ChildProcess;
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

async function startLlamaServer(bin: string, model: string, key: string, extra: string[]): Promise<LlamaServer> {
  const port = await freePort();
  const proc = spawn(bin, ['-m', model, '--host', '127.0.0.1', '--port', String(port), '--alias', 'demo-gguf', '--api-key', key, '-c', '2048', '-np', '1', '-t', '2', '--no-webui', ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out = (out + d).slice(-20_000)));
  proc.stderr!.on('data', (d) => (out = (out + d).slice(-20_000)));
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`llama-server exited (${proc.exitCode}):\n${out}`);
    const ok = await fetch(`${url}/health`).then((r) => r.status === 200, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`llama-server did not become healthy:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    proc,
    url,
    output: () => out,
    async stop() {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      await exited;
    },
  };
}

describe.skipIf(!found.bin && !inCi)('llama.cpp llama-server as an openai-compatible upstream', () => {
  let dir: string;
  let chatServer: LlamaServer;
  let embedServer: LlamaServer;
  let front: TestGateway;
  let direct: OpenAI;
  let directEmbed: OpenAI;
  let viaCordon: OpenAI;
  const upstreamKey = `llama-${randomBytes(12).toString('hex')}`;
  const user = (content: string) => [{ role: 'user' as const, content }];

  async function register(id: string, baseUrl: string, capabilities: string[]) {
    const res = await front.req('/admin/v1/models', {
      method: 'POST',
      json: {
        id,
        engine: 'openai-compatible',
        settings: { targets: [{ base_url: `${baseUrl}/v1`, model: 'demo-gguf', api_key_env: 'CORDON_UPSTREAM_KEY_LLAMA_SERVER' }], max_retries: 0 },
        capabilities,
      },
    });
    expect(res.status, await res.clone().text()).toBe(201);
  }

  beforeAll(async () => {
    if (!found.bin) throw new Error(`CI=true and ${found.reason}`);
    dir = mkdtempSync(join(tmpdir(), 'cordon-llama-server-test-'));
    const model = join(dir, 'demo.gguf');
    await writeDemoGguf(model);
    // llama.cpp's own Qwen2.5 template (ChatML, like the demo model's, plus <tool_call> tools).
    chatServer = await startLlamaServer(found.bin, model, upstreamKey, ['--jinja', '--chat-template-file', join(dirname(found.bin), 'templates', 'Qwen-Qwen2.5-7B-Instruct.jinja')]);
    // Embeddings need their own instance (--embeddings, with a pooling OpenAI's API can express).
    embedServer = await startLlamaServer(found.bin, model, upstreamKey, ['--embeddings', '--pooling', 'mean']);
    process.env.CORDON_UPSTREAM_KEY_LLAMA_SERVER = upstreamKey;
    front = await startTestGateway({ CORDON_DEMO_MODEL: 'false' });
    await register('llama', chatServer.url, ['chat', 'completions']);
    await register('llama-embed', embedServer.url, ['embeddings']);
    direct = new OpenAI({ baseURL: `${chatServer.url}/v1`, apiKey: upstreamKey, maxRetries: 0 });
    directEmbed = new OpenAI({ baseURL: `${embedServer.url}/v1`, apiKey: upstreamKey, maxRetries: 0 });
    viaCordon = new OpenAI({ baseURL: `${front.url}/v1`, apiKey: front.adminKey, maxRetries: 0 });
  }, 180_000);

  afterAll(async () => {
    await front?.stop();
    await Promise.all([chatServer?.stop(), embedServer?.stop()]);
    delete process.env.CORDON_UPSTREAM_KEY_LLAMA_SERVER;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('chat: the same text and usage as llama-server gives directly, in OpenAI\'s shape', async () => {
    const req = { messages: user('Hello there'), seed: 7, temperature: 0, max_tokens: 24 };
    const a = await direct.chat.completions.create({ model: 'demo-gguf', ...req });
    const res = await front.req('/v1/chat/completions', { method: 'POST', json: { model: 'llama', ...req } });
    expect(res.status).toBe(200);
    const b = await json(res);
    expect(contract.response('createChatCompletion', 200, 'application/json', b)).toBeNull();
    expect(b.model).toBe('llama');
    expect(b.choices[0].message.content).toBe(a.choices[0]!.message.content);
    expect(b.choices[0].message.content.length).toBeGreaterThan(0);
    expect(b.choices[0].finish_reason).toBe(a.choices[0]!.finish_reason);
    expect(b.usage).toMatchObject({ prompt_tokens: a.usage!.prompt_tokens, completion_tokens: a.usage!.completion_tokens, total_tokens: a.usage!.total_tokens });
    // llama-server's own extras (timings) stay behind; Cordon's envelope is its own.
    expect(a).toHaveProperty('timings');
    expect(b).not.toHaveProperty('timings');
    expect(b.system_fingerprint).toBe('cordon_openai-compatible');
  });

  it('streamed chat: deltas concatenate to the direct answer; the usage chunk only when asked', async () => {
    const req = { messages: user('Tell me a story'), seed: 11, temperature: 0, max_tokens: 32 };
    const a = await direct.chat.completions.create({ model: 'demo-gguf', ...req });
    for (const includeUsage of [true, false]) {
      const s = await viaCordon.chat.completions.create({ model: 'llama', ...req, stream: true, ...(includeUsage ? { stream_options: { include_usage: true } } : {}) });
      let text = '';
      let usage: unknown;
      let chunks = 0;
      for await (const c of s) {
        chunks++;
        expect(contract.response('createChatCompletion', 200, 'text/event-stream', c)).toBeNull();
        expect(c.model).toBe('llama');
        expect(c).not.toHaveProperty('timings');
        text += c.choices[0]?.delta.content ?? '';
        if (c.usage) {
          usage = c.usage;
          expect(c.choices).toEqual([]);
        }
      }
      expect(chunks).toBeGreaterThan(2);
      expect(text).toBe(a.choices[0]!.message.content);
      if (includeUsage) expect(usage).toMatchObject({ prompt_tokens: a.usage!.prompt_tokens, completion_tokens: a.usage!.completion_tokens });
      else expect(usage).toBeUndefined();
    }
  });

  it('tools, streamed: the tool calls assembled from deltas equal llama-server\'s own, every chunk valid', async () => {
    // Random weights never write "<tool_call>" by themselves (llama-server's grammar lets content come
    // first), so the answer is started for them: llama-server continues a final assistant message,
    // and its grammar then forces the call.
    const tools = [{ type: 'function' as const, function: { name: 'pick', description: 'Pick a number', parameters: { type: 'object', properties: { n: { type: 'integer', minimum: 1, maximum: 9 } }, required: ['n'], additionalProperties: false } } }];
    const messages = [...user('Pick a number'), { role: 'assistant' as const, content: '<tool_call>\n' }];
    const req = { messages, tools, tool_choice: 'required' as const, parallel_tool_calls: false, seed: 9, temperature: 0, max_tokens: 200 };
    const collect = async (client: OpenAI, model: string, check: boolean) => {
      const s = await client.chat.completions.create({ model, ...req, stream: true, stream_options: { include_usage: true } });
      const calls: Array<{ id: string; name: string; args: string }> = [];
      let text = '';
      let finish: string | null = null;
      for await (const c of s) {
        if (check) {
          expect(contract.response('createChatCompletion', 200, 'text/event-stream', c), JSON.stringify(c)).toBeNull();
          expect(c.model).toBe('llama');
          expect(c).not.toHaveProperty('timings');
        }
        text += c.choices[0]?.delta.content ?? '';
        for (const t of c.choices[0]?.delta.tool_calls ?? []) {
          const cur = (calls[t.index] ??= { id: '', name: '', args: '' });
          cur.id += t.id ?? '';
          cur.name += t.function?.name ?? '';
          cur.args += t.function?.arguments ?? '';
        }
        finish = c.choices[0]?.finish_reason ?? finish;
      }
      return { text, calls, finish };
    };
    const a = await collect(direct, 'demo-gguf', false);
    const b = await collect(viaCordon, 'llama', true);
    expect(a.calls).toHaveLength(1);
    expect(a.finish).toBe('tool_calls');
    expect(JSON.parse(a.calls[0]!.args)).toEqual({ n: expect.any(Number) });
    // Tool-call ids are llama-server's own random ones, new on every answer: everything else is equal.
    for (const c of b.calls) expect(c.id).toMatch(/^[A-Za-z0-9]{32}$/);
    const noIds = (r: typeof a) => ({ ...r, calls: r.calls.map(({ id: _id, ...rest }) => rest) });
    expect(noIds(b)).toEqual(noIds(a));
    // Not streamed, through Cordon: the same calls in OpenAI's shape.
    const res = await front.req('/v1/chat/completions', { method: 'POST', json: { model: 'llama', ...req } });
    const whole = await json(res);
    expect(contract.response('createChatCompletion', 200, 'application/json', whole), JSON.stringify(whole)).toBeNull();
    expect(whole.choices[0].message.tool_calls.map((t: { function: { name: string; arguments: string } }) => ({ name: t.function.name, args: t.function.arguments }))).toEqual(a.calls.map(({ name, args }) => ({ name, args })));
  });

  it('response_format json_schema: the same JSON, valid against the schema', async () => {
    const schema = { type: 'object', properties: { answer: { type: 'string', enum: ['yes', 'no'] } }, required: ['answer'], additionalProperties: false };
    const req = { messages: user('Answer in JSON'), seed: 5, temperature: 0, max_tokens: 128, response_format: { type: 'json_schema' as const, json_schema: { name: 'answer', strict: true, schema } } };
    const a = await direct.chat.completions.create({ model: 'demo-gguf', ...req });
    const res = await front.req('/v1/chat/completions', { method: 'POST', json: { model: 'llama', ...req } });
    const b = await json(res);
    expect(contract.response('createChatCompletion', 200, 'application/json', b)).toBeNull();
    expect(b.choices[0].message.content).toBe(a.choices[0]!.message.content);
    const parsed = JSON.parse(b.choices[0].message.content);
    expect(Object.keys(parsed)).toEqual(['answer']);
    expect(['yes', 'no']).toContain(parsed.answer);
  });

  it('completions, plain and streamed: the direct text', async () => {
    // llama-server's stream holds back an unfinished UTF-8 character and drops it when max_tokens cuts
    // there, so a stream is compared with its direct stream, the plain answer with the plain one.
    const req = { prompt: 'Once upon a time', seed: 3, temperature: 0, max_tokens: 16 };
    const a = await direct.completions.create({ model: 'demo-gguf', ...req });
    const res = await front.req('/v1/completions', { method: 'POST', json: { model: 'llama', ...req } });
    const b = await json(res);
    expect(contract.response('createCompletion', 200, 'application/json', b)).toBeNull();
    expect(b.choices[0].text).toBe(a.choices[0]!.text);
    expect(b).not.toHaveProperty('timings');
    expect(b.usage).toMatchObject({ prompt_tokens: a.usage!.prompt_tokens, completion_tokens: a.usage!.completion_tokens });
    let want = '';
    for await (const c of await direct.completions.create({ model: 'demo-gguf', ...req, stream: true })) want += c.choices[0]?.text ?? '';
    const s = await viaCordon.completions.create({ model: 'llama', ...req, stream: true, stream_options: { include_usage: true } });
    let text = '';
    let usage: unknown;
    for await (const c of s) {
      expect(contract.response('createCompletion', 200, 'text/event-stream', c)).toBeNull();
      expect(c).not.toHaveProperty('timings');
      text += c.choices[0]?.text ?? '';
      if (c.usage) usage = c.usage;
    }
    expect(text).toBe(want);
    expect(text.length).toBeGreaterThan(0);
    expect(usage).toMatchObject({ completion_tokens: a.usage!.completion_tokens });
  });

  it('completions with logprobs: llama-server\'s chat-shaped logprobs become OpenAI\'s legacy arrays', async () => {
    const req = { prompt: 'Once upon a time', seed: 3, temperature: 0, max_tokens: 6, logprobs: 2 };
    const a = await fetch(`${chatServer.url}/v1/completions`, { method: 'POST', headers: { authorization: `Bearer ${upstreamKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ model: 'demo-gguf', ...req }) }).then(json);
    const want: Array<{ token: string; logprob: number; top_logprobs: Array<{ token: string; logprob: number }> }> = a.choices[0].logprobs.content;
    expect(want).toHaveLength(6);
    const res = await front.req('/v1/completions', { method: 'POST', json: { model: 'llama', ...req } });
    const b = await json(res);
    expect(contract.response('createCompletion', 200, 'application/json', b), JSON.stringify(b)).toBeNull();
    const lp = b.choices[0].logprobs;
    expect(lp.tokens).toEqual(want.map((t) => t.token));
    lp.token_logprobs.forEach((x: number, i: number) => expect(x).toBeCloseTo(want[i]!.logprob, 4));
    expect(lp.top_logprobs.map((t: Record<string, number>) => Object.keys(t).sort())).toEqual(want.map((t) => [...new Set(t.top_logprobs.map((x) => x.token))].sort()));
    expect(lp.text_offset[0]).toBe(0);
    expect(lp.text_offset[1]).toBe(want[0]!.token.length);
    expect(lp).not.toHaveProperty('content');
  });

  it('embeddings, float and base64: the direct vectors', async () => {
    const input = ['one small step', 'two'];
    const a = await directEmbed.embeddings.create({ model: 'demo-gguf', input, encoding_format: 'float' });
    const res = await front.req('/v1/embeddings', { method: 'POST', json: { model: 'llama-embed', input, encoding_format: 'float' } });
    const b = await json(res);
    expect(contract.response('createEmbedding', 200, 'application/json', b)).toBeNull();
    expect(b.model).toBe('llama-embed');
    expect(b.data).toHaveLength(2);
    for (let i = 0; i < 2; i++) {
      const want = a.data[i]!.embedding;
      expect(b.data[i].embedding).toHaveLength(want.length);
      b.data[i].embedding.forEach((x: number, j: number) => expect(x).toBeCloseTo(want[j]!, 5));
    }
    expect(b.usage.prompt_tokens).toBe(a.usage.prompt_tokens);
    const r64 = await front.req('/v1/embeddings', { method: 'POST', json: { model: 'llama-embed', input, encoding_format: 'base64' } });
    const b64 = await json(r64);
    expect(contract.response('createEmbedding', 200, 'application/json', b64)).toBeNull();
    const bytes = Buffer.from(b64.data[0].embedding, 'base64');
    const v = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    expect(v.length).toBe(a.data[0]!.embedding.length);
    v.forEach((x, j) => expect(x).toBeCloseTo(a.data[0]!.embedding[j]!, 5));
  });

  it('model lists: Cordon lists its registry in OpenAI\'s shape, never llama-server\'s own list', async () => {
    const up = await fetch(`${chatServer.url}/v1/models`, { headers: { authorization: `Bearer ${upstreamKey}` } }).then(json);
    expect(up.data[0].id).toBe('demo-gguf');
    const member = await makeDomainKey(front, 'llama-lists');
    const res = await front.req('/v1/models', { key: member.secret });
    const list = await json(res);
    expect(contract.response('listModels', 200, 'application/json', list)).toBeNull();
    expect(list.data.map((m: { id: string }) => m.id).sort()).toEqual(['llama', 'llama-embed']);
    expect(list).not.toHaveProperty('models');
  });

  it('llama-server errors come back in OpenAI\'s shape (a prompt over its context is a 400)', async () => {
    const long = 'lorem ipsum dolor sit amet '.repeat(1500);
    const d = await fetch(`${chatServer.url}/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${upstreamKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ model: 'demo-gguf', messages: user(long), max_tokens: 4 }) });
    expect(d.status).toBe(400);
    const res = await front.req('/v1/chat/completions', { method: 'POST', json: { model: 'llama', messages: user(long), max_tokens: 4 } });
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(contract.schema('ErrorResponse', body)).toBeNull();
    expect(body.error.type).toBe('invalid_request_error');
    // llama-server says `type: exceed_context_size_error, code: 400`; Cordon answers OpenAI's code.
    expect(body.error.code).toBe('context_length_exceeded');
    expect(JSON.stringify(body)).not.toContain(upstreamKey);
  });

  it('Cordon authenticates to llama-server with the api_key_env secret, never the client key', async () => {
    // llama-server runs with --api-key: a wrong key is refused there ...
    const bad = await fetch(`${chatServer.url}/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${front.adminKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ messages: user('x'), max_tokens: 1 }) });
    expect(bad.status).toBe(401);
    // ... and a member's request through Cordon gets through.
    const member = await makeDomainKey(front, 'llama-auth');
    const res = await front.req('/v1/chat/completions', { key: member.secret, method: 'POST', json: { model: 'llama', messages: user('x'), max_tokens: 2, temperature: 0 } });
    expect(res.status).toBe(200);
  });
});
