/**
 * The embedded speech engine: whisper.cpp through the prebuilt N-API binding that
 * @fugood/whisper.node publishes per platform (`@fugood/node-whisper-<platform>-<arch>`, the CPU
 * build; its CUDA and Vulkan variants are not installed). One context per model file, loaded on
 * first use; a context runs one transcription at a time, so calls queue per model.
 */
import { createRequire } from 'node:module';
import type { Logger } from 'pino';
import { AsyncQueue } from '../async-queue.js';
import { EngineError, type Engine, type EngineCallContext, type ModelEntry, type ModelState, type TranscriptionEvent, type TranscriptionRequest } from '../types.js';

interface NativeContext {
  transcribeData(audio: ArrayBuffer, opts: Record<string, unknown>): { stop(): Promise<void>; promise: Promise<NativeResult> };
  release(): Promise<void>;
}
interface NativeSegment {
  text: string;
  t0: number; // ms
  t1: number;
}
interface NativeResult {
  result: string;
  language?: string;
  segments: NativeSegment[];
  isAborted: boolean;
}
interface NativeModule {
  WhisperContext: new (o: { filePath: string; useGpu: boolean }) => NativeContext | Promise<NativeContext>;
}

const bindingName = `@fugood/node-whisper-${process.platform}-${process.arch}`;
let binding: NativeModule | null | undefined;

/** The native binding, or null when this platform has none installed. */
export function whisperBinding(): NativeModule | null {
  if (binding === undefined) {
    try {
      binding = createRequire(import.meta.url)(bindingName) as NativeModule;
    } catch {
      binding = null;
    }
  }
  return binding;
}

interface Loaded {
  ctx: Promise<NativeContext>;
  /** The tail of this model's queue: the next call starts when it settles. */
  tail: Promise<void>;
  failed?: string;
}

export class WhisperEngine implements Engine {
  readonly name = 'whisper' as const;
  private readonly loaded = new Map<string, Loaded>();

  constructor(
    private readonly log: Logger,
    private readonly threads: number,
  ) {}

  private load(model: ModelEntry): Loaded {
    const path = model.settings.path;
    if (!path) throw new EngineError(500, `The model '${model.id}' has no file path.`, 'model_misconfigured');
    let l = this.loaded.get(model.id);
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
          throw new EngineError(500, `The speech model '${model.id}' could not be loaded: ${String((err as Error)?.message ?? err).slice(0, 200)}`, 'model_load_failed');
        }),
        tail: Promise.resolve(),
      };
      entry.ctx.catch((err) => {
        entry.failed = (err as Error).message;
        this.log.error({ model: model.id, err: (err as Error).message }, 'whisper model failed to load');
      });
      this.loaded.set(model.id, entry);
      l = entry;
    }
    return l;
  }

  transcribe(model: ModelEntry, req: TranscriptionRequest, ctx: EngineCallContext): AsyncIterable<TranscriptionEvent> {
    const l = this.load(model);
    const q = new AsyncQueue<TranscriptionEvent>();
    let job: { stop(): Promise<void> } | null = null;
    let cancelled = false;
    const stop = () => {
      cancelled = true;
      void job?.stop().catch(() => {});
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
        ...(req.prompt ? { prompt: req.prompt } : {}),
        onNewSegments: (r: { segments: NativeSegment[] }) => emit(r.segments),
      });
      job = t;
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
    ).finally(() => ctx.signal.removeEventListener('abort', stop));
    return q;
  }

  status(model: ModelEntry): ModelState {
    if (!whisperBinding()) return { state: 'failed', reason: `no whisper.cpp binding for ${process.platform}-${process.arch}` };
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
