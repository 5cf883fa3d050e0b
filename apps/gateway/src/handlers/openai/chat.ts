/** POST /v1/chat/completions: the request as it is, on any engine with the `chat` capability; chat chunks or one object. */
import { randomToken } from '../../http/ids.js';
import type { ChatChoiceDelta } from '../../engines/types.js';
import type { GatewayHandlers, HandlerDeps } from '../deps.js';
import { toApiError } from '../../pipeline/errors.js';
import { runInference } from '../../pipeline/run.js';
import { ChatAggregator, chatChoiceText, choiceChunks } from '../../pipeline/encoders/chat-chunks.js';
import { resolveModel } from './resolve.js';
import { checkChatCaps, vocabularyOf } from './request-caps.js';

export const chatCompletionId = () => `chatcmpl-${randomToken(15, 'base64url')}`;

export function chatHandlers(deps: HandlerDeps): Pick<GatewayHandlers, 'createChatCompletion'> {
  return {
    async createChatCompletion(req, res, ctx) {
      const body = req.body;
      const first = await resolveModel(deps, ctx, body.model, 'chat');
      const vocabulary = await vocabularyOf(first, ctx.requestId);
      checkChatCaps(body, deps.config.requestCaps, first.model, vocabulary);
      const envelope = { id: chatCompletionId(), object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: body.model, system_fingerprint: `cordon_${first.model.engine}` };
      await runInference<ChatChoiceDelta>(deps, res, ctx, first, {
        text: chatChoiceText,
        endpoint: 'chat.completions',
        stream: body.stream === true,
        input: body,
        choices: body.n ?? 1,
        vocabulary,
        call: (r, call) => {
          if (!r.engine.chat) throw toApiError(new Error('engine without chat'));
          return r.engine.chat(r.model, body, call);
        },
        raw: (r, call) => r.engine.chatRaw?.(r.model, body, call) ?? null,
        encoder: choiceChunks(envelope, body.stream_options?.include_usage === true, new ChatAggregator(), 'chat.completion'),
      });
    },
  };
}
