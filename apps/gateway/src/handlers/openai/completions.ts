/** POST /v1/completions (legacy): JSON or SSE, on any engine with the `completions` capability. */
import { randomBytes } from 'node:crypto';
import type { Handlers } from '@cordon/server-kit';
import { SseWriter, chunkEncoder } from '../../http/sse.js';
import { callContext } from '../../http/call-context.js';
import type { CompletionChoiceDelta, CompletionRequest, Usage } from '../../engines/types.js';
import type { HandlerDeps } from '../deps.js';
import { resolveModel } from './resolve.js';
import { toApiError } from './errors.js';
import { recordUsage } from './usage.js';
import { setOverhead } from '../../http/overhead.js';
import { streamWithFallback } from './fallback.js';

export function completionHandlers(deps: HandlerDeps): Pick<Handlers, 'createCompletion'> {
  return {
    async createCompletion(req, res) {
      const startedAt = Date.now();
      const body = req.body as unknown as CompletionRequest & { stream?: boolean | null; stream_options?: { include_usage?: boolean } | null };
      const { model, engine, domainId, keyId } = await resolveModel(deps, res, body.model, 'completions');
      if (!engine.completion) throw toApiError(new Error('engine without completions'));
      const ctx = callContext(res, deps.config.requestTimeoutMs);
      const base = {
        id: `cmpl-${randomBytes(15).toString('base64url')}`,
        object: 'text_completion' as const,
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        system_fingerprint: `cordon_${model.engine}`,
      };
      let usage: Usage | null = null;
      let status = 200;
      try {
        if (body.stream) {
          const sse = new SseWriter(res);
          const encode = chunkEncoder(base);
          setOverhead(res);
          try {
            for await (const ev of streamWithFallback(deps, { model, engine }, domainId, (r) => r.engine.completion!(r.model, body, ctx))) {
              if (ev.type === 'usage') usage = ev.usage;
              else sse.sendJson(encode(ev.choice));
            }
            if (body.stream_options?.include_usage === true && usage) sse.send({ ...base, choices: [], usage });
            sse.done();
          } catch (err) {
            const apiErr = toApiError(err);
            status = apiErr.status;
            if (ctx.signal.aborted && !sse.isOpen) return;
            if (!res.headersSent) throw apiErr;
            sse.fail(apiErr);
          }
          return;
        }
        const choices = new Map<number, CompletionChoiceDelta>();
        const engineStart = performance.now();
        try {
          for await (const ev of streamWithFallback(deps, { model, engine }, domainId, (r) => r.engine.completion!(r.model, body, ctx))) {
            if (ev.type === 'usage') {
              usage = ev.usage;
              continue;
            }
            const c = ev.choice;
            const acc = choices.get(c.index);
            if (!acc) choices.set(c.index, { ...c, logprobs: c.logprobs ? structuredClone(c.logprobs) : null });
            else {
              acc.text += c.text;
              if (c.finish_reason) acc.finish_reason = c.finish_reason;
              if (c.logprobs && acc.logprobs) {
                acc.logprobs.tokens.push(...c.logprobs.tokens);
                acc.logprobs.token_logprobs.push(...c.logprobs.token_logprobs);
                acc.logprobs.top_logprobs.push(...c.logprobs.top_logprobs);
                acc.logprobs.text_offset.push(...c.logprobs.text_offset);
              }
            }
          }
        } catch (err) {
          const apiErr = toApiError(err);
          status = apiErr.status;
          throw apiErr;
        }
        res.locals.engineMs += performance.now() - engineStart;
        setOverhead(res);
        res.json({
          ...base,
          choices: [...choices.values()].sort((a, b) => a.index - b.index).map((c) => ({ ...c, finish_reason: c.finish_reason ?? 'stop' })),
          usage: usage ?? { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
        } as any);
      } finally {
        ctx.dispose();
        recordUsage(deps, res, { domainId, keyId, model: model.id, endpoint: 'completions', usage, status, streamed: !!body.stream, startedAt });
      }
    },
  };
}
