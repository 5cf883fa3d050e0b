/**
 * Engines `llama-cpp` and `whisper` as the gateway runs them: each model is served by its own engine
 * host process (supervisor.ts), reached over the host's Unix socket through the upstream engine
 * (raw pass-through, pooled connections; engines/upstream/), with the host's token.
 *
 *  - Every call first asks the supervisor for the model's ready host (starting it, or waiting for a
 *    restart within the call's deadline).
 *  - A host that dies before the first piece reached the caller: the call is made again, once, on
 *    the restarted host, unless the host crashed by itself while serving this call alone (notAgain).
 *    After the first piece: 502 `engine_host_exited` (an error event on a stream that already
 *    started).
 *  - The host's own error answers (a full queue, a context overflow, a bad token id) come back with
 *    their status, code and message: the host runs the gateway's own handlers.
 *  - vocabulary(), countTokens() and stats() use the host's extension endpoints (host-api.ts); the
 *    vocabulary is kept per start of the host.
 */
import { randomBytes } from 'node:crypto';
import type { Log } from '../../log.js';
import {
  EngineError,
  type Attestation,
  type ChatEvent,
  type ChatRequest,
  type CompletionEvent,
  type CompletionRequest,
  type EmbeddingRequest,
  type EmbeddingResult,
  type Engine,
  type EngineCallContext,
  type ForwardedResponse,
  type ModelEntry,
  type ModelState,
  type ModelVocabulary,
  type ForwardBody,
  type RawStream,
  type TranscriptionEvent,
  type TranscriptionUpload,
  type Usage,
} from '../types.js';
import { AllTargetsFailedError, StreamInterruptedError, UpstreamError, fromHostResponse, upstreamBroken } from '../upstream/errors.js';
import { SseParser } from '../upstream/sse.js';
import { OpenAICompatibleEngine } from '../upstream/openai-compatible.js';
import type { PoolSet } from '../upstream/pools.js';
import { socketTarget, type UpstreamSettings, type UpstreamTuning } from '../upstream/settings.js';
import { EngineHostApi, hostJsonObject, type HostModelStats } from './host-api.js';
import type { EngineHostEndpoint, EngineHostSupervisor } from './supervisor.js';
import { joinBuffers } from '@cordon/server-kit';

/** How long a failed call waits for its host's exit to be seen before it calls the failure the host's own. */
const EXIT_GRACE_MS = 500;
const DAY_MS = 86_400_000;

/**
 * The upstream tuning for a host: one attempt (this engine retries a dead host itself), no breaker
 * (the supervisor decides a host's health), no timeouts of its own but the call's deadline.
 */
const HOST_TUNING: UpstreamTuning = {
  connect_timeout_ms: 5_000,
  first_byte_timeout_ms: DAY_MS,
  idle_timeout_ms: DAY_MS,
  total_timeout_ms: DAY_MS,
  max_retries: 0,
  retry_base_delay_ms: 0,
  retry_max_delay_ms: 0,
  breaker_failures: Number.MAX_SAFE_INTEGER,
  breaker_cooldown_ms: 0,
};

/**
 * The host died while the call was in flight. Before anything reached the caller, another model may
 * serve it (`fallback_model`), unless the call was the one the host crashed on.
 */
export class EngineHostExitedError extends EngineError {
  constructor(
    modelId: string,
    readonly started: boolean,
    readonly crashedOnIt = false,
  ) {
    super(
      502,
      crashedOnIt
        ? `The engine host of model '${modelId}' crashed while serving this request and no other; the request is not made again.`
        : `The engine host of model '${modelId}' exited during the request.`,
      'engine_host_exited',
    );
    this.name = 'EngineHostExitedError';
  }

  override get fallsBack(): boolean {
    return !this.started && !this.crashedOnIt;
  }

  override get blamesCaller(): boolean {
    return this.crashedOnIt;
  }
}

const sleep = (ms: number) =>
  new Promise<void>((r) => {
    const t = setTimeout(r, ms);
    t.unref();
  });

/** A whole body, capped (a transcript's JSON). */
async function readAll(body: AsyncIterable<unknown>, limit = 64 * 1024 * 1024): Promise<Buffer> {
  const parts: Buffer[] = [];
  let n = 0;
  for await (const c of body) {
    const b = Buffer.isBuffer(c) ? c : Buffer.from(String(c));
    n += b.length;
    if (n > limit) throw upstreamBroken('answer too large', false);
    parts.push(b);
  }
  return joinBuffers(parts, n);
}

const isAbort = (err: unknown) => err instanceof Error && err.name === 'AbortError';

/** Did the host answer (an HTTP error of its own), rather than fail to? */
function hostAnswered(err: unknown): boolean {
  const e = err instanceof AllTargetsFailedError ? err.last : err;
  return e instanceof UpstreamError && e.kind === 'http';
}

/** The host's own error answer as it is (not wrapped as "all upstream targets failed"). */
function unwrap(err: unknown): unknown {
  return err instanceof AllTargetsFailedError && err.last instanceof UpstreamError && err.last.kind === 'http' ? err.last : err;
}

/** What a host engine asks of the supervisor (EngineHostSupervisor; a test's stand-in too). */
export type HostSupervision = Pick<EngineHostSupervisor, 'ensure' | 'current' | 'served' | 'status' | 'forget'>;

export interface EngineHostEngineOptions {
  supervisor: HostSupervision;
  /** Shared by the engines of all hosts (one pool per host socket). */
  pools: PoolSet;
  log: Log;
  maxEventBytes?: number;
  /** Ends what the host engines share (the supervisor's hosts, then the pools); called by each engine's close. */
  closeShared(): Promise<void>;
}

export class EngineHostEngine implements Engine {
  private readonly supervisor: HostSupervision;
  private readonly upstream: OpenAICompatibleEngine;
  private readonly api: EngineHostApi;
  private readonly log: Log;
  private readonly closeShared: () => Promise<void>;
  /** Per start of a host: the model entry the upstream engine is called with, and its settings (the socket target). */
  private readonly views = new WeakMap<EngineHostEndpoint, ModelEntry>();
  private readonly viewSettings = new WeakMap<ModelEntry, UpstreamSettings>();
  private readonly vocabularies = new WeakMap<EngineHostEndpoint, ModelVocabulary>();

  constructor(
    readonly name: 'llama-cpp' | 'whisper',
    opts: EngineHostEngineOptions,
  ) {
    this.supervisor = opts.supervisor;
    this.log = opts.log;
    this.closeShared = opts.closeShared;
    this.api = new EngineHostApi(opts.pools);
    this.upstream = new OpenAICompatibleEngine({
      log: opts.log,
      maxEventBytes: opts.maxEventBytes,
      poolSet: opts.pools,
      userAgent: 'cordon-gateway',
      settingsOf: (m) => {
        const s = this.viewSettings.get(m);
        if (!s) throw new EngineError(500, `The model '${m.id}' has no engine host for this call.`, 'engine_host_error');
        return s;
      },
    });
  }

  /** The model entry the upstream engine gets for this start of the host (its settings name the host's socket and token). */
  private view(model: ModelEntry, ep: EngineHostEndpoint): ModelEntry {
    let v = this.views.get(ep);
    if (!v) {
      v = Object.freeze({ ...model });
      const fallback = model.settings.fallback_model;
      this.viewSettings.set(v, {
        ...HOST_TUNING,
        targets: [socketTarget(ep.socketPath, ep.token, model.id)],
        fallback_model: typeof fallback === 'string' && fallback ? fallback : null,
      });
      this.views.set(ep, v);
    }
    return v;
  }

  /** Was this failure the host going away? (Waits a moment for its exit to be seen.) */
  private async hostWentAway(ep: EngineHostEndpoint, err: unknown): Promise<boolean> {
    if (ep.hasExited()) return true;
    // Only a transport failure can be the host going away (not its own answer, not a refusal made
    // here); a stream cut after its first piece is one too, and its exit may not be seen yet.
    const transport = err instanceof UpstreamError || err instanceof AllTargetsFailedError || err instanceof StreamInterruptedError;
    if (isAbort(err) || hostAnswered(err) || !transport) return false;
    await Promise.race([ep.exited, sleep(EXIT_GRACE_MS)]);
    return ep.hasExited();
  }

  /**
   * One call that answers at once (JSON, or a stream's opening): on the model's ready host, made
   * again once on the restarted host when the first one died before answering.
   */
  private async once<T>(model: ModelEntry, deadline: number, signal: AbortSignal | undefined, run: (ep: EngineHostEndpoint) => Promise<T>, requestId?: string): Promise<{ value: T; ep: EngineHostEndpoint }> {
    for (let attempt = 0; ; attempt++) {
      const ep = await this.supervisor.ensure(model, deadline, signal);
      const end = ep.call();
      try {
        const value = await run(ep);
        this.supervisor.served(ep);
        return { value, ep };
      } catch (err) {
        if (!(await this.hostWentAway(ep, err))) throw unwrap(err);
        this.notAgain(model, ep, attempt, false, requestId);
      } finally {
        end();
      }
    }
  }

  /**
   * A call cut short before its usage chunk (client gone, write timeout, deadline) is metered with
   * what the host metered for it (it has the same request id); if the host cannot say (it died), with
   * the pieces seen: one a token.
   */
  private trackUsage(ep: EngineHostEndpoint, ctx: EngineCallContext, piecesSeen: () => number): void {
    ctx.trackUsage?.(() =>
      this.api.usage(ep, ctx.requestId).catch((): Usage => {
        const n = piecesSeen();
        return { prompt_tokens: 0, completion_tokens: n, total_tokens: n };
      }),
    );
  }

  /** A stream of pieces, made again once if the host died before the first; after it, 502 engine_host_exited. */
  private async *pieces<E>(model: ModelEntry, ctx: EngineCallContext, open: (view: ModelEntry) => AsyncIterable<E>): AsyncGenerator<E> {
    for (let attempt = 0; ; attempt++) {
      const ep = await this.supervisor.ensure(model, ctx.deadline, ctx.signal);
      const end = ep.call();
      let yielded = 0;
      try {
        for await (const e of open(this.view(model, ep))) {
          if (!yielded) {
            this.supervisor.served(ep);
            this.trackUsage(ep, ctx, () => yielded);
          }
          yielded++;
          yield e;
        }
        return;
      } catch (err) {
        if (!(await this.hostWentAway(ep, err))) throw unwrap(err);
        this.notAgain(model, ep, attempt, yielded > 0, ctx.requestId);
      } finally {
        end();
      }
    }
  }

  /**
   * After the host went away: throws unless the call is to be made again on the restarted host,
   * which is when nothing reached the caller yet, it is the first try, and the host did not crash
   * while serving this call alone (a request that crashes its host would crash the restart too: a
   * member's one request would cost two restarts, and two such requests the model).
   */
  private notAgain(model: ModelEntry, ep: EngineHostEndpoint, attempt: number, started: boolean, requestId: string | undefined): void {
    if (started || attempt >= 1 || ep.crashedServingOneCall()) throw this.exited(model, ep, started, requestId);
    this.log.warn({ request_id: requestId, model: model.id, generation: ep.generation }, 'engine host exited before answering; the call is made again on its restart');
  }

  /** The error for a call whose host went away (logged when the host crashed on this call alone). */
  private exited(model: ModelEntry, ep: EngineHostEndpoint, started: boolean, requestId: string | undefined): EngineHostExitedError {
    const crashedOnIt = ep.crashedServingOneCall();
    if (crashedOnIt) this.log.warn({ request_id: requestId, model: model.id, generation: ep.generation }, 'engine host crashed serving this request alone; it is not made again');
    return new EngineHostExitedError(model.id, started, crashedOnIt);
  }

  chat(model: ModelEntry, req: ChatRequest, ctx: EngineCallContext): AsyncIterable<ChatEvent> {
    return this.pieces(model, ctx, (v) => this.upstream.chat(v, req, ctx));
  }

  completion(model: ModelEntry, req: CompletionRequest, ctx: EngineCallContext): AsyncIterable<CompletionEvent> {
    return this.pieces(model, ctx, (v) => this.upstream.completion(v, req, ctx));
  }

  chatRaw(model: ModelEntry, req: ChatRequest, ctx: EngineCallContext): Promise<RawStream> {
    return this.raw(model, ctx, (v) => this.upstream.chatRaw(v, req, ctx));
  }

  completionRaw(model: ModelEntry, req: CompletionRequest, ctx: EngineCallContext): Promise<RawStream> {
    return this.raw(model, ctx, (v) => this.upstream.completionRaw(v, req, ctx));
  }

  /** The host's SSE bytes; only a failure (after the first event) is looked at: the host's exit becomes 502 engine_host_exited. */
  private async raw(model: ModelEntry, ctx: EngineCallContext, open: (view: ModelEntry) => Promise<RawStream>): Promise<RawStream> {
    const { value: rs, ep } = await this.once(model, ctx.deadline, ctx.signal, (e) => open(this.view(model, e)), ctx.requestId);
    this.trackUsage(ep, ctx, () => rs.events);
    const end = ep.call(); // the stream is a call on the host until it ends
    const failed = async (err: unknown): Promise<IteratorResult<Uint8Array>> => {
      try {
        if (await this.hostWentAway(ep, err)) throw this.exited(model, ep, true, ctx.requestId);
        throw err;
      } finally {
        end(); // after the exit was seen: it counted this call
      }
    };
    return new WatchedRawStream(rs, end, failed);
  }

  async embeddings(model: ModelEntry, req: EmbeddingRequest, ctx: EngineCallContext): Promise<EmbeddingResult> {
    return (await this.once(model, ctx.deadline, ctx.signal, (ep) => this.upstream.embeddings(this.view(model, ep), req, ctx), ctx.requestId)).value;
  }

  /** Audio uploads go to the host as they came (it decodes them); the handler takes the forward path. */
  async forwardBody(model: ModelEntry, path: string, headers: Record<string, string | string[] | undefined>, body: ForwardBody, ctx: EngineCallContext): Promise<ForwardedResponse> {
    return (await this.once(model, ctx.deadline, ctx.signal, (ep) => this.upstream.forwardBody(this.view(model, ep), path, headers, body, ctx), ctx.requestId)).value;
  }

  /**
   * An audio upload, decoded and transcribed by the host: asked for `verbose_json` (segments with
   * their times, the language, the duration), or streamed (`transcript.text.delta` events, one per
   * segment). The caller's output guardrails and encoder apply to these events as to a local engine's.
   */
  transcribeUpload(model: ModelEntry, upload: TranscriptionUpload, ctx: EngineCallContext): AsyncIterable<TranscriptionEvent> {
    return this.pieces(model, ctx, (v) => this.uploadEvents(v, upload, ctx));
  }

  private async *uploadEvents(view: ModelEntry, upload: TranscriptionUpload, ctx: EngineCallContext): AsyncGenerator<TranscriptionEvent> {
    const { timestamp_granularities: _g, 'timestamp_granularities[]': _gs, stream: _s, response_format: _f, ...rest } = upload.fields;
    const fields = Object.assign({}, rest, upload.stream ? { model: view.id, stream: 'true', response_format: 'json' } : { model: view.id, response_format: 'verbose_json' });
    const boundary = `----cordon${randomBytes(12).toString('hex')}`;
    const path = upload.translate ? '/audio/translations' : '/audio/transcriptions';
    const res = await this.upstream.forwardBody(view, path, { 'content-type': `multipart/form-data; boundary=${boundary}` }, () => upload.body(boundary, fields), ctx);
    const language = typeof rest.language === 'string' && rest.language ? rest.language : 'en';
    if (res.status !== 200) throw fromHostResponse(res.status, res.headers, (await readAll(res.body)).toString('utf8'));
    if (!upload.stream) {
      const answer = hostJsonObject((await readAll(res.body)).toString('utf8'));
      const segments = Array.isArray(answer.segments) ? answer.segments : [];
      for (const s of segments) {
        if (!s || typeof s !== 'object' || !('text' in s) || typeof s.text !== 'string') continue;
        const start = 'start' in s && typeof s.start === 'number' ? s.start : 0;
        const end = 'end' in s && typeof s.end === 'number' ? s.end : start;
        yield { type: 'segment', segment: { start, end, text: s.text } };
      }
      // verbose_json names the language ('english'); the encoder shows a name it does not know as it is.
      yield { type: 'done', language: typeof answer.language === 'string' ? answer.language : language, duration: typeof answer.duration === 'number' ? answer.duration : undefined };
      return;
    }
    const parser = new SseParser();
    const events = async function* () {
      for await (const chunk of res.body) yield* parser.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      yield* parser.end();
    };
    for await (const ev of events()) {
      const data = hostJsonObject(ev.data);
      if (data.type === 'transcript.text.delta' && typeof data.delta === 'string') yield { type: 'segment', segment: { start: 0, end: 0, text: data.delta } };
      else if (data.type === 'transcript.text.done') {
        yield { type: 'done', language };
        return;
      } else if ('error' in data) throw fromHostResponse(502, {}, ev.data);
    }
    throw upstreamBroken('the transcript stream ended before it was complete', false);
  }

  /** The host's evidence, from the model's running host (started if need be). A restarted host has a new key. */
  async attestation(model: ModelEntry, nonce: string, ctx: EngineCallContext): Promise<Attestation> {
    return (await this.once(model, ctx.deadline, ctx.signal, (ep) => this.upstream.attestation(this.view(model, ep), nonce, ctx), ctx.requestId)).value;
  }

  async countTokens(model: ModelEntry, text: string): Promise<number> {
    return (await this.once(model, NaN, undefined, (ep) => this.api.tokenize(ep, model.id, text))).value;
  }

  /** The model's vocabulary and context window (the host loads the model to answer), kept per start of its host. */
  async vocabulary(model: ModelEntry, requestId?: string): Promise<ModelVocabulary> {
    // Every request's caps check asks: with the host ready and its answer kept, no call and no wait.
    const ready = this.supervisor.current(model.id);
    const kept = ready && this.vocabularies.get(ready);
    if (kept) return kept;
    const run = async (ep: EngineHostEndpoint): Promise<ModelVocabulary> => {
      const known = this.vocabularies.get(ep);
      if (known) return known;
      const info = await this.api.model(ep, model.id, requestId);
      if (info.state === 'failed') {
        this.log.warn({ request_id: requestId, model: model.id, reason: info.reason }, 'the engine host could not load the model');
        throw new EngineError(503, `The model '${model.id}' is unavailable: it could not be loaded. Try again later.`, 'model_load_failed', 'model', 1);
      }
      if (info.vocabularySize === undefined || info.contextSize === undefined) {
        throw new EngineError(400, `The model '${model.id}' has no token vocabulary.`, 'model_not_supported', 'model');
      }
      const vocabulary: ModelVocabulary = {
        size: info.vocabularySize,
        contextSize: info.contextSize,
        detokenize: (ids) => this.detokenize(model, ids),
      };
      this.vocabularies.set(ep, vocabulary);
      return vocabulary;
    };
    return (await this.once(model, NaN, undefined, run, requestId)).value;
  }

  private async detokenize(model: ModelEntry, ids: readonly number[]): Promise<string> {
    return (await this.once(model, NaN, undefined, (ep) => this.api.detokenize(ep, model.id, ids))).value;
  }

  /** For tests and metrics: tokens generated so far, requests running and waiting (zeros when no host runs). */
  async stats(modelId: string): Promise<HostModelStats> {
    const ep = this.supervisor.current(modelId);
    if (!ep) return { active: 0, generatedTokens: 0, queued: 0 };
    return this.api.stats(ep, modelId);
  }

  status(model: ModelEntry): ModelState {
    return this.supervisor.status(model.id);
  }

  /** The model's registry entry changed or went: its host stops and its failures are forgotten. */
  forget(modelId: string): void {
    this.supervisor.forget(modelId);
  }

  close(): Promise<void> {
    return this.closeShared();
  }
}

/**
 * A host's raw stream, watched: `end` once it is over (ended, cancelled, given up), `failed` for a
 * failure of its iteration. A class, not an object literal with getters: see RawPassThrough
 * (engines/upstream/raw.ts) for what a literal's getters cost per request.
 */
class WatchedRawStream implements RawStream {
  constructor(
    private readonly rs: RawStream,
    private readonly end: () => void,
    private readonly failed: (err: unknown) => Promise<IteratorResult<Uint8Array>>,
  ) {}

  get includeUsage(): boolean {
    return this.rs.includeUsage;
  }

  get usage(): Usage | null {
    return this.rs.usage;
  }

  get events(): number {
    return this.rs.events;
  }

  cancel(): Promise<void> {
    this.end();
    return this.rs.cancel();
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    const it = this.rs[Symbol.asyncIterator]();
    const ended = (r: IteratorResult<Uint8Array>) => {
      if (r.done) this.end();
      return r;
    };
    return {
      next: () => it.next().then(ended, this.failed),
      return: (value?: unknown) => {
        this.end();
        return it.return ? it.return(value) : Promise.resolve({ done: true, value });
      },
    };
  }
}
