// The official `openai` SDK the way users point it at Cordon: a domain-scoped base URL and a member
// key (the other openai-SDK tests use /v1 with the superadmin key). Chat, the SDK's own helpers
// (stream, parse, runTools), Responses (plain, streamed, retrieve, previous_response_id), audio
// (json, verbose_json, streamed) and embeddings with the SDK's defaults. Every body and event is
// validated against the contract and OpenAI's description.
import OpenAI, { toFile } from 'openai';
import { zodFunction, zodResponseFormat, zodTextFormat } from 'openai/helpers/zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, makeDomainKey, startTestGateway, type TestGateway } from '../helpers.js';
import { recordingFetch } from '../support/recording-fetch.js';
import { pcmWav } from '../support/wav.js';

const MODEL = 'cordon-demo';
const WHISPER = 'cordon-demo-whisper';
let gw: TestGateway;
let openai: OpenAI;
const recorder = recordingFetch();
const valid = (op: string, mediaType: string, body: unknown) => expect(contract.response(op, 200, mediaType, body)).toBeNull();
// 2 s of audio: one whisper window, decoded greedily, the same text every time.
const speech = () => toFile(pcmWav({ seconds: 2, freq: 300 }), 'speech.wav', { type: 'audio/wav' });
const person = z.object({ name: z.string(), age: z.number().int().min(0).max(120) });

beforeAll(async () => {
  gw = await startTestGateway();
  const key = await makeDomainKey(gw, 'sdk');
  openai = new OpenAI({ baseURL: `${gw.url}/proxy/sdk/v1`, apiKey: key.secret, maxRetries: 0, fetch: recorder.fetch });
});
afterAll(() => gw?.stop());

describe('chat', () => {
  it('streamed deltas equal the plain answer for the same seed at temperature 0; headers reach the SDK', async () => {
    const body = { model: MODEL, messages: [{ role: 'user' as const, content: 'Hello there' }], max_tokens: 24, temperature: 0, seed: 5 };
    const { data: plain, response } = await openai.chat.completions.create(body).withResponse();
    valid('createChatCompletion', 'application/json', plain);
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    const stream = await openai.chat.completions.create({ ...body, stream: true, stream_options: { include_usage: true } });
    let text = '';
    let usage: OpenAI.CompletionUsage | undefined | null;
    for await (const c of stream) {
      valid('createChatCompletion', 'text/event-stream', c);
      text += c.choices[0]?.delta.content ?? '';
      usage = c.usage ?? usage;
    }
    expect(text).toBe(plain.choices[0]!.message.content);
    expect(usage).toEqual(plain.usage);
  });

  it("the SDK's stream helper (events, finalChatCompletion) and models.list", async () => {
    const runner = openai.chat.completions.stream({ model: MODEL, messages: [{ role: 'user', content: 'Hi' }], max_tokens: 12, temperature: 0, seed: 6 });
    let fromEvents = '';
    runner.on('content.delta', (e) => (fromEvents += e.delta));
    const final = await runner.finalChatCompletion();
    expect(final.choices[0]!.message.content).toBe(fromEvents);
    const models = await openai.models.list();
    expect(models.data.map((m) => m.id)).toEqual(expect.arrayContaining([MODEL, WHISPER]));
  });

  it('chat.completions.parse with zodResponseFormat and a strict zodFunction tool', async () => {
    const parsed = await openai.chat.completions.parse({ model: MODEL, messages: [{ role: 'user', content: 'A person' }], response_format: zodResponseFormat(person, 'person'), seed: 2 });
    expect(recorder.last('/chat/completions').response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'person', strict: true } });
    const p = parsed.choices[0]!.message.parsed!;
    expect(person.parse(p)).toEqual(p);

    const weather = z.object({ city: z.enum(['Paris', 'London']), days: z.number().int().min(1).max(7) });
    const called = await openai.chat.completions.parse({ model: MODEL, messages: [{ role: 'user', content: 'Weather?' }], tools: [zodFunction({ name: 'get_weather', parameters: weather })], tool_choice: 'required', seed: 3 });
    const args = called.choices[0]!.message.tool_calls![0]!;
    expect(args.type).toBe('function');
    if (args.type === 'function') expect(weather.parse(args.function.parsed_arguments)).toEqual(args.function.parsed_arguments);
  });

  it('runTools: the SDK parses the forced call and runs the function on it', async () => {
    const seen: unknown[] = [];
    const runner = openai.chat.completions.runTools({
      model: MODEL,
      messages: [{ role: 'user', content: 'Weather in Paris?' }],
      max_tokens: 40,
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'Weather for a city',
            parameters: { type: 'object', properties: { city: { type: 'string', enum: ['Paris', 'London'] } }, required: ['city'], additionalProperties: false },
            function: (args: { city: string }) => {
              seen.push(args);
              return { temperature: 21 };
            },
            parse: JSON.parse,
          },
        },
      ],
      // A named tool_choice: the SDK calls that function once and ends the run.
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
    });
    await runner.done();
    expect(seen).toHaveLength(1);
    expect(['Paris', 'London']).toContain((seen[0] as { city: string }).city);
    expect(runner.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool']);
    expect(runner.messages[2]).toMatchObject({ role: 'tool', content: '{"temperature":21}' });
  });
});

describe('responses', () => {
  it('plain, streamed (the same text), retrieved, and continued with previous_response_id', async () => {
    const body = { model: MODEL, input: 'Tell me a story', instructions: 'Be brief.', max_output_tokens: 16, temperature: 0 };
    const plain = await openai.responses.create(body);
    valid('createResponse', 'application/json', plain);
    expect(plain.output_text.length).toBeGreaterThan(0);

    const stream = await openai.responses.create({ ...body, stream: true });
    let deltas = '';
    let completed: OpenAI.Responses.Response | undefined;
    for await (const ev of stream) {
      valid('createResponse', 'text/event-stream', ev);
      if (ev.type === 'response.output_text.delta') deltas += ev.delta;
      if (ev.type === 'response.completed' || ev.type === 'response.incomplete') completed = ev.response;
    }
    expect(deltas).toBe(plain.output_text);
    // A streamed response is stored like any other: retrieve gives the same output.
    const got = await openai.responses.retrieve(completed!.id);
    valid('getResponse', 'application/json', got);
    expect(got.output_text).toBe(deltas);
    expect(got.usage).toEqual(completed!.usage);

    const next = await openai.responses.create({ model: MODEL, previous_response_id: got.id, input: 'Go on', max_output_tokens: 8 });
    valid('createResponse', 'application/json', next);
    expect(next.previous_response_id).toBe(got.id);
    // The earlier turn is part of the prompt.
    expect(next.usage!.input_tokens).toBeGreaterThan(got.usage!.input_tokens + got.usage!.output_tokens);
  });

  it("the SDK's responses.stream helper and responses.parse with zodTextFormat", async () => {
    const runner = openai.responses.stream({ model: MODEL, input: 'Hello', max_output_tokens: 12, temperature: 0 });
    let text = '';
    runner.on('response.output_text.delta', (e) => (text += e.delta));
    const final = await runner.finalResponse();
    expect(final.output_text).toBe(text);
    const parsed = await openai.responses.parse({ model: MODEL, input: 'A person', text: { format: zodTextFormat(person, 'person') } });
    expect(person.parse(parsed.output_parsed)).toEqual(parsed.output_parsed);
  });
});

describe('audio', () => {
  it('json, verbose_json and streamed: the deltas, concatenated, equal the final text and the plain transcript exactly', async () => {
    const plain = await openai.audio.transcriptions.create({ file: await speech(), model: WHISPER, language: 'en' });
    valid('createTranscription', 'application/json', plain);
    expect(plain.text.length).toBeGreaterThan(0);
    const verbose = await openai.audio.transcriptions.create({ file: await speech(), model: WHISPER, language: 'en', response_format: 'verbose_json', timestamp_granularities: ['segment'] });
    valid('createTranscription', 'application/json', verbose);
    expect(verbose.text).toBe(plain.text);
    expect(verbose.duration).toBe(2);
    expect(verbose.segments!.length).toBeGreaterThan(0);

    const stream = await openai.audio.transcriptions.create({ file: await speech(), model: WHISPER, language: 'en', stream: true });
    let deltas = '';
    let done: string | undefined;
    for await (const ev of stream) {
      valid('createTranscription', 'text/event-stream', ev);
      if (ev.type === 'transcript.text.delta') deltas += ev.delta;
      else done = ev.text;
    }
    expect(deltas).toBe(done);
    expect(done).toBe(plain.text);
  });

  it('a long streamed transcript: a delta per segment, concatenated exactly into the final text', async () => {
    // 40 s: two whisper windows, so at least two deltas, the later ones starting with their space.
    const file = await toFile(pcmWav({ seconds: 40, freq: 300 }), 'long.wav', { type: 'audio/wav' });
    const stream = await openai.audio.transcriptions.create({ file, model: WHISPER, language: 'en', stream: true });
    const deltas: string[] = [];
    let done: string | undefined;
    for await (const ev of stream) {
      if (ev.type === 'transcript.text.delta') deltas.push(ev.delta);
      else done = ev.text;
    }
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(done);
    expect(done).toBe(done!.trim());
  });
});

describe('embeddings', () => {
  it("the SDK's default (it asks for base64 and decodes) equals float", async () => {
    const byDefault = await openai.embeddings.create({ model: MODEL, input: ['hello world', 'goodbye'] });
    expect(recorder.last('/embeddings').encoding_format).toBe('base64');
    const floats = await openai.embeddings.create({ model: MODEL, input: ['hello world', 'goodbye'], encoding_format: 'float' });
    valid('createEmbedding', 'application/json', floats);
    expect(byDefault.data.map((d) => d.embedding.length)).toEqual(floats.data.map((d) => d.embedding.length));
    byDefault.data[1]!.embedding.forEach((x, i) => expect(x).toBeCloseTo(floats.data[1]!.embedding[i]!, 5));
    expect(byDefault.usage).toEqual(floats.usage);
  });
});

describe('scope', () => {
  it("a member key is refused on another domain's base URL, in OpenAI's error shape", async () => {
    await makeDomainKey(gw, 'other');
    const elsewhere = new OpenAI({ baseURL: `${gw.url}/proxy/other/v1`, apiKey: openai.apiKey, maxRetries: 0 });
    const err = await elsewhere.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.APIError);
    const apiErr = err as InstanceType<typeof OpenAI.APIError>;
    expect(err).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect(apiErr.status).toBe(403);
    expect(apiErr.code).toBe('domain_forbidden');
    expect(contract.schema('ErrorResponse', { error: apiErr.error })).toBeNull();
  });
});
