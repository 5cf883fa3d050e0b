// Multipart limits on the audio uploads (issue 11, item 3): field count, field size, field-name
// size, part count, one file and only in `file`, known field names, the whole body; a body that does
// not match its boundary or ends early. Each is a 400 or 413 in OpenAI's shape, answered without
// buffering more than the limits allow, and the gateway keeps serving.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, startTestGateway, type TestGateway } from '../helpers.js';
import { rawRequest, trackSockets } from '../support/raw-http.js';
import { pcmWav } from '../support/wav.js';

const MODEL = 'cordon-demo-whisper';
const BOUNDARY = 'cordonTestBoundary7MA4YWxkTrZu0gW';
let gw: TestGateway;
let small: TestGateway;

/** A short WAV (silence), enough for the demo whisper model. */
const wav = (seconds = 1, rate = 16000): Buffer => pcmWav({ seconds, rate });

type Part = { name?: string; value: string | Buffer; filename?: string; headers?: string[] };

/** A multipart/form-data body, built by hand so that it can be wrong on purpose. */
function form(parts: Part[], { boundary = BOUNDARY, close = true } = {}): Buffer {
  const out: Buffer[] = [];
  for (const p of parts) {
    const disp = p.name === undefined ? [] : [`content-disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}`];
    const type = p.filename ? ['content-type: audio/wav'] : [];
    out.push(Buffer.from(`--${boundary}\r\n${[...disp, ...type, ...(p.headers ?? [])].join('\r\n')}\r\n\r\n`, 'latin1'), Buffer.from(p.value), Buffer.from('\r\n'));
  }
  if (close) out.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(out);
}

const valid = (): Part[] => [
  { name: 'model', value: MODEL },
  { name: 'file', value: wav(), filename: 'speech.wav' },
];

async function send(target: TestGateway, body: Buffer, contentType = `multipart/form-data; boundary=${BOUNDARY}`, path = '/v1/audio/transcriptions') {
  const res = await target.req(path, { method: 'POST', headers: { 'content-type': contentType }, body });
  const text = await res.text();
  let json: any = text;
  try {
    json = JSON.parse(text);
  } catch {
    /* text */
  }
  return { status: res.status, body: json };
}

function expectError(r: { status: number; body: any }, status: number, code: string, param?: string | null) {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(contract.schema('ErrorResponse', r.body)).toBeNull();
  expect(r.body.error.code).toBe(code);
  if (param !== undefined) expect(r.body.error.param).toBe(param);
}

beforeAll(async () => {
  [gw, small] = await Promise.all([
    startTestGateway(),
    // Small limits, to reach each one with a small body.
    startTestGateway({ CORDON_DEMO_MODEL: 'false', CORDON_MULTIPART_ALLOW_UNKNOWN_FIELDS: 'false', CORDON_MULTIPART_MAX_PARTS: '5', CORDON_MULTIPART_MAX_FIELD_NAME_BYTES: '20', CORDON_FILE_LIMIT_BYTES: '100000' }),
  ]);
});
afterAll(async () => {
  await Promise.all([gw?.stop(), small?.stop()]);
});

describe('multipart limits', () => {
  it('a field flood (100,000 fields) is a 413 at the 33rd field', async () => {
    const flood: Part[] = [];
    for (let i = 0; i < 100_000; i++) flood.push({ name: 'language', value: 'en' });
    const body = form([...valid(), ...flood]);
    const h = monitorEventLoopDelay({ resolution: 1 });
    h.enable();
    const t = performance.now();
    const r = await send(gw, body);
    const ms = performance.now() - t;
    h.disable();
    expectError(r, 413, 'too_many_fields');
    expect(r.body.error.message).toMatch(/more than 32 fields/);
    console.log(`field flood (${body.length} bytes): 413 in ${ms.toFixed(0)} ms; event loop delay max ${(h.max / 1e6).toFixed(1)} ms`);
  });

  it('a field value over the limit is a 400 naming the field', async () => {
    expectError(await send(gw, form([...valid(), { name: 'prompt', value: 'p'.repeat(200 * 1024) }])), 400, 'field_too_long', 'prompt');
  });

  it('a field name over the limit is a 400', async () => {
    expectError(await send(small, form([{ name: 'x'.repeat(50), value: '1' }, ...valid()])), 400, 'invalid_field_name');
  });

  it('more parts than the limit is a 413 (parts without a field name count too)', async () => {
    const anonymous: Part[] = Array.from({ length: 10 }, () => ({ value: 'x', headers: ['content-type: text/plain'] }));
    expectError(await send(small, form([...anonymous, ...valid()])), 413, 'too_many_parts');
  });

  it('two files are a 400 that says only one may be sent, not a 413', async () => {
    const r = await send(gw, form([...valid(), { name: 'file', value: wav(), filename: 'again.wav' }]));
    expectError(r, 400, 'too_many_files', 'file');
    expect(r.body.error.message).toMatch(/Only one file/);
  });

  it("a file under another field than 'file' is a 400 naming that field", async () => {
    const r = await send(gw, form([{ name: 'model', value: MODEL }, { name: 'audio', value: wav(), filename: 'speech.wav' }]));
    expectError(r, 400, 'unexpected_file', 'audio');
  });

  it('unknown field names pass on by default (for upstreams) and are a 400 naming them when the operator refuses them; the fields the contract defines pass', async () => {
    const ok = await send(gw, form([...valid(), { name: 'language', value: 'en' }, { name: 'timestamp_granularities[]', value: 'segment' }, { name: 'response_format', value: 'verbose_json' }]));
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(typeof ok.body.text).toBe('string');
    const extra = await send(gw, form([...valid(), { name: 'colour', value: 'blue' }]));
    expect(extra.status, JSON.stringify(extra.body)).toBe(200);
    expectError(await send(small, form([...valid(), { name: 'colour', value: 'blue' }])), 400, 'unknown_parameter', 'colour');
    expectError(await send(gw, form([...valid(), { name: 'language[x][y]', value: 'en' }])), 400, 'invalid_field_name');
  });

  it('a body that does not match its declared boundary, or ends early, or has a broken part header is a 400, not a 500', async () => {
    const wrongBoundary = await send(gw, form(valid(), { boundary: 'someOtherBoundary' }));
    expectError(wrongBoundary, 400, 'invalid_multipart');
    const cut = form(valid(), { close: false });
    expectError(await send(gw, cut.subarray(0, cut.length - 100)), 400, 'invalid_multipart');
    expectError(await send(gw, form(valid()), 'multipart/form-data'), 400, 'invalid_multipart');
    // busboy's fixed cap on one part's headers (16 KiB)
    expectError(await send(gw, form([{ name: 'model', value: MODEL, headers: [`x-pad: ${'a'.repeat(20 * 1024)}`] }, valid()[1]!])), 400, 'invalid_multipart');
  });

  it('a file over the limit is a 413; a body declared larger than every limit together is refused before it is read', async () => {
    expectError(await send(small, form([{ name: 'model', value: MODEL }, { name: 'file', value: Buffer.alloc(200_000), filename: 'a.wav' }])), 413, 'payload_too_large', 'file');
    const sockets = trackSockets(gw.server);
    const declared = 40 * 1024 * 1024;
    const r = await rawRequest(gw.url, sockets, 'POST', '/v1/audio/transcriptions', { key: gw.adminKey, bodyBytes: declared, contentType: `multipart/form-data; boundary=${BOUNDARY}` });
    expect(r.status).toBe(413);
    expect(contract.schema('ErrorResponse', r.body)).toBeNull();
    expect(r.headers.connection).toBe('close');
    expect(r.serverRead).toBeLessThan(1024 * 1024);
    console.log(`declared ${declared} bytes: 413 in ${r.ms.toFixed(1)} ms; server read ${r.serverRead} bytes`);
  });

  it('a chunked body (no declared length) is counted as it arrives: 413 once past the limit, then the connection is closed', async () => {
    // `small` allows 100,000 file bytes + 32 fields of 4 KiB + 1 MiB of framing; send 8 MB of preamble.
    const sockets = trackSockets(small.server);
    const u = new URL(small.url);
    const { request } = await import('node:http');
    const result = await new Promise<{ status: number; body: string; connection?: string; port: number }>((resolve, reject) => {
      const req = request({ host: u.hostname, port: u.port, method: 'POST', path: '/v1/audio/transcriptions', headers: { authorization: `Bearer ${small.adminKey}`, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } });
      let port = 0;
      req.on('socket', (s) => s.on('connect', () => (port = s.localPort!)));
      req.on('response', (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode!, body, connection: res.headers.connection, port }));
      });
      req.on('error', reject);
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let sent = 0;
      const pump = () => {
        while (sent < 8 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect(result.status).toBe(413);
    expect(contract.schema('ErrorResponse', JSON.parse(result.body))).toBeNull();
    expect(result.connection).toBe('close');
    await new Promise((r) => setTimeout(r, 50));
    expect(sockets.get(result.port)!.bytesRead).toBeLessThan(3 * 1024 * 1024);
    // and after all of that, the gateway still transcribes
    expect((await send(gw, form(valid()))).status).toBe(200);
    expectError(await send(gw, form([{ name: 'model', value: MODEL }])), 400, 'missing_required_parameter', 'file');
  });
});
