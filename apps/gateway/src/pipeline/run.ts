/**
 * The one inference pipeline: admit (policy: input guardrails, limits) -> engine call (fallback
 * model, see fallback.ts; upstream retries live in engines/upstream/retry.ts) -> output guardrails
 * -> encoder -> meter. An endpoint is a request translation (its handler) plus an encoder: chat
 * chunks, completion chunks, Responses events or transcript events, streamed as SSE or folded into
 * one body.
 */
import { writeText, type ApiError, type ApiResponse } from '@cordon/server-kit';
import type { Engine, EngineCallContext, ModelEntry, ModelVocabulary, RawStream, Usage } from '../engines/types.js';
import type { HandlerDeps } from '../handlers/deps.js';
import type { RequestContext } from '../http/request-context.js';
import { SseWriter } from '../http/sse.js';
import { streamWithFallback } from './fallback.js';
import { metered } from './meter.js';
import { filterOutput, type ChoiceText, type PieceEvent } from './output-guardrails.js';

export type Resolved = { model: ModelEntry; engine: Engine };

/** An encoder's body that is text, not JSON (transcripts as text, srt, vtt). */
export class PlainText {
  constructor(readonly text: string) {}
}


/** Turns choice pieces into what the client gets: SSE events when `out` is given, else one JSON body. */
export interface Encoder<C> {
  /** A stream's first events, before any piece (the Responses API's response.created). */
  open(out: SseWriter): void;
  /** One piece: its event(s) on a stream (false: the client is not reading, await drain); folded otherwise. */
  piece(c: C, out: SseWriter | null): boolean;
  /** The end: a stream's last events (and its end), or the JSON body. */
  close(usage: Usage | null, out: SseWriter | null): Promise<unknown>;
  /** A failure after the stream started: the error event(s), then the end. */
  fail(err: ApiError, out: SseWriter): void;
}

export interface Inference<C> {
  /** The usage record's endpoint ('chat.completions', 'completions', 'responses'). */
  endpoint: string;
  stream: boolean;
  /** The request fields the input guardrails read and the limits count. */
  input: Record<string, unknown>;
  /** How output guardrails read and rewrite the text of a piece; absent when the answer has no text (embeddings). */
  text?: ChoiceText<C>;
  /** How many choices the engine makes (output guardrails stop the engine when all are blocked). */
  choices: number;
  /** The model's vocabulary, when its engine knows it (token input is read as text through it). */
  vocabulary: ModelVocabulary | null;
  call(r: Resolved, ctx: EngineCallContext): AsyncIterable<PieceEvent<C>>;
  /** The engine's raw pass-through of a stream, when it has one (used when nothing must read the text). */
  raw?(r: Resolved, ctx: EngineCallContext): Promise<RawStream> | null;
  encoder: Encoder<C>;
}

export async function runInference<C>(deps: HandlerDeps, res: ApiResponse<unknown>, ctx: RequestContext, first: Resolved, inf: Inference<C>): Promise<void> {
  const { model, engine } = first;
  const countTokens = engine.countTokens?.bind(engine);
  const admission = await deps.enforcer.admit(ctx, {
    body: inf.input,
    countTokens: countTokens ? (t) => countTokens(model, t) : undefined,
    detokenize: inf.vocabulary?.detokenize,
  });
  await metered(deps, ctx, { endpoint: inf.endpoint, streamed: inf.stream, admission }, async (meter) => {
    // Each layer costs per token: the fallback and the output filter only when they can act.
    const events = (): AsyncIterable<PieceEvent<C>> => {
      const pieces = model.settings.fallback_model ? streamWithFallback(deps, first, ctx.auth.domainId, (r) => inf.call(r, ctx)) : inf.call(first, ctx);
      if (!admission.filtersOutput || !inf.text) return pieces;
      return filterOutput(pieces, admission, inf.text, (rule) => deps.enforcer.violation(ctx, rule, 'output'), inf.choices);
    };
    if (!inf.stream) {
      const engineStart = performance.now();
      for await (const ev of events()) {
        if (ev.type === 'usage') meter.usage = ev.usage;
        else inf.encoder.piece(ev.choice, null);
      }
      ctx.engineMs += performance.now() - engineStart;
      const body = await inf.encoder.close(meter.usage, null);
      ctx.stampOverhead();
      meter.record();
      if (body instanceof PlainText) writeText(res, 200, body.text);
      else res.json(body);
      return;
    }
    const sse = new SseWriter(res, deps.config.streams, deps.log, ctx.requestId);
    ctx.stampOverhead();
    // Nothing has to read the text (no output rules, no fallback): the upstream's bytes pass through.
    // Backpressure either way: while the client is not reading, the engine's stream is not read.
    const raw = !admission.filtersOutput && !model.settings.fallback_model ? inf.raw?.(first, ctx) : null;
    let rawStream: RawStream | null = null;
    try {
      if (raw) {
        rawStream = await raw;
        for await (const bytes of rawStream) if (!sse.sendRaw(bytes)) await sse.drain();
        meter.usage = rawStream.usage;
        meter.record();
        sse.end();
        return;
      }
      inf.encoder.open(sse);
      for await (const ev of events()) {
        if (ev.type === 'usage') meter.usage = ev.usage;
        else if (!inf.encoder.piece(ev.choice, sse)) await sse.drain();
      }
      meter.record();
      await inf.encoder.close(meter.usage, sse);
    } catch (err) {
      meter.usage ??= rawStream?.usage ?? null;
      const clientGone = ctx.aborted && !sse.isOpen;
      if (!clientGone && !res.headersSent) throw err; // metered() makes it the answer
      const apiErr = meter.failed(err);
      if (clientGone) return; // nothing to tell it
      // A failure after the first byte ends the stream with an error event; 5xx ones are logged too.
      if (apiErr.status >= 500) deps.log.warn({ request_id: ctx.requestId, model: model.id, code: apiErr.code, message: apiErr.message }, 'stream ended with an error');
      inf.encoder.fail(apiErr, sse);
    }
  });
}
