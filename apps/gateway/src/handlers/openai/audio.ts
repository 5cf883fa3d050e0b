/**
 * POST /v1/audio/transcriptions and /v1/audio/translations (multipart). On an embedded engine the
 * file is decoded here (WAV in process, compressed formats through ffmpeg) and transcribed by
 * whisper.cpp; the answer is shaped as `json`, `text`, `srt`, `vtt` or `verbose_json`, or streamed
 * as `transcript.text.delta` events. On an upstream the multipart request is passed through with
 * only the model name rewritten, and the upstream's answer comes back as it is.
 */
import { randomBytes } from 'node:crypto';
import { ApiError, uploadedFile, type ApiRequest, type ApiResponse } from '@cordon/server-kit';
import type { operations } from '@cordon/contract';
import { drained } from '../../http/sse.js';
import type { RequestContext } from '../../http/request-context.js';
import type { ModelEntry } from '../../engines/types.js';
import { decodeAudio } from '../../audio/decode.js';
import type { GatewayHandlers, HandlerDeps } from '../deps.js';
import { resolveModel } from './resolve.js';
import { forwardAsIs } from '../../pipeline/forward.js';
import { runInference, type Resolved } from '../../pipeline/run.js';
import { LANGUAGES, transcriptEvents, transcriptText, type TranscriptFormat, type TranscriptPiece } from '../../pipeline/encoders/transcript-events.js';

type Task = 'transcribe' | 'translate';
type Format = TranscriptFormat;

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

export function audioHandlers(deps: HandlerDeps): Pick<GatewayHandlers, 'createTranscription' | 'createTranslation'> {
  const ffmpeg = deps.config.ffmpeg;
  const serve = (task: Task) => async (req: ApiRequest<operations['createTranscription'] | operations['createTranslation']>, res: ApiResponse<unknown>, ctx: RequestContext) => {
    const body = req.body as AudioBody;
    const file = uploadedFile(req);
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

    const first = await resolveModel(deps, ctx, body.model, 'transcription');
    const { model, engine } = first;
    const endpoint = task === 'translate' ? 'audio.translations' : 'audio.transcriptions';
    // Admission reads the prompt (the only text a client sends with audio).
    const input = body.prompt ? { prompt: body.prompt } : {};
    const fields = { ...(req.body as Record<string, unknown>) };
    if (!engine.transcribe && !engine.transcribeUpload && engine.forwardBody) {
      const boundary = `----cordon${randomBytes(12).toString('hex')}`;
      return forwardAsIs(deps, res, ctx, model, engine.forwardBody.bind(engine), {
        endpoint,
        streamed: stream,
        admission: await deps.enforcer.admit(ctx, { body: input }),
        path: task === 'translate' ? '/audio/translations' : '/audio/transcriptions',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        body: (upstreamModel) => multipart(boundary, { ...fields, model: upstreamModel }, file),
      });
    }
    if (!engine.transcribe && !engine.transcribeUpload) throw new ApiError(400, `The model '${model.id}' cannot transcribe audio.`, 'model_not_supported', 'model');
    // An engine host decodes the upload itself; its events still pass the output guardrails and the encoder here.
    const upload = { translate: task === 'translate', stream, fields, body: (boundary: string, f: Record<string, unknown>) => multipart(boundary, f, file) };
    let duration = 0;
    await runInference<TranscriptPiece>(deps, res, ctx, first, {
      text: transcriptText,
      endpoint,
      stream,
      input,
      choices: 1,
      vocabulary: null,
      async *call(r: Resolved, call) {
        if (r.engine.transcribeUpload) {
          for await (const ev of r.engine.transcribeUpload(r.model, upload, call)) {
            if (ev.type === 'segment') yield { type: 'choice', choice: { segment: ev.segment, text: ev.segment.text, finish: null } };
            else {
              if (ev.duration !== undefined) duration = ev.duration;
              yield { type: 'choice', choice: { segment: null, text: '', finish: 'stop', language: ev.language } };
            }
          }
          return;
        }
        const transcribe = r.engine.transcribe?.bind(r.engine);
        if (!transcribe) throw new ApiError(400, `The model '${r.model.id}' cannot transcribe audio.`, 'model_not_supported', 'model');
        // A place in the model's queue first: a full queue is a 503 before any decoding. The place is
        // the engine's once transcribe() has it; until then this request gives it back.
        const release = r.engine.reserve?.(r.model, call) ?? (() => {});
        ctx.onClose(release);
        const onDiagnostics = (text: string) => deps.log.debug({ request_id: ctx.requestId, ffmpeg: text }, 'ffmpeg diagnostics');
        const audio = await decodeAudio(file.buffer, { ffmpeg, limits: deps.config.audio, signal: call.signal, onDiagnostics }).catch((err: unknown) => {
          release();
          throw err;
        });
        duration = audio.duration;
        const request = { audio: audio.samples, duration: audio.duration, language, prompt: body.prompt, temperature: body.temperature, translate: task === 'translate' };
        for await (const ev of transcribe(r.model, request, call)) {
          if (ev.type === 'done') yield { type: 'choice', choice: { segment: null, text: '', finish: 'stop', language: ev.language } };
          else yield { type: 'choice', choice: { segment: ev.segment, text: ev.segment.text, finish: null } };
        }
      },
      encoder: transcriptEvents({ task, format, granularities, language, temperature: body.temperature, duration: () => duration }),
    });
  };
  return { createTranscription: serve('transcribe'), createTranslation: serve('translate') };
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
