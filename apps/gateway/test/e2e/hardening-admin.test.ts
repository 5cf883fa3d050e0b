// Issue 11, items 7b, 8, 9 and 12: admin writes need a body; upstream settings cannot reach host
// secrets or arbitrary hosts, and upstream 5xx bodies go to the log, not to members; /metrics,
// /readyz and /docs are hardened; a domain admin cannot take over another admin's key; a domain
// admin's writes are rate limited (each commits on the event loop).
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, json, makeDomainKey, startTestGateway, type TestGateway } from '../helpers.js';
import type { NewModel } from '../../src/platform/registry.js';

interface Seen {
  path: string;
  headers: IncomingHttpHeaders;
}

/** A fake OpenAI-compatible upstream that records what it was sent and answers as `answer` says. */
async function fakeUpstream(answer: (path: string) => { status: number; body: string }) {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      seen.push({ path: req.url ?? '', headers: req.headers });
      const a = answer(req.url ?? '');
      res.writeHead(a.status, { 'content-type': 'application/json' }).end(a.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { seen, port, base: `http://127.0.0.1:${port}/v1`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const chatOk = JSON.stringify({
  id: 'chatcmpl-1', object: 'chat.completion', created: 1, model: 'up',
  choices: [{ index: 0, message: { role: 'assistant', content: 'hi', refusal: null }, logprobs: null, finish_reason: 'stop' }],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
});
const SECRET_500 = JSON.stringify({ error: { message: 'Traceback: /srv/internal/vllm/worker.py db_password=hunter2 at 10.9.8.7', type: 'server_error' } });

const upstreamModel = (id: string, base_url: string, api_key_env?: string): NewModel => ({
  id,
  engine: 'openai-compatible',
  settings: { targets: [{ base_url, model: 'up', ...(api_key_env ? { api_key_env } : {}) }], max_retries: 0 },
  capabilities: ['chat'],
});

function expectError(body: any, status: number, res: Response, code?: string) {
  expect(res.status, JSON.stringify(body)).toBe(status);
  expect(contract.schema('ErrorResponse', body)).toBeNull();
  if (code) expect(body.error.code).toBe(code);
}

let gw: TestGateway;
let up: Awaited<ReturnType<typeof fakeUpstream>>;
let other: Awaited<ReturnType<typeof fakeUpstream>>;
const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

beforeAll(async () => {
  up = await fakeUpstream((path) => (path.endsWith('/broken/v1/chat/completions') ? { status: 500, body: SECRET_500 } : { status: 200, body: chatOk }));
  other = await fakeUpstream(() => ({ status: 200, body: chatOk }));
  process.env.AWS_SECRET_ACCESS_KEY = 'aws-secret-do-not-send';
  process.env.CORDON_UPSTREAM_KEY_TEST = 'upstream-key-ok';
  gw = await startTestGateway({
    CORDON_DEMO_MODEL: 'false',
    CORDON_METRICS_TOKEN: METRICS_TOKEN,
    // Only the first fake upstream's host:port; the second one (a different port) is not allowed.
    CORDON_UPSTREAM_HOSTS: `127.0.0.1:${up.port}`,
  });
  await makeDomainKey(gw, 'team-a');
  await makeDomainKey(gw, 'team-b');
});

afterAll(async () => {
  await gw?.stop();
  await up?.close();
  await other?.close();
  delete process.env.AWS_SECRET_ACCESS_KEY;
  delete process.env.CORDON_UPSTREAM_KEY_TEST;
});

// ------------------------------------------------------------------ 7b: admin bodies

describe('an admin write without a body is a 400, never read as {}', () => {
  /** Every admin operation that takes a body (method, path). */
  const writes: Array<[string, string]> = [
    ['POST', '/admin/v1/domains'],
    ['PATCH', '/admin/v1/domains/team-a'],
    ['PUT', '/admin/v1/domains/team-a/policy'],
    ['POST', '/admin/v1/keys'],
    ['POST', '/admin/v1/models'],
    ['PATCH', '/admin/v1/models/body-test'],
  ];

  beforeAll(async () => {
    const r = await gw.req('/admin/v1/models', { method: 'POST', json: upstreamModel('body-test', up.base) });
    expect(r.status).toBe(201);
  });

  /** A raw request: `chunked` sends a zero-length chunked body (no content-length). */
  function raw(method: string, path: string, headers: Record<string, string>, chunked = false) {
    const u = new URL(gw.url);
    return new Promise<{ status: number; body: any }>((resolve, reject) => {
      const r = request({ host: u.hostname, port: u.port, method, path, headers: { authorization: `Bearer ${gw.adminKey}`, ...headers } }, (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
      });
      r.on('error', reject);
      if (chunked) r.setHeader('transfer-encoding', 'chunked');
      r.end();
    });
  }

  for (const [method, path] of writes) {
    it(`${method} ${path}: zero bytes, no body, no content type, empty chunked body`, async () => {
      const variants = [
        await raw(method, path, { 'content-type': 'application/json', 'content-length': '0' }),
        await raw(method, path, { 'content-length': '0' }),
        await raw(method, path, {}),
        await raw(method, path, { 'content-type': 'application/json' }, true),
      ];
      for (const v of variants) {
        expect(v.status, JSON.stringify(v.body)).toBe(400);
        expect(contract.schema('ErrorResponse', v.body)).toBeNull();
        expect(v.body.error).toMatchObject({ type: 'invalid_request_error', code: 'missing_body', param: null });
      }
    });
  }

  it('an empty PUT .../policy leaves the policy as it was', async () => {
    const policy = { guardrails: { input: { blocked_terms: ['project falcon'] } }, limits: { key: { requests_per_minute: 60 } } };
    expect((await gw.req('/admin/v1/domains/team-a/policy', { method: 'PUT', json: policy })).status).toBe(200);
    const res = await gw.req('/admin/v1/domains/team-a/policy', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '' });
    expectError(await json(res), 400, res, 'missing_body');
    const after = await json(await gw.req('/admin/v1/domains/team-a/policy'));
    expect(after.guardrails.input.blocked_terms).toEqual(['project falcon']);
    expect(after.limits.key.requests_per_minute).toBe(60);
    // An explicit {} is still a deliberate reset, and wrong content types keep their 415.
    const text = await gw.req('/admin/v1/domains/team-a/policy', { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'x' });
    expect(text.status).toBe(415);
    // Operations that take no body (rotate, revoke) still need none.
    const k = await makeDomainKey(gw, 'team-a');
    expect((await gw.req(`/admin/v1/keys/${k.id}/rotate`, { method: 'POST' })).status).toBe(200);
    expect((await gw.req(`/admin/v1/keys/${k.id}/revoke`, { method: 'POST' })).status).toBe(200);
  });
});

// ------------------------------------------------------------------ 8: upstream settings

describe('upstream settings cannot reach host secrets', () => {
  it('registering api_key_env outside the allowlist is a 400 naming the param; a CORDON_UPSTREAM_KEY_ name is fine', async () => {
    for (const name of ['AWS_SECRET_ACCESS_KEY', 'CORDON_ADMIN_KEY', 'PATH', 'HOME']) {
      const res = await gw.req('/admin/v1/models', { method: 'POST', json: upstreamModel(`exfil-${name.toLowerCase()}`, up.base, name) });
      const body = await json(res);
      expectError(body, 400, res);
      expect(body.error.param).toBe('settings.targets[0].api_key_env');
    }
    const ok = await gw.req('/admin/v1/models', { method: 'POST', json: upstreamModel('keyed', up.base, 'CORDON_UPSTREAM_KEY_TEST') });
    expect(ok.status).toBe(201);
    // And an update cannot swap the variable in.
    const patch = await gw.req('/admin/v1/models/keyed', { method: 'PATCH', json: { settings: { targets: [{ base_url: up.base, model: 'up', api_key_env: 'AWS_SECRET_ACCESS_KEY' }] } } });
    const pb = await json(patch);
    expectError(pb, 400, patch);
    expect(pb.error.param).toBe('settings.targets[0].api_key_env');
    // The allowed key is sent upstream.
    const before = up.seen.length;
    const chat = await gw.req('/v1/chat/completions', { method: 'POST', json: { model: 'keyed', messages: [{ role: 'user', content: 'hi' }] } });
    expect(chat.status).toBe(200);
    expect(up.seen[before]!.headers.authorization).toBe('Bearer upstream-key-ok');
  });

  it('`cordon models add --api-key-env` with a name outside the allowlist fails with the reason', async () => {
    const { main } = await import('../../src/cli.js');
    const args = ['models', 'add', 'cli-up', '--engine', 'openai-compatible', '--upstream', up.base, '--url', gw.url, '--key', gw.adminKey, '--json'];
    await expect(main([...args, '--api-key-env', 'AWS_SECRET_ACCESS_KEY'], new PassThrough())).rejects.toThrow(/^400: 'settings\.targets\[0\]\.api_key_env' .*CORDON_UPSTREAM_KEY_/);
    expect(await main([...args, '--api-key-env', 'CORDON_UPSTREAM_KEY_TEST'], new PassThrough())).toBe(0);
  });

  it('a base_url host outside CORDON_UPSTREAM_HOSTS is a 400 naming the param', async () => {
    for (const base of [other.base, `http://localhost:${up.port}/v1`, 'http://169.254.169.254/latest']) {
      const res = await gw.req('/admin/v1/models', { method: 'POST', json: upstreamModel('elsewhere', base) });
      const body = await json(res);
      expectError(body, 400, res);
      expect(body.error.param).toBe('settings.targets[0].base_url');
    }
  });

  it('a stored target that is not allowed (an old row) is refused at call time: nothing is sent', async () => {
    // Written past the admin API's check, as a row from before the allowlist would be.
    const registry = gw.gateway.deps.platform.registry;
    await registry.add(upstreamModel('legacy-secret', up.base, 'AWS_SECRET_ACCESS_KEY'), { keyEnv: ['AWS_SECRET_ACCESS_KEY'], hosts: [] });
    await registry.add(upstreamModel('legacy-host', other.base), { keyEnv: [], hosts: [] });
    const [u0, o0] = [up.seen.length, other.seen.length];
    for (const model of ['legacy-secret', 'legacy-host']) {
      const res = await gw.req('/v1/chat/completions', { method: 'POST', json: { model, messages: [{ role: 'user', content: 'hi' }] } });
      const body = await json(res);
      expect(res.status).toBeGreaterThanOrEqual(500);
      expect(contract.schema('ErrorResponse', body)).toBeNull();
      expect(body.error.code).toBe('model_misconfigured');
      expect(JSON.stringify(body)).not.toMatch(/AWS_SECRET|aws-secret|127\.0\.0\.1/);
    }
    expect(up.seen.length).toBe(u0);
    expect(other.seen.length).toBe(o0);
    expect(up.seen.some((s) => String(s.headers.authorization).includes('aws-secret'))).toBe(false);
  });

  it('an upstream 500 body goes to the log with the request id; the member gets a generic 502', async () => {
    const r = await gw.req('/admin/v1/models', { method: 'POST', json: upstreamModel('broken', `http://127.0.0.1:${up.port}/broken/v1`) });
    expect(r.status).toBe(201);
    const member = await makeDomainKey(gw, 'team-b');
    for (const stream of [false, true]) {
      const res = await gw.req('/v1/chat/completions', { method: 'POST', key: member.secret, json: { model: 'broken', stream, messages: [{ role: 'user', content: 'hi' }] } });
      const body = await json(res);
      expectError(body, 502, res, 'upstream_error');
      expect(body.error.type).toBe('server_error');
      expect(JSON.stringify(body)).not.toMatch(/hunter2|Traceback|worker\.py|10\.9\.8\.7/);
      const requestId = res.headers.get('x-request-id');
      await new Promise((resolve) => setTimeout(resolve, 20));
      const line = gw.logs.map((l) => JSON.parse(l)).find((l) => l.msg === 'upstream error' && l.request_id === requestId);
      expect(line, 'a log line with the request id').toBeTruthy();
      expect(line.detail).toContain('Traceback');
      expect(line.status).toBe(500);
    }
  });
});

// ------------------------------------------------------------------ 9: operations endpoints

describe('operations endpoints', () => {
  it('/metrics needs a superadmin key or the metrics token', async () => {
    const member = await makeDomainKey(gw, 'team-a');
    const admin = await makeDomainKey(gw, 'team-a', 'admin');
    const none = await gw.req('/metrics', { key: null });
    expectError(await json(none), 401, none);
    const wrong = await gw.req('/metrics', { key: 'metrics-token-0123456789abcdeX' });
    expectError(await json(wrong), 401, wrong);
    for (const k of [member.secret, admin.secret]) {
      const res = await gw.req('/metrics', { key: k });
      expectError(await json(res), 403, res);
    }
    for (const k of [gw.adminKey, METRICS_TOKEN]) {
      const res = await gw.req('/metrics', { key: k });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('cordon_http_requests_total');
    }
  });

  it('/docs and the contract are served with nosniff and frame-ancestors none', async () => {
    for (const path of ['/docs', '/openapi.json', '/openapi.yaml']) {
      const res = await gw.req(path, { key: null });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      if (path === '/docs' && res.status === 200) expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });

  it('/readyz answers 503 as soon as draining starts; /healthz stays 200', async () => {
    const g = await startTestGateway({ CORDON_DEMO_MODEL: 'false', CORDON_SHUTDOWN_DRAIN_DELAY_MS: '1500' });
    try {
      expect((await g.req('/readyz', { key: null })).status).toBe(200);
      const stopping = g.stop();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const res = await g.req('/readyz', { key: null });
      expect(res.status).toBe(503);
      expect(await json(res)).toEqual({ status: 'draining' });
      expect((await g.req('/healthz', { key: null })).status).toBe(200);
      await stopping;
    } finally {
      await g.stop();
    }
  });
});

// ------------------------------------------------------------------ 12: role edges

describe('a domain admin manages member keys and its own key only', () => {
  it("cannot rotate or revoke another admin's key (and never sees its secret); its reach ends at its domain", async () => {
    const a1 = await makeDomainKey(gw, 'team-a', 'admin');
    const a2 = await makeDomainKey(gw, 'team-a', 'admin');
    const member = await makeDomainKey(gw, 'team-a');
    const rotate = await gw.req(`/admin/v1/keys/${a2.id}/rotate`, { method: 'POST', key: a1.secret });
    const rb = await json(rotate);
    expectError(rb, 403, rotate, 'insufficient_role');
    expect(rb.secret).toBeUndefined();
    expect(JSON.stringify(rb)).not.toContain('cdn_');
    const revoke = await gw.req(`/admin/v1/keys/${a2.id}/revoke`, { method: 'POST', key: a1.secret });
    expectError(await json(revoke), 403, revoke, 'insufficient_role');
    // a2's key still works, unchanged.
    expect((await gw.req('/admin/v1/keys', { key: a2.secret })).status).toBe(200);
    // A member key of its domain, and its own key: allowed.
    const rm = await gw.req(`/admin/v1/keys/${member.id}/rotate`, { method: 'POST', key: a1.secret });
    expect(rm.status).toBe(200);
    expect((await json(rm)).secret).toMatch(/^cdn_/);
    const own = await gw.req(`/admin/v1/keys/${a1.id}/rotate`, { method: 'POST', key: a1.secret });
    expect(own.status).toBe(200);
    const a1New = (await json(own)).secret as string;
    expect((await gw.req(`/admin/v1/keys/${member.id}/revoke`, { method: 'POST', key: a1New })).status).toBe(200);
    // The superadmin still may rotate any admin key.
    expect((await gw.req(`/admin/v1/keys/${a2.id}/rotate`, { method: 'POST' })).status).toBe(200);

    // Unchanged: another domain's keys and superadmin keys do not exist for a domain admin.
    const otherDomain = await makeDomainKey(gw, 'team-b');
    const supers = (await json(await gw.req('/admin/v1/keys'))).data.filter((k: { role: string }) => k.role === 'superadmin');
    for (const id of [otherDomain.id, supers[0].id]) {
      const res = await gw.req(`/admin/v1/keys/${id}/rotate`, { method: 'POST', key: a1New });
      expectError(await json(res), 404, res);
    }
    // Creating keys: member and admin keys of its own domain (as documented), never superadmin.
    const mk = await gw.req('/admin/v1/keys', { method: 'POST', key: a1New, json: { name: 'm', role: 'admin' } });
    expect(mk.status).toBe(201);
    const sk = await gw.req('/admin/v1/keys', { method: 'POST', key: a1New, json: { name: 's', role: 'superadmin' } });
    expectError(await json(sk), 403, sk);
  });
});

describe("a domain admin's writes are limited per minute", () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ CORDON_DEMO_MODEL: 'false', CORDON_ADMIN_WRITES_PER_MINUTE: '3' });
  });
  afterAll(() => gw?.stop());

  it('past CORDON_ADMIN_WRITES_PER_MINUTE: a 429 with Retry-After, for every admin key of the domain; reads, other domains and superadmins go on', async () => {
    const admin = await makeDomainKey(gw, 'busy', 'admin'); // made by the superadmin: not counted
    const mint = (key: string, name: string) => gw.req('/admin/v1/keys', { method: 'POST', key, json: { name } });
    const first = await json(await mint(admin.secret, 'one'));
    expect((await gw.req(`/admin/v1/keys/${first.id}/revoke`, { method: 'POST', key: admin.secret })).status).toBe(200);
    expect((await mint(admin.secret, 'two')).status).toBe(201);
    const refused = await mint(admin.secret, 'three');
    const body = await json(refused);
    expect(refused.status).toBe(429);
    expect(contract.schema('ErrorResponse', body)).toBeNull();
    expect(body.error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limit_exceeded' });
    expect(body.error.message).toMatch(/admin writes per minute/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Nothing was written.
    const names = (await json(await gw.req('/admin/v1/keys', { key: admin.secret }))).data.map((k: { name: string }) => k.name);
    expect(names).not.toContain('three');
    // The domain's other admin keys share the budget: an admin cannot multiply it by minting more.
    const second = await makeDomainKey(gw, 'busy', 'admin');
    const alsoRefused = await mint(second.secret, 'four');
    expect(alsoRefused.status).toBe(429);
    expect(contract.schema('ErrorResponse', await json(alsoRefused))).toBeNull();
    // Another domain's admin, and the superadmin, still write; this admin still reads.
    const other = await makeDomainKey(gw, 'calm', 'admin');
    expect((await mint(other.secret, 'x')).status).toBe(201);
    expect((await gw.req('/admin/v1/keys', { method: 'POST', json: { domain_id: 'busy', name: 'by-superadmin' } })).status).toBe(201);
    expect((await gw.req(`/admin/v1/keys/${first.id}`, { key: admin.secret })).status).toBe(200);
  });
});
