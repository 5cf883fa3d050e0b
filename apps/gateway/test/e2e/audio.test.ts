// Audio transcription and translation through the official `openai` SDK: on the embedded whisper.cpp
// engine (the demo model, tiny random weights: it hears nonsense, deterministically), and through an
// upstream (a second, real gateway). Test audio is synthesized here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI, { toFile } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, makeDomainKey, reference, spawnGateway, startTestGateway, type ChildGateway, type TestGateway } from '../helpers.js';

const MODEL = 'cordon-demo-whisper';
let gw: TestGateway;
let openai: OpenAI;

interface WavOptions {
  seconds?: number;
  rate?: number;
  channels?: number;
  bits?: 8 | 16 | 24 | 32;
  float?: boolean;
  /** Hz; 0 is silence. */
  freq?: number;
}

/** A WAV file of a tone (a chirp around `freq`), in any of the encodings the gateway decodes. */
function wav({ seconds = 2, rate = 16000, channels = 1, bits = 16, float = false, freq = 440 }: WavOptions = {}): Buffer {
  const frames = Math.round(seconds * rate);
  const bytes = bits / 8;
  const data = Buffer.alloc(frames * channels * bytes);
  for (let i = 0; i < frames; i++) {
    const t = i / rate;
    const x = freq ? 0.4 * Math.sin(2 * Math.PI * freq * t * (1 + 0.1 * t)) : 0;
    for (let c = 0; c < channels; c++) {
      const o = (i * channels + c) * bytes;
      if (float) data.writeFloatLE(x, o);
      else if (bits === 8) data[o] = Math.round(x * 127) + 128;
      else if (bits === 16) data.writeInt16LE(Math.round(x * 32767), o);
      else if (bits === 24) data.writeIntLE(Math.round(x * 8388607), o, 3);
      else data.writeInt32LE(Math.round(x * 2147483647), o);
    }
  }
  const fmt = Buffer.alloc(24);
  fmt.write('fmt ', 0, 'latin1');
  fmt.writeUInt32LE(16, 4);
  fmt.writeUInt16LE(float ? 3 : 1, 8);
  fmt.writeUInt16LE(channels, 10);
  fmt.writeUInt32LE(rate, 12);
  fmt.writeUInt32LE(rate * channels * bytes, 16);
  fmt.writeUInt16LE(channels * bytes, 20);
  fmt.writeUInt16LE(bits, 22);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(4 + fmt.length + 8 + data.length, 4);
  head.write('WAVE', 8, 'latin1');
  const dataHead = Buffer.alloc(8);
  dataHead.write('data', 0, 'latin1');
  dataHead.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, fmt, dataHead, data]);
}

const file = (buf: Buffer, name = 'speech.wav') => toFile(buf, name, { type: 'audio/wav' });
const json = (body: unknown) => expect(contract.response('createTranscription', 200, 'application/json', body)).toBeNull();
const ERROR_SHAPE = (e: any) => expect(contract.schema('ErrorResponse', { error: e.error })).toBeNull();

beforeAll(async () => {
  gw = await startTestGateway();
  openai = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: gw.adminKey, maxRetries: 0 });
});
afterAll(() => gw?.stop());

describe('transcriptions on the embedded whisper engine', () => {
  it('json: the transcript and its duration, the same every time', async () => {
    const a = await openai.audio.transcriptions.create({ file: await file(wav()), model: MODEL, language: 'en' });
    json(a);
    expect(a.text.length).toBeGreaterThan(0);
    expect((a as any).usage).toEqual({ type: 'duration', seconds: 2 });
    const b = await openai.audio.transcriptions.create({ file: await file(wav()), model: MODEL, language: 'en' });
    expect(b.text).toBe(a.text);
  });

  it('what it writes depends on the audio', async () => {
    const tone = await openai.audio.transcriptions.create({ file: await file(wav({ freq: 440 })), model: MODEL, language: 'en' });
    const silence = await openai.audio.transcriptions.create({ file: await file(wav({ freq: 0 })), model: MODEL, language: 'en' });
    expect(tone.text).not.toBe(silence.text);
  });

  it('decodes WAV in every encoding: 8/16/24/32-bit PCM, float, stereo, other rates', async () => {
    const base = (await openai.audio.transcriptions.create({ file: await file(wav()), model: MODEL, language: 'en', response_format: 'text' })) as unknown as string;
    // The same samples, only stored differently, are heard the same.
    for (const o of [{ channels: 2 }, { bits: 24 as const }, { bits: 32 as const }, { float: true, bits: 32 as const }]) {
      const t = (await openai.audio.transcriptions.create({ file: await file(wav(o)), model: MODEL, language: 'en', response_format: 'text' })) as unknown as string;
      expect(t, JSON.stringify(o)).toBe(base);
    }
    // Lossy or resampled encodings still decode and transcribe.
    for (const o of [{ bits: 8 as const }, { rate: 44100 }, { rate: 8000, channels: 2 }, { rate: 48000, float: true, bits: 32 as const }]) {
      const r = await openai.audio.transcriptions.create({ file: await file(wav(o)), model: MODEL, language: 'en', response_format: 'verbose_json' });
      expect(r.duration, JSON.stringify(o)).toBe(2);
      expect(r.text.length).toBeGreaterThan(0);
    }
  });

  it('text, srt and vtt are text/plain in their formats', async () => {
    const text = (await openai.audio.transcriptions.create({ file: await file(wav()), model: MODEL, language: 'en', response_format: 'text' })) as unknown as string;
    expect(text.trim().length).toBeGreaterThan(0);
    const srt = (await openai.audio.transcriptions.create({ file: await file(wav()), model: MODEL, language: 'en', response_format: 'srt' })) as unknown as string;
    expect(srt).toMatch(/^1\n\d{2}:\d{2}:\d{2},\d{3} --> \d{2}:\d{2}:\d{2},\d{3}\n.+\n/);
    expect(srt).toContain(text.trim());
    const vtt = (await openai.audio.transcriptions.create({ file: await file(wav()), model: MODEL, language: 'en', response_format: 'vtt' })) as unknown as string;
    expect(vtt).toMatch(/^WEBVTT\n\n\d{2}:\d{2}:\d{2}\.\d{3} --> \d{2}:\d{2}:\d{2}\.\d{3}\n.+\n/);
  });

  it('verbose_json: language, duration, segments and word timings within the audio', async () => {
    const r = await openai.audio.transcriptions.create({
      file: await file(wav({ seconds: 3 })),
      model: MODEL,
      language: 'en',
      response_format: 'verbose_json',
      timestamp_granularities: ['word', 'segment'],
    });
    json(r);
    // The reference's application/json schema is a oneOf that a verbose body matches twice; check the branch by name.
    expect(reference().schema('CreateTranscriptionResponseVerboseJson', r)).toBeNull();
    expect(r.language).toBe('english');
    expect(r.duration).toBe(3);
    expect(r.segments!.length).toBeGreaterThan(0);
    for (const s of r.segments!) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(3);
      expect(s.start).toBeLessThanOrEqual(s.end);
    }
    expect(r.segments!.map((s) => s.text).join('').trim()).toBe(r.text);
    expect(r.words!.map((w) => w.word).join(' ')).toBe(r.text.split(/\s+/).filter(Boolean).join(' '));
    const onlyWords = await openai.audio.transcriptions.create({ file: await file(wav()), model: MODEL, response_format: 'verbose_json', timestamp_granularities: ['word'] });
    expect(onlyWords.segments).toBeUndefined();
    expect(onlyWords.words!.length).toBeGreaterThan(0);
  });

  it('audio longer than one 30 s window gives several segments, in order', async () => {
    const r = await openai.audio.transcriptions.create({ file: await file(wav({ seconds: 40, freq: 300 })), model: MODEL, language: 'en', response_format: 'verbose_json' });
    expect(r.duration).toBe(40);
    expect(r.segments!.length).toBeGreaterThan(1);
    const starts = r.segments!.map((s) => s.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(Math.max(...r.segments!.map((s) => s.end))).toBeLessThanOrEqual(40);
  });

  it('streams transcript.text.delta events, then transcript.text.done with the whole text', async () => {
    // 2 s of audio: one window, decoded greedily, so a plain request gives the same text.
    const plain = await openai.audio.transcriptions.create({ file: await file(wav()), model: MODEL, language: 'en' });
    const once = async (seconds: number) => {
      const stream = await openai.audio.transcriptions.create({ file: await file(wav({ seconds, freq: 300 })), model: MODEL, language: 'en', stream: true });
      const events: any[] = [];
      for await (const ev of stream) {
        expect(contract.response('createTranscription', 200, 'text/event-stream', ev)).toBeNull();
        events.push(ev);
      }
      expect(events.slice(0, -1).every((e) => e.type === 'transcript.text.delta')).toBe(true);
      expect(events.at(-1).type).toBe('transcript.text.done');
      expect(events.slice(0, -1).map((e) => e.delta).join('')).toBe(events.at(-1).text); // exactly, as OpenAI's
      return events;
    };
    const long = await once(40); // several windows: a delta per segment as each is decoded
    expect(long.length).toBeGreaterThan(2);
    const stream = await openai.audio.transcriptions.create({ file: await file(wav()), model: MODEL, language: 'en', stream: true });
    let done = '';
    for await (const ev of stream) if (ev.type === 'transcript.text.done') done = ev.text;
    expect(done).toBe(plain.text);
  });

  it('detects the language when none is given', async () => {
    const r = await openai.audio.transcriptions.create({ file: await file(wav()), model: MODEL, response_format: 'verbose_json' });
    expect(typeof r.language).toBe('string');
    expect(r.language.length).toBeGreaterThan(1);
  });
});

describe('the whisper engine under load and misuse', () => {
  it('concurrent requests queue on the model and each gets its own answer', async () => {
    const [a, b, c] = await Promise.all([
      openai.audio.transcriptions.create({ file: await file(wav()), model: MODEL, language: 'en' }),
      openai.audio.transcriptions.create({ file: await file(wav({ freq: 0 })), model: MODEL, language: 'en' }),
      openai.audio.transcriptions.create({ file: await file(wav()), model: MODEL, language: 'en' }),
    ]);
    expect(a.text).toBe(c.text);
    expect(b.text).not.toBe(a.text);
  });

  it('a registered file that is not a whisper model is a clean 503 (retried with backoff), and the gateway keeps serving', async () => {
    const bad = join(gw.dataDir, 'not-whisper.bin');
    writeFileSync(bad, Buffer.alloc(4096, 7));
    const res = await gw.req('/admin/v1/models', { method: 'POST', json: { id: 'broken-whisper', engine: 'whisper', settings: { path: bad }, capabilities: ['transcription'] } });
    expect(res.status).toBe(201);
    const err = await openai.audio.transcriptions.create({ file: await file(wav()), model: 'broken-whisper' }).catch((e) => e);
    expect(err.status).toBe(503);
    expect(err.error.code).toBe('model_load_failed');
    ERROR_SHAPE(err);
    expect((await openai.audio.transcriptions.create({ file: await file(wav()), model: MODEL, language: 'en' })).text.length).toBeGreaterThan(0);
  });
});

describe("the domain's output guardrails apply to transcripts", () => {
  it('a masked pattern is masked, a blocked term ends the transcript before it', async () => {
    // 2 s of audio: one window, decoded greedily, the same text every time.
    const plain = await openai.audio.transcriptions.create({ file: await file(wav()), model: MODEL, language: 'en' });
    const words = plain.text.split(/\s+/);
    const first = words[0]!;
    const last = words.at(-1)!;
    expect(last).not.toBe(first);
    const key = (await makeDomainKey(gw, 'speech-policy')).secret;
    const client = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: key, maxRetries: 0 });
    const put = (policy: unknown) => gw.req('/admin/v1/domains/speech-policy/policy', { method: 'PUT', json: policy });
    expect((await put({ guardrails: { output: { pii: { custom: [{ name: 'syllable', pattern: `\\b${first}\\b`, action: 'mask' }] } } } })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2100)); // policies are cached for 2 s
    const masked = await client.audio.transcriptions.create({ file: await file(wav()), model: MODEL, language: 'en' });
    expect(masked.text).toBe(plain.text.replace(new RegExp(`\\b${first}\\b`, 'g'), '[REDACTED:syllable]'));
    expect((await put({ guardrails: { output: { blocked_terms: [last] } } })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2100));
    const cut = await client.audio.transcriptions.create({ file: await file(wav()), model: MODEL, language: 'en' });
    expect(cut.text).not.toContain(last);
    expect(plain.text.startsWith(cut.text)).toBe(true);
    expect(cut.text.length).toBeLessThan(plain.text.length);
  });
});

describe('translations on the embedded whisper engine', () => {
  it('json, verbose_json and text', async () => {
    const j = await openai.audio.translations.create({ file: await file(wav()), model: MODEL });
    expect(contract.response('createTranslation', 200, 'application/json', j)).toBeNull();
    expect(j.text.length).toBeGreaterThan(0);
    const v = await openai.audio.translations.create({ file: await file(wav()), model: MODEL, response_format: 'verbose_json' });
    expect(reference().schema('CreateTranslationResponseVerboseJson', v)).toBeNull();
    expect(v.language).toBe('english');
    expect(v.text).toBe(j.text);
    const t = (await openai.audio.translations.create({ file: await file(wav()), model: MODEL, response_format: 'text' })) as unknown as string;
    expect(t.trim()).toBe(j.text);
    const srt = (await openai.audio.translations.create({ file: await file(wav()), model: MODEL, response_format: 'srt' })) as unknown as string;
    expect(srt).toMatch(/^1\n\d{2}:\d{2}:\d{2},\d{3} --> \d{2}:\d{2}:\d{2},\d{3}\n/);
    expect(srt).toContain(j.text);
    const vtt = (await openai.audio.translations.create({ file: await file(wav()), model: MODEL, response_format: 'vtt' })) as unknown as string;
    expect(vtt).toMatch(/^WEBVTT\n\n\d{2}:\d{2}:\d{2}\.\d{3} --> /);
  });
});

describe('compressed audio through ffmpeg', () => {
  it('flac (lossless) is heard exactly as the WAV it came from; ogg/opus decodes too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cordon-audio-'));
    writeFileSync(join(dir, 'a.wav'), wav());
    execFileSync('ffmpeg', ['-loglevel', 'error', '-i', join(dir, 'a.wav'), join(dir, 'a.flac')]);
    execFileSync('ffmpeg', ['-loglevel', 'error', '-i', join(dir, 'a.wav'), '-c:a', 'libopus', join(dir, 'a.ogg')]);
    const fromWav = await openai.audio.transcriptions.create({ file: await file(wav()), model: MODEL, language: 'en' });
    // Named .bin and sent as octet-stream: the bytes decide, not the name.
    const fromFlac = await openai.audio.transcriptions.create({ file: await toFile(readFileSync(join(dir, 'a.flac')), 'upload.bin'), model: MODEL, language: 'en' });
    expect(fromFlac.text).toBe(fromWav.text);
    const fromOgg = await openai.audio.transcriptions.create({ file: await toFile(readFileSync(join(dir, 'a.ogg')), 'a.ogg'), model: MODEL, language: 'en', response_format: 'verbose_json' });
    expect(fromOgg.duration).toBeCloseTo(2, 1);
  });

  it('without ffmpeg, compressed audio is a 415 that names the missing decoder; WAV still works', async () => {
    const bare = await startTestGateway({ CORDON_FFMPEG: '' });
    try {
      const client = new OpenAI({ baseURL: `${bare.url}/v1`, apiKey: bare.adminKey, maxRetries: 0 });
      const mp3 = Buffer.concat([Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'), Buffer.alloc(2000, 0xff)]);
      const err = await client.audio.transcriptions.create({ file: await toFile(mp3, 'song.mp3'), model: MODEL }).catch((e) => e);
      expect(err.status).toBe(415);
      expect(err.error.message).toMatch(/ffmpeg/);
      ERROR_SHAPE(err);
      const ok = await client.audio.transcriptions.create({ file: await file(wav()), model: MODEL, language: 'en' });
      expect(ok.text.length).toBeGreaterThan(0);
    } finally {
      await bare.stop();
    }
  });
});

describe('bad input', () => {
  it('a file over 25 MB is 413', async () => {
    const big = Buffer.concat([wav({ seconds: 1 }), Buffer.alloc(26 * 1024 * 1024)]);
    const err = await openai.audio.transcriptions.create({ file: await file(big), model: MODEL }).catch((e) => e);
    expect(err.status).toBe(413);
    ERROR_SHAPE(err);
  });

  it('a file that is not audio is 400, whatever its name says; so is a truncated WAV', async () => {
    const err = await openai.audio.transcriptions.create({ file: await file(Buffer.from('this is not audio at all, just text\n'.repeat(50)), 'speech.wav'), model: MODEL }).catch((e) => e);
    expect(err.status).toBe(400);
    expect(err.error.code).toBe('invalid_audio');
    ERROR_SHAPE(err);
    const cut = wav().subarray(0, 40);
    const err2 = await openai.audio.transcriptions.create({ file: await file(cut), model: MODEL }).catch((e) => e);
    expect(err2.status).toBe(400);
    const empty = await openai.audio.translations.create({ file: await file(Buffer.alloc(0)), model: MODEL }).catch((e) => e);
    expect(empty.status).toBe(400);
  });

  // whisper.cpp's language detection fails on audio without a frame, and its binding then never
  // settled the call, so every later request to the model waited behind it (the contract fuzz).
  it("audio shorter than 0.1 s is OpenAI's 400 audio_too_short, for transcriptions and translations, and the model goes on serving", async () => {
    for (const seconds of [0.05, 1 / 16000]) {
      for (const create of [(f: Awaited<ReturnType<typeof file>>) => openai.audio.transcriptions.create({ file: f, model: MODEL }), (f: Awaited<ReturnType<typeof file>>) => openai.audio.translations.create({ file: f, model: MODEL })]) {
        const err = await create(await file(wav({ seconds }))).catch((e) => e);
        expect(err.status, `${seconds} s`).toBe(400);
        expect(err.error).toMatchObject({ code: 'audio_too_short', param: 'file', message: 'Audio file is too short. Minimum audio length is 0.1 seconds.' });
        ERROR_SHAPE(err);
      }
    }
    const ok = await openai.audio.translations.create({ file: await file(wav({ seconds: 0.1 })), model: MODEL });
    expect(typeof ok.text).toBe('string');
  });

  it('a chat model, an unknown model, a bad language and a bad granularity are 400/404', async () => {
    const chat = await openai.audio.transcriptions.create({ file: await file(wav()), model: 'cordon-demo' }).catch((e) => e);
    expect(chat.status).toBe(400);
    const unknown = await openai.audio.transcriptions.create({ file: await file(wav()), model: 'nope' }).catch((e) => e);
    expect(unknown.status).toBe(404);
    const lang = await openai.audio.transcriptions.create({ file: await file(wav()), model: MODEL, language: 'xx' }).catch((e) => e);
    expect(lang.status).toBe(400);
    expect(lang.error.param).toBe('language');
    const gran = await openai.audio.transcriptions.create({ file: await file(wav()), model: MODEL, response_format: 'verbose_json', timestamp_granularities: ['letter' as 'word'] }).catch((e) => e);
    expect(gran.status).toBe(400);
    expect(gran.error.param).toMatch(/timestamp_granularities/);
    // and the gateway is still fine
    expect((await openai.audio.transcriptions.create({ file: await file(wav()), model: MODEL, language: 'en' })).text.length).toBeGreaterThan(0);
  });
});

describe('through an upstream (a second gateway)', () => {
  let upstream: ChildGateway;
  let front: TestGateway;
  let viaFront: OpenAI;
  beforeAll(async () => {
    upstream = await spawnGateway();
    process.env.CORDON_UPSTREAM_KEY_TEST_AUDIO = upstream.adminKey;
    front = await startTestGateway({ CORDON_DEMO_MODEL: 'false', CORDON_FFMPEG: '' });
    const res = await front.req('/admin/v1/models', {
      method: 'POST',
      json: {
        id: 'remote-whisper',
        engine: 'openai-compatible',
        settings: { targets: [{ base_url: `${upstream.url}/v1`, model: MODEL, api_key_env: 'CORDON_UPSTREAM_KEY_TEST_AUDIO' }] },
        capabilities: ['transcription'],
      },
    });
    expect(res.status).toBe(201);
    viaFront = new OpenAI({ baseURL: `${front.url}/v1`, apiKey: front.adminKey, maxRetries: 0 });
  });
  afterAll(async () => {
    await front?.stop();
    upstream?.proc.kill('SIGTERM');
    await upstream?.exited;
  });

  it('every response format, and translations, answer as the upstream does', async () => {
    const direct = new OpenAI({ baseURL: `${upstream.url}/v1`, apiKey: upstream.adminKey, maxRetries: 0 });
    for (const response_format of ['json', 'text', 'srt', 'vtt', 'verbose_json'] as const) {
      const a = await viaFront.audio.transcriptions.create({ file: await file(wav()), model: 'remote-whisper', language: 'en', response_format, timestamp_granularities: response_format === 'verbose_json' ? ['word'] : undefined });
      const b = await direct.audio.transcriptions.create({ file: await file(wav()), model: MODEL, language: 'en', response_format, timestamp_granularities: response_format === 'verbose_json' ? ['word'] : undefined });
      expect(a, response_format).toEqual(b);
      if (response_format === 'json') json(a);
    }
    for (const response_format of ['json', 'text', 'srt', 'vtt', 'verbose_json'] as const) {
      const t1 = await viaFront.audio.translations.create({ file: await file(wav()), model: 'remote-whisper', response_format });
      const t2 = await direct.audio.translations.create({ file: await file(wav()), model: MODEL, response_format });
      expect(t1, `translation ${response_format}`).toEqual(t2);
    }
    // The front has no ffmpeg, the upstream decides: compressed audio passes through untouched.
    const notAudio = await viaFront.audio.transcriptions.create({ file: await file(Buffer.from('plain text, not audio'), 'x.wav'), model: 'remote-whisper' }).catch((e) => e);
    expect(notAudio.status).toBe(400);
    expect(notAudio.error.code).toBe('invalid_audio');
  });
});
