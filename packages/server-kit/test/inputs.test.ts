// The query, path parameters and multipart bodies of the Express adapter, checked by the generated
// input validators (validators.gen.ts: requestInputs) as express-openapi-validator checked them: the
// expected statuses and bodies below are what that validator answered (recorded from the router that
// used it), so its errors stay byte-for-byte the same.
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { openapiSpec } from '@cordon/contract';
import { createApiRouter, operationDefs, type Handlers } from '../src/index.js';

type Echo = (req: { query: unknown; params: unknown; body: unknown }, res: { json(b: unknown): unknown }) => unknown;
const echo: Record<string, Echo> = {};
for (const id of Object.keys(operationDefs)) echo[id] = (req, res) => res.json({ query: req.query, params: req.params, body: req.body });
const app = express();
app.set('query parser', 'extended');
app.use(createApiRouter(echo as Handlers<null>, { spec: openapiSpec, context: () => null }));

/* prettier-ignore */
const queries: Array<{ url: string; status: number; body: unknown }> = [
  {"url":"/admin/v1/usage","status":200,"body":{"query":{"group_by":["day","model","key"]},"params":{}}},
  {"url":"/admin/v1/usage?start=5&end=7","status":200,"body":{"query":{"start":5,"end":7,"group_by":["day","model","key"]},"params":{}}},
  {"url":"/admin/v1/usage?start=abc","status":400,"body":{"error":{"message":"Invalid value for 'start': must be integer.","type":"invalid_request_error","param":"start","code":"invalid_value"}}},
  {"url":"/admin/v1/usage?start=-1","status":400,"body":{"error":{"message":"Invalid value for 'start': must be >= 0.","type":"invalid_request_error","param":"start","code":"invalid_value"}}},
  {"url":"/admin/v1/usage?start=","status":400,"body":{"error":{"message":"Invalid value for 'start': Empty value found for query parameter 'start'.","type":"invalid_request_error","param":"start","code":"invalid_value"}}},
  {"url":"/admin/v1/usage?group_by=day","status":200,"body":{"query":{"group_by":["day"]},"params":{}}},
  {"url":"/admin/v1/usage?group_by=foo","status":400,"body":{"error":{"message":"Invalid value for 'group_by[0]': must be equal to one of the allowed values: day, model, key.","type":"invalid_request_error","param":"group_by[0]","code":"invalid_value"}}},
  {"url":"/admin/v1/usage?group_by=day,model","status":400,"body":{"error":{"message":"Invalid value for 'group_by': Parameter 'group_by' must be url encoded. Its value may not contain reserved characters.","type":"invalid_request_error","param":"group_by","code":"invalid_value"}}},
  {"url":"/admin/v1/usage?domain_id=a:b","status":400,"body":{"error":{"message":"Invalid value for 'domain_id': Parameter 'domain_id' must be url encoded. Its value may not contain reserved characters.","type":"invalid_request_error","param":"domain_id","code":"invalid_value"}}},
  {"url":"/admin/v1/usage?domain_id=a%3Ab","status":200,"body":{"query":{"domain_id":"a:b","group_by":["day","model","key"]},"params":{}}},
  {"url":"/admin/v1/usage?domain_id[=x","status":400,"body":{"error":{"message":"Invalid value for 'domain_id': must be string.","type":"invalid_request_error","param":"domain_id","code":"invalid_value"}}},
  {"url":"/admin/v1/usage?group_by[]=day&group_by[]=key","status":200,"body":{"query":{"group_by":["day","key"]},"params":{}}},
  {"url":"/admin/v1/keys?x=1","status":400,"body":{"error":{"message":"Invalid value for 'x': Unknown query parameter 'x'.","type":"invalid_request_error","param":"x","code":"invalid_value"}}},
  {"url":"/v1/models?limit=1","status":400,"body":{"error":{"message":"Invalid value for 'limit': Unknown query parameter 'limit'.","type":"invalid_request_error","param":"limit","code":"invalid_value"}}},
  {"url":"/v1/models/a%2Fb","status":200,"body":{"query":{},"params":{"model":"a/b"}}},
];
/* prettier-ignore */
const forms: Array<{ form: string[][]; status: number; body: unknown }> = [
  {"form":[["model","m"],["temperature","0.5"],["timestamp_granularities[]","word"],["stream","true"]],"status":200,"body":{"query":{},"params":{},"body":{"model":"m","temperature":0.5,"timestamp_granularities":["word"],"stream":true,"file":""}}},
  {"form":[["model","m"],["temperature","abc"]],"status":400,"body":{"error":{"message":"Invalid value for 'temperature': must be number.","type":"invalid_request_error","param":"temperature","code":"invalid_value"}}},
  {"form":[["model","m"],["timestamp_granularities","word"]],"status":400,"body":{"error":{"message":"Invalid value for 'timestamp_granularities': must be array.","type":"invalid_request_error","param":"timestamp_granularities","code":"invalid_value"}}},
  {"form":[["model","m"],["timestamp_granularities","[\"word\"]"]],"status":200,"body":{"query":{},"params":{},"body":{"model":"m","timestamp_granularities":["word"],"file":"","temperature":0,"stream":false}}},
  {"form":[["temperature","1"]],"status":400,"body":{"error":{"message":"Missing required parameter: 'model'.","type":"invalid_request_error","param":"model","code":"missing_required_parameter"}}},
];

describe('generated input validators (query, path parameters, multipart)', () => {
  for (const c of queries) {
    it(`GET ${c.url}`, async () => {
      const res = await request(app).get(c.url);
      expect({ status: res.status, body: res.body }).toEqual({ status: c.status, body: c.body });
    });
  }
  for (const c of forms) {
    it(`multipart ${JSON.stringify(c.form)}`, async () => {
      let req = request(app).post('/v1/audio/transcriptions');
      for (const [k, v] of c.form) req = req.field(k!, v!);
      const res = await req.attach('file', Buffer.from('RIFF'), 'a.wav');
      expect({ status: res.status, body: res.body }).toEqual({ status: c.status, body: c.body });
    });
  }
});
