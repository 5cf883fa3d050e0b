/** POST /v1/completions (legacy): the request as it is, on any engine with the `completions` capability; chunks or one object. */
import { randomToken } from '../../http/ids.js';
import type { CompletionChoiceDelta } from '../../engines/types.js';
import type { GatewayHandlers, HandlerDeps } from '../deps.js';
import { toApiError } from '../../pipeline/errors.js';
import { runInference } from '../../pipeline/run.js';
import { choiceChunks } from '../../pipeline/encoders/chat-chunks.js';
import { CompletionAggregator, completionChoiceText } from '../../pipeline/encoders/completion-chunks.js';
import { resolveModel } from './resolve.js';
import { checkCompletionCaps, vocabularyOf } from './request-caps.js';

export function completionHandlers(deps: HandlerDeps): Pick<GatewayHandlers, 'createCompletion'> {
  return {
    async createCompletion(req, res, ctx) {
      const body = req.body;
      const first = await resolveModel(deps, ctx, body.model, 'completions');
      const vocabulary = await vocabularyOf(first, ctx.requestId);
      checkCompletionCaps(body, deps.config.requestCaps, first.model, vocabulary);
      const envelope = { id: `cmpl-${randomToken(15, 'base64url')}`, object: 'text_completion', created: Math.floor(Date.now() / 1000), model: body.model, system_fingerprint: `cordon_${first.model.engine}` };
      await runInference<CompletionChoiceDelta>(deps, res, ctx, first, {
        text: completionChoiceText,
        endpoint: 'completions',
        stream: body.stream === true,
        input: body,
        choices: body.n ?? 1,
        vocabulary,
        call: (r, call) => {
          if (!r.engine.completion) throw toApiError(new Error('engine without completions'));
          return r.engine.completion(r.model, body, call);
        },
        raw: (r, call) => r.engine.completionRaw?.(r.model, body, call) ?? null,
        encoder: choiceChunks(envelope, body.stream_options?.include_usage === true, new CompletionAggregator(), 'text_completion'),
      });
    },
  };
}
