// The docs site alive: Redoc's JavaScript runs in a real browser (Debian's Chromium, driven by
// playwright-core) on the gateway's /docs, with its Content-Security-Policy, offline.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium as playwright, type BrowserContext, type Page } from 'playwright-core';
import { startTestGateway, type TestGateway } from '../helpers.js';

declare global {
  interface Window {
    cordonCspViolation?: (violation: string) => void;
  }
}

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
// Under CI a missing browser is a failure, not a skip.
if (!chromium && !process.env.CI) console.warn('docs-browser: skipped, no /usr/bin/chromium (apt-get install chromium)');
const maybe = chromium || process.env.CI ? describe : describe.skip;

maybe('the docs site in Chromium', () => {
  let gw: TestGateway;
  let browser: BrowserContext;
  let page: Page;
  let profile: string;
  const shots = mkdtempSync(join(tmpdir(), 'cordon-docs-shots-'));
  /** Every console error, uncaught exception, failed load and request to another origin. */
  const problems: string[] = [];

  beforeAll(async () => {
    expect(chromium, 'chromium must be installed (apt-get install chromium)').toBeTruthy();
    gw = await startTestGateway({ CORDON_DEMO_MODEL: 'false' });
    profile = mkdtempSync(join(tmpdir(), 'cordon-chromium-'));
    browser = await playwright.launchPersistentContext(profile, {
      executablePath: chromium!,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
      viewport: { width: 1400, height: 900 },
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    const origin = new URL(gw.url).origin;
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console.error: ${m.text()} (${m.location().url})`);
    });
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    // Chrome's console text for a blocked eval omits what was blocked: record each violation whole.
    await page.exposeFunction('cordonCspViolation', (v: string) => problems.push(`CSP violation: ${v}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        window.cordonCspViolation?.(`${e.effectiveDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
      });
    });
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) problems.push(`request to another origin: ${url}`);
    });
    console.log(`docs-browser: screenshots in ${shots}`);
  });

  afterAll(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await gw?.stop();
  });

  it('loads /docs and Redoc renders its menu', async () => {
    const res = await page.goto(`${gw.url}/docs`, { waitUntil: 'load' });
    expect(res?.status()).toBe(200);
    await page.locator('[data-testid="search-trigger"]').waitFor({ timeout: 30_000 });
    const menu = await page.locator('li[data-testid="menu-item-label"]').allInnerTexts();
    for (const tag of ['Models', 'Chat', 'Completions', 'Embeddings', 'Responses', 'Audio', 'Admin']) expect(menu).toContain(tag);
  });

  it('the search box finds "embeddings", and its result leads to the operation', async () => {
    await page.locator('[data-testid="search-trigger"]').click();
    const dialog = page.locator('[data-testid="search-dialog"]');
    const input = dialog.locator('input[placeholder="Search docs..."]');
    await input.waitFor({ timeout: 10_000 });
    const items = dialog.locator('[data-component-name="Search/SearchItem"]');
    expect(await items.count()).toBe(0);
    await input.fill('embeddings');
    // Results come from Redoc's client-side index: the tag, then the operation by method, path and summary.
    const hit = items.filter({ hasText: 'Create embeddings' }).first();
    await hit.waitFor({ timeout: 10_000 });
    expect((await items.allInnerTexts()).slice(0, 2).join('\n')).toMatch(/Embeddings[\s\S]*POST\s*\/embeddings\s*Create embeddings/);
    await page.screenshot({ path: join(shots, 'search-embeddings.png') });
    await hit.click();
    await page.waitForFunction(() => /createembedding/i.test(location.hash), undefined, { timeout: 10_000 });
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
  });

  it('clicking an operation in the menu opens it, with a request sample for chat completions', async () => {
    const before = new URL(page.url()).hash;
    await page.locator('li[data-testid="menu-item-label"]', { hasText: /^Chat$/ }).click();
    await page.locator('li[data-testid="menu-item-label"]', { hasText: 'Create chat completion' }).click();
    await page.waitForFunction((h) => location.hash !== h && /createchatcompletion/i.test(location.hash), before, { timeout: 10_000 });
    const heading = page.locator('h1, h2', { hasText: 'Create chat completion' }).first();
    await heading.waitFor({ timeout: 10_000 });
    const inView = await heading.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(inView, 'the operation heading is scrolled into view').toBe(true);
    // The request sample panel: method and path, and the example payload from the contract.
    const sample = page.locator('[data-component-name="Panel/Panel"]', { hasText: '/chat/completions' }).filter({ hasText: 'Payload' }).first();
    await sample.waitFor({ timeout: 10_000 });
    expect(await sample.isVisible()).toBe(true);
    const text = await sample.innerText();
    expect(text).toMatch(/POST\s*\/chat\/completions/);
    expect(text).toContain('"model": "cordon-demo"');
    expect(text).toContain('"messages"');
    const shot = join(shots, 'chat-completion.png');
    await page.screenshot({ path: shot });
    console.log(`docs-browser: screenshot ${shot}`);
  });

  it('the console shows no errors, nothing is blocked by the CSP, nothing loads from another origin', async () => {
    // Let late loads (images, the favicon, workers) and batched beacons (Redoc's telemetry posts
    // about a second after a click) happen before judging.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(3000);
    expect(problems).toEqual([]);
  });
});
