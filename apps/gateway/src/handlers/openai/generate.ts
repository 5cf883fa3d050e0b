/**
 * The shape every generating endpoint shares (chat completions, completions): resolve the model in
 * the caller's domain, call its engine (with the fallback model), then either stream the engine's
 * pieces as SSE chunks or fold them into one JSON object; record usage either way.
 */
import type { Response } from 'express';
import { SseWriter, chunkEncoder } from '../../http/sse.js';
import { callContext } from '../../http/call-context.js';
import { setOverhead } from '../../http/overhead.js';
import type { Capability } from '../../engines/registry.js';
import type { Engine, EngineCallContext, ModelEntry, Usage } from '../../engines/types.js';
import type { HandlerDeps } from '../deps.js';
import { resolveModel } from './resolve.js';
import { toApiError } from './errors.js';
import { recordUsage } from './usage.js';
import { streamWithFallback } from './fallback.js';

type Event<C> = { type: 'choice'; choice: C } | { type: 'usage'; usage: Usage };

export interface Generation<C> {
  capability: Capability;
  endpoint: string;
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
  const ctx = callContext(res, deps.config.requestTimeoutMs);
  const envelope = g.envelope(model);
  const events = () => streamWithFallback(deps, { model, engine }, domainId, (r) => g.call(r, ctx));
  let usage: Usage | null = null;
  let status = 200;
  try {
    if (body.stream) {
      const sse = new SseWriter(res);
      const encode = chunkEncoder(envelope);
      setOverhead(res);
      try {
        for await (const ev of events()) {
          if (ev.type === 'usage') usage = ev.usage;
          else sse.sendJson(encode(ev.choice));
        }
        if (body.stream_options?.include_usage === true && usage) sse.send({ ...envelope, choices: [], usage });
        sse.done();
      } catch (err) {
        const apiErr = toApiError(err);
        status = apiErr.status;
        if (ctx.signal.aborted && !sse.isOpen) return; // the client went away: nothing to tell it
        if (!res.headersSent) throw apiErr;
        sse.fail(apiErr);
      }
      return;
    }
    const folder = g.fold();
    const engineStart = performance.now();
    try {
      for await (const ev of events()) {
        if (ev.type === 'usage') usage = ev.usage;
        else folder.add(ev.choice);
      }
    } catch (err) {
      const apiErr = toApiError(err);
      status = apiErr.status;
      throw apiErr;
    }
    res.locals.engineMs += performance.now() - engineStart;
    setOverhead(res);
    res.json(folder.json(envelope, usage ?? { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 }));
  } finally {
    ctx.dispose();
    recordUsage(deps, res, { domainId, keyId, model: model.id, endpoint: g.endpoint, usage, status, streamed: !!body.stream, startedAt });
  }
}
