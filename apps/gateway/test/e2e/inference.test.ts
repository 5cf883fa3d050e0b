// Chat, completions and embeddings on the embedded llama.cpp engine (the generated demo model),
// through the official `openai` SDK against a started gateway. Every JSON body and every stream
// chunk is validated against the contract.
import OpenAI from 'openai';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, engineStats, json, startTestGateway, type TestGateway } from '../helpers.js';

let gw: TestGateway;
let openai: OpenAI;
const MODEL = 'cordon-demo';
const user = (content: string) => [{ role: 'user' as const, content }];

function valid(op: string, mediaType: string, body: unknown) {
  expect(contract.response(op, 200, mediaType, body)).toBeNull();
}

beforeAll(async () => {
  gw = await startTestGateway();
  openai = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: gw.adminKey, maxRetries: 0 });
});
afterAll(() => gw?.stop());

describe('chat completions', () => {
  it('answers a plain request with exact usage', async () => {
    const r = await openai.chat.completions.create({ model: MODEL, messages: user('Hello there'), max_tokens: 20, seed: 1 });
    valid('createChatCompletion', 'application/json', r);
    expect(r.object).toBe('chat.completion');
    expect(r.choices[0]!.message.role).toBe('assistant');
    expect(typeof r.choices[0]!.message.content).toBe('string');
    expect(['stop', 'length']).toContain(r.choices[0]!.finish_reason);
    expect(r.usage!.prompt_tokens).toBeGreaterThan(3);
    expect(r.usage!.completion_tokens).toBeGreaterThan(0);
    expect(r.usage!.completion_tokens).toBeLessThanOrEqual(20);
    expect(r.usage!.total_tokens).toBe(r.usage!.prompt_tokens + r.usage!.completion_tokens);
  });

  it('streams: role in the first delta, finish_reason in the last, [DONE], usage chunk when asked', async () => {
    const stream = await openai.chat.completions.create({ model: MODEL, messages: user('Hello there'), max_tokens: 20, seed: 1, stream: true, stream_options: { include_usage: true } });
    const chunks = [];
    for await (const c of stream) {
      valid('createChatCompletion', 'text/event-stream', c);
      chunks.push(c);
    }
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks[0]!.choices[0]!.delta.role).toBe('assistant');
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(last.usage!.completion_tokens).toBeGreaterThan(0);
    const withChoices = chunks.filter((c) => c.choices.length);
    expect(withChoices.at(-1)!.choices[0]!.finish_reason).toMatch(/stop|length/);
    expect(withChoices.slice(0, -1).every((c) => c.choices[0]!.finish_reason === null)).toBe(true);
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
    // Same seed, not streamed: the same text and the same usage.
    const plain = await openai.chat.completions.create({ model: MODEL, messages: user('Hello there'), max_tokens: 20, seed: 1 });
    expect(withChoices.map((c) => c.choices[0]!.delta.content ?? '').join('')).toBe(plain.choices[0]!.message.content);
    expect(last.usage).toMatchObject({ prompt_tokens: plain.usage!.prompt_tokens, completion_tokens: plain.usage!.completion_tokens });
  });

  it('without include_usage no usage chunk is sent', async () => {
    const stream = await openai.chat.completions.create({ model: MODEL, messages: user('Hi'), max_tokens: 5, stream: true });
    const chunks = [];
    for await (const c of stream) chunks.push(c);
    expect(chunks.every((c) => c.choices.length === 1 && !c.usage)).toBe(true);
  });

  it('is deterministic for a seed, and the seed matters', async () => {
    const ask = (seed: number) => openai.chat.completions.create({ model: MODEL, messages: user('Write something'), max_tokens: 30, seed, temperature: 1 });
    const [x, y, z] = [await ask(123), await ask(123), await ask(999)];
    expect(x.choices[0]!.message.content).toBe(y.choices[0]!.message.content);
    expect(x.choices[0]!.message.content).not.toBe(z.choices[0]!.message.content);
  });

  it('n=2 gives two choices', async () => {
    const r = await openai.chat.completions.create({ model: MODEL, messages: user('Hi'), max_tokens: 10, n: 2, seed: 5, temperature: 1 });
    valid('createChatCompletion', 'application/json', r);
    expect(r.choices.map((c) => c.index)).toEqual([0, 1]);
  });

  it('never emits a stop sequence and stops there', async () => {
    const base = await openai.chat.completions.create({ model: MODEL, messages: user('Say words'), max_tokens: 40, seed: 11, temperature: 1 });
    const text = base.choices[0]!.message.content!;
    expect(text.length).toBeGreaterThan(8);
    const stop = text.slice(Math.floor(text.length / 2), Math.floor(text.length / 2) + 3);
    const cut = text.indexOf(stop);
    const r = await openai.chat.completions.create({ model: MODEL, messages: user('Say words'), max_tokens: 40, seed: 11, temperature: 1, stop: [stop] });
    expect(r.choices[0]!.message.content).toBe(text.slice(0, cut));
    expect(r.choices[0]!.finish_reason).toBe('stop');
    const s = await openai.chat.completions.create({ model: MODEL, messages: user('Say words'), max_tokens: 40, seed: 11, temperature: 1, stop: stop, stream: true });
    let streamed = '';
    for await (const c of s) streamed += c.choices[0]?.delta.content ?? '';
    expect(streamed).toBe(text.slice(0, cut));
  });

  const weatherTool = {
    type: 'function' as const,
    function: {
      name: 'get_weather',
      description: 'Weather for a city',
      parameters: { type: 'object', properties: { city: { type: 'string', enum: ['Paris', 'London', 'Tokyo'] }, days: { type: 'integer', minimum: 1, maximum: 7 } }, required: ['city', 'days'], additionalProperties: false },
    },
  };

  it('calls a tool (tool_choice required), arguments valid against the schema', async () => {
    const r = await openai.chat.completions.create({ model: MODEL, messages: user('Weather in Paris?'), tools: [weatherTool], tool_choice: 'required', seed: 3 });
    valid('createChatCompletion', 'application/json', r);
    const c = r.choices[0]!;
    expect(c.finish_reason).toBe('tool_calls');
    const call = c.message.tool_calls![0]! as any;
    expect(call.id).toMatch(/^call_/);
    expect(call.function.name).toBe('get_weather');
    const args = JSON.parse(call.function.arguments);
    expect(new Ajv2020().validate(weatherTool.function.parameters, args)).toBe(true);
  });

  it('streams tool calls as delta.tool_calls fragments (named tool_choice)', async () => {
    const s = await openai.chat.completions.create({
      model: MODEL, messages: user('Weather?'), tools: [weatherTool], tool_choice: { type: 'function', function: { name: 'get_weather' } }, seed: 4, stream: true,
    });
    let args = '';
    let name = '';
    let id = '';
    let finish: string | null = null;
    for await (const c of s) {
      valid('createChatCompletion', 'text/event-stream', c);
      for (const t of c.choices[0]?.delta.tool_calls ?? []) {
        expect(t.index).toBe(0);
        if (t.id) id = t.id;
        name += t.function?.name ?? '';
        args += t.function?.arguments ?? '';
      }
      finish = c.choices[0]?.finish_reason ?? finish;
    }
    expect(id).toMatch(/^call_/);
    expect(name).toBe('get_weather');
    expect(new Ajv2020().validate(weatherTool.function.parameters, JSON.parse(args))).toBe(true);
    expect(finish).toBe('tool_calls');
  });

  it('a tool result round trip is accepted', async () => {
    const r = await openai.chat.completions.create({
      model: MODEL,
      max_tokens: 10,
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'developer', content: 'Answer in one line.' },
        { role: 'user', content: 'Weather in Paris?' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris","days":1}' } }] },
        { role: 'tool', tool_call_id: 'call_1', content: '{"temp": 21}' },
      ],
      tools: [weatherTool],
    });
    valid('createChatCompletion', 'application/json', r);
  });

  it('json_schema output parses and validates; json_object parses', async () => {
    const schema = { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer' } }, required: ['name', 'age'], additionalProperties: false };
    const r = await openai.chat.completions.create({ model: MODEL, messages: user('A person'), response_format: { type: 'json_schema', json_schema: { name: 'person', schema, strict: true } }, seed: 2 });
    const parsed = JSON.parse(r.choices[0]!.message.content!);
    expect(new Ajv2020().validate(schema, parsed)).toBe(true);
    const o = await openai.chat.completions.create({ model: MODEL, messages: user('JSON please'), response_format: { type: 'json_object' }, seed: 2, max_tokens: 200 });
    expect(() => JSON.parse(o.choices[0]!.message.content!)).not.toThrow();
  });

  it('content parts: text is accepted, an image on a text-only model is a clear 400', async () => {
    const ok = await openai.chat.completions.create({ model: MODEL, max_tokens: 3, messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }, { type: 'text', text: 'there' }] }] });
    valid('createChatCompletion', 'application/json', ok);
    const err = await openai.chat.completions
      .create({ model: MODEL, messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } }] }] })
      .catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.BadRequestError);
    expect(err.error.param).toBe('messages');
  });

  it('an unknown model is 404 model_not_found', async () => {
    const err = await openai.chat.completions.create({ model: 'nope', messages: user('x') }).catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.NotFoundError);
    expect(err.code).toBe('model_not_found');
  });
});

describe('completions', () => {
  it('plain and streamed give the same text', async () => {
    const r = await openai.completions.create({ model: MODEL, prompt: 'Once upon a time', max_tokens: 16, seed: 9 });
    valid('createCompletion', 'application/json', r);
    expect(r.object).toBe('text_completion');
    const s = await openai.completions.create({ model: MODEL, prompt: 'Once upon a time', max_tokens: 16, seed: 9, stream: true });
    let text = '';
    for await (const c of s) {
      valid('createCompletion', 'text/event-stream', c);
      text += c.choices[0]?.text ?? '';
    }
    expect(text).toBe(r.choices[0]!.text);
    expect(r.usage!.completion_tokens).toBeGreaterThan(0);
  });
});

describe('embeddings', () => {
  it('float, batch, base64 and dimensions', async () => {
    const r = await openai.embeddings.create({ model: MODEL, input: ['hello world', 'goodbye'], encoding_format: 'float' });
    valid('createEmbedding', 'application/json', r);
    expect(r.data).toHaveLength(2);
    const v = r.data[0]!.embedding;
    expect(v.length).toBeGreaterThan(8);
    expect(r.usage.prompt_tokens).toBeGreaterThan(1);
    const raw = await json(await gw.req('/v1/embeddings', { method: 'POST', json: { model: MODEL, input: 'hello world', encoding_format: 'base64' } }));
    valid('createEmbedding', 'application/json', raw);
    const buf = Buffer.from(raw.data[0].embedding, 'base64');
    const decoded = Array.from(new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4));
    decoded.forEach((x, i) => expect(x).toBeCloseTo(v[i]!, 5));
    const short = await openai.embeddings.create({ model: MODEL, input: 'hello world', dimensions: 8, encoding_format: 'float' });
    expect(short.data[0]!.embedding).toHaveLength(8);
    const norm = Math.hypot(...short.data[0]!.embedding);
    expect(norm).toBeCloseTo(1, 4);
    const tokens = await openai.embeddings.create({ model: MODEL, input: [[1, 2, 3, 4]], encoding_format: 'float' });
    expect(tokens.data).toHaveLength(1);
  });
});

describe('engine behaviour', () => {
  it('aborting a stream stops generation', async () => {
    const ac = new AbortController();
    const s = await openai.chat.completions.create({ model: MODEL, messages: user('Go on forever'), max_tokens: 4000, stream: true, temperature: 1, seed: 77 }, { signal: ac.signal });
    let n = 0;
    try {
      for await (const _c of s) {
        if (++n === 5) ac.abort();
      }
    } catch {
      /* aborted */
    }
    await new Promise((r) => setTimeout(r, 300));
    const a = (await engineStats(gw, MODEL)).generatedTokens;
    await new Promise((r) => setTimeout(r, 500));
    expect((await engineStats(gw, MODEL)).generatedTokens).toBe(a);
  });

  it('a GGUF missing a required key is refused, and the gateway keeps serving', async () => {
    const bad = join(gw.dataDir, 'broken.gguf');
    // A GGUF header with only general.architecture: llama.cpp would abort the process on it.
    const kv = (key: string, value: string) => {
      const k = Buffer.from(key);
      const v = Buffer.from(value);
      const b = Buffer.alloc(8 + k.length + 4 + 8 + v.length);
      let o = b.writeBigUInt64LE(BigInt(k.length), 0);
      o += k.copy(b, o);
      o = b.writeUInt32LE(8, o);
      o = b.writeBigUInt64LE(BigInt(v.length), o);
      v.copy(b, o);
      return b;
    };
    const head = Buffer.alloc(24);
    head.write('GGUF', 0);
    head.writeUInt32LE(3, 4);
    head.writeBigUInt64LE(0n, 8);
    head.writeBigUInt64LE(1n, 16);
    writeFileSync(bad, Buffer.concat([head, kv('general.architecture', 'llama')]));
    const add = await gw.req('/admin/v1/models', { method: 'POST', json: { id: 'broken', engine: 'llama-cpp', settings: { path: bad }, capabilities: ['chat'] } });
    expect(add.status).toBe(201);
    const err = await openai.chat.completions.create({ model: 'broken', messages: user('x') }).catch((e) => e);
    expect(err.status).toBe(503);
    // The reason (native text, the file's path) goes to the log and the superadmin, never to members.
    expect(err.error.message).not.toMatch(/feed_forward_length|head_count|broken\.gguf/i);
    const status = await json(await gw.req('/admin/v1/models/broken'));
    expect(status.status.state).toBe('failed');
    expect(status.status.reason).toMatch(/feed_forward_length|head_count|missing/i);
    const ok = await openai.chat.completions.create({ model: MODEL, messages: user('still there?'), max_tokens: 3 });
    expect(ok.choices).toHaveLength(1);
  });
});

describe('queue overflow', () => {
  it('a full wait queue gives 503 with Retry-After', async () => {
    const small = await startTestGateway({ CORDON_LLAMA_SEQUENCES: '1', CORDON_LLAMA_QUEUE: '1' });
    try {
      const send = () =>
        small.req('/v1/chat/completions', { method: 'POST', json: { model: MODEL, messages: user('Long answer please'), max_tokens: 400, temperature: 1, seed: 1 } });
      await send(); // load the model first
      const results = await Promise.all(Array.from({ length: 6 }, send));
      const statuses = results.map((r) => r.status);
      expect(statuses).toContain(200);
      const refused = results.filter((r) => r.status === 503 || r.status === 429);
      expect(refused.length).toBeGreaterThan(0);
      for (const r of refused) {
        expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(contract.schema('ErrorResponse', await json(r))).toBeNull();
      }
    } finally {
      await small.stop();
    }
  });
});
