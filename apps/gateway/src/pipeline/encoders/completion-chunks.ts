/** Legacy completions: `text_completion` chunks on a stream, or one `text_completion` body. */
import type { CompletionChoiceDelta } from '../../engines/types.js';
import type { ChoiceText } from '../output-guardrails.js';

/** Folds streamed completion pieces into one choice per index. */
export class CompletionAggregator {
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

/** How output guardrails read and rewrite a completion choice piece. */
export const completionChoiceText: ChoiceText<CompletionChoiceDelta> = {
  index: (c) => c.index,
  text: (c) => c.text,
  finish: (c) => c.finish_reason,
  rewrite: (c, text, finish) => (!text && c.text && !finish ? null : { ...c, text, finish_reason: finish as CompletionChoiceDelta['finish_reason'] }),
};
