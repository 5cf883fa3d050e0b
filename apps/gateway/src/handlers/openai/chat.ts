/** POST /v1/chat/completions: JSON or SSE, on any engine with the `chat` capability. */
import { randomBytes } from 'node:crypto';
import type { Handlers } from '@cordon/server-kit';
import { SseWriter, chunkEncoder } from '../../http/sse.js';
import { callContext } from '../../http/call-context.js';
import type { ChatChoiceDelta, ChatRequest, TokenLogprob, Usage } from '../../engines/types.js';
import type { HandlerDeps } from '../deps.js';
import { resolveModel } from './resolve.js';
import { toApiError } from './errors.js';
import { recordUsage } from './usage.js';
import { setOverhead } from '../../http/overhead.js';
import { streamWithFallback } from './fallback.js';

export const chatCompletionId = () => `chatcmpl-${randomBytes(15).toString('base64url')}`;

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

export function chatHandlers(deps: HandlerDeps): Pick<Handlers, 'createChatCompletion'> {
  return {
    async createChatCompletion(req, res) {
      const startedAt = Date.now();
      const body = req.body as unknown as ChatRequest & { stream?: boolean | null; stream_options?: { include_usage?: boolean } | null };
      const { model, engine, domainId, keyId } = await resolveModel(deps, res, body.model, 'chat');
      if (!engine.chat) throw toApiError(new Error('engine without chat'));
      const ctx = callContext(res, deps.config.requestTimeoutMs);
      const id = chatCompletionId();
      const created = Math.floor(Date.now() / 1000);
      const base = { id, object: 'chat.completion.chunk' as const, created, model: body.model, system_fingerprint: `cordon_${model.engine}` };
      let usage: Usage | null = null;
      let status = 200;
      try {
        if (body.stream) {
          const sse = new SseWriter(res);
          const encode = chunkEncoder(base);
          setOverhead(res);
          const includeUsage = body.stream_options?.include_usage === true;
          try {
            for await (const ev of streamWithFallback(deps, { model, engine }, domainId, (r) => r.engine.chat!(r.model, body, ctx))) {
              if (ev.type === 'usage') usage = ev.usage;
              else sse.sendJson(encode(ev.choice));
            }
            if (includeUsage && usage) sse.send({ ...base, choices: [], usage });
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
        const agg = new ChatAggregator();
        const engineStart = performance.now();
        try {
          for await (const ev of streamWithFallback(deps, { model, engine }, domainId, (r) => r.engine.chat!(r.model, body, ctx))) {
            if (ev.type === 'usage') usage = ev.usage;
            else agg.add(ev.choice);
          }
        } catch (err) {
          const apiErr = toApiError(err);
          status = apiErr.status;
          throw apiErr;
        }
        res.locals.engineMs += performance.now() - engineStart;
        setOverhead(res);
        res.json({
          id,
          object: 'chat.completion',
          created,
          model: body.model,
          system_fingerprint: base.system_fingerprint,
          choices: agg.choicesJson(),
          usage: usage ?? { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
        } as any);
      } finally {
        ctx.dispose();
        recordUsage(deps, res, { domainId, keyId, model: model.id, endpoint: 'chat.completions', usage, status, streamed: !!body.stream, startedAt });
      }
    },
  };
}
