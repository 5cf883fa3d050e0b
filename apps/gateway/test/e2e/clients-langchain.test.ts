// LangChain JS (`@langchain/openai` with `@langchain/core`), unchanged, against a started gateway
// through a domain-scoped base URL with a member key: invoke, stream, bindTools, withStructuredOutput
// and embeddings, on chat completions and on the Responses API.
import { AIMessage, AIMessageChunk, HumanMessage, SystemMessage, ToolMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosineSimilarity } from 'ai';
import { z } from 'zod';
import { makeDomainKey, startTestGateway, type TestGateway } from '../helpers.js';
import { recordingFetch } from '../support/recording-fetch.js';

const MODEL = 'cordon-demo';
let gw: TestGateway;
let apiKey: string;
let baseURL: string;
const recorder = recordingFetch();

beforeAll(async () => {
  gw = await startTestGateway();
  apiKey = (await makeDomainKey(gw, 'langchain')).secret;
  baseURL = `${gw.url}/proxy/langchain/v1`;
});
afterAll(() => gw?.stop());

const chat = (fields: ConstructorParameters<typeof ChatOpenAI>[0] = {}) =>
  new ChatOpenAI({ model: MODEL, apiKey, configuration: { baseURL, fetch: recorder.fetch }, maxRetries: 0, ...fields });

const weatherInput = z.object({ city: z.enum(['Paris', 'London', 'Tokyo']), days: z.number().int().min(1).max(7) });
const getWeather = tool(async ({ city, days }) => JSON.stringify({ city, days, temperature: 21 }), {
  name: 'get_weather',
  description: 'Weather for a city',
  schema: weatherInput,
});
// No string lengths: see the note in clients-ai-sdk.test.ts.
const person = z.object({ name: z.string(), age: z.number().int().min(0).max(120), tags: z.array(z.enum(['a', 'b', 'c'])).max(3) });

/** The text of a stream's chunks, concatenated, and the merged message. */
async function collect(stream: AsyncIterable<AIMessageChunk>) {
  let merged: AIMessageChunk | undefined;
  let text = '';
  let chunks = 0;
  for await (const c of stream) {
    chunks++;
    text += c.text;
    merged = merged ? merged.concat(c) : c;
  }
  return { text, merged: merged!, chunks };
}

describe('ChatOpenAI on chat completions', () => {
  it('invoke and stream give the same text and usage for the same seed', async () => {
    const model = chat({ temperature: 0, maxTokens: 24 });
    const messages = [new SystemMessage('You are terse.'), new HumanMessage('Hello there')];
    const plain = await model.invoke(messages, { seed: 7 });
    expect(recorder.last('/chat/completions')).toMatchObject({ model: MODEL, temperature: 0, max_tokens: 24, seed: 7 });
    expect(plain.text.length).toBeGreaterThan(0);
    expect(plain.response_metadata.finish_reason).toMatch(/stop|length/);
    expect(plain.usage_metadata!.input_tokens).toBeGreaterThan(0);
    expect(plain.usage_metadata!.total_tokens).toBe(plain.usage_metadata!.input_tokens + plain.usage_metadata!.output_tokens);

    const streamed = await collect(await model.stream(messages, { seed: 7 }));
    expect(recorder.last('/chat/completions')).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(streamed.chunks).toBeGreaterThan(2);
    expect(streamed.text).toBe(plain.text);
    expect(streamed.merged.usage_metadata).toMatchObject({ input_tokens: plain.usage_metadata!.input_tokens, output_tokens: plain.usage_metadata!.output_tokens });
  });

  it('bindTools with a zod schema: a valid call, then the tool result round trip', async () => {
    const model = chat().bindTools([getWeather], { tool_choice: 'required', seed: 3 });
    const question = new HumanMessage('Weather in Paris?');
    const ai = await model.invoke([question]);
    expect(recorder.last('/chat/completions').tool_choice).toBe('required');
    expect(ai.tool_calls).toHaveLength(1);
    const call = ai.tool_calls![0]!;
    expect(call.name).toBe('get_weather');
    expect(call.id).toMatch(/^call_/);
    expect(weatherInput.parse(call.args)).toEqual(call.args);
    expect(ai.invalid_tool_calls ?? []).toEqual([]);

    // The tool runs on the parsed arguments; its message goes back with the assistant's call.
    const result: ToolMessage = await getWeather.invoke(call);
    expect(result.tool_call_id).toBe(call.id);
    const answer = await chat({ maxTokens: 8 }).bindTools([getWeather]).invoke([question, ai, result]);
    expect(AIMessage.isInstance(answer)).toBe(true);
    const sent = recorder.last('/chat/completions').messages;
    expect(sent.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant', 'tool']);
    expect(sent[1].tool_calls[0].id).toBe(call.id);
    expect(sent[2].tool_call_id).toBe(call.id);
  });

  it('a streamed tool call (named tool) merges into valid arguments', async () => {
    const model = chat().bindTools([getWeather], { tool_choice: 'get_weather', seed: 4 });
    const { merged, chunks } = await collect(await model.stream('Weather?'));
    expect(recorder.last('/chat/completions').tool_choice).toEqual({ type: 'function', function: { name: 'get_weather' } });
    expect(chunks).toBeGreaterThan(2);
    expect(merged.tool_calls).toHaveLength(1);
    expect(merged.tool_calls![0]!.name).toBe('get_weather');
    expect(weatherInput.parse(merged.tool_calls![0]!.args)).toEqual(merged.tool_calls![0]!.args);
  });

  it('withStructuredOutput: json_schema (the default) and function calling', async () => {
    const structured = chat().withStructuredOutput(person, { name: 'person' });
    const p = await structured.invoke('A person');
    expect(recorder.last('/chat/completions').response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'person' } });
    expect(person.parse(p)).toEqual(p);

    const viaTool = chat().withStructuredOutput(person, { name: 'person', method: 'functionCalling', includeRaw: true });
    const r = await viaTool.invoke('A person');
    expect(recorder.last('/chat/completions').tool_choice).toEqual({ type: 'function', function: { name: 'person' } });
    expect(person.parse(r.parsed)).toEqual(r.parsed);
    expect(AIMessage.isInstance(r.raw)).toBe(true);
  });
});

describe('ChatOpenAI on the Responses API', () => {
  it('invoke, stream, previous_response_id, a tool call and structured output', async () => {
    const model = chat({ useResponsesApi: true, temperature: 0, maxTokens: 16 });
    const plain = await model.invoke('Tell me a story');
    expect(recorder.sent.at(-1)!.path).toBe('/proxy/langchain/v1/responses');
    expect(plain.text.length).toBeGreaterThan(0);
    expect(plain.id).toMatch(/^resp_/);
    const streamed = await collect(await model.stream('Tell me a story'));
    expect(streamed.text).toBe(plain.text);
    expect(streamed.merged.usage_metadata?.output_tokens).toBe(plain.usage_metadata?.output_tokens);
    const next = await model.invoke('Go on', { previous_response_id: plain.id });
    expect(recorder.last('/responses').previous_response_id).toBe(plain.id);
    expect(next.usage_metadata!.input_tokens).toBeGreaterThan(plain.usage_metadata!.input_tokens + plain.usage_metadata!.output_tokens);

    // A named tool: on the Responses API, @langchain/openai 1.5.8 drops a string tool_choice
    // ('required', 'auto', 'none') from the request; only a named or built-in choice is sent.
    const called = await chat({ useResponsesApi: true }).bindTools([getWeather], { tool_choice: 'get_weather' }).invoke('Weather in Tokyo?');
    expect(recorder.last('/responses').tool_choice).toEqual({ type: 'function', name: 'get_weather' });
    expect(called.tool_calls![0]!.name).toBe('get_weather');
    expect(weatherInput.parse(called.tool_calls![0]!.args)).toEqual(called.tool_calls![0]!.args);

    const p = await chat({ useResponsesApi: true }).withStructuredOutput(person, { name: 'person' }).invoke('A person');
    expect(recorder.last('/responses').text.format).toMatchObject({ type: 'json_schema', name: 'person' });
    expect(person.parse(p)).toEqual(p);
  });
});

describe('errors', () => {
  it("an unknown model raises LangChain's MODEL_NOT_FOUND with the gateway's message", async () => {
    const err = await chat({ model: 'no-such-model' }).invoke('x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({ status: 404, lc_error_code: 'MODEL_NOT_FOUND' });
    expect((err as Error).message).toMatch(/no-such-model/);
  });
});

describe('OpenAIEmbeddings', () => {
  it('embedQuery and embedDocuments agree', async () => {
    const embeddings = new OpenAIEmbeddings({ model: MODEL, apiKey, configuration: { baseURL, fetch: recorder.fetch }, maxRetries: 0 });
    const one = await embeddings.embedQuery('hello world');
    expect(one.length).toBeGreaterThan(8);
    const many = await embeddings.embedDocuments(['hello world', 'goodbye', 'again']);
    expect(many).toHaveLength(3);
    // Each vector is its own input's, in order (a batch may differ from a single call in the last bits).
    expect(cosineSimilarity(many[0]!, one)).toBeGreaterThan(0.9999);
    expect(cosineSimilarity(many[1]!, one)).toBeLessThan(0.9999);
    const short = await new OpenAIEmbeddings({ model: MODEL, apiKey, configuration: { baseURL }, dimensions: 8, maxRetries: 0 }).embedQuery('hello world');
    expect(short).toHaveLength(8);
  });
});
