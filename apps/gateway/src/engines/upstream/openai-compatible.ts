/**
 * Engine `openai-compatible` (and `ollama`, the same against Ollama's `/v1`): the model is served by
 * one or more OpenAI-wire upstreams (`settings.targets`, replicas of each other).
 *
 *  - Requests keep every field the client sent; only `model` becomes the target's model name. For
 *    streams the upstream is always asked for `stream_options.include_usage: true`, so usage is
 *    accounted; the usage event is yielded and the handler forwards it only when the client asked
 *    (`clientWantsUsage`).
 *  - Auth upstream is `Authorization: Bearer $api_key_env`, never the client's key; `x-request-id`
 *    is forwarded; hop-by-hop headers never are (request.ts, headers.ts).
 *  - Keep-alive undici Pools, one per origin; least-outstanding-requests balancing with a circuit
 *    breaker per target (targets.ts); retries with backoff + jitter while nothing reached the
 *    caller (retry.ts); timeouts (connect, first byte, idle, total) -> 504 upstream_timeout. See
 *    call.ts and errors.ts.
 *  - When every target failed, an AllTargetsFailedError (an EngineError that `allowsFallback`)
 *    carries the model's `fallback_model` for the caller to try.
 *  - Capabilities beyond the interface's core: the raw SSE pass-through (raw.ts), the Responses
 *    API for models marked `native_responses` (responses.ts), multipart forwarding (forward.ts).
 */
import {
  EngineError,
  type Attestation,
  type ChatEvent,
  type ChatRequest,
  type CompletionEvent,
  type CompletionRequest,
  type Engine,
  type EngineCallContext,
  type EmbeddingRequest,
  type EmbeddingResult,
  type ForwardedResponse,
  type ModelEntry,
  type ModelState,
  type ForwardBody,
  type NativeResponses,
  type RawStream,
} from '../types.js';
import { UpstreamCall, type CallDeps, type CallRequest } from './call.js';
import { chatCompletionEvents, completionEvents, embeddingResult } from './convert.js';
import { forward, forwardRequest } from './forward.js';
import { attestationOf, attestationRequest } from './attestation.js';
import { PoolSet, type PoolOptions } from './pools.js';
import { openRawStream } from './raw.js';
import { jsonRequest } from './request.js';
import { responsesDecoder, responsesRequest } from './responses.js';
import { DEFAULT_MAX_EVENT_BYTES } from './sse.js';
import { DEFAULT_TUNING, readSettings, requireTargets, type UpstreamSettings, type UpstreamTuning } from './settings.js';
import { DEFAULT_UPSTREAM_ACCESS, type UpstreamAccess } from './access.js';
import { EventDecoder, jsonWithRetries, streamWithRetries } from './stream.js';
import { TargetBook } from './targets.js';

export interface UpstreamEngineOptions {
  /** Where `api_key_env` names are looked up (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Which api_key_env names and hosts targets may use (checked again on every settings read). */
  access?: UpstreamAccess;
  log?: { warn(o: object, m?: string): void };
  /** Pool sizing and keep-alive. */
  pools?: PoolOptions;
  /** Engine-wide defaults for what a model's settings do not set. */
  defaults?: Partial<UpstreamTuning>;
  /** The largest incomplete SSE event held from an upstream stream (CORDON_STREAM_MAX_EVENT_BYTES). */
  maxEventBytes?: number;
  /** Jitter source in [0, 1) (tests pin it). */
  random?: () => number;
  userAgent?: string;
  /**
   * Internal: the settings of a model from somewhere other than its registry entry (a local engine
   * host's socket target, engines/host/). Registry settings can never name a socket or a token.
   */
  settingsOf?: (model: ModelEntry) => UpstreamSettings;
  /** Internal: share these pools (the engine host engine reaches its hosts' extension endpoints through them). */
  poolSet?: PoolSet;
}

/** The raw SSE pass-through (see raw.ts for its per-chunk cost). */
export type RawSseStream = RawStream;

/** Did the client ask for the final usage chunk of a stream? */
export function clientWantsUsage(req: { stream_options?: unknown }): boolean {
  const so = req.stream_options;
  return !!so && typeof so === 'object' && 'include_usage' in so && so.include_usage === true;
}

export class OpenAICompatibleEngine implements Engine {
  readonly name: 'openai-compatible' | 'ollama' = 'openai-compatible';
  protected readonly pools: PoolSet;
  protected readonly book = new TargetBook();
  protected readonly tuning: UpstreamTuning;
  private readonly maxEventBytes: number;
  private readonly access: UpstreamAccess;
  private readonly deps: CallDeps;
  private readonly native: NativeResponses;
  private readonly settingsOf: ((model: ModelEntry) => UpstreamSettings) | null;

  constructor(opts: UpstreamEngineOptions = {}) {
    this.pools = opts.poolSet ?? new PoolSet(opts.pools);
    this.settingsOf = opts.settingsOf ?? null;
    this.tuning = { ...DEFAULT_TUNING, ...(opts.defaults ?? {}) };
    this.maxEventBytes = opts.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
    this.access = opts.access ?? DEFAULT_UPSTREAM_ACCESS;
    this.deps = {
      pools: this.pools,
      book: this.book,
      env: opts.env ?? process.env,
      random: opts.random ?? Math.random,
      userAgent: opts.userAgent ?? 'cordon-gateway',
      log: opts.log,
    };
    this.native = {
      json: (model, req, ctx) => jsonWithRetries(this.call(model, ctx, responsesRequest(req)), (b) => b),
      stream: (model, req, ctx) => streamWithRetries(() => this.call(model, ctx, responsesRequest(req)), (att) => responsesDecoder(att, this.maxEventBytes)),
    };
  }

  /** Settings per registry entry: entries are frozen and replaced on every change, so identity is the key. */
  private readonly settingsCache = new WeakMap<ModelEntry, UpstreamSettings>();

  private settings(model: ModelEntry): UpstreamSettings {
    if (this.settingsOf) return this.settingsOf(model);
    let s = this.settingsCache.get(model);
    if (!s) {
      s = readSettings(model, this.tuning, this.access);
      if (Object.isFrozen(model)) this.settingsCache.set(model, s);
    }
    return s;
  }

  private call(model: ModelEntry, ctx: EngineCallContext, req: CallRequest): UpstreamCall {
    const s = this.settings(model);
    requireTargets(model, s);
    return new UpstreamCall(this.deps, model, s, ctx, req);
  }

  chat(model: ModelEntry, req: ChatRequest, ctx: EngineCallContext): AsyncIterable<ChatEvent> {
    if (req.stream === true) {
      return streamWithRetries(() => this.call(model, ctx, jsonRequest('/chat/completions', req)), (att) => new EventDecoder<ChatEvent>(att, 'chat', this.maxEventBytes));
    }
    return this.oneShot(model, ctx, jsonRequest('/chat/completions', req), chatCompletionEvents);
  }

  completion(model: ModelEntry, req: CompletionRequest, ctx: EngineCallContext): AsyncIterable<CompletionEvent> {
    if (req.stream === true) {
      return streamWithRetries(() => this.call(model, ctx, jsonRequest('/completions', req)), (att) => new EventDecoder<CompletionEvent>(att, 'completion', this.maxEventBytes));
    }
    return this.oneShot(model, ctx, jsonRequest('/completions', req), completionEvents);
  }

  private async *oneShot<E>(model: ModelEntry, ctx: EngineCallContext, req: CallRequest, convert: (b: Record<string, unknown>) => E[]): AsyncGenerator<E> {
    const events = await jsonWithRetries(this.call(model, ctx, req), convert);
    yield* events;
  }

  /** The evidence of a Cordon engine host behind this upstream (an upstream that is not one answers 404). */
  attestation(model: ModelEntry, nonce: string, ctx: EngineCallContext): Promise<Attestation> {
    return jsonWithRetries(this.call(model, ctx, attestationRequest(model.id, nonce)), attestationOf);
  }

  async embeddings(model: ModelEntry, req: EmbeddingRequest, ctx: EngineCallContext): Promise<EmbeddingResult> {
    return jsonWithRetries(this.call(model, ctx, jsonRequest('/embeddings', req)), embeddingResult);
  }

  /** The upstream's own Responses API, for models marked `native_responses` (responses.ts). */
  responses(model: ModelEntry): NativeResponses | null {
    return model.settings.native_responses === true ? this.native : null;
  }

  /**
   * Fast path for streams no output guardrail needs to read: the upstream's SSE bytes, with only
   * `model` rewritten (to `req.model`) and the usage chunk kept only when the client asked. Resolves
   * once the first complete event arrived (errors before that reject, after retries/fallback).
   * The bytes end with the upstream's `data: [DONE]`; a later failure throws from the iteration
   * (502 upstream_stream_interrupted / 504 upstream_timeout). `id`, `created` and
   * `system_fingerprint` are the upstream's.
   */
  chatRaw(model: ModelEntry, req: ChatRequest, ctx: EngineCallContext): Promise<RawStream> {
    return this.raw(model, '/chat/completions', req, ctx);
  }

  completionRaw(model: ModelEntry, req: CompletionRequest, ctx: EngineCallContext): Promise<RawStream> {
    return this.raw(model, '/completions', req, ctx);
  }

  private async raw(model: ModelEntry, path: string, req: ChatRequest | CompletionRequest, ctx: EngineCallContext): Promise<RawStream> {
    if (req.stream !== true) throw new EngineError(500, 'The raw pass-through is for streams only.', null);
    return openRawStream(() => this.call(model, ctx, jsonRequest(path, req)), req.model, clientWantsUsage(req), this.maxEventBytes);
  }

  /** Passes a request body through to `path` below the target's base_url (audio uploads; forward.ts). */
  forwardBody(model: ModelEntry, path: string, headers: Record<string, string | string[] | undefined>, body: ForwardBody, ctx: EngineCallContext): Promise<ForwardedResponse> {
    return forward(this.call(model, ctx, forwardRequest(path, headers, body)));
  }

  status(model: ModelEntry): ModelState {
    let s;
    try {
      s = this.settings(model);
    } catch (err) {
      return { state: 'failed', reason: (err as Error).message };
    }
    if (s.targets.length === 0) return { state: 'failed', reason: 'no upstream targets are configured' };
    if (this.book.allOpen(s.targets, Date.now())) {
      return { state: 'failed', reason: `all ${s.targets.length} upstream target(s) are failing (circuit open)` };
    }
    return { state: 'ready' };
  }

  forget(_modelId: string): void {
    // Nothing per model: pools and breakers are per upstream, shared by the models that use it.
  }

  async close(): Promise<void> {
    await this.pools.close();
  }
}
