// One path matcher for auth and routing (issue 11, item 2). Every spelling of a URL that is not the
// contract's own (other case, double or trailing slashes, percent-encoded literals, dot segments)
// is a 404 in OpenAI's shape on both lanes, before the key is looked at and before any body is read;
// a request refused before its body is read (401, 403, 404) is answered at once with
// `Connection: close`, and the server reads a few hundred KB of a 20 MB upload, not all of it; the
// close lingers (half-closed, nothing more read), so a client that reads late still gets its answer.
// Requests are sent over raw sockets: fetch would normalize the paths under test.
import type { Socket } from 'node:net';
import OpenAI, { toFile } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RouteTable, operationDefs } from '@cordon/server-kit';
import { contract, makeDomainKey, startTestGateway, type TestGateway } from '../helpers.js';
import { rawRequest, trackSockets, type RawResult } from '../support/raw-http.js';

interface Lane {
  name: string;
  gw: TestGateway;
  memberA: string;
  /** Server-side sockets by the client's port, to read how many bytes the server took in. */
  sockets: Map<number, Socket>;
}

const lanes: Lane[] = [];

beforeAll(async () => {
  for (const [name, env] of [
    ['fast lane on', { CORDON_FAST_LANE: 'true' }],
    ['fast lane off', { CORDON_FAST_LANE: 'false' }],
  ] as const) {
    const gw = await startTestGateway({ CORDON_DEMO_MODEL: 'false', ...env });
    const memberA = (await makeDomainKey(gw, 'team-a')).secret;
    await makeDomainKey(gw, 'team-b');
    const sockets = trackSockets(gw.server);
    lanes.push({ name, gw, memberA, sockets });
  }
});
afterAll(async () => {
  await Promise.all(lanes.map((l) => l.gw.stop()));
});

const raw = (lane: Lane, method: string, target: string, opts?: Parameters<typeof rawRequest>[4]) => rawRequest(lane.gw.url, lane.sockets, method, target, opts);

function expectUnknownUrl(r: RawResult) {
  expect(r.status, JSON.stringify(r.body)).toBe(404);
  expect(contract.schema('ErrorResponse', r.body)).toBeNull();
  expect(r.body.error.code).toBe('unknown_url');
}

describe('the canonical spelling (the route table alone)', () => {
  const table = new RouteTable(Object.values(operationDefs));
  it('matches the contract spelling, decodes a parameter once, refuses every other spelling', () => {
    const ok = table.match('GET', '/proxy/team%2Da/v1/models/org%2Fmodel?x=1');
    expect(ok.ok && ok.match.op.operationId).toBe('retrieveModel');
    expect(ok.ok && ok.match.params).toEqual({ domain_id: 'team-a', model: 'org/model' });
    expect(ok.ok && ok.match.proxyDomain).toBe('team-a');
    const admin = table.match('GET', '/admin/v1/domains/team-a');
    expect(admin.ok && admin.match.proxyDomain).toBeUndefined();
    for (const bad of ['/V1/models', '/v1//models', '/v1/models/', '//v1/models', '/%761/models', '/v1/mod%65ls', '/PROXY/team-a/v1/models', '/proxy/team-a/V1/models', '/proxy/%2e%2e/v1/models', '/proxy/../v1/models', '/proxy/./v1/models', '/proxy/%E0%A4%A/v1/models', '/proxy/a%zz/v1/models', '/v1/models#x', 'http://h/v1/models', '*', '/']) {
      const r = table.match('GET', bad);
      expect(r.ok, bad).toBe(false);
      expect(!r.ok && r.error.status, bad).toBe(404);
    }
    const wrongMethod = table.match('DELETE', '/v1/models');
    expect(!wrongMethod.ok && wrongMethod.error.status).toBe(405);
  });
});

describe.each(['fast lane on', 'fast lane off'])('every spelling (%s)', (name) => {
  const lane = () => lanes.find((l) => l.name === name)!;

  it("other case, doubled and trailing slashes, encoded literals, dot segments: 404 before the key is looked at", async () => {
    const l = lane();
    // The contract spelling is served; a percent-encoded parameter is decoded once.
    expect((await raw(l, 'GET', '/v1/models', { key: l.memberA })).status).toBe(200);
    expect((await raw(l, 'GET', '/proxy/team-a/v1/models', { key: l.memberA })).status).toBe(200);
    expect((await raw(l, 'GET', '/proxy/team%2Da/v1/models', { key: l.memberA })).status).toBe(200);
    expect((await raw(l, 'GET', '/proxy/team-b/v1/models', { key: l.memberA })).status).toBe(403);
    for (const target of ['/V1/models', '/v1//models', '/v1/models/', '/%761/models', '/v1/%6dodels', '/PROXY/team-a/v1/models', '/Admin/v1/keys', '/admin/v1/keys/', '/v1/./models', '/v1/../v1/models']) {
      for (const key of [l.memberA, l.gw.adminKey, undefined]) expectUnknownUrl(await raw(l, 'GET', target, { key }));
    }
  });

  it("domain A's key cannot reach domain B through another spelling of the proxy path", async () => {
    const l = lane();
    for (const target of ['/proxy/team-b/V1/models', '/proxy/team-b/v1//models', '/proxy/team-b/v1/models/', '/PROXY/team-b/v1/models', '/proxy/%2e%2e/v1/models', '/proxy/team-b/%761/models', '/proxy/team-b/V1/chat/completions']) {
      const r = await raw(l, target.endsWith('completions') ? 'POST' : 'GET', target, { key: l.memberA, bodyBytes: target.endsWith('completions') ? 2 : undefined });
      expectUnknownUrl(r);
    }
  });

  it('a known path with a method it does not have is a 405 naming the allowed ones', async () => {
    const r = await raw(lane(), 'DELETE', '/v1/models', { key: lane().memberA });
    expect(r.status).toBe(405);
    expect(r.headers.allow).toBe('GET');
    expect(contract.schema('ErrorResponse', r.body)).toBeNull();
  });

  it('20 MB without a key, or to an unknown path: answered at once, the connection closed, the body never read', async () => {
    const l = lane();
    const MB20 = 20 * 1024 * 1024;
    const multipart = 'multipart/form-data; boundary=xyz';
    const cases: Array<{ method: string; target: string; key?: string; ct?: string; status: number; bytes: number }> = [
      { method: 'POST', target: '/v1/audio/transcriptions', ct: multipart, status: 401, bytes: MB20 },
      { method: 'POST', target: '/V1/audio/transcriptions', ct: multipart, status: 404, bytes: MB20 },
      { method: 'POST', target: '/v1/chat/completions', status: 401, bytes: MB20 },
      { method: 'POST', target: '/v1/Chat/completions', status: 404, bytes: MB20 },
      { method: 'POST', target: '/proxy/team-b/v1/chat/completions', key: l.memberA, status: 403, bytes: MB20 },
      { method: 'POST', target: '/proxy/team-b/v1/audio/transcriptions', key: l.memberA, ct: multipart, status: 403, bytes: MB20 },
      // an unknown path, with and without a valid key: no JSON parse before the 404
      { method: 'POST', target: '/v1/nope', key: l.gw.adminKey, status: 404, bytes: 10 * 1024 * 1024 },
      { method: 'POST', target: '/nope', status: 404, bytes: 10 * 1024 * 1024 },
      { method: 'PUT', target: '/v1/models', key: l.gw.adminKey, status: 405, bytes: 10 * 1024 * 1024 },
    ];
    for (const c of cases) {
      const r = await raw(l, c.method, c.target, { key: c.key, bodyBytes: c.bytes, contentType: c.ct });
      const what = `${c.method} ${c.target}: ${JSON.stringify(r.body).slice(0, 200)}`;
      console.log(`[${l.name}] ${c.method} ${c.target} -> ${r.status} in ${r.ms.toFixed(1)} ms; server read ${r.serverRead} of ${c.bytes} bytes`);
      expect(r.status, what).toBe(c.status);
      expect(contract.schema('ErrorResponse', r.body), what).toBeNull();
      expect(r.headers.connection, what).toBe('close');
      // The server took in the headers and what was in flight, not the body.
      expect(r.serverRead, what).toBeGreaterThan(0);
      expect(r.serverRead, what).toBeLessThan(1024 * 1024);
      expect(r.ms, what).toBeLessThan(1000);
    }
    // The official SDK sees the 401 of a 20 MB upload (not a broken connection).
    const openai = new OpenAI({ baseURL: `${lane().gw.url}/v1`, apiKey: 'cdn_wrong_0000000000000000000000000000000000000000000', maxRetries: 0 });
    const err = await openai.audio.transcriptions.create({ file: await toFile(Buffer.alloc(20 * 1024 * 1024), 'a.wav'), model: 'cordon-demo-whisper' }).catch((e) => e);
    expect(err.status).toBe(401);
    expect(contract.schema('ErrorResponse', { error: err.error })).toBeNull();
    // and the gateway still serves on a fresh connection
    expect((await raw(lane(), 'GET', '/v1/models', { key: lane().memberA })).status).toBe(200);
  });

  it('a client that reads late still gets the answer to a body it was refused: the close lingers, it does not reset', async () => {
    const l = lane();
    const cases = [
      { what: '20 MB over the body limit', key: l.gw.adminKey, bytes: 20 * 1024 * 1024, status: 413 },
      { what: '4 MB without a key', key: undefined, bytes: 4 * 1024 * 1024, status: 401 },
    ];
    for (const c of cases) {
      const r = await lateReader(l.gw.url, '/v1/chat/completions', c.key, c.bytes, 300);
      expect(r.error, c.what).toBeUndefined();
      expect(r.status, c.what).toBe(c.status);
      expect(contract.schema('ErrorResponse', r.body), c.what).toBeNull();
    }
    expect((await raw(l, 'GET', '/v1/models', { key: l.memberA })).status).toBe(200);
  });
});

/** Writes `head` on a fresh socket and collects what comes back until the server closes or `ms` pass. */
async function exchange(base: string, head: string, ms = 1500): Promise<string> {
  const { connect } = await import('node:net');
  const u = new URL(base);
  const sock = connect(Number(u.port), u.hostname);
  let got = '';
  sock.on('data', (d) => (got += d.toString('latin1')));
  sock.write(head);
  await new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    sock.on('close', () => {
      clearTimeout(t);
      resolve();
    });
  });
  sock.destroy();
  return got;
}

/**
 * Writes a request with its whole body in one go, then reads nothing for `readAfterMs` (a client
 * busy elsewhere), then reads until the server's FIN. A server that closes a socket with unread
 * bytes in it sends a reset, and this client then sees an error and no answer.
 */
async function lateReader(base: string, target: string, key: string | undefined, bodyBytes: number, readAfterMs: number) {
  const { connect } = await import('node:net');
  const u = new URL(base);
  const sock = connect(Number(u.port), u.hostname);
  sock.pause();
  const head = [`POST ${target} HTTP/1.1`, `host: ${u.host}`, 'content-type: application/json', `content-length: ${bodyBytes}`];
  if (key) head.push(`authorization: Bearer ${key}`);
  let error: string | undefined;
  sock.on('error', (e: NodeJS.ErrnoException) => (error ??= e.code ?? e.message));
  sock.write(Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`), Buffer.alloc(bodyBytes, 0x20)]));
  await new Promise((r) => setTimeout(r, readAfterMs));
  const chunks: Buffer[] = [];
  sock.on('data', (d: Buffer) => chunks.push(d));
  sock.resume();
  await new Promise<void>((resolve) => {
    const t = setTimeout(resolve, 5_000);
    const settle = () => {
      clearTimeout(t);
      resolve();
    };
    sock.once('end', settle);
    sock.once('close', settle);
  });
  sock.destroy();
  const text = Buffer.concat(chunks).toString('utf8');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
  let body: unknown;
  try {
    body = JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4));
  } catch {
    body = undefined;
  }
  return { status, body, error: status ? undefined : error };
}

describe('what Node would answer on its own', () => {
  it('Expect: 100-continue: no "100 Continue" for a request refused before its body (no key, unknown path); a keyed upload hears it', async () => {
    const lane = lanes[0]!;
    const upload = (key: string | null, path = '/v1/audio/transcriptions') =>
      `POST ${path} HTTP/1.1\r\nhost: x\r\n${key ? `authorization: Bearer ${key}\r\n` : ''}content-type: multipart/form-data; boundary=b\r\ncontent-length: 20000000\r\nexpect: 100-continue\r\n\r\n`;
    for (const [key, path, status] of [[null, '/v1/audio/transcriptions', 401], [lane.memberA, '/v1/nowhere', 404]] as const) {
      const got = await exchange(lane.gw.url, upload(key, path));
      expect(got).not.toContain('100 Continue');
      expect(got).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
      expect(contract.schema('ErrorResponse', JSON.parse(got.slice(got.indexOf('\r\n\r\n') + 4)))).toBeNull();
    }
    const keyed = await exchange(lane.gw.url, upload(lane.memberA), 500);
    expect(keyed).toMatch(/^HTTP\/1\.1 100 Continue\r\n/);
  });

  it("a head Node's parser refuses gets an OpenAI-shaped error, not an empty 400", async () => {
    const lane = lanes[0]!;
    for (const [head, status] of [
      ['POST /v1/chat/completions HTTP/1.1\r\nhost: x\r\ncontent-length: 5\r\ncontent-length: 6\r\n\r\nhello', 400],
      [`GET /v1/models HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
    ] as const) {
      const got = await exchange(lane.gw.url, head);
      expect(got).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
      const body = JSON.parse(got.slice(got.indexOf('\r\n\r\n') + 4));
      expect(contract.schema('ErrorResponse', body)).toBeNull();
      expect(body.error.code).toBe('invalid_http');
    }
    expect((await lane.gw.req('/healthz', { key: null })).status).toBe(200);
  });
});
