// The client package, built from the generated code, against an in-process server built from the generated router.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openapiSpec } from '@cordon/contract';
import { createApiRouter, routeOf } from '@cordon/server-kit';
import { createCordonClients, listModels, createChatCompletion, retrieveModel, streamChatCompletion, CordonApiError, type ListModelsResponse, type CordonClients } from '../src/index.js';

let server: Server;
let clients: CordonClients;
const seenAuth: string[] = [];

beforeAll(async () => {
  const app = express();
  app.use((req, _res, next) => {
    seenAuth.push(String(req.headers.authorization));
    next();
  });
  app.use(
    createApiRouter(
      {
        listModels: (req, res) => {
          res.json({ object: 'list', data: [{ id: `m-${routeOf(req)?.proxyDomain ?? 'own'}`, object: 'model', created: 1, owned_by: 'test', capabilities: ['chat'] }] });
        },
        retrieveModel: (req, res) => {
          res.status(404).json({ error: { message: `no ${req.params.model}`, type: 'invalid_request_error', param: 'model', code: 'model_not_found' } } as any);
        },
        createChatCompletion: (req, res) => {
          const base = { id: 'chatcmpl-1', created: 1, model: req.body.model };
          if (req.body.stream) {
            res.setHeader('content-type', 'text/event-stream');
            for (const [i, word] of ['Hel', 'lo'].entries()) {
              res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta: i === 0 ? { role: 'assistant', content: word } : { content: word }, finish_reason: null }] })}\n\n`);
            }
            res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`);
            res.end('data: [DONE]\n\n');
            return;
          }
          res.json({ ...base, object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: 'Hello', refusal: null }, logprobs: null, finish_reason: 'stop' }] });
        },
      },
      { spec: openapiSpec, context: () => null, validateResponses: true },
    ),
  );
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  clients = createCordonClients({ baseUrl: `http://127.0.0.1:${port}`, apiKey: 'test-key-123' });
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('@cordon/client', () => {
  it('lists models with typed data and sends the bearer key', async () => {
    const { data, error } = await listModels({ client: clients.api });
    expect(error).toBeUndefined();
    const typed: ListModelsResponse = data!;
    expect(typed.data[0]!.id).toBe('m-own');
    expect(seenAuth.at(-1)).toBe('Bearer test-key-123');
  });

  it('targets a named domain through /proxy/{domain_id}/v1', async () => {
    const proxied = createCordonClients({ ...clients.options, domainId: 'acme' });
    const { data } = await listModels({ client: proxied.api });
    expect(data!.data[0]!.id).toBe('m-acme');
  });

  it('returns the OpenAI error shape as a typed error', async () => {
    const { data, error, response } = await retrieveModel({ client: clients.api, path: { model: 'nope' } });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect((error as any).error.code).toBe('model_not_found');
  });

  it('creates a chat completion (JSON)', async () => {
    const { data } = await createChatCompletion({ client: clients.api, body: { model: 'x', messages: [{ role: 'user', content: 'hi' }] } });
    expect(data!.choices[0]!.message.content).toBe('Hello');
  });

  it('streams a chat completion through the hand-written SSE helper', async () => {
    const pieces: string[] = [];
    let finish: string | null | undefined;
    for await (const chunk of streamChatCompletion(clients, { model: 'x', messages: [{ role: 'user', content: 'hi' }] })) {
      pieces.push(chunk.choices[0]?.delta.content ?? '');
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(pieces.join('')).toBe('Hello');
    expect(finish).toBe('stop');
  });

  it('surfaces an error response of a stream as CordonApiError', async () => {
    const it = streamChatCompletion(clients, { model: 'x' } as any);
    await expect(it.next()).rejects.toBeInstanceOf(CordonApiError);
  });
});
