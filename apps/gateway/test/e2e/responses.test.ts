// The Responses API on the embedded engine, through the official `openai` SDK. Every JSON body and
// every stream event is validated against the contract.
import OpenAI from 'openai';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, makeDomainKey, startTestGateway, type TestGateway } from '../helpers.js';

let gw: TestGateway;
let openai: OpenAI;
const MODEL = 'cordon-demo';

beforeAll(async () => {
  gw = await startTestGateway();
  openai = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: gw.adminKey, maxRetries: 0 });
});
afterAll(() => gw?.stop());

const valid = (body: unknown) => expect(contract.response('createResponse', 200, 'application/json', body)).toBeNull();

describe('responses', () => {
  it('plain text in, a stored response out; retrieve and delete', async () => {
    const r = await openai.responses.create({ model: MODEL, input: 'Tell me a story', instructions: 'Be brief.', max_output_tokens: 16, temperature: 1, seed: 1 } as any);
    valid(r);
    expect(r.object).toBe('response');
    expect(['completed', 'incomplete']).toContain(r.status);
    expect(r.output[0]!.type).toBe('message');
    expect(r.usage!.input_tokens).toBeGreaterThan(0);
    expect(r.usage!.total_tokens).toBe(r.usage!.input_tokens + r.usage!.output_tokens);
    if (r.status === 'incomplete') expect(r.incomplete_details).toEqual({ reason: 'max_output_tokens' });
    const got = await openai.responses.retrieve(r.id);
    expect(contract.response('getResponse', 200, 'application/json', got)).toBeNull();
    expect(got.id).toBe(r.id);
    expect((got.output[0] as any).content[0].text).toBe((r.output[0] as any).content[0].text);
    await openai.responses.delete(r.id);
    const gone = await openai.responses.retrieve(r.id).catch((e) => e);
    expect(gone.status).toBe(404);
  });

  it('store: false is not retrievable', async () => {
    const r = await openai.responses.create({ model: MODEL, input: 'x', max_output_tokens: 2, store: false });
    expect((await openai.responses.retrieve(r.id).catch((e) => e)).status).toBe(404);
  });

  it('streams the exact event sequence, with sequence numbers', async () => {
    const stream = await openai.responses.create({ model: MODEL, input: 'Hello', max_output_tokens: 12, stream: true, temperature: 1, seed: 2 } as any);
    const events: any[] = [];
    for await (const ev of stream) {
      expect(contract.response('createResponse', 200, 'text/event-stream', ev)).toBeNull();
      events.push(ev);
    }
    const types = events.map((e) => e.type);
    expect(types.slice(0, 4)).toEqual(['response.created', 'response.in_progress', 'response.output_item.added', 'response.content_part.added']);
    expect(types).toContain('response.output_text.delta');
    const tail = types.slice(-4);
    expect(tail).toEqual(['response.output_text.done', 'response.content_part.done', 'response.output_item.done', expect.stringMatching(/^response\.(completed|incomplete)$/)]);
    expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, i) => i));
    const text = events.filter((e) => e.type === 'response.output_text.delta').map((e) => e.delta).join('');
    expect(events.at(-1).response.output[0].content[0].text).toBe(text);
  });

  it('a function tool round trip: call, then function_call_output with previous_response_id', async () => {
    const tools = [{ type: 'function' as const, name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string', enum: ['Paris', 'Rome'] } }, required: ['city'], additionalProperties: false }, strict: true }];
    const first = await openai.responses.create({ model: MODEL, input: [{ role: 'user', content: 'Weather in Paris?' }], tools, tool_choice: 'required' });
    valid(first);
    const call = first.output.find((o) => o.type === 'function_call') as any;
    expect(call.name).toBe('get_weather');
    expect(new Ajv2020().validate(tools[0]!.parameters, JSON.parse(call.arguments))).toBe(true);
    const second = await openai.responses.create({
      model: MODEL,
      previous_response_id: first.id,
      input: [{ type: 'function_call_output', call_id: call.call_id, output: '{"temperature": 21}' }],
      max_output_tokens: 8,
    });
    valid(second);
    expect(second.previous_response_id).toBe(first.id);
    expect(second.output[0]!.type).toBe('message');
  });

  it('streams a function call as function_call_arguments events', async () => {
    const tools = [{ type: 'function' as const, name: 'pick', parameters: { type: 'object', properties: { n: { type: 'integer', minimum: 1, maximum: 5 } }, required: ['n'] }, strict: false }];
    const stream = await openai.responses.create({ model: MODEL, input: 'Pick', tools, tool_choice: { type: 'function', name: 'pick' }, stream: true });
    const events: any[] = [];
    for await (const ev of stream) {
      expect(contract.response('createResponse', 200, 'text/event-stream', ev)).toBeNull();
      events.push(ev);
    }
    const deltas = events.filter((e) => e.type === 'response.function_call_arguments.delta').map((e) => e.delta).join('');
    const done = events.find((e) => e.type === 'response.function_call_arguments.done');
    expect(done.arguments).toBe(deltas);
    expect(done.name).toBe('pick');
    expect(JSON.parse(done.arguments).n).toBeGreaterThanOrEqual(1);
  });

  it('json_schema output parses and validates', async () => {
    const schema = { type: 'object', properties: { color: { type: 'string', enum: ['red', 'green'] }, size: { type: 'integer', minimum: 1, maximum: 3 } }, required: ['color', 'size'], additionalProperties: false };
    const r = await openai.responses.create({ model: MODEL, input: 'A thing', text: { format: { type: 'json_schema', name: 'thing', schema, strict: true } } });
    valid(r);
    expect(new Ajv2020().validate(schema, JSON.parse(r.output_text))).toBe(true);
  });

  it("another domain's key gets 404 for the same id, and a missing previous_response_id is 404", async () => {
    const r = await openai.responses.create({ model: MODEL, input: 'secret plans', max_output_tokens: 2 });
    const other = await makeDomainKey(gw, 'elsewhere');
    const client = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: other.secret, maxRetries: 0 });
    expect((await client.responses.retrieve(r.id).catch((e) => e)).status).toBe(404);
    expect((await client.responses.delete(r.id).catch((e) => e)).status).toBe(404);
    const cont = await client.responses.create({ model: MODEL, input: 'more', previous_response_id: r.id }).catch((e) => e);
    expect(cont.status).toBe(404);
    expect((await openai.responses.retrieve(r.id)).id).toBe(r.id);
  });
});
