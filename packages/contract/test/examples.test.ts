// Every example in the contract validates against its own schema.
import { describe, expect, it } from 'vitest';
import { openapiSpec } from '../src/index.js';
import { createContractValidator } from '../src/testing.js';

const v = createContractValidator();
const ptr = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

interface Case {
  where: string;
  schemaRef: string;
  value: unknown;
}

function collect(node: unknown, pointer: string, parentKey: string, inSchema: boolean, out: Case[]): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    node.forEach((n, i) => collect(n, `${pointer}/${i}`, String(i), inSchema, out));
    return;
  }
  const o = node as Record<string, unknown>;
  if (parentKey !== 'properties' && 'schema' in o && typeof o.schema === 'object') {
    // a media type, parameter or header object
    if ('example' in o) out.push({ where: `${pointer}/example`, schemaRef: `${pointer}/schema`, value: o.example });
    if (o.examples && typeof o.examples === 'object' && !Array.isArray(o.examples)) {
      for (const [name, ex] of Object.entries(o.examples as Record<string, { value?: unknown; $ref?: string }>)) {
        if (ex && 'value' in ex) out.push({ where: `${pointer}/examples/${name}`, schemaRef: `${pointer}/schema`, value: ex.value });
      }
    }
  } else if (inSchema && parentKey !== 'properties') {
    if ('example' in o) out.push({ where: `${pointer}/example`, schemaRef: pointer, value: o.example });
    if (Array.isArray(o.examples)) o.examples.forEach((ex, i) => out.push({ where: `${pointer}/examples/${i}`, schemaRef: pointer, value: ex }));
  }
  for (const [k, child] of Object.entries(o)) {
    if (k === 'example' || k === 'examples') continue;
    const childInSchema = inSchema || k === 'schema' || pointer === '#/components/schemas';
    collect(child, `${pointer}/${ptr(k)}`, k, childInSchema && parentKey !== 'examples', out);
  }
}

const cases: Case[] = [];
collect(openapiSpec, '#', '', false, cases);

describe('contract examples', () => {
  it('has examples for every operation', () => {
    for (const { operationId, op } of v.operations()) {
      const success = Object.entries<any>(op.responses).filter(([s]) => /^2/.test(s));
      expect(success.length, operationId).toBeGreaterThan(0);
      for (const [status, resp] of success) {
        for (const [mt, media] of Object.entries<any>(resp.content ?? {})) {
          const has = 'example' in media || (media.examples && Object.keys(media.examples).length > 0) || 'example' in (media.schema ?? {});
          expect(has, `${operationId} ${status} ${mt} has an example`).toBe(true);
        }
      }
      if (op.requestBody) {
        for (const [mt, media] of Object.entries<any>(op.requestBody.content)) {
          const has = 'example' in media || (media.examples && Object.keys(media.examples).length > 0);
          expect(has, `${operationId} request ${mt} has an example`).toBe(true);
        }
      }
    }
  });

  it('found a meaningful number of examples', () => {
    expect(cases.length).toBeGreaterThan(40);
  });

  it.each(cases.map((c) => [c.where, c] as const))('%s validates', (_where, c) => {
    const validate = v.ajv.compile({ $ref: `cordon-openapi${c.schemaRef}` });
    const ok = validate(c.value);
    expect(ok ? null : v.ajv.errorsText(validate.errors)).toBeNull();
  });

  it('rejects a wrong example (the check itself can fail)', () => {
    expect(v.schema('ErrorResponse', { error: { message: 1 } })).not.toBeNull();
  });
});
