// The Redoc site is built from the contract and describes every operation.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openapiSpec } from '@cordon/contract';

const html = fileURLToPath(new URL('../dist/index.html', import.meta.url));

describe('docs site', () => {
  it('is built', () => {
    expect(existsSync(html)).toBe(true);
  });

  it('is a Redoc page that embeds the whole contract', () => {
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/redoc/i);
    expect(page).toContain(openapiSpec.info.title);
    for (const item of Object.values<any>(openapiSpec.paths)) {
      for (const op of Object.values<any>(item)) {
        if (op?.operationId) expect(page, op.operationId).toContain(op.operationId);
      }
    }
  });
});

describe('docs site works offline', () => {
  it('loads no script from a CDN (Redoc is inlined)', () => {
    const page = readFileSync(html, 'utf8');
    expect(page).not.toMatch(/<script[^>]+src="https?:/);
  });

  it("loads no image from Redocly's CDN (the logo is inlined by src/offline.mjs)", () => {
    expect(readFileSync(html, 'utf8')).not.toContain('cdn.redoc.ly');
  });
});
