/**
 * Engine `openai-compatible` (and `ollama`, the same against Ollama's `/v1`): the model is served by
 * one or more OpenAI-wire upstreams (`settings.targets`, replicas of each other).
 *
 *  - Requests keep every field the client sent; only `model` becomes the target's model name. For
 *    streams the upstream is always asked for `stream_options.include_usage: true`, so usage is
 *    accounted; the usage event is yielded and the handler forwards it only when the client asked
 *    (`clientWantsUsage`).
 *  - Auth upstream is `Authorization: Bearer $api_key_env`, never the client's key; `x-request-id`
 *    is forwarded; hop-by-hop headers never are.
 *  - Keep-alive undici Pools, one per origin; least-outstanding-requests balancing with a circuit
 *    breaker per target; retries with backoff + jitter while nothing reached the caller; timeouts
 *    (connect, first byte, idle, total) -> 504 upstream_timeout. See call.ts and errors.ts.
 *  - When every target failed, an AllTargetsFailedError (an EngineError) carries the model's
 *    `fallback_model` for the caller to try.
 */
import { Readable } from 'node:stream';
import {
  EngineError,
  type ChatEvent,
  type ChatRequest,
  type CompletionEvent,
  type CompletionRequest,
  type Engine,
  type EngineCallContext,
  type EmbeddingRequest,
  type EmbeddingResult,
  type ModelEntry,
  type ModelState,
  type Usage,
} from '../types.js';
import { UpstreamCall, forwardableHeaders, returnableHeaders, type CallDeps, type CallRequest } from './call.js';
import { chatCompletionEvents, completionEvents, embeddingResult } from './convert.js';
import { streamInterrupted, upstreamBroken } from './errors.js';
import { PoolSet, type PoolOptions } from './pools.js';
import { RawSseRewriter } from './raw.js';
import { DEFAULT_MAX_EVENT_BYTES, SseParser, type SseEvent } from './sse.js';
import { DEFAULT_TUNING, readSettings, requireTargets, type ResolvedTarget, type UpstreamSettings, type UpstreamTuning } from './settings.js';
import { DEFAULT_UPSTREAM_ACCESS, type UpstreamAccess } from './access.js';
import { EventDecoder, jsonWithRetries, streamWithRetries } from './stream.js';
import { TargetBook } from './targets.js';

export { AllTargetsFailedError, isAllTargetsFailed, UpstreamError } from './errors.js';
export { DEFAULT_TUNING, type UpstreamTarget, type UpstreamTuning } from './settings.js';
export { SseParser } from './sse.js';
export { RawSseRewriter } from './raw.js';
export { forwardableHeaders, returnableHeaders } from './call.js';

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
}

/** The raw SSE pass-through (see raw.ts for its per-chunk cost). */
export interface RawSseStream extends AsyncIterable<Buffer> {
  /** Did the client ask for the usage chunk? (If not, it is not in the bytes.) */
  readonly includeUsage: boolean;
  /** The usage the upstream reported (final once the iteration ended), for accounting. */
  readonly usage: Usage | null;
  /** Stop without iterating to the end: cancels the upstream request. */
  cancel(): Promise<void>;
}

export type MultipartBody = Readable | AsyncIterable<Uint8Array> | Buffer | ((upstreamModel: string) => Readable | AsyncIterable<Uint8Array> | Buffer);

export interface ForwardedResponse {
  status: number;
  /** Upstream response headers minus hop-by-hop, set-cookie and content-length. */
  headers: Record<string, string>;
  /** The upstream body as it arrives (idle timeout applies); destroy it to cancel the upstream. */
  body: Readable;
  /** The upstream model name of the target that answered. */
  upstreamModel: string;
}

/** Did the client ask for the final usage chunk of a stream? */
export function clientWantsUsage(req: Record<string, unknown>): boolean {
  const so = req.stream_options;
  return !!so && typeof so === 'object' && (so as Record<string, unknown>).include_usage === true;
}

/** The request body for a target: only `model` changes; streams always ask for usage. */
function upstreamBody(req: Record<string, unknown>): (t: ResolvedTarget) => string {
  const cache = new Map<string, string>();
  const stream = req.stream === true;
  return (t) => {
    let s = cache.get(t.model);
    if (s === undefined) {
      const body: Record<string, unknown> = { ...req, model: t.model };
      if (stream) {
        const so = req.stream_options && typeof req.stream_options === 'object' ? (req.stream_options as Record<string, unknown>) : {};
        body.stream_options = { ...so, include_usage: true };
      }
      s = JSON.stringify(body);
      cache.set(t.model, s);
    }
    return s;
  };
}

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };
const SSE_HEADERS = { 'content-type': 'application/json', accept: 'text/event-stream' };

export class OpenAICompatibleEngine implements Engine {
  readonly name: 'openai-compatible' | 'ollama' = 'openai-compatible';
  protected readonly pools: PoolSet;
  protected readonly book = new TargetBook();
  protected readonly tuning: UpstreamTuning;
  private readonly maxEventBytes: number;
  private readonly access: UpstreamAccess;
  private readonly deps: CallDeps;

  constructor(opts: UpstreamEngineOptions = {}) {
    this.pools = new PoolSet(opts.pools);
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
  }

  /** Settings per registry entry: entries are frozen and replaced on every change, so identity is the key. */
  private readonly settingsCache = new WeakMap<ModelEntry, UpstreamSettings>();

  private settings(model: ModelEntry): UpstreamSettings {
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

  private jsonRequest(path: string, req: Record<string, unknown>): CallRequest {
    const stream = req.stream === true;
    return { method: 'POST', path, body: upstreamBody(req), headers: stream ? SSE_HEADERS : JSON_HEADERS, stream, retryable: true };
  }

  chat(model: ModelEntry, req: ChatRequest, ctx: EngineCallContext): AsyncIterable<ChatEvent> {
    if (req.stream === true) {
      return streamWithRetries(() => this.call(model, ctx, this.jsonRequest('/chat/completions', req)), (att) => new EventDecoder<ChatEvent>(att, 'chat', this.maxEventBytes));
    }
    return this.oneShot(model, ctx, this.jsonRequest('/chat/completions', req), chatCompletionEvents);
  }

  completion(model: ModelEntry, req: CompletionRequest, ctx: EngineCallContext): AsyncIterable<CompletionEvent> {
    if (req.stream === true) {
      return streamWithRetries(() => this.call(model, ctx, this.jsonRequest('/completions', req)), (att) => new EventDecoder<CompletionEvent>(att, 'completion', this.maxEventBytes));
    }
    return this.oneShot(model, ctx, this.jsonRequest('/completions', req), completionEvents);
  }

  private async *oneShot<E>(model: ModelEntry, ctx: EngineCallContext, req: CallRequest, convert: (b: Record<string, unknown>) => E[]): AsyncGenerator<E> {
    const events = await jsonWithRetries(this.call(model, ctx, req), convert);
    yield* events;
  }

  async embeddings(model: ModelEntry, req: EmbeddingRequest, ctx: EngineCallContext): Promise<EmbeddingResult> {
    return jsonWithRetries(this.call(model, ctx, this.jsonRequest('/embeddings', req)), embeddingResult);
  }

  /**
   * The Responses API passed through to an upstream that speaks it (`native_responses`): the body
   * as the client sent it, with only `model` set to the target's name. JSON answers come back
   * whole; streams as parsed SSE events (a stream is complete at response.completed, .incomplete
   * or .failed). Retries and fail-over as for chat, before the first event.
   */
  responsesJson(model: ModelEntry, req: Record<string, unknown>, ctx: EngineCallContext): Promise<Record<string, unknown>> {
    return jsonWithRetries(this.call(model, ctx, this.responsesRequest(req)), (b) => b);
  }

  responsesStream(model: ModelEntry, req: Record<string, unknown>, ctx: EngineCallContext): AsyncIterable<SseEvent> {
    return streamWithRetries(
      () => this.call(model, ctx, this.responsesRequest(req)),
      (att) => {
        if (!/text\/event-stream/i.test(String(att.headers['content-type'] ?? ''))) throw upstreamBroken('the upstream did not answer with an event stream');
        const parser = new SseParser(this.maxEventBytes);
        let done = false;
        return {
          push: (c) => {
            const evs = parser.push(c);
            for (const e of evs) if (/^response\.(completed|incomplete|failed)$/.test(e.event) || /^\{"type":"response\.(completed|incomplete|failed)"/.test(e.data)) done = true;
            return evs;
          },
          end: () => [],
          complete: () => done,
        };
      },
    );
  }

  private responsesRequest(req: Record<string, unknown>): CallRequest {
    const stream = req.stream === true;
    return { method: 'POST', path: '/responses', body: (t) => JSON.stringify({ ...req, model: t.model }), headers: stream ? SSE_HEADERS : JSON_HEADERS, stream, retryable: true };
  }

  /**
   * Fast path for streams no output guardrail needs to read: the upstream's SSE bytes, with only
   * `model` rewritten (to `req.model`) and the usage chunk kept only when the client asked. Resolves
   * once the first complete event arrived (errors before that reject, after retries/fallback).
   * The bytes end with the upstream's `data: [DONE]`; a later failure throws from the iteration
   * (502 upstream_stream_interrupted / 504 upstream_timeout). `id`, `created` and
   * `system_fingerprint` are the upstream's.
   */
  chatRaw(model: ModelEntry, req: ChatRequest, ctx: EngineCallContext): Promise<RawSseStream> {
    return this.raw(model, '/chat/completions', req, ctx);
  }

  completionRaw(model: ModelEntry, req: CompletionRequest, ctx: EngineCallContext): Promise<RawSseStream> {
    return this.raw(model, '/completions', req, ctx);
  }

  private async raw(model: ModelEntry, path: string, req: Record<string, unknown> & { model: string }, ctx: EngineCallContext): Promise<RawSseStream> {
    if (req.stream !== true) throw new EngineError(500, 'The raw pass-through is for streams only.', null);
    const includeUsage = clientWantsUsage(req);
    let rw: RawSseRewriter | null = null;
    const gen = streamWithRetries(() => this.call(model, ctx, this.jsonRequest(path, req)), (att) => {
      if (!/text\/event-stream/i.test(String(att.headers['content-type'] ?? ''))) throw upstreamBroken('the upstream did not answer with an event stream');
      const cur = new RawSseRewriter(att.target.model, req.model, includeUsage, this.maxEventBytes);
      rw = cur;
      return {
        push: (c) => {
          const out = cur.push(c);
          return out ? [out] : [];
        },
        end: () => {
          const out = cur.end();
          return out ? [out] : [];
        },
        complete: () => cur.done,
        get error() {
          return cur.error;
        },
      };
    });
    const first = await gen.next();
    return {
      includeUsage,
      get usage() {
        return (rw as RawSseRewriter | null)?.usage ?? null;
      },
      cancel: async () => {
        await gen.return(undefined);
      },
      async *[Symbol.asyncIterator]() {
        if (first.done) return;
        yield first.value;
        yield* gen;
      },
    };
  }

  /**
   * Raw pass-through of a request body to `path` below the target's base_url (audio uploads):
   * client headers are filtered (no hop-by-hop, no client credentials; content-type kept), the
   * engine adds its own auth and x-request-id. The status and body come back as they are (4xx/5xx
   * too). A stream body is one-shot, so there is a single attempt; pass a function of the upstream
   * model name to allow retries and fail-over (it is called once per attempt).
   */
  async forwardMultipart(
    model: ModelEntry,
    path: string,
    headers: Record<string, string | string[] | undefined>,
    body: MultipartBody,
    ctx: EngineCallContext,
  ): Promise<ForwardedResponse> {
    const factory = typeof body === 'function' ? body : null;
    let used = false;
    const call = this.call(model, ctx, {
      method: 'POST',
      path: path.startsWith('/') ? path : `/${path}`,
      headers: forwardableHeaders(headers),
      body: (t) => {
        if (factory) return factory(t.model);
        if (Buffer.isBuffer(body)) return body;
        if (used) throw new Error('one-shot body already sent');
        used = true;
        return body as Readable | AsyncIterable<Uint8Array> | Buffer;
      },
      stream: false,
      retryable: factory !== null || Buffer.isBuffer(body),
      passErrors: true,
    });
    let att;
    try {
      att = await call.open();
    } catch (err) {
      call.dispose();
      throw err;
    }
    const a = att;
    async function* pump(): AsyncGenerator<Buffer> {
      try {
        for (let c = await a.read(); c; c = await a.read()) yield c;
        a.end();
      } catch (err) {
        const e = call.classify(a, err);
        a.end(e);
        if (e instanceof EngineError && e.code === 'upstream_timeout') throw e;
        if (e instanceof EngineError) throw streamInterrupted('the connection was lost');
        throw e;
      } finally {
        a.end();
        call.dispose();
      }
    }
    return { status: a.status, headers: returnableHeaders(a.headers), body: Readable.from(pump(), { objectMode: false }), upstreamModel: a.target.model };
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
