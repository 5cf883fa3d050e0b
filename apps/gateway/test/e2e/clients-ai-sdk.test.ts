// The Vercel AI SDK (`ai` with `@ai-sdk/openai-compatible` and `@ai-sdk/openai`), unchanged, against a
// started gateway through a domain-scoped base URL with a member key: text, streams, tools with a
// zod schema, structured output, embeddings, the Responses API and transcription.
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { APICallError, cosineSimilarity, embed, embedMany, experimental_transcribe as transcribe, generateObject, generateText, Output, stepCountIs, streamText, tool, type TextStreamPart, type ToolSet } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { makeDomainKey, startTestGateway, type TestGateway } from '../helpers.js';
import { recordingFetch } from '../support/recording-fetch.js';
import { pcmWav } from '../support/wav.js';

const MODEL = 'cordon-demo';
let gw: TestGateway;
let compat: ReturnType<typeof createOpenAICompatible>;
let official: ReturnType<typeof createOpenAI>;
/** Every request the SDKs sent, to check what reached the gateway. */
const recorder = recordingFetch();
const { sent } = recorder;
const lastBody = recorder.last;
/** What the AI SDK warned about (unsupported settings, compatibility modes), instead of logging it. */
const warnings: unknown[] = [];
Object.assign(globalThis, { AI_SDK_LOG_WARNINGS: (o: { warnings: unknown[] }) => warnings.push(...o.warnings) });

beforeAll(async () => {
  gw = await startTestGateway();
  const key = await makeDomainKey(gw, 'ai-sdk');
  const baseURL = `${gw.url}/proxy/ai-sdk/v1`;
  compat = createOpenAICompatible({ name: 'cordon', baseURL, apiKey: key.secret, includeUsage: true, supportsStructuredOutputs: true, fetch: recorder.fetch });
  official = createOpenAI({ baseURL, apiKey: key.secret, fetch: recorder.fetch });
});
afterAll(() => gw?.stop());

/** Reads a whole fullStream: an error part fails the test; returns the text and the part types. */
async function drain(parts: AsyncIterable<TextStreamPart<ToolSet>>) {
  let text = '';
  const types: string[] = [];
  for await (const p of parts) {
    if (p.type === 'error') throw p.error;
    if (p.type === 'text-delta') text += p.text;
    types.push(p.type);
  }
  return { text, types };
}

const weatherInput = z.object({ city: z.enum(['Paris', 'London', 'Tokyo']), days: z.number().int().min(1).max(7) });
const weather = tool({ description: 'Weather for a city', inputSchema: weatherInput });
// No string lengths (maxLength): the demo model's byte tokens can form invalid UTF-8 sequences that
// llama.cpp's grammar counts as one character but that decode to four U+FFFD each, so a grammar-bound
// string can come out longer than maxLength in JavaScript characters.
const person = z.object({ name: z.string(), age: z.number().int().min(0).max(120), tags: z.array(z.enum(['a', 'b', 'c'])).max(3) });

describe('@ai-sdk/openai-compatible', () => {
  it('generateText and streamText give the same text and usage for the same seed', async () => {
    const opts = { model: compat.chatModel(MODEL), prompt: 'Hello there', maxOutputTokens: 24, temperature: 0, seed: 7, maxRetries: 0 };
    const plain = await generateText(opts);
    expect(plain.text.length).toBeGreaterThan(0);
    expect(['stop', 'length']).toContain(plain.finishReason);
    expect(plain.usage.inputTokens).toBeGreaterThan(0);
    expect(plain.usage.outputTokens).toBeGreaterThan(0);
    expect(plain.response.modelId).toBe(MODEL);
    expect(lastBody('/chat/completions')).toMatchObject({ model: MODEL, max_tokens: 24, temperature: 0, seed: 7 });

    const stream = streamText(opts);
    const { text, types } = await drain(stream.fullStream);
    expect(types.filter((t) => t === 'text-delta').length).toBeGreaterThan(1);
    expect(text).toBe(plain.text);
    expect(await stream.text).toBe(plain.text);
    expect(await stream.finishReason).toBe(plain.finishReason);
    // includeUsage asks for stream_options.include_usage: the counts arrive in the last chunk.
    expect(lastBody('/chat/completions').stream_options).toEqual({ include_usage: true });
    const usage = await stream.usage;
    expect(usage.inputTokens).toBe(plain.usage.inputTokens);
    expect(usage.outputTokens).toBe(plain.usage.outputTokens);
  });

  it('system and multi-turn messages', async () => {
    const r = await generateText({
      model: compat.chatModel(MODEL),
      system: 'You are terse.',
      messages: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello.' },
        { role: 'user', content: [{ type: 'text', text: 'And now?' }] },
      ],
      maxOutputTokens: 8,
      maxRetries: 0,
    });
    expect(['stop', 'length']).toContain(r.finishReason);
    expect(typeof r.text).toBe('string');
    expect(lastBody('/chat/completions').messages.map((m: { role: string }) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    // Every turn reached the prompt: more input tokens than the last user message alone.
    const alone = await generateText({ model: compat.chatModel(MODEL), prompt: 'And now?', maxOutputTokens: 1, maxRetries: 0 });
    expect(r.usage.inputTokens).toBeGreaterThan(alone.usage.inputTokens! + 8);
  });

  it('a tool call with a zod schema (toolChoice required) parses and validates', async () => {
    const r = await generateText({ model: compat.chatModel(MODEL), prompt: 'Weather in Paris?', tools: { get_weather: weather }, toolChoice: 'required', seed: 3, maxRetries: 0 });
    expect(lastBody('/chat/completions').tool_choice).toBe('required');
    expect(r.finishReason).toBe('tool-calls');
    expect(r.toolCalls).toHaveLength(1);
    const call = r.toolCalls[0]!;
    expect(call.toolName).toBe('get_weather');
    expect(call.toolCallId).toMatch(/^call_/);
    expect(weatherInput.parse(call.input)).toEqual(call.input);
    expect(call.invalid).toBeFalsy();
  });

  it('a streamed tool call (named tool), then the tool result round trip in a second step', async () => {
    const calls: unknown[] = [];
    const stream = streamText({
      model: compat.chatModel(MODEL),
      prompt: 'Weather?',
      tools: {
        get_weather: tool({
          ...weather,
          execute: async (input) => {
            calls.push(input);
            return { temperature: 21 };
          },
        }),
      },
      toolChoice: { type: 'tool', toolName: 'get_weather' },
      // The second step answers in text with the tool result in its messages.
      prepareStep: ({ stepNumber }) => (stepNumber === 1 ? { toolChoice: 'none' } : undefined),
      stopWhen: stepCountIs(2),
      maxOutputTokens: 60,
      seed: 4,
      maxRetries: 0,
    });
    const parts = (await drain(stream.fullStream)).types;
    expect(parts).toContain('tool-input-delta');
    expect(parts).toContain('tool-call');
    expect(parts).toContain('tool-result');
    expect(calls).toHaveLength(1);
    expect(weatherInput.parse(calls[0])).toEqual(calls[0]);
    const steps = await stream.steps;
    expect(steps).toHaveLength(2);
    expect(steps[0]!.finishReason).toBe('tool-calls');
    const second = lastBody('/chat/completions');
    expect(second.tool_choice).toBe('none');
    expect(second.messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant', 'tool']);
    expect(second.messages[2].tool_call_id).toBe(steps[0]!.toolCalls[0]!.toolCallId);
  });

  it('structured output: generateObject, Output.object in generateText and streamText', async () => {
    const obj = await generateObject({ model: compat.chatModel(MODEL), schema: person, schemaName: 'person', prompt: 'A person', seed: 2, maxRetries: 0 });
    expect(lastBody('/chat/completions').response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'person' } });
    expect(person.parse(obj.object)).toEqual(obj.object);

    const out = await generateText({ model: compat.chatModel(MODEL), output: Output.object({ schema: person }), prompt: 'Another person', seed: 5, maxRetries: 0 });
    expect(person.parse(out.output)).toEqual(out.output);

    const stream = streamText({ model: compat.chatModel(MODEL), output: Output.object({ schema: person }), prompt: 'Another person', seed: 5, maxRetries: 0 });
    let partials = 0;
    for await (const _p of stream.partialOutputStream) partials++;
    expect(partials).toBeGreaterThan(0);
    // The same seed, streamed: the same object.
    expect(await stream.output).toEqual(out.output);
  });

  it("Cordon's errors surface as the SDK's APICallError with the gateway's message", async () => {
    const err = await generateText({ model: compat.chatModel('no-such-model'), prompt: 'x', maxRetries: 0 }).catch((e: unknown) => e);
    expect(APICallError.isInstance(err)).toBe(true);
    const e = err as APICallError;
    expect(e.statusCode).toBe(404);
    expect(e.isRetryable).toBe(false);
    expect(e.message).toMatch(/no-such-model/);
    expect(JSON.parse(e.responseBody!).error.code).toBe('model_not_found');
  });

  it('embed and embedMany', async () => {
    const one = await embed({ model: compat.embeddingModel(MODEL), value: 'hello world', maxRetries: 0 });
    expect(one.embedding.length).toBeGreaterThan(8);
    expect(one.usage.tokens).toBeGreaterThan(0);
    const many = await embedMany({ model: compat.embeddingModel(MODEL), values: ['hello world', 'goodbye', 'again'], maxRetries: 0 });
    expect(many.embeddings).toHaveLength(3);
    // The same input embeds the same, in a batch or alone.
    // Each vector is its own input's, in order (a batch may differ from a single call in the last bits).
    expect(cosineSimilarity(many.embeddings[0]!, one.embedding)).toBeGreaterThan(0.9999);
    expect(cosineSimilarity(many.embeddings[1]!, one.embedding)).toBeLessThan(0.9999);
  });
});

describe('@ai-sdk/openai', () => {
  it('the chat model: generateText and streamText agree', async () => {
    const opts = { model: official.chat(MODEL), prompt: 'Hello there', maxOutputTokens: 20, temperature: 0, seed: 9, maxRetries: 0 };
    const plain = await generateText(opts);
    expect(sent.at(-1)!.path).toBe('/proxy/ai-sdk/v1/chat/completions');
    const stream = streamText(opts);
    expect((await drain(stream.fullStream)).text).toBe(plain.text);
    expect((await stream.usage).outputTokens).toBe(plain.usage.outputTokens);
  });

  it('the default model speaks the Responses API: text, stream, tools, structured output, previous response', async () => {
    // (The Responses API has no seed: temperature 0 makes it deterministic.)
    const opts = { model: official(MODEL), prompt: 'Tell me a story', maxOutputTokens: 16, temperature: 0, maxRetries: 0 };
    const plain = await generateText(opts);
    expect(sent.at(-1)!.path).toBe('/proxy/ai-sdk/v1/responses');
    expect(plain.text.length).toBeGreaterThan(0);
    const responseId = plain.providerMetadata?.openai?.responseId;
    expect(String(responseId)).toMatch(/^resp_/);

    const stream = streamText(opts);
    expect((await drain(stream.fullStream)).text).toBe(plain.text);
    expect((await stream.usage).outputTokens).toBe(plain.usage.outputTokens);

    const next = await generateText({ model: official(MODEL), prompt: 'Go on', maxOutputTokens: 8, providerOptions: { openai: { previousResponseId: String(responseId) } }, maxRetries: 0 });
    expect(lastBody('/responses').previous_response_id).toBe(responseId);
    expect(String(next.providerMetadata?.openai?.responseId)).toMatch(/^resp_/);
    expect(next.providerMetadata?.openai?.responseId).not.toBe(responseId);
    expect(next.usage.inputTokens).toBeGreaterThan(plain.usage.inputTokens! + plain.usage.outputTokens!);

    const called = await generateText({ model: official(MODEL), prompt: 'Weather in Tokyo?', tools: { get_weather: weather }, toolChoice: 'required', maxRetries: 0 });
    expect(called.toolCalls[0]!.toolName).toBe('get_weather');
    expect(called.toolCalls[0]!.invalid).toBeFalsy();
    expect(weatherInput.parse(called.toolCalls[0]!.input)).toEqual(called.toolCalls[0]!.input);
    const streamedCall = streamText({ model: official(MODEL), prompt: 'Weather in London?', tools: { get_weather: weather }, toolChoice: { type: 'tool', toolName: 'get_weather' }, maxRetries: 0 });
    expect((await drain(streamedCall.fullStream)).types).toContain('tool-input-delta');
    const [streamedArgs] = await streamedCall.toolCalls;
    expect(streamedArgs!.invalid).toBeFalsy();
    expect(weatherInput.parse(streamedArgs!.input)).toEqual(streamedArgs!.input);

    const obj = await generateObject({ model: official(MODEL), schema: person, schemaName: 'person', prompt: 'A person', maxRetries: 0 });
    expect(lastBody('/responses').text.format).toMatchObject({ type: 'json_schema', name: 'person' });
    expect(person.parse(obj.object)).toEqual(obj.object);
  });

  it('embeddings and transcription', async () => {
    const e = await embedMany({ model: official.embedding(MODEL), values: ['hello world', 'goodbye'], maxRetries: 0 });
    expect(e.embeddings).toHaveLength(2);
    const t = await transcribe({ model: official.transcription('cordon-demo-whisper'), audio: pcmWav({ seconds: 2, freq: 440 }), maxRetries: 0 });
    expect(t.text.length).toBeGreaterThan(0);
    expect(t.durationInSeconds).toBe(2);
    // Nothing in any call made the SDK fall back or drop a setting.
    expect(warnings).toEqual([]);
  });
});
