// The fast lane alone (no gateway): which requests it takes, body limits, validation in
// express-openapi-validator's error shape, defaults filled in, response validation, and the
// fallback to Express for everything else.
import { createServer } from 'node:http';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { openapiSpec } from '@cordon/contract';
import { createContractValidator } from '@cordon/contract/testing';
import { bindHandler, routeOf, createFastLane, GatewayResponse, operationDefs, parseByteLimit, type Handler } from '../src/index.js';
import type { operations } from '@cordon/contract';

type Embedding = Handler<operations['createEmbedding'], null>;

const contract = createContractValidator();

function server(handler: Embedding, opts: { validateResponses?: boolean; before?: Parameters<typeof createFastLane>[0]['before'] } = {}) {
  const lane = createFastLane({
    spec: openapiSpec,
    routes: [{ op: operationDefs.createEmbedding, handler: bindHandler(handler) }],
    context: () => null,
    before: opts.before ?? ((_req, _res, done) => done()),
    jsonLimit: '1kb',
    validateResponses: opts.validateResponses,
  });
  const fallback = express();
  fallback.use((_req, res) => {
    res.status(299).json({ lane: 'express' });
  });
  return createServer({ ServerResponse: GatewayResponse }, (req, res) => {
    if (!lane(req, res)) fallback(req as any, res as any);
  });
}

const echo: Embedding = (req, res) => {
  res.json(<never>{ lane: 'fast', body: req.body, params: req.params, domain: routeOf(req)?.proxyDomain });
};

describe('fast lane', () => {
  it('parses byte limits the way body-parser does', () => {
    expect(parseByteLimit('10mb')).toBe(10 * 1024 * 1024);
    expect(parseByteLimit('1kb')).toBe(1024);
    expect(parseByteLimit(500)).toBe(500);
    expect(parseByteLimit('1.5KB')).toBe(1536);
    expect(parseByteLimit('nonsense', 7)).toBe(7);
  });

  it('takes a JSON POST on its routes, with the domain of a proxy path', async () => {
    const s = server(echo);
    const a = await request(s).post('/v1/embeddings').send({ model: 'm', input: 'x' });
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ lane: 'fast', params: {} });
    const b = await request(s).post('/proxy/team-a/v1/embeddings').send({ model: 'm', input: 'x' });
    // The domain a proxy path names is the route's, not a handler parameter.
    expect(b.body).toMatchObject({ lane: 'fast', params: {}, domain: 'team-a' });
  });

  it('fills in the contract defaults', async () => {
    const r = await request(server(echo)).post('/v1/embeddings').send({ model: 'm', input: 'x' });
    expect(r.body.body.encoding_format).toBe('float');
  });

  it('leaves other methods, paths, query strings, media types and encodings to Express', async () => {
    const s = server(echo);
    for (const r of [
      request(s).get('/v1/embeddings'),
      request(s).post('/v1/embeddings?x=1').send({ model: 'm', input: 'x' }),
      request(s).post('/v1/chat/completions').send({ model: 'm', messages: [] }),
      request(s).post('/proxy/a%2Fb/v1/embeddings').send({ model: 'm', input: 'x' }),
      request(s).post('/v1/embeddings').set('content-type', 'text/plain').send('{}'),
      request(s).post('/v1/embeddings').set('content-encoding', 'gzip').set('content-type', 'application/json').send('{}'),
    ]) {
      const res = await r;
      expect(res.status).toBe(299);
    }
  });

  it('rejects invalid JSON, a non-object body, a schema violation and a body over the limit', async () => {
    const s = server(echo);
    const bad = await request(s).post('/v1/embeddings').set('content-type', 'application/json').send('{"model":');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_json');
    const str = await request(s).post('/v1/embeddings').set('content-type', 'application/json').send('"x"');
    expect(str.status).toBe(400);
    const missing = await request(s).post('/v1/embeddings').send({ model: 'm' });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'missing_required_parameter', param: 'input' });
    const wrong = await request(s).post('/v1/embeddings').send({ model: 'm', input: 'x', encoding_format: 'hex' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.param).toBe('encoding_format');
    expect(wrong.body.error.message).toMatch(/float, base64/);
    const big = await request(s).post('/v1/embeddings').send({ model: 'm', input: 'x'.repeat(2000) });
    expect(big.status).toBe(413);
    for (const r of [bad, str, missing, wrong, big]) expect(contract.schema('ErrorResponse', r.body)).toBeNull();
  });

  it('sends what `before` and the handler throw as OpenAI errors', async () => {
    const denied = server(echo, { before: (_req, _res, done) => done(Object.assign(new Error('no'), { status: 401, code: 'invalid_api_key' })) });
    const r = await request(denied).post('/v1/embeddings').send({ model: 'm', input: 'x' });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('invalid_api_key');
    const throws = server(async () => {
      throw new Error('secret detail');
    });
    const t = await request(throws).post('/v1/embeddings').send({ model: 'm', input: 'x' });
    expect(t.status).toBe(500);
    expect(JSON.stringify(t.body)).not.toContain('secret detail');
  });

  it('with response validation on, a body that breaks the contract becomes a 500', async () => {
    const s = server((_req, res) => res.json({ object: 'list', data: 'nope' }), { validateResponses: true });
    const r = await request(s).post('/v1/embeddings').send({ model: 'm', input: 'x' });
    expect(r.status).toBe(500);
    expect(contract.schema('ErrorResponse', r.body)).toBeNull();
  });
});
