// The real `curl -N` against a started gateway (domain-scoped base URL, member key): the raw SSE bytes
// as a shell user sees them. Chat and completions: `data: <json>\n\n` frames ending with
// `data: [DONE]\n\n`; Responses: `event: <type>\ndata: <json>\n\n`; transcripts: `data: <json>\n\n`.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, makeDomainKey, startTestGateway, type TestGateway } from '../helpers.js';
import { pcmWav } from '../support/wav.js';

const MODEL = 'cordon-demo';
// Under CI a missing curl is a failure; elsewhere these tests are skipped, with the reason printed.
const hasCurl = spawnSync('curl', ['--version']).status === 0;
if (!hasCurl && process.env.CI !== 'true') console.warn('clients-curl: skipped, no curl on the PATH');
const runIfCurl = hasCurl || process.env.CI === 'true' ? describe : describe.skip;
let gw: TestGateway;
let base: string;
let key: string;

beforeAll(async () => {
  gw = await startTestGateway();
  key = (await makeDomainKey(gw, 'shell')).secret;
  base = `${gw.url}/proxy/shell/v1`;
});
afterAll(() => gw?.stop());

/** Runs the real curl; resolves with its exit code, the response head (-D) and the body bytes. */
function curl(args: string[]): Promise<{ code: number | null; head: string; body: string; stderr: string }> {
  const headFile = join(gw.dataDir, `head-${Math.random().toString(36).slice(2)}.txt`);
  return new Promise((resolve, reject) => {
    const p = spawn('curl', ['-sS', '-N', '-D', headFile, '-H', `Authorization: Bearer ${key}`, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => out.push(d));
    p.stderr.on('data', (d) => (stderr += d));
    p.once('error', reject);
    p.once('close', (code) => {
      resolve({ code, head: readFileSync(headFile, 'latin1'), body: Buffer.concat(out).toString('utf8'), stderr });
    });
  });
}
const postJson = (path: string, body: unknown) => curl([`${base}${path}`, '-H', 'content-type: application/json', '-d', JSON.stringify(body)]);

/** Splits an SSE body into frames; every frame must end with a blank line. */
function frames(body: string): string[][] {
  expect(body.endsWith('\n\n')).toBe(true);
  return body
    .slice(0, -2)
    .split('\n\n')
    .map((f) => f.split('\n'));
}

runIfCurl('curl -N', () => {
  it('chat: the headers, data-only frames, [DONE] last; the deltas equal the plain answer', async () => {
    const ask = { model: MODEL, messages: [{ role: 'user', content: 'Hello' }], max_tokens: 24, temperature: 0, seed: 3 };
    const r = await postJson('/chat/completions', { ...ask, stream: true, stream_options: { include_usage: true } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.head).toMatch(/^HTTP\/1\.1 200/);
    expect(r.head).toMatch(/\r\ncontent-type: text\/event-stream/i);
    expect(r.head).toMatch(/\r\ncache-control: no-cache/i);
    const fs = frames(r.body);
    expect(fs.at(-1)).toEqual(['data: [DONE]']);
    let text = '';
    for (const f of fs.slice(0, -1)) {
      expect(f).toHaveLength(1);
      expect(f[0]).toMatch(/^data: \{/);
      const chunk = JSON.parse(f[0]!.slice(6));
      expect(contract.response('createChatCompletion', 200, 'text/event-stream', chunk)).toBeNull();
      text += chunk.choices[0]?.delta?.content ?? '';
    }
    // The usage chunk comes last, before [DONE], with no choices.
    expect(JSON.parse(fs.at(-2)![0]!.slice(6))).toMatchObject({ choices: [], usage: { completion_tokens: expect.any(Number) } });
    const plain = await postJson('/chat/completions', ask);
    expect(plain.head).toMatch(/\r\ncontent-type: application\/json/i);
    expect(text).toBe(JSON.parse(plain.body).choices[0].message.content);
  });

  it('completions: data-only frames and [DONE]', async () => {
    const r = await postJson('/completions', { model: MODEL, prompt: 'Once upon a time', max_tokens: 8, stream: true });
    const fs = frames(r.body);
    expect(fs.at(-1)).toEqual(['data: [DONE]']);
    for (const f of fs.slice(0, -1)) expect(contract.response('createCompletion', 200, 'text/event-stream', JSON.parse(f[0]!.replace(/^data: /, '')))).toBeNull();
  });

  it('responses: an event line naming each data line, sequence numbers in order, no [DONE]', async () => {
    const r = await postJson('/responses', { model: MODEL, input: 'Hello', max_output_tokens: 8, stream: true });
    expect(r.head).toMatch(/\r\ncontent-type: text\/event-stream/i);
    const fs = frames(r.body);
    const events = fs.map((f) => {
      expect(f).toHaveLength(2);
      expect(f[0]).toMatch(/^event: [a-z_.]+$/);
      expect(f[1]).toMatch(/^data: \{/);
      const ev = JSON.parse(f[1]!.slice(6));
      expect(ev.type).toBe(f[0]!.slice(7));
      expect(contract.response('createResponse', 200, 'text/event-stream', ev)).toBeNull();
      return ev;
    });
    expect(events[0].type).toBe('response.created');
    expect(events.at(-1).type).toMatch(/^response\.(completed|incomplete)$/);
    expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, i) => i));
  });

  it('a streamed transcript (-F stream=true): data frames whose deltas, concatenated, equal the done text', async () => {
    const wav = join(gw.dataDir, 'speech.wav');
    writeFileSync(wav, pcmWav({ seconds: 2, freq: 300 }));
    const r = await curl([`${base}/audio/transcriptions`, '-F', `file=@${wav}`, '-F', 'model=cordon-demo-whisper', '-F', 'language=en', '-F', 'stream=true']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.head).toMatch(/\r\ncontent-type: text\/event-stream/i);
    const events = frames(r.body).map((f) => {
      expect(f).toHaveLength(1);
      expect(f[0]).toMatch(/^data: \{/);
      const ev = JSON.parse(f[0]!.slice(6));
      expect(contract.response('createTranscription', 200, 'text/event-stream', ev)).toBeNull();
      return ev;
    });
    expect(events.at(-1).type).toBe('transcript.text.done');
    expect(events.slice(0, -1).every((e) => e.type === 'transcript.text.delta')).toBe(true);
    expect(events.slice(0, -1).map((e) => e.delta).join('')).toBe(events.at(-1).text);
    const plain = await curl([`${base}/audio/transcriptions`, '-F', `file=@${wav}`, '-F', 'model=cordon-demo-whisper', '-F', 'language=en']);
    expect(JSON.parse(plain.body).text).toBe(events.at(-1).text);
  });

  it('an error before the stream starts is a plain JSON error, not SSE', async () => {
    const r = await postJson('/chat/completions', { model: 'no-such-model', messages: [{ role: 'user', content: 'x' }], stream: true });
    expect(r.head).toMatch(/^HTTP\/1\.1 404/);
    expect(r.head).toMatch(/\r\ncontent-type: application\/json/i);
    const body = JSON.parse(r.body);
    expect(contract.schema('ErrorResponse', body)).toBeNull();
    expect(body.error.code).toBe('model_not_found');
  });
});
