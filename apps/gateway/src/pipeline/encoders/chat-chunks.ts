/** Chat completions: `chat.completion.chunk` events on a stream, or one `chat.completion` body. */
import type { ChatChoiceDelta, TokenLogprob } from '../../engines/types.js';
import { chunkEncoder } from '../../http/sse.js';
import type { ChoiceText } from '../output-guardrails.js';
import type { Encoder } from '../run.js';

/** The fields every chunk of one answer shares: id, object, created, model, system_fingerprint. */
export type Envelope = Record<string, unknown> & { object: string };

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
    const delta = Object.assign({}, c.delta); // see choiceChunks: a spread copy that gains a field is promoted on Node 20
    if (typeof c.delta.content === 'string' || text) delta.content = text;
    if (!text && c.delta.content && !delta.role && !delta.tool_calls && !finish) return null; // all held back
    return { ...c, delta, finish_reason: finish as ChatChoiceDelta['finish_reason'] };
  },
};

const ZERO_USAGE = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };

/**
 * Choice pieces as OpenAI sends them: one chunk per piece (the envelope serialized once), the usage
 * chunk when asked for, then `data: [DONE]`; or, folded, the whole object (`object` given).
 */
export function choiceChunks<C>(envelope: Envelope, includeUsage: boolean, fold: { add(c: C): void; choicesJson(): unknown[] }, object: string): Encoder<C> {
  const encode = chunkEncoder(envelope);
  return {
    open: () => {},
    piece: (c, out) => {
      if (out) return out.sendJson(encode(c));
      fold.add(c);
      return true;
    },
    close: async (usage, out) => {
      // Object.assign, not `{ ...envelope, choices }`: on Node 20 (V8 11) an object spread followed by
      // a field its source lacks is made in the old generation, and whatever it holds with it, so every
      // answer's body outlived the young-generation collections and grew the heap until a full
      // collection (docs/benchmarks.md, session 22). A spread that only overrides fields, or that comes
      // after the new fields, is not.
      if (!out) return Object.assign({}, envelope, { object, choices: fold.choicesJson(), usage: usage ?? ZERO_USAGE });
      if (includeUsage && usage) out.send(Object.assign({}, envelope, { choices: [], usage }));
      out.done();
      return null;
    },
    fail: (err, out) => out.fail(err),
  };
}
