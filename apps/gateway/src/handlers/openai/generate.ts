/**
 * The shape every generating endpoint shares (chat completions, completions): resolve the model in
 * the caller's domain, call its engine (with the fallback model), then either stream the engine's
 * pieces as SSE chunks or fold them into one JSON object; record usage either way.
 */
import type { Response } from 'express';
import { SseWriter, chunkEncoder } from '../../http/sse.js';
import type { ApiError } from '@cordon/server-kit';
import { setOverhead } from '../../http/overhead.js';
import type { Capability } from '../../engines/registry.js';
import type { Engine, EngineCallContext, ModelEntry, ModelVocabulary, Usage } from '../../engines/types.js';
import type { HandlerDeps } from '../deps.js';
import { resolveModel } from './resolve.js';
import { toApiError } from './errors.js';
import { metered } from './usage.js';
import { streamWithFallback } from './fallback.js';
import type { Admission, PolicyEnforcer } from '../../policy/enforcer.js';

/**
 * Applies the domain's output guardrails to each choice's text as it streams: PII masked, and a
 * blocked term ends that choice with finish_reason content_filter (and, for a single choice, stops
 * the engine).
 */
export async function* filterOutput<C>(
  events: AsyncIterable<Event<C>>,
  admission: Admission,
  g: ChoiceText<C>,
  onViolation: (rule: string) => void,
  choices = 1,
): AsyncGenerator<Event<C>> {
  const filters = new Map<number, ReturnType<Admission['outputFilter']>>();
  const stopped = new Set<number>();
  for await (const ev of events) {
    if (ev.type === 'usage') {
      yield ev;
      continue;
    }
    const c = ev.choice;
    const i = g.index(c);
    if (stopped.has(i)) continue;
    let f = filters.get(i);
    if (f === undefined) {
      f = admission.outputFilter();
      filters.set(i, f);
    }
    if (!f) {
      yield ev;
      continue;
    }
    const raw = g.text(c);
    let out = raw ? f.push(raw) : { text: '' };
    const fin = g.finish(c);
    if (!out.blocked && fin) {
      const rest = f.end();
      out = { text: out.text + rest.text, blocked: rest.blocked, masked: [...(out.masked ?? []), ...(rest.masked ?? [])] };
    }
    for (const rule of out.masked ?? []) onViolation(rule);
    if (out.blocked) {
      onViolation(out.blocked);
      stopped.add(i);
      const last = g.rewrite(c, out.text, 'content_filter');
      if (last) yield { type: 'choice', choice: last };
      if (stopped.size >= choices) return; // every choice is blocked: stop the engine
      continue;
    }
    const next = g.rewrite(c, out.text, fin);
    if (next) yield { type: 'choice', choice: next };
  }
}

export type { PolicyEnforcer };

type Event<C> = { type: 'choice'; choice: C } | { type: 'usage'; usage: Usage };

/** How to read and rewrite the text of one choice piece (chat: delta.content; completions: text). */
export interface ChoiceText<C> {
  index(c: C): number;
  text(c: C): string | null | undefined;
  finish(c: C): string | null;
  /** The piece with its text replaced (and, for a blocked output, finish_reason content_filter); null to drop it. */
  rewrite(c: C, text: string, finish: string | null): C | null;
}

/** An upstream's SSE bytes, passed through untouched but for `model` (see engines/upstream/raw.ts). */
export interface RawStream extends AsyncIterable<Uint8Array> {
  readonly usage: Usage | null;
}

/** Engines that can pass an upstream's stream through (the openai-compatible and ollama engines). */
export interface RawCapable {
  chatRaw(model: ModelEntry, req: any, ctx: EngineCallContext): Promise<RawStream>;
  completionRaw(model: ModelEntry, req: any, ctx: EngineCallContext): Promise<RawStream>;
}

export interface Generation<C> extends ChoiceText<C> {
  /** The engine's raw pass-through for this endpoint, if it has one (used when nothing must read the text). */
  raw?(engine: Engine, model: ModelEntry, ctx: EngineCallContext): Promise<RawStream> | null;
  capability: Capability;
  endpoint: string;
  /** Checks the request's caps (request-caps.ts) before admission; the model's vocabulary when its engine knows it. */
  prepare?(r: { model: ModelEntry; engine: Engine }): Promise<ModelVocabulary | null>;
  /** id, object (of a chunk), created, model, system_fingerprint: the same in every chunk. */
  envelope(model: ModelEntry): Record<string, unknown> & { object: string };
  call(r: { model: ModelEntry; engine: Engine }, ctx: EngineCallContext): AsyncIterable<Event<C>>;
  /** Folds the pieces into the JSON response (non-streamed). */
  fold(): { add(choice: C): void; json(envelope: Record<string, unknown>, usage: Usage): unknown };
}

export async function serveGeneration<C>(
  deps: HandlerDeps,
  res: Response,
  body: { model: string; stream?: boolean | null; stream_options?: { include_usage?: boolean } | null },
  g: Generation<C>,
): Promise<void> {
  const startedAt = Date.now();
  const { model, engine, domainId, keyId } = await resolveModel(deps, res, body.model, g.capability);
  const vocab = (await g.prepare?.({ model, engine })) ?? null;
  const admission = await deps.enforcer.admit(res, { domainId, keyId, body, countTokens: engine.countTokens ? (t) => engine.countTokens!(model, t) : undefined, detokenize: vocab?.detokenize });
  const envelope = g.envelope(model);
  const frame = { domainId, keyId, model: model.id, endpoint: g.endpoint, streamed: !!body.stream, startedAt, admission };
  await metered(deps, res, frame, async (ctx, meter) => {
    // Each layer costs per token: add the fallback and the output filter only when they can act.
    const events = (): AsyncIterable<Event<C>> => {
      const raw = model.settings.fallback_model
        ? streamWithFallback(deps, { model, engine }, domainId, (r) => g.call(r, ctx))
        : g.call({ model, engine }, ctx);
      if (!admission.filtersOutput) return raw;
      return filterOutput(raw, admission, g, (rule) => deps.enforcer.violation(domainId, keyId, rule, 'output'), Number((body as { n?: number }).n ?? 1) || 1);
    };
    if (body.stream) {
      const sse = new SseWriter(res, deps.config.streams, deps.log);
      const encode = chunkEncoder(envelope);
      setOverhead(res);
      // A failure after the first byte ends the stream with an error event; 5xx ones are logged too.
      const failed = (apiErr: ApiError) => {
        if (apiErr.status >= 500) deps.log.warn({ requestId: ctx.requestId, model: model.id, code: apiErr.code, message: apiErr.message }, 'stream ended with an error');
        sse.fail(apiErr);
      };
      // Fast path: nothing has to read the text (no output rules, no fallback): pass the upstream's bytes through.
      // Backpressure: while the client is not reading (drain), the upstream body is not read either.
      const raw = !admission.filtersOutput && !model.settings.fallback_model ? g.raw?.(engine, model, ctx) : null;
      if (raw) {
        let stream: RawStream | null = null;
        try {
          stream = await raw;
          for await (const bytes of stream) if (!sse.sendRaw(bytes)) await sse.drain();
          meter.usage = stream.usage;
          sse.end();
        } catch (err) {
          const apiErr = toApiError(err);
          meter.status = apiErr.status;
          meter.usage ??= stream?.usage ?? null;
          if (ctx.signal.aborted && !sse.isOpen) return;
          if (!res.headersSent) throw apiErr;
          failed(apiErr);
        }
        return;
      }
      try {
        for await (const ev of events()) {
          if (ev.type === 'usage') meter.usage = ev.usage;
          else if (!sse.sendJson(encode(ev.choice))) await sse.drain();
        }
        if (body.stream_options?.include_usage === true && meter.usage) sse.send({ ...envelope, choices: [], usage: meter.usage });
        sse.done();
      } catch (err) {
        const apiErr = toApiError(err);
        meter.status = apiErr.status;
        if (ctx.signal.aborted && !sse.isOpen) return; // the client went away: nothing to tell it
        if (!res.headersSent) throw apiErr;
        failed(apiErr);
      }
      return;
    }
    const folder = g.fold();
    const engineStart = performance.now();
    for await (const ev of events()) {
      if (ev.type === 'usage') meter.usage = ev.usage;
      else folder.add(ev.choice);
    }
    res.locals.engineMs += performance.now() - engineStart;
    setOverhead(res);
    res.json(folder.json(envelope, meter.usage ?? { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 }));
  });
}
