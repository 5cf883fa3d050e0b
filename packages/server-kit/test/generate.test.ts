// `npm run gen` alone gives a new operation everything it needs: a throwaway OpenAPI 3.1 spec (its
// own servers, one new JSON POST operation) goes through the real generators (scripts/gen/all.mjs)
// into a temporary folder, and the test shows the operation's route under both server bases, its
// request validator (generated code: a bad body is refused naming the parameter, on both adapters)
// and its typed handler slot (tsc accepts a handler that uses it and refuses one that misuses it).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiRouter, createFastLane, GatewayResponse, RouteTable, type BoundHandler, type OperationDef } from '../src/index.js';

const kit = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repo = resolve(kit, '../..');

const SPEC = `openapi: 3.1.0
info: { title: Widgets, version: 0.0.1 }
servers:
  - url: '{base}/api/v2'
    variables: { base: { default: 'https://gw.example' } }
  - url: '{base}/proxy/{domain_id}/api/v2'
    variables: { base: { default: 'https://gw.example' }, domain_id: { default: team } }
paths:
  /widgets:
    post:
      operationId: createWidget
      summary: Makes a widget.
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: '#/components/schemas/CreateWidgetRequest' }
      responses:
        '201':
          description: The widget.
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Widget' }
components:
  schemas:
    CreateWidgetRequest:
      type: object
      required: [name]
      properties:
        name: { type: string, minLength: 1 }
        size: { type: integer, format: int32, minimum: 1, default: 1 }
        colour: { type: string, enum: [red, green] }
    Widget:
      type: object
      required: [id, name, size]
      properties:
        id: { type: string }
        name: { type: string }
        size: { type: integer }
`;

let out: string;
let spec: Record<string, any>;
let ops: OperationDef[];
let validators: Record<string, any>;
let typesText: string;
let operationsText: string;

beforeAll(async () => {
  // Inside the package, so the generated code resolves its imports (ajv) as the package's does.
  out = mkdtempSync(join(kit, 'test', '.gen-'));
  const specDir = join(out, 'openapi');
  mkdirSync(specDir);
  writeFileSync(join(specDir, 'openapi.yaml'), SPEC);
  // The generated server kit imports the kit's hand-written sources next to it: link them in.
  const src = join(out, 'packages/server-kit/src');
  mkdirSync(src, { recursive: true });
  for (const f of readdirSync(join(kit, 'src'))) if (f !== 'generated') symlinkSync(join(kit, 'src', f), join(src, f));
  // `npm run gen -- --out DIR`, with the throwaway spec as the contract.
  execFileSync(process.execPath, [join(repo, 'scripts/gen/all.mjs'), '--out', out], { cwd: repo, env: { ...process.env, CORDON_OPENAPI_ROOT: join(specDir, 'openapi.yaml') }, stdio: 'pipe' });
  spec = JSON.parse(readFileSync(join(out, 'packages/contract/src/generated/openapi.json'), 'utf8'));
  operationsText = readFileSync(join(src, 'generated/operations.gen.ts'), 'utf8');
  typesText = readFileSync(join(out, 'packages/contract/src/generated/types.gen.ts'), 'utf8');
  const table = await import(pathToFileURL(join(src, 'generated/operations.gen.ts')).href);
  const generated = await import(pathToFileURL(join(src, 'generated/validators.gen.ts')).href);
  ops = Object.values(table.operationDefs);
  validators = generated.requestBodyValidators;
}, 180_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

const widget: BoundHandler<null> = (req, res) => {
  const r = req as typeof req & { body: { name: string; size: number } };
  res.statusCode = 201;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ id: 'w1', name: r.body.name, size: r.body.size, params: (req as typeof req & { params: unknown }).params }));
};

describe('a new operation in a throwaway spec, after `npm run gen`', () => {
  it('gets its route under every server base of the spec, the server variable as the route\'s', () => {
    expect(ops.map((o) => o.operationId)).toEqual(['createWidget']);
    const op = ops[0]!;
    expect(op).toMatchObject({ method: 'post', specPath: '/widgets', family: 'openai', requestContentTypes: ['application/json'], bodyRequired: true, jsonBodyRequired: true, successStatus: 201 });
    expect(op.routes).toEqual(['/api/v2/widgets', '/proxy/:domain_id/api/v2/widgets']);
    expect(op.servers?.map((s) => s.variables)).toEqual([[], ['domain_id']]);
    const table = new RouteTable(ops);
    const plain = table.match('POST', '/api/v2/widgets');
    expect(plain.ok && plain.match.op.operationId).toBe('createWidget');
    expect(plain.ok && plain.match.proxyDomain).toBeUndefined();
    const proxied = table.match('POST', '/proxy/acme/api/v2/widgets');
    expect(proxied.ok && proxied.match.proxyDomain).toBe('acme');
    // The gateway's own bases are not this spec's.
    expect(table.match('POST', '/v1/widgets').ok).toBe(false);
  });

  it('gets a generated validator: coercion and defaults, and a bad body refused naming the parameter', () => {
    const validate = validators.createWidget;
    const ok = { body: { name: 'w', size: '3' } };
    expect(validate(ok)).toBe(true);
    expect(ok.body.size).toBe(3);
    const defaults: { body: Record<string, unknown> } = { body: { name: 'w' } };
    expect(validate(defaults)).toBe(true);
    expect(defaults.body.size).toBe(1);
    expect(validate({ body: { size: 2 } })).toBe(false);
    expect(validate.errors[0].params.missingProperty).toBe('name');
    // int32 comes from the formats table the generated code imports.
    expect(validate({ body: { name: 'w', size: 2 ** 40 } })).toBe(false);
    expect(validate.errors[0].keyword).toBe('format');
  });

  it('is served with that validator by both adapters, errors worded alike', async () => {
    const router = express();
    router.use(buildApiRouter(ops, { createWidget: widget }, { spec, context: () => null, validators }));
    const lane = createFastLane({ routes: [{ op: ops[0]!, handler: widget }], context: () => null, before: (_req, _res, done) => done(), validators });
    const fast = createServer({ ServerResponse: GatewayResponse }, (req, res) => {
      if (!lane(req, res)) router(req as any, res as any);
    });
    for (const app of [router, fast]) {
      for (const path of ['/api/v2/widgets', '/proxy/acme/api/v2/widgets']) {
        const good = await request(app).post(path).send({ name: 'w' });
        expect(good.status, JSON.stringify(good.body)).toBe(201);
        expect(good.body).toEqual({ id: 'w1', name: 'w', size: 1, params: {} });
      }
      const missing = await request(app).post('/api/v2/widgets').send({ size: 2 });
      expect(missing.status).toBe(400);
      expect(missing.body.error).toMatchObject({ code: 'missing_required_parameter', param: 'name', message: "Missing required parameter: 'name'." });
      const wrong = await request(app).post('/proxy/acme/api/v2/widgets').send({ name: 'w', colour: 'blue' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error).toMatchObject({ code: 'invalid_value', param: 'colour' });
      expect(wrong.body.error.message).toMatch(/red, green/);
      const text = await request(app).post('/api/v2/widgets').set('content-type', 'text/plain').send('name=w');
      expect(text.status).toBe(415);
    }
  });

  it('gets a typed handler slot: tsc accepts a handler that uses it and refuses one that misuses it', () => {
    expect(operationsText).toContain(`createWidget?: Handler<operations["createWidget"], C>;`);
    expect(typesText).toContain('createWidget: {');
    writeFileSync(join(out, 'contract.ts'), `export type { operations } from './packages/contract/src/generated/types.gen.js';\n`);
    writeFileSync(
      join(out, 'use.ts'),
      `import type { Handlers } from './packages/server-kit/src/generated/operations.gen.js';
export const ok: Handlers<{ user: string }> = {
  createWidget: (req, res, ctx) => {
    const name: string = req.body.name;
    const size: number | undefined = req.body.size;
    res.status(201).json({ id: ctx.user, name, size: size ?? 1 });
  },
};
export const bad: Handlers<null> = {
  // @ts-expect-error the body's name is a string
  createWidget: (req) => { const n: number = req.body.name; return n; },
};
export const badResponse: Handlers<null> = {
  // @ts-expect-error the response needs an id
  createWidget: (_req, res) => { res.json({ name: 'w', size: 1 }); },
};
`,
    );
    writeFileSync(
      join(out, 'tsconfig.json'),
      JSON.stringify({
        extends: join(repo, 'tsconfig.base.json'),
        compilerOptions: { noEmit: true, baseUrl: '.', paths: { '@cordon/contract': ['./contract.ts'] }, types: ['node'], typeRoots: [join(repo, 'node_modules/@types')] },
        files: ['use.ts'],
      }),
    );
    const tsc = (files: string[]) => {
      writeFileSync(join(out, 'tsconfig.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(out, 'tsconfig.json'), 'utf8')), files }));
      try {
        execFileSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', join(out, 'tsconfig.json')], { cwd: out, stdio: 'pipe', encoding: 'utf8' });
        return '';
      } catch (err) {
        return String((err as { stdout?: string }).stdout ?? err);
      }
    };
    expect(tsc(['use.ts'])).toBe('');
    // And the check is real: the same misuse without the expect-error comment is a type error.
    writeFileSync(join(out, 'misuse.ts'), `import type { Handlers } from './packages/server-kit/src/generated/operations.gen.js';\nexport const h: Handlers<null> = { createWidget: (req) => { const n: number = req.body.name; return n; } };\n`);
    expect(tsc(['misuse.ts'])).toMatch(/misuse\.ts.*error TS2322/);
  }, 120_000);
});
