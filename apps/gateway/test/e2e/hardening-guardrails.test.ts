// Issue 11, item 6: a superadmin's catastrophic pattern on a long prompt does not freeze the
// gateway for other domains, and patterns RE2 cannot run are refused when the policy is set.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, json, makeDomainKey, startTestGateway, type TestGateway } from '../helpers.js';

let gw: TestGateway;
const MODEL = 'cordon-demo';
let keyA: string;
let keyB: string;

beforeAll(async () => {
  gw = await startTestGateway();
  keyA = (await makeDomainKey(gw, 'redos-a')).secret;
  keyB = (await makeDomainKey(gw, 'redos-b')).secret;
  const res = await gw.req('/admin/v1/domains/redos-a/policy', {
    method: 'PUT',
    json: { guardrails: { input: { blocked_patterns: [{ name: 'nested', pattern: '(a+)+$' }, { name: 'bang', pattern: '!$' }] } } },
  });
  expect(res.status, await res.clone().text()).toBe(200);
  // Load the model so B's timing below is the request, not the first load.
  expect((await chat(keyB, 'warm up', false)).status).toBe(200);
});
afterAll(() => gw?.stop());

const chat = (key: string, content: string, stream: boolean) =>
  gw.req('/v1/chat/completions', { key, method: 'POST', json: { model: MODEL, messages: [{ role: 'user', content }], max_tokens: 8, seed: 1, stream } });

describe('a catastrophic pattern on a 1 MB prompt', () => {
  it("checks domain A's prompt in linear time while domain B's stream is served", async () => {
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const t0 = performance.now();
    // 'a' x 1 MB + '!': the input that makes (a+)+$ backtrack without end on V8.
    const a = chat(keyA, 'a'.repeat(1 << 20) + '!', false).then(async (res) => ({ status: res.status, body: await json(res), ms: performance.now() - t0 }));
    const b = chat(keyB, 'Tell me a story', true).then(async (res) => ({ status: res.status, text: await res.text(), ms: performance.now() - t0 }));
    const [ra, rb] = await Promise.all([a, b]);
    delay.disable();
    const maxDelayMs = delay.max / 1e6;
    console.log(`A answered in ${ra.ms.toFixed(0)} ms, B streamed in ${rb.ms.toFixed(0)} ms, max event-loop delay ${maxDelayMs.toFixed(1)} ms`);

    // A: checked against both patterns (the second one fires) and refused before any engine.
    expect(ra.status).toBe(400);
    expect(contract.schema('ErrorResponse', ra.body)).toBeNull();
    expect(ra.body.error.code).toBe('content_policy_violation');
    expect(ra.body.error.message).toMatch(/blocked_pattern\.bang/);
    // B: served in full, promptly.
    expect(rb.status).toBe(200);
    expect(rb.text).toContain('data: [DONE]');
    expect(rb.ms).toBeLessThan(5_000);
    // Nothing held the event loop for long (parsing and checking 1 MB is tens of ms).
    expect(maxDelayMs).toBeLessThan(250);
  });
});

describe('patterns RE2 cannot run', () => {
  const put = (policy: unknown) => gw.req('/admin/v1/domains/redos-a/policy', { method: 'PUT', json: policy });

  it('refuses a backreference with 400 naming the param and why, and keeps the policy as it was', async () => {
    const res = await put({ guardrails: { input: { blocked_patterns: [{ name: 'twice', pattern: '\\b(\\w+)\\s+\\1\\b' }] } } });
    const body = await json(res);
    expect(res.status).toBe(400);
    expect(contract.schema('ErrorResponse', body)).toBeNull();
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.param).toBe('guardrails.input.blocked_patterns[0].pattern');
    expect(body.error.message).toMatch(/backreference/);
    const kept = await json(await gw.req('/admin/v1/domains/redos-a/policy'));
    expect(kept.guardrails.input.blocked_patterns.map((p: { name: string }) => p.name)).toEqual(['nested', 'bang']);
  });

  it('refuses a lookahead in a custom PII kind, naming that param', async () => {
    const res = await put({ guardrails: { output: { pii: { custom: [{ name: 'pin', pattern: '\\d{4}(?!\\d)', action: 'mask' }] } } } });
    const body = await json(res);
    expect(res.status).toBe(400);
    expect(contract.schema('ErrorResponse', body)).toBeNull();
    expect(body.error.param).toBe('guardrails.output.pii.custom[0].pattern');
    expect(body.error.message).toMatch(/lookahead/);
  });
});

describe('a stored policy from before patterns ran on RE2', () => {
  it("fails that domain's requests closed with a clear 503 (not a 500), and no other domain notices", async () => {
    const key = (await makeDomainKey(gw, 'redos-legacy')).secret;
    // As an older version stored it: a lookahead that JavaScript accepts and RE2 refuses, written
    // straight into the store (the admin API now refuses it).
    const legacy = { guardrails: { input: { blocked_patterns: [{ name: 'lookahead', pattern: 'secret(?=word)' }] } } };
    expect((await gw.req('/admin/v1/domains/redos-legacy/policy', { method: 'PUT', json: legacy })).status).toBe(400);
    const stored = await json(await gw.req('/admin/v1/domains/redos-legacy/policy', { method: 'PUT', json: { guardrails: { input: { blocked_patterns: [{ name: 'lookahead', pattern: 'secret' }] } } } }));
    stored.guardrails.input.blocked_patterns[0].pattern = 'secret(?=word)';
    await gw.gateway.deps.platform.store.run('UPDATE policies SET policy = ? WHERE domain_id = ?', [JSON.stringify(stored), 'redos-legacy']);
    await new Promise((r) => setTimeout(r, 2100)); // policies are cached for 2 s
    const res = await chat(key, 'hello', false);
    const body = await json(res);
    expect(res.status, JSON.stringify(body)).toBe(503);
    expect(contract.schema('ErrorResponse', body)).toBeNull();
    expect(body.error.code).toBe('policy_unavailable');
    await new Promise((r) => setTimeout(r, 300)); // log lines leave in batches
    expect(gw.logs.join('\n')).toContain('guardrails.input.blocked_patterns[0].pattern');
    expect((await chat(keyB, 'hello', false)).status).toBe(200);
  });
});
