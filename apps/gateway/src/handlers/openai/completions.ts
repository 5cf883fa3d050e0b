/** POST /v1/completions (legacy): JSON or SSE, on any engine with the `completions` capability. */
import { randomToken } from '../../http/ids.js';
import type { Handlers } from '@cordon/server-kit';
import type { CompletionChoiceDelta, CompletionRequest } from '../../engines/types.js';
import type { HandlerDeps } from '../deps.js';
import { toApiError } from './errors.js';
import { serveGeneration, type RawCapable } from './generate.js';
import { checkCompletionCaps, vocabularyOf } from './request-caps.js';

/** Folds streamed completion pieces into one choice per index. */
class CompletionAggregator {
  private readonly choices = new Map<number, CompletionChoiceDelta>();

  add(c: CompletionChoiceDelta): void {
    const acc = this.choices.get(c.index);
    if (!acc) {
      this.choices.set(c.index, { ...c, logprobs: c.logprobs ? structuredClone(c.logprobs) : null });
      return;
    }
    acc.text += c.text;
    if (c.finish_reason) acc.finish_reason = c.finish_reason;
    if (c.logprobs && acc.logprobs) {
      acc.logprobs.tokens.push(...c.logprobs.tokens);
      acc.logprobs.token_logprobs.push(...c.logprobs.token_logprobs);
      acc.logprobs.top_logprobs.push(...c.logprobs.top_logprobs);
      acc.logprobs.text_offset.push(...c.logprobs.text_offset);
    }
  }

  choicesJson() {
    return [...this.choices.values()].sort((a, b) => a.index - b.index).map((c) => ({ ...c, finish_reason: c.finish_reason ?? 'stop' }));
  }
}

export function completionHandlers(deps: HandlerDeps): Pick<Handlers, 'createCompletion'> {
  return {
    async createCompletion(req, res) {
      const body = req.body as unknown as CompletionRequest & { stream?: boolean | null; stream_options?: { include_usage?: boolean } | null };
      await serveGeneration<CompletionChoiceDelta>(deps, res, body, {
        capability: 'completions',
        endpoint: 'completions',
        prepare: async (r) => {
          const vocab = await vocabularyOf(r, res.locals.requestId);
          checkCompletionCaps(body, deps.config.requestCaps, r.model, vocab);
          return vocab;
        },
        envelope: (model) => ({ id: `cmpl-${randomToken(15, 'base64url')}`, object: 'text_completion', created: Math.floor(Date.now() / 1000), model: body.model, system_fingerprint: `cordon_${model.engine}` }),
        call: (r, ctx) => {
          if (!r.engine.completion) throw toApiError(new Error('engine without completions'));
          return r.engine.completion(r.model, body, ctx);
        },
        raw: (engine, model, ctx) => (engine as Partial<RawCapable>).completionRaw?.(model, body, ctx) ?? null,
        index: (c) => c.index,
        text: (c) => c.text,
        finish: (c) => c.finish_reason,
        rewrite: (c, text, finish) => (!text && c.text && !finish ? null : { ...c, text, finish_reason: finish as CompletionChoiceDelta['finish_reason'] }),
        fold: () => {
          const agg = new CompletionAggregator();
          return { add: (c) => agg.add(c), json: (env, usage) => ({ ...env, choices: agg.choicesJson(), usage }) };
        },
      });
    },
  };
}
