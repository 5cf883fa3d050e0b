// The generated router alone (no gateway): contract validation, error shapes, 404/413/415/501.
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { openapiSpec } from '@cordon/contract';
import { createContractValidator } from '@cordon/contract/testing';
import { createApiRouter, operationDefs, type Handlers } from '../src/index.js';

const contract = createContractValidator();

function app(handlers: Handlers<null> = {}) {
  const a = express();
  a.use(createApiRouter(handlers, { spec: openapiSpec, context: () => null, validateResponses: true, jsonLimit: '10mb' }));
  return a;
}

const chatBody = { model: 'cordon-demo', messages: [{ role: 'user', content: 'Hello' }] };
const okChat: Handlers<null>['createChatCompletion'] = (req, res) => {
  res.json({
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1,
    model: req.body.model,
    choices: [{ index: 0, message: { role: 'assistant', content: 'hi', refusal: null }, logprobs: null, finish_reason: 'stop' }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  });
};

function expectErrorShape(body: unknown) {
  expect(contract.schema('ErrorResponse', body)).toBeNull();
}

describe('generated router', () => {
  it('registers every operation of the contract on its routes', () => {
    const ids = contract.operations().map((o) => o.operationId).sort();
    expect(Object.keys(operationDefs).sort()).toEqual(ids);
    expect(operationDefs.createChatCompletion.routes).toEqual(['/v1/chat/completions', '/proxy/:domain_id/v1/chat/completions']);
    expect(operationDefs.listDomains.routes).toEqual(['/admin/v1/domains']);
  });

  it('passes a valid request to the typed handler, on both server prefixes', async () => {
    const a = app({ createChatCompletion: okChat });
    for (const path of ['/v1/chat/completions', '/proxy/acme/v1/chat/completions']) {
      const res = await request(a).post(path).send(chatBody);
      expect(res.status).toBe(200);
      expect(contract.response('createChatCompletion', 200, 'application/json', res.body)).toBeNull();
    }
  });

  it('accepts unknown request fields (they are forwarded to upstreams)', async () => {
    const res = await request(app({ createChatCompletion: okChat })).post('/v1/chat/completions').send({ ...chatBody, top_k: 40, chat_template_kwargs: { x: 1 } });
    expect(res.status).toBe(200);
  });

  it('a body missing `messages` is a 400 naming the parameter', async () => {
    const res = await request(app({ createChatCompletion: okChat })).post('/v1/chat/completions').send({ model: 'cordon-demo' });
    expect(res.status).toBe(400);
    expect(res.body.error.param).toBe('messages');
    expect(res.body.error.type).toBe('invalid_request_error');
    expectErrorShape(res.body);
  });

  it('a known field with a wrong type is a 400 naming the field', async () => {
    const res = await request(app({ createChatCompletion: okChat })).post('/v1/chat/completions').send({ ...chatBody, temperature: 'hot' });
    expect(res.status).toBe(400);
    expect(res.body.error.param).toBe('temperature');
    expectErrorShape(res.body);
  });

  it('malformed JSON is a 400, not a 500', async () => {
    const res = await request(app({ createChatCompletion: okChat })).post('/v1/chat/completions').set('content-type', 'application/json').send('{"model": "x", "messages": [');
    expect(res.status).toBe(400);
    expectErrorShape(res.body);
  });

  it('a 20 MB body is a 413', async () => {
    const big = JSON.stringify({ ...chatBody, messages: [{ role: 'user', content: 'a'.repeat(20 * 1024 * 1024) }] });
    const res = await request(app({ createChatCompletion: okChat })).post('/v1/chat/completions').set('content-type', 'application/json').send(big);
    expect(res.status).toBe(413);
    expectErrorShape(res.body);
  });

  it('a text/plain body is a 415', async () => {
    const res = await request(app({ createChatCompletion: okChat })).post('/v1/chat/completions').set('content-type', 'text/plain').send('hello');
    expect(res.status).toBe(415);
    expectErrorShape(res.body);
  });

  it('an unknown path is a 404', async () => {
    for (const path of ['/v1/nope', '/nope', '/proxy/acme/v1/nope']) {
      const res = await request(app()).get(path);
      expect(res.status).toBe(404);
      expectErrorShape(res.body);
    }
  });

  it('an operation without a handler answers 501 in the error shape', async () => {
    const res = await request(app()).post('/v1/embeddings').send({ model: 'cordon-demo', input: 'hello' });
    expect(res.status).toBe(501);
    expect(res.body.error.code).toBe('not_implemented');
    expectErrorShape(res.body);
  });

  it('a handler that throws gives a 500 in the error shape, without a stack', async () => {
    const res = await request(app({ listModels: () => { throw new Error('secret internals at /srv/x.js:1'); } })).get('/v1/models');
    expect(res.status).toBe(500);
    expectErrorShape(res.body);
    expect(JSON.stringify(res.body)).not.toContain('secret internals');
  });

  it('a response that breaks the contract is caught when responses are validated', async () => {
    const res = await request(app({ listModels: (_req, res) => { res.json({ object: 'list' } as any); } })).get('/v1/models');
    expect(res.status).toBe(500);
    expectErrorShape(res.body);
  });
});
