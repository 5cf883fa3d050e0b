/** POST /v1/chat/completions: JSON or SSE, on any engine with the `chat` capability. */
import { randomToken } from '../../http/ids.js';
import type { Handlers } from '@cordon/server-kit';
import type { ChatChoiceDelta, ChatRequest, TokenLogprob } from '../../engines/types.js';
import type { HandlerDeps } from '../deps.js';
import { toApiError } from './errors.js';
import { serveGeneration, type ChoiceText, type RawCapable } from './generate.js';
import { checkChatCaps, vocabularyOf } from './request-caps.js';

export const chatCompletionId = () => `chatcmpl-${randomToken(15, 'base64url')}`;

interface ChoiceAcc {
  index: number;
  content: string | null;
  refusal: string | null;
  toolCalls: Array<{ id: string; type: 'function'; function: { name: string; arguments: string } }>;
  finish_reason: ChatChoiceDelta['finish_reason'];
  logprobs: TokenLogprob[] | null;
}

/** Folds stream deltas into the `choices` of a chat.completion object. */
export class ChatAggregator {
  private readonly choices = new Map<number, ChoiceAcc>();

  add(c: ChatChoiceDelta): void {
    let acc = this.choices.get(c.index);
    if (!acc) {
      acc = { index: c.index, content: null, refusal: null, toolCalls: [], finish_reason: null, logprobs: null };
      this.choices.set(c.index, acc);
    }
    if (typeof c.delta.content === 'string') acc.content = (acc.content ?? '') + c.delta.content;
    if (typeof c.delta.refusal === 'string') acc.refusal = (acc.refusal ?? '') + c.delta.refusal;
    for (const t of c.delta.tool_calls ?? []) {
      const slot = (acc.toolCalls[t.index] ??= { id: '', type: 'function', function: { name: '', arguments: '' } });
      if (t.id) slot.id = t.id;
      if (t.function.name) slot.function.name += t.function.name;
      if (t.function.arguments) slot.function.arguments += t.function.arguments;
    }
    if (c.logprobs?.content) (acc.logprobs ??= []).push(...c.logprobs.content);
    if (c.finish_reason) acc.finish_reason = c.finish_reason;
  }

  choicesJson() {
    return [...this.choices.values()]
      .sort((a, b) => a.index - b.index)
      .map((a) => ({
        index: a.index,
        message: {
          role: 'assistant' as const,
          content: a.toolCalls.length && !a.content ? null : a.content,
          refusal: a.refusal,
          ...(a.toolCalls.length ? { tool_calls: a.toolCalls.filter(Boolean) } : {}),
          annotations: [],
        },
        logprobs: a.logprobs ? { content: a.logprobs, refusal: null } : null,
        finish_reason: a.finish_reason ?? 'stop',
      }));
  }
}

/** How output guardrails read and rewrite a chat choice piece. */
export const chatChoiceText: ChoiceText<ChatChoiceDelta> = {
  index: (c) => c.index,
  text: (c) => c.delta.content,
  finish: (c) => c.finish_reason,
  rewrite: (c, text, finish) => {
    const delta = { ...c.delta };
    if (typeof c.delta.content === 'string' || text) delta.content = text;
    if (!text && c.delta.content && !delta.role && !delta.tool_calls && !finish) return null; // all held back
    return { ...c, delta, finish_reason: finish as ChatChoiceDelta['finish_reason'] };
  },
};

export function chatHandlers(deps: HandlerDeps): Pick<Handlers, 'createChatCompletion'> {
  return {
    async createChatCompletion(req, res) {
      const body = req.body as unknown as ChatRequest & { stream?: boolean | null; stream_options?: { include_usage?: boolean } | null };
      await serveGeneration<ChatChoiceDelta>(deps, res, body, {
        capability: 'chat',
        endpoint: 'chat.completions',
        prepare: async (r) => {
          const vocab = await vocabularyOf(r, res.locals.requestId);
          checkChatCaps(body, deps.config.requestCaps, r.model, vocab);
          return vocab;
        },
        envelope: (model) => ({ id: chatCompletionId(), object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: body.model, system_fingerprint: `cordon_${model.engine}` }),
        call: (r, ctx) => {
          if (!r.engine.chat) throw toApiError(new Error('engine without chat'));
          return r.engine.chat(r.model, body, ctx);
        },
        raw: (engine, model, ctx) => (engine as Partial<RawCapable>).chatRaw?.(model, body, ctx) ?? null,
        ...chatChoiceText,
        fold: () => {
          const agg = new ChatAggregator();
          return { add: (c) => agg.add(c), json: (env, usage) => ({ ...env, object: 'chat.completion', choices: agg.choicesJson(), usage }) };
        },
      });
    },
  };
}
