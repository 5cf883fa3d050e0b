// Audio that inflates (issue 11, item 4): WAV headers that lie, compressed files that expand to
// hours, decoding that must not hold the event loop, ffmpeg bounded and pinned to its input, and
// the whisper queue bounded. Test files are made here: WAV headers by hand, compressed audio with
// the real ffmpeg (installed in CI: a missing ffmpeg fails these tests, it never skips them).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAudio } from '../../src/audio/decode.js';
import { loadConfig } from '../../src/config.js';
import { contract, json, startTestGateway, type TestGateway } from '../helpers.js';

const MODEL = 'cordon-demo-whisper';
const FILE_LIMIT = 25 * 1024 * 1024;
let gw: TestGateway;
/** CORDON_AUDIO_MAX_DURATION_SECONDS=60 and CORDON_WHISPER_QUEUE=0: one transcription at a time, none waiting. */
let tight: TestGateway;

/** A canonical 44-byte PCM WAV header claiming `dataSize` bytes of samples. */
function wavHeader(o: { rate: number; channels?: number; bits?: number; dataSize: number }): Buffer {
  const { rate, channels = 1, bits = 16, dataSize } = o;
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'latin1');
  h.writeUInt32LE(Math.min(0xffffffff, 36 + dataSize), 4);
  h.write('WAVE', 8, 'latin1');
  h.write('fmt ', 12, 'latin1');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(channels, 22);
  h.writeUInt32LE(rate, 24);
  h.writeUInt32LE(Math.min(0xffffffff, (rate * channels * bits) / 8), 28);
  h.writeUInt16LE((channels * bits) / 8, 32);
  h.writeUInt16LE(bits, 34);
  h.write('data', 36, 'latin1');
  h.writeUInt32LE(Math.min(0xffffffff, dataSize), 40);
  return h;
}

/** A WAV whose header is honest: `seconds` of a 300 Hz tone. */
function tone(seconds: number, rate = 16000, channels = 1): Buffer {
  const frames = Math.round(seconds * rate);
  const data = Buffer.alloc(frames * channels * 2);
  for (let i = 0; i < frames; i++) {
    const x = Math.round(0.4 * 32767 * Math.sin((2 * Math.PI * 300 * i) / rate));
    for (let c = 0; c < channels; c++) data.writeInt16LE(x, (i * channels + c) * 2);
  }
  return Buffer.concat([wavHeader({ rate, channels, dataSize: data.length }), data]);
}

/** A file of (nearly) the 25 MB upload limit: the header, then low-level noise. */
function fullSize(o: { rate: number; channels?: number; bits?: number }): Buffer {
  const body = Buffer.alloc(FILE_LIMIT - 4096);
  for (let i = 0; i < body.length; i += 2) body[i] = i % 7;
  return Buffer.concat([wavHeader({ ...o, dataSize: body.length }), body]);
}

function transcribe(g: TestGateway, file: Buffer, name = 'speech.wav', fields: Record<string, string> = {}): Promise<Response> {
  const form = new FormData();
  form.set('model', MODEL);
  form.set('language', 'en');
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('file', new Blob([file]), name);
  return g.req('/v1/audio/transcriptions', { method: 'POST', body: form });
}

/** The response must be a 400 invalid_request_error naming `file`, in OpenAI's error shape; its message is returned. */
async function refused(res: Response, code = 'invalid_value'): Promise<string> {
  const body = await json(res);
  expect(res.status, JSON.stringify(body)).toBe(400);
  expect(contract.schema('ErrorResponse', body)).toBeNull();
  expect(body.error.type).toBe('invalid_request_error');
  expect(body.error.param).toBe('file');
  expect(body.error.code).toBe(code);
  return body.error.message as string;
}

/** ffmpeg, run by the test to make its inputs. */
const ffmpeg = (...args: string[]) => execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args]);
const dir = mkdtempSync(join(tmpdir(), 'cordon-inflate-'));

/** ffmpeg processes that are children of this process (the gateway runs in it), once the killed ones are gone. */
async function ffmpegChildren(): Promise<number> {
  const count = () => execFileSync('ps', ['-o', 'comm=', '--ppid', String(process.pid)]).toString().split('\n').filter((c) => c.startsWith('ffmpeg')).length;
  for (let i = 0; i < 40 && count() > 0; i++) await new Promise((r) => setTimeout(r, 50));
  return count();
}

/** The longest time the event loop was held while `work` ran, ms. */
async function maxLoopDelay(work: () => Promise<void>): Promise<number> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  await new Promise((r) => setTimeout(r, 20));
  await work();
  h.disable();
  return h.max / 1e6;
}

beforeAll(async () => {
  [gw, tight] = await Promise.all([startTestGateway(), startTestGateway({ CORDON_AUDIO_MAX_DURATION_SECONDS: '60', CORDON_WHISPER_QUEUE: '0' })]);
});
afterAll(async () => {
  await Promise.all([gw?.stop(), tight?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

describe('WAV headers that lie', () => {
  it('a 25 MB WAV claiming 1 kHz (seven hours once resampled to 16 kHz) is a 400 at once, nothing decoded', async () => {
    const rss = process.memoryUsage().rss;
    const t = performance.now();
    const message = await refused(await transcribe(gw, fullSize({ rate: 1000, bits: 8 })));
    expect(message).toMatch(/sample rate, 1000 Hz, is below 8000 Hz/);
    expect(performance.now() - t).toBeLessThan(5000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(300 * 1024 * 1024);
    // 1 Hz and 7999 Hz too; 8 kHz (telephone audio) is the lowest accepted.
    expect(await refused(await transcribe(gw, fullSize({ rate: 1 })))).toMatch(/1 Hz/);
    expect(await refused(await transcribe(gw, tone(1, 7999)))).toMatch(/7999 Hz/);
    expect((await transcribe(gw, tone(1, 8000))).status).toBe(200);
  });

  it('more channels than the bound (9, 65535) is a 400; 8 channels, 192 kHz stereo and a data size that lies decode', async () => {
    expect(await refused(await transcribe(gw, Buffer.concat([wavHeader({ rate: 16000, channels: 9, dataSize: 9 * 2 * 16000 }), Buffer.alloc(9 * 2 * 16000)])))).toMatch(/9 channels, more than the 8/);
    expect(await refused(await transcribe(gw, fullSize({ rate: 16000, channels: 65535, bits: 8 })))).toMatch(/65535 channels/);
    const eight = await transcribe(gw, tone(1, 16000, 8), 'speech.wav', { response_format: 'verbose_json' });
    expect(eight.status).toBe(200);
    expect((await json(eight)).duration).toBe(1);
    const hiRes = await transcribe(gw, tone(2, 192000, 2), 'speech.wav', { response_format: 'verbose_json' });
    expect(hiRes.status).toBe(200);
    expect((await json(hiRes)).duration).toBe(2);
    // A data chunk (and RIFF size) claiming 4 GB: what the file holds is decoded, and no more.
    const liar = tone(2);
    liar.writeUInt32LE(0xffffffff, 40);
    liar.writeUInt32LE(0xffffffff, 4);
    const res = await transcribe(gw, liar, 'speech.wav', { response_format: 'verbose_json' });
    expect(res.status).toBe(200);
    expect((await json(res)).duration).toBe(2);
  });

  it("audio longer than CORDON_AUDIO_MAX_DURATION_SECONDS is a 400 in OpenAI's words, before decoding", async () => {
    const message = await refused(await transcribe(tight, tone(61)));
    expect(message).toBe('audio duration 61 seconds is longer than 60 seconds which is the maximum for this model');
    expect((await transcribe(tight, tone(59))).status).toBe(200);
  });
});

describe('compressed audio that expands', () => {
  it('ten hours of flac silence (a small file) is stopped at the bound: 400, ffmpeg killed, memory bounded', async () => {
    const flac = join(dir, 'silence.flac');
    ffmpeg('-f', 'lavfi', '-i', 'anullsrc=r=8000:cl=mono', '-t', '36000', '-c:a', 'flac', flac);
    const bytes = readFileSync(flac);
    expect(bytes.length).toBeLessThan(FILE_LIMIT);
    // The default bound (7200 s) holds at most 7200 s x 16 kHz x 4 bytes = 461 MB; ten hours would be 2.3 GB.
    const rss = process.memoryUsage().rss;
    let peak = rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    try {
      const message = await refused(await transcribe(gw, bytes, 'silence.flac'));
      expect(message).toBe('audio duration is longer than 7200 seconds which is the maximum for this model');
    } finally {
      clearInterval(sampler);
    }
    console.log(`RSS growth while ten hours of flac were refused: ${((peak - rss) / 1048576).toFixed(0)} MB`);
    expect(peak - rss).toBeLessThan(1024 * 1024 * 1024);
    expect(await ffmpegChildren()).toBe(0);
    // With a 60 s bound the same file stops after a minute of output.
    expect(await refused(await transcribe(tight, bytes, 'silence.flac'))).toMatch(/longer than 60 seconds/);
  });

  it('ffmpeg decodes the bytes as what they were sniffed as: a WAV behind an ID3 tag does not slip past the WAV rules', async () => {
    // ffmpeg's own probe skips an ID3 tag and would find the WAV (at 1 kHz here) behind it.
    const id3 = Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1');
    const disguised = Buffer.concat([id3, tone(30, 1000)]);
    await refused(await transcribe(gw, disguised, 'song.mp3'), 'invalid_audio');
    expect(await ffmpegChildren()).toBe(0);
    // A real mp3 with an ID3 tag still decodes.
    ffmpeg('-f', 'lavfi', '-i', 'sine=frequency=300:sample_rate=16000', '-t', '2', '-c:a', 'libmp3lame', '-id3v2_version', '4', '-metadata', 'title=x', join(dir, 'tone.mp3'));
    const mp3 = readFileSync(join(dir, 'tone.mp3'));
    expect(mp3.subarray(0, 3).toString('latin1')).toBe('ID3');
    const ok = await transcribe(gw, mp3, 'tone.mp3', { response_format: 'verbose_json' });
    expect(ok.status).toBe(200);
    expect((await json(ok)).duration).toBeCloseTo(2, 0);
  });
});

describe('decoding never holds the event loop', () => {
  /** The multipart body, built before the measurement starts (the client shares this process). */
  function multipart(file: Buffer, fields: Record<string, string>): { body: Buffer; type: string } {
    const b = `----h3${Date.now()}`;
    const parts = Object.entries(fields).map(([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
    const head = `${parts.join('')}--${b}\r\nContent-Disposition: form-data; name="file"; filename="speech.wav"\r\nContent-Type: audio/wav\r\n\r\n`;
    return { body: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${b}--\r\n`)]), type: `multipart/form-data; boundary=${b}` };
  }

  // Before slicing, decoding these two files held the loop for about 640 ms and 200 ms in one go
  // (measured on the 2-core test machine).
  // Transcribing 27 minutes would take minutes: the model's file here is not a model, so each
  // request ends right after decoding, which is the part measured.
  beforeAll(async () => {
    const bad = join(dir, 'not-a-model.bin');
    writeFileSync(bad, Buffer.alloc(4096, 7));
    const reg = await gw.req('/admin/v1/models', { method: 'POST', json: { id: 'decode-only', engine: 'whisper', settings: { path: bad }, capabilities: ['transcription'] } });
    expect(reg.status).toBe(201);
  });

  for (const [name, o] of [
    ['8 kHz mono (27 minutes)', { rate: 8000 }],
    ['192 kHz stereo (34 s)', { rate: 192000, channels: 2 }],
  ] as const) {
    it(`a 25 MB WAV at ${name}: decoding yields every few milliseconds`, async () => {
      const file = fullSize(o);
      // The decoder alone, as the gateway calls it: its own slices, free of the upload's noise.
      let seconds = 0;
      const decoding = await maxLoopDelay(async () => {
        seconds = (await decodeAudio(file, { ffmpeg: null, limits: loadConfig({}).audio })).duration;
      });
      expect(seconds).toBeCloseTo((FILE_LIMIT - 4096) / (o.rate * 2 * ('channels' in o ? o.channels : 1)), 3);
      // The whole request: reading the 25 MB upload, decoding, and the collection of its garbage.
      const { body, type } = multipart(file, { model: 'decode-only', language: 'en' });
      let res: Response | undefined;
      const request = await maxLoopDelay(async () => {
        res = await gw.req('/v1/audio/transcriptions', { method: 'POST', body, headers: { 'content-type': type } });
      });
      // Decoded, then the engine could not load the model: an engine error, not a refused upload.
      expect(res!.status).toBeGreaterThanOrEqual(500);
      expect(contract.schema('ErrorResponse', await json(res!))).toBeNull();
      console.log(`max event-loop delay, 25 MB WAV at ${name}: decoding ${decoding.toFixed(1)} ms, whole request ${request.toFixed(1)} ms`);
      expect(decoding).toBeLessThan(100);
      // A bound for a shared CI machine; the upload path alone has shown blocks of tens of ms.
      expect(request).toBeLessThan(500);
    });
  }
});

describe('the whisper queue is bounded', () => {
  it('a full queue is a 503 with Retry-After before anything is decoded; a refused upload frees its place', async () => {
    const results = await Promise.all([0, 1, 2].map(() => transcribe(tight, tone(30))));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toContain(200);
    expect(statuses).toContain(503);
    const busy = results.find((r) => r.status === 503)!;
    expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = await json(busy);
    expect(contract.schema('ErrorResponse', body)).toBeNull();
    expect(body.error.code).toBe('engine_overloaded');
    // A refused upload (here: too long) gave its place back: with no room to wait, the next one runs.
    await refused(await transcribe(tight, tone(61)));
    await refused(await transcribe(tight, Buffer.from('not audio at all, just text\n'.repeat(10))), 'invalid_audio');
    expect((await transcribe(tight, tone(2))).status).toBe(200);
  });
});

describe('a client that goes away mid-transcription', () => {
  it('does not wedge the model: its place is held until the job ends, then the next request runs', async () => {
    const abort = new AbortController();
    const form = new FormData();
    form.set('model', MODEL);
    form.set('language', 'en');
    form.set('stream', 'true');
    form.set('file', new Blob([tone(59)]), 'speech.wav');
    const res = await tight.req('/v1/audio/transcriptions', { method: 'POST', body: form, signal: abort.signal });
    expect(res.status).toBe(200);
    await res.body!.getReader().read();
    abort.abort();
    // With no room to wait (CORDON_WHISPER_QUEUE=0), others get 503 until the dropped job is done.
    let status = 0;
    const until = Date.now() + 45_000;
    while (Date.now() < until) {
      status = (await transcribe(tight, tone(1))).status;
      if (status === 200) break;
      expect(status).toBe(503);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
  });
});

describe('a long prompt', () => {
  it("is cut to the tail whisper.cpp keeps: 64 KB of one letter (which overflowed whisper.cpp's tokenizer and killed the process) transcribes", async () => {
    // The multipart field limit would refuse this prompt first; raise it so the engine sees it.
    const wide = await startTestGateway({ CORDON_MULTIPART_MAX_FIELD_BYTES: String(128 * 1024) });
    try {
      for (const prompt of ['p'.repeat(64 * 1024), `${'é'.repeat(3000)}${'😀'.repeat(3000)}`]) {
        const res = await transcribe(wide, tone(1), 'speech.wav', { prompt });
        const body = await json(res);
        expect(res.status, JSON.stringify(body)).toBe(200);
        expect(contract.response('createTranscription', 200, 'application/json', body)).toBeNull();
      }
      expect((await wide.req('/healthz', { key: null })).status).toBe(200);
    } finally {
      await wide.stop();
    }
  });
});
