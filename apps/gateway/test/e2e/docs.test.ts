// The documentation site served by the gateway, rendered by a real browser (Debian's Chromium).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openapiSpec } from '@cordon/contract';
import { json, startTestGateway, type TestGateway } from '../helpers.js';

const run = promisify(execFile);
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
// Under CI a missing browser is a failure, not a skip.
const maybe = chromium || process.env.CI ? describe : describe.skip;

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ CORDON_DEMO_MODEL: 'false' });
});
afterAll(() => gw?.stop());

describe('contract endpoints', () => {
  it('GET /openapi.json returns the bundled spec; /openapi.yaml the YAML', async () => {
    const spec = await json(await gw.req('/openapi.json', { key: null }));
    expect(spec).toEqual(openapiSpec);
    const yaml = await gw.req('/openapi.yaml', { key: null });
    expect(yaml.headers.get('content-type')).toMatch(/yaml/);
    expect(await yaml.text()).toMatch(/^openapi: 3\.1\.0/m);
  });

  it('GET /docs serves the Redoc page', async () => {
    const res = await gw.req('/docs', { key: null });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/html/);
    expect(await res.text()).toMatch(/redoc/i);
  });
});

maybe('docs in a real browser', () => {
  it('renders the API reference with its operations', async () => {
    expect(chromium, 'chromium must be installed (apt-get install chromium)').toBeTruthy();
    const profile = mkdtempSync(join(tmpdir(), 'cordon-chromium-'));
    try {
      const { stdout, stderr } = await run(
        chromium!,
        [
          '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--enable-logging=stderr', '--v=0',
          '--virtual-time-budget=5000', '--dump-dom', `${gw.url}/docs`,
        ],
        { timeout: 90_000, maxBuffer: 64 * 1024 * 1024 },
      );
      // The browser ran Redoc: its navigation menu, one group per tag, and every operation.
      expect(stdout).toContain('menu-item-type-group');
      for (const tag of ['Models', 'Chat', 'Completions', 'Embeddings', 'Responses', 'Audio', 'Admin']) expect(stdout).toContain(`>${tag}<`);
      expect(stdout).toContain('Create chat completion');
      expect(stdout).toContain('/chat/completions');
      expect(stderr).not.toMatch(/Uncaught|SyntaxError|Refused to (execute|load)/);
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
