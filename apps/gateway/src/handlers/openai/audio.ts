/**
 * POST /v1/audio/transcriptions and /v1/audio/translations (multipart). On an embedded engine the
 * file is decoded here (WAV in process, compressed formats through ffmpeg) and transcribed by
 * whisper.cpp; the answer is shaped as `json`, `text`, `srt`, `vtt` or `verbose_json`, or streamed
 * as `transcript.text.delta` events. On an upstream the multipart request is passed through with
 * only the model name rewritten, and the upstream's answer comes back as it is.
 */
import { gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { ApiError, type Handlers } from '@cordon/server-kit';
import { SseWriter, drained } from '../../http/sse.js';
import { setOverhead } from '../../http/overhead.js';
import type { TranscriptSegment } from '../../engines/types.js';
import type { OpenAICompatibleEngine } from '../../engines/upstream/index.js';
import { decodeAudio } from '../../audio/decode.js';
import { WhisperEngine } from '../../engines/whisper/index.js';
import type { HandlerDeps } from '../deps.js';
import { resolveModel } from './resolve.js';
import { metered } from './usage.js';

type Task = 'transcribe' | 'translate';
type Format = 'json' | 'text' | 'srt' | 'vtt' | 'verbose_json';

/** whisper's languages, ISO-639-1 code to the English name OpenAI reports in verbose_json. */
const LANGUAGES: Record<string, string> = Object.fromEntries(
  (
    'en english,zh chinese,de german,es spanish,ru russian,ko korean,fr french,ja japanese,pt portuguese,tr turkish,pl polish,ca catalan,nl dutch,' +
    'ar arabic,sv swedish,it italian,id indonesian,hi hindi,fi finnish,vi vietnamese,he hebrew,uk ukrainian,el greek,ms malay,cs czech,ro romanian,' +
    'da danish,hu hungarian,ta tamil,no norwegian,th thai,ur urdu,hr croatian,bg bulgarian,lt lithuanian,la latin,mi maori,ml malayalam,cy welsh,' +
    'sk slovak,te telugu,fa persian,lv latvian,bn bengali,sr serbian,az azerbaijani,sl slovenian,kn kannada,et estonian,mk macedonian,br breton,' +
    'eu basque,is icelandic,hy armenian,ne nepali,mn mongolian,bs bosnian,kk kazakh,sq albanian,sw swahili,gl galician,mr marathi,pa punjabi,' +
    'si sinhala,km khmer,sn shona,yo yoruba,so somali,af afrikaans,oc occitan,ka georgian,be belarusian,tg tajik,sd sindhi,gu gujarati,am amharic,' +
    'yi yiddish,lo lao,uz uzbek,fo faroese,ht haitian creole,ps pashto,tk turkmen,nn nynorsk,mt maltese,sa sanskrit,lb luxembourgish,my myanmar,' +
    'bo tibetan,tl tagalog,mg malagasy,as assamese,tt tatar,haw hawaiian,ln lingala,ha hausa,ba bashkir,jw javanese,su sundanese,yue cantonese'
  )
    .split(',')
    .map((p) => [p.slice(0, p.indexOf(' ')), p.slice(p.indexOf(' ') + 1)]),
);

interface AudioBody {
  model: string;
  language?: string;
  prompt?: string;
  response_format?: Format;
  temperature?: number;
  stream?: boolean | null;
  timestamp_granularities?: string[] | string;
  'timestamp_granularities[]'?: string[] | string;
}

const list = (v: string[] | string | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export function audioHandlers(deps: HandlerDeps): Pick<Handlers, 'createTranscription' | 'createTranslation'> {
  const ffmpeg = deps.config.ffmpeg;
  const serve = (task: Task) => async (req: Request, res: Response) => {
    const startedAt = Date.now();
    const body = req.body as AudioBody;
    const file = ((req as any).files as Array<{ fieldname: string; originalname: string; mimetype: string; buffer: Buffer }> | undefined)?.find((f) => f.fieldname === 'file');
    if (!file) throw new ApiError(400, "'file' is required: send the audio as a multipart file field named 'file'.", 'missing_required_parameter', 'file');
    const format: Format = body.response_format ?? 'json';
    const granularities = [...list(body.timestamp_granularities), ...list(body['timestamp_granularities[]'])];
    for (const g of granularities) {
      if (g !== 'word' && g !== 'segment') throw new ApiError(400, `'${String(g).slice(0, 40)}' is not a timestamp granularity: use 'word' or 'segment'.`, 'invalid_value', 'timestamp_granularities');
    }
    // (Timings only show in verbose_json; with other formats the granularities are ignored, as OpenAI does.)
    const language = body.language?.trim().toLowerCase() || undefined;
    if (language && !(language in LANGUAGES)) throw new ApiError(400, `'${language.slice(0, 20)}' is not a supported ISO-639-1 language code.`, 'invalid_value', 'language');
    const stream = body.stream === true;
    if (stream && task === 'translate') throw new ApiError(400, 'Translations cannot be streamed.', 'invalid_value', 'stream');
    if (stream && format !== 'json' && format !== 'text') throw new ApiError(400, `Streaming answers 'json' or 'text' only, not '${format}'.`, 'invalid_value', 'stream');

    const { model, engine, domainId, keyId } = await resolveModel(deps, res, body.model, 'transcription');
    const admission = await deps.enforcer.admit(res, { domainId, keyId, body: body.prompt ? { prompt: body.prompt } : {} });
    const endpoint = task === 'translate' ? 'audio.translations' : 'audio.transcriptions';
    await metered(deps, res, { domainId, keyId, model: model.id, endpoint, streamed: stream, startedAt, admission }, async (ctx, meter) => {
      const upstream = engine as Partial<OpenAICompatibleEngine>;
      if (!engine.transcribe && typeof upstream.forwardMultipart === 'function') {
        const fields = { ...(req.body as Record<string, unknown>) };
        const boundary = `----cordon${randomBytes(12).toString('hex')}`;
        const forwarded = await upstream.forwardMultipart(
          model,
          task === 'translate' ? '/audio/translations' : '/audio/transcriptions',
          { 'content-type': `multipart/form-data; boundary=${boundary}` },
          (upstreamModel) => multipart(boundary, { ...fields, model: upstreamModel }, file),
          ctx,
        );
        meter.status = forwarded.status;
        res.status(forwarded.status);
        for (const [k, v] of Object.entries(forwarded.headers)) res.setHeader(k, v);
        setOverhead(res);
        // Backpressure: the upstream body is not read while the client is not reading.
        for await (const chunk of forwarded.body) if (!res.write(chunk)) await drained(res, deps.config.streams.writeTimeoutMs, deps.log);
        res.end();
        return;
      }
      if (!engine.transcribe) throw new ApiError(400, `The model '${model.id}' cannot transcribe audio.`, 'model_not_supported', 'model');
      // A place in the model's queue first: a full queue is a 503 before any decoding. The place is
      // the engine's once transcribe() has it; until then this request gives it back.
      const release = engine instanceof WhisperEngine ? engine.reserve(model, ctx) : () => {};
      res.once('close', release);
      const onDiagnostics = (text: string) => deps.log.debug({ requestId: ctx.requestId, ffmpeg: text }, 'ffmpeg diagnostics');
      const audio = await decodeAudio(file.buffer, { ffmpeg, limits: deps.config.audio, signal: ctx.signal, onDiagnostics }).catch((err: unknown) => {
        release();
        throw err;
      });
      const filter = admission.outputFilter();
      const segments: TranscriptSegment[] = [];
      let detected = language ?? 'en';
      let blocked = false;
      const sse = stream ? new SseWriter(res, deps.config.streams, deps.log) : null;
      // The deltas, concatenated, are exactly the final (trimmed) text: the leading space of the
      // first segment is dropped, and trailing white space waits for the text that follows it.
      let spoken = false;
      let pendingSpace = '';
      const delta = (t: string): string => {
        const d = pendingSpace + (spoken ? t : t.trimStart());
        const body = d.trimEnd();
        pendingSpace = d.slice(body.length);
        if (body) spoken = true;
        return body;
      };
      const engineStart = performance.now();
      for await (const ev of engine.transcribe(model, { audio: audio.samples, duration: audio.duration, language, prompt: body.prompt, temperature: body.temperature, translate: task === 'translate' }, ctx)) {
        if (ev.type === 'done') {
          detected = ev.language;
          continue;
        }
        let text = ev.segment.text;
        if (filter) {
          const out = filter.push(text);
          for (const rule of out.masked ?? []) deps.enforcer.violation(domainId, keyId, rule, 'output');
          text = out.text;
          if (out.blocked) {
            deps.enforcer.violation(domainId, keyId, out.blocked, 'output');
            blocked = true;
          }
        }
        if (text || !filter) segments.push({ ...ev.segment, text });
        const d = sse && text ? delta(text) : '';
        if (sse && d && !sse.send({ type: 'transcript.text.delta', delta: d })) await sse.drain();
        if (blocked) break; // ends the engine's work too (the iterator's return cancels it)
      }
      if (filter && !blocked) {
        const rest = filter.end();
        if (rest.blocked) deps.enforcer.violation(domainId, keyId, rest.blocked, 'output');
        // What the filter held back goes to the last segment (or one spanning the audio, when it held back everything).
        if (rest.text && segments.length) segments.at(-1)!.text += rest.text;
        else if (rest.text) segments.push({ start: 0, end: audio.duration, text: rest.text });
        const d = sse && rest.text ? delta(rest.text) : '';
        if (sse && d) sse.send({ type: 'transcript.text.delta', delta: d });
      }
      res.locals.engineMs += performance.now() - engineStart;
      const text = segments.map((s) => s.text).join('').trim();
      const usage = { type: 'duration', seconds: round(audio.duration, 3) };
      if (sse) {
        sse.send({ type: 'transcript.text.done', text });
        sse.end();
        return;
      }
      setOverhead(res);
      if (format === 'text') res.type('text/plain').send(text + '\n');
      else if (format === 'srt' || format === 'vtt') res.type('text/plain').send(subtitles(segments, format));
      else if (format === 'json') res.json((task === 'transcribe' ? { text, usage } : { text }) as any);
      else {
        const verbose: Record<string, unknown> = {
          task,
          language: task === 'translate' ? 'english' : (LANGUAGES[detected] ?? detected),
          duration: round(audio.duration, 3),
          text,
        };
        if (granularities.includes('word')) verbose.words = words(segments);
        if (!granularities.length || granularities.includes('segment')) {
          verbose.segments = segments.map((s, id) => ({
            id,
            seek: Math.floor(s.start / 30) * 3000,
            start: round(s.start, 2),
            end: round(s.end, 2),
            text: s.text,
            // The whisper.cpp binding reports neither token ids nor log probabilities per segment.
            tokens: [],
            temperature: body.temperature ?? 0,
            avg_logprob: 0,
            compression_ratio: round(compressionRatio(s.text), 3),
            no_speech_prob: 0,
          }));
        }
        if (task === 'transcribe') verbose.usage = usage;
        res.json(verbose as any);
      }
    });
  };
  return { createTranscription: serve('transcribe') as any, createTranslation: serve('translate') as any };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** zlib's ratio, as whisper computes it: text bytes over compressed bytes. */
function compressionRatio(text: string): number {
  const raw = Buffer.from(text);
  return raw.length ? raw.length / gzipSync(raw).length : 0;
}

function timestamp(t: number, sep: ',' | '.'): string {
  const ms = Math.round(t * 1000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(Math.floor(ms / 3600000))}:${p(Math.floor(ms / 60000) % 60)}:${p(Math.floor(ms / 1000) % 60)}${sep}${p(ms % 1000, 3)}`;
}

export function subtitles(segments: TranscriptSegment[], format: 'srt' | 'vtt'): string {
  const cues = segments.filter((s) => s.text.trim()).map((s, i) => {
    const sep = format === 'srt' ? ',' : '.';
    return `${format === 'srt' ? `${i + 1}\n` : ''}${timestamp(s.start, sep)} --> ${timestamp(s.end, sep)}\n${s.text.trim()}\n`;
  });
  return (format === 'vtt' ? 'WEBVTT\n\n' : '') + cues.join('\n');
}

/** Word timings, estimated: each segment's time shared among its words by their length. */
function words(segments: TranscriptSegment[]): Array<{ word: string; start: number; end: number }> {
  const out: Array<{ word: string; start: number; end: number }> = [];
  for (const s of segments) {
    const ws = s.text.trim().split(/\s+/).filter(Boolean);
    const total = ws.reduce((n, w) => n + w.length, 0) || 1;
    let t = s.start;
    for (const w of ws) {
      const d = ((s.end - s.start) * w.length) / total;
      out.push({ word: w, start: round(t, 2), end: round(t + d, 2) });
      t += d;
    }
  }
  return out;
}

/** The request again as multipart/form-data, for an upstream (arrays as repeated `name[]` fields). */
function multipart(boundary: string, fields: Record<string, unknown>, file: { originalname: string; mimetype: string; buffer: Buffer }): Buffer {
  const parts: Buffer[] = [];
  const field = (name: string, value: string) => parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name.replace(/"/g, '%22')}"\r\n\r\n${value}\r\n`));
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) for (const x of v) field(k.endsWith('[]') ? k : `${k}[]`, String(x));
    else field(k, String(v));
  }
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${(file.originalname || 'audio').replace(/["\r\n]/g, '_')}"\r\nContent-Type: ${file.mimetype || 'application/octet-stream'}\r\n\r\n`),
    file.buffer,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return Buffer.concat(parts);
}
