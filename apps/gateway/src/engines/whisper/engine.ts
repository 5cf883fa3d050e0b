/**
 * The embedded speech engine: whisper.cpp through the prebuilt N-API binding that
 * @fugood/whisper.node publishes per platform (`@fugood/node-whisper-<platform>-<arch>`, the CPU
 * build; its CUDA and Vulkan variants are not installed). One context per model file, loaded on
 * first use; a context runs one transcription at a time, so calls queue per model.
 */
import type { Logger } from 'pino';
import { AsyncQueue } from '../async-queue.js';
import { EngineError, type Engine, type EngineCallContext, type ModelEntry, type ModelState, type TranscriptionEvent, type TranscriptionRequest } from '../types.js';
import { backingOff, loadFailedError, loadFailureLog, nextLoadFailure, type LoadFailure } from '../load-backoff.js';
import { bindingName, whisperBinding, whisperInstalled, type NativeContext, type NativeSegment } from './binding.js';

interface Loaded {
  ctx: Promise<NativeContext>;
  /** The tail of this model's queue: the next call starts when it settles. */
  tail: Promise<void>;
  failed?: string;
  /** Set when loading failed: the next load() after its backoff tries again. */
  failure?: LoadFailure;
}

/** A place in a model's queue, from before the audio is decoded until its transcription settles. */
interface Place {
  model: string;
  /** transcribe() took it over: it frees the place when the transcription settles. */
  adopted: boolean;
  freed: boolean;
}

/** Seconds a client is told to wait when a model's queue is full. */
const QUEUE_RETRY_AFTER_S = 5;

/**
 * whisper.cpp keeps only the last n_text_ctx/2 (224) tokens of a prompt, as OpenAI documents, but
 * tokenizes all of it first with std::regex, which overflows the native stack (and kills the
 * process) on a long run of one character class: 16 KB of one letter did. Only the tail it would
 * keep anyway is passed on: 224 tokens are well under 2,048 characters.
 */
export const WHISPER_PROMPT_CHARS = 2048;

export function promptTail(prompt: string): string {
  if (prompt.length <= WHISPER_PROMPT_CHARS) return prompt;
  const tail = prompt.slice(-WHISPER_PROMPT_CHARS);
  const first = tail.charCodeAt(0);
  return first >= 0xdc00 && first <= 0xdfff ? tail.slice(1) : tail; // no half of a surrogate pair
}

export class WhisperEngine implements Engine {
  readonly name = 'whisper' as const;
  private readonly loaded = new Map<string, Loaded>();
  /** Per model: places taken (the running transcription, the waiting ones and those still decoding). */
  private readonly places = new Map<string, number>();
  private readonly reserved = new WeakMap<EngineCallContext, Place>();

  /** `queueSize`: transcriptions that may wait per model behind the running one; more get 503. */
  constructor(
    private readonly log: Logger,
    private readonly threads: number,
    private readonly queueSize = 4,
  ) {}

  /**
   * Takes a place in the model's queue for this call before the caller decodes the audio, so a full
   * queue costs no decoding and the decoded audio held in memory is bounded: 503 with Retry-After
   * when it is full. transcribe() with the same context uses the place; the function returned frees
   * it if transcribe() was never reached (idempotent, a no-op after).
   */
  reserve(model: ModelEntry, ctx: EngineCallContext): () => void {
    const place = this.take(model);
    this.reserved.set(ctx, place);
    return () => {
      if (!place.adopted) this.free(place);
    };
  }

  private take(model: ModelEntry): Place {
    const taken = this.places.get(model.id) ?? 0;
    if (taken > this.queueSize) {
      throw new EngineError(503, `The model '${model.id}' is busy: ${taken - 1} transcriptions are already waiting. Try again shortly.`, 'engine_overloaded', null, QUEUE_RETRY_AFTER_S);
    }
    this.places.set(model.id, taken + 1);
    return { model: model.id, adopted: false, freed: false };
  }

  private free(place: Place): void {
    if (place.freed) return;
    place.freed = true;
    const left = (this.places.get(place.model) ?? 1) - 1;
    if (left > 0) this.places.set(place.model, left);
    else this.places.delete(place.model);
  }

  /** The model's context, loaded on first use; after a failure, loaded again only once its backoff has passed (load-backoff.ts). */
  private load(model: ModelEntry, requestId?: string): Loaded {
    const path = model.settings.path;
    if (!path) throw new EngineError(500, `The model '${model.id}' has no file path.`, 'model_misconfigured');
    let l = this.loaded.get(model.id);
    const previous = l?.failure;
    if (previous) {
      if (backingOff(previous)) throw loadFailedError(model.id, previous);
      this.loaded.delete(model.id);
      l = undefined;
    }
    if (!l) {
      const native = whisperBinding();
      if (!native) throw new EngineError(503, `No whisper.cpp binding is installed for ${process.platform}-${process.arch} (${bindingName}).`, 'engine_unavailable');
      let ctx: Promise<NativeContext>;
      try {
        ctx = Promise.resolve(new native.WhisperContext({ filePath: path, useGpu: false }));
      } catch (err) {
        ctx = Promise.reject(err);
      }
      const entry: Loaded = {
        ctx: ctx.catch((err) => {
          const failure = nextLoadFailure(previous, err);
          entry.failure = failure;
          entry.failed = failure.reason;
          this.log.error(loadFailureLog(model.id, failure, requestId), 'whisper model failed to load');
          throw loadFailedError(model.id, failure);
        }),
        tail: Promise.resolve(),
      };
      entry.ctx.catch(() => {}); // handled by each call that awaits it
      this.loaded.set(model.id, entry);
      l = entry;
    }
    return l;
  }

  transcribe(model: ModelEntry, req: TranscriptionRequest, ctx: EngineCallContext): AsyncIterable<TranscriptionEvent> {
    const l = this.load(model, ctx.requestId);
    const place = this.reserved.get(ctx) ?? this.take(model);
    place.adopted = true;
    this.reserved.delete(ctx);
    const q = new AsyncQueue<TranscriptionEvent>();
    let cancelled = false;
    // The job is not stopped: in the installed binding (1.1.x) stop() neither interrupts the work
    // nor settles its promise, which would hold this model's queue forever. A cancelled job runs to
    // its end (its length is bounded by CORDON_AUDIO_MAX_DURATION_SECONDS and it keeps its place in
    // the queue meanwhile); what it hears is dropped.
    const stop = () => {
      cancelled = true;
    };
    q.cancelled(stop);
    ctx.signal.addEventListener('abort', stop, { once: true });
    const clamp = (ms: number) => Math.min(Math.max(ms / 1000, 0), req.duration);
    let emitted = 0;
    const emit = (segs: NativeSegment[]) => {
      for (; emitted < segs.length; emitted++) {
        const s = segs[emitted]!;
        // A window may run past the end of the audio (whisper pads to 30 s): clamp, and drop a
        // segment that starts after the end.
        if (s.t0 / 1000 >= req.duration && emitted > 0) continue;
        q.push({ type: 'segment', segment: { start: clamp(s.t0), end: clamp(s.t1), text: s.text } });
      }
    };
    const run = async () => {
      const native = await l.ctx;
      if (cancelled) return;
      // The binding takes an ArrayBuffer: pass the samples' own when the view spans all of it (a
      // decoder's fresh array), and copy only a view into a larger buffer.
      const whole = req.audio.byteOffset === 0 && req.audio.byteLength === req.audio.buffer.byteLength;
      const audio = (whole ? req.audio.buffer : req.audio.buffer.slice(req.audio.byteOffset, req.audio.byteOffset + req.audio.byteLength)) as ArrayBuffer;
      const t = native.transcribeData(audio, {
        language: req.language ?? 'auto',
        translate: req.translate,
        maxThreads: this.threads,
        temperature: req.temperature ?? 0,
        ...(req.prompt ? { prompt: promptTail(req.prompt) } : {}),
        onNewSegments: (r: { segments: NativeSegment[] }) => emit(r.segments),
      });
      const result = await t.promise;
      if (cancelled || result.isAborted) return;
      emit(result.segments);
      q.push({ type: 'done', language: result.language ?? req.language ?? 'en' });
      q.end();
    };
    const turn = l.tail.then(run);
    l.tail = turn.catch(() => {});
    turn.then(
      () => q.end(),
      (err) => q.fail(err instanceof EngineError ? err : new EngineError(500, `The speech engine failed: ${(err as Error).message}`, 'engine_error')),
    ).finally(() => {
      ctx.signal.removeEventListener('abort', stop);
      this.free(place);
    });
    return q;
  }

  status(model: ModelEntry): ModelState {
    if (!whisperInstalled()) return { state: 'failed', reason: `no whisper.cpp binding for ${process.platform}-${process.arch}` };
    const l = this.loaded.get(model.id);
    if (!l) return { state: 'unloaded' };
    return l.failed ? { state: 'failed', reason: l.failed } : { state: 'ready' };
  }

  forget(modelId: string): void {
    const l = this.loaded.get(modelId);
    if (!l) return;
    this.loaded.delete(modelId);
    void l.tail.then(() => l.ctx).then((c) => c.release(), () => {});
  }

  async close(): Promise<void> {
    const all = [...this.loaded.keys()];
    for (const id of all) this.forget(id);
  }
}
