/** Legacy completions on the llama-cpp engine: every prompt, n times each, on one sequence. */
import type { Token } from 'node-llama-cpp';
import type { AsyncQueue } from '../async-queue.js';
import { EngineError, type CompletionEvent, type CompletionRequest, type EngineCallContext, type ModelEntry } from '../types.js';
import { assertFits, checkTokenIds, completionBudget } from './context-fit.js';
import type { LlamaModels } from './models.js';
import { num, sampling } from './sampling.js';
import { acquire, fresh } from './sequences.js';

/** A prompt or input as a list of texts or token arrays (a flat token array is one item). */
export function items(p: string | string[] | number[] | number[][]): Array<string | number[]> {
  if (typeof p === 'string') return [p];
  if (isTokens(p)) return [p];
  return p;
}

function isTokens(p: string[] | number[] | number[][]): p is number[] {
  return p.length > 0 && typeof p[0] === 'number';
}

export async function runCompletion(models: LlamaModels, m: ModelEntry, req: CompletionRequest, ctx: EngineCallContext, q: AsyncQueue<CompletionEvent>): Promise<void> {
  if (num(req.logprobs)) throw new EngineError(400, 'logprobs are not available from the llama-cpp engine.', 'unsupported_parameter', 'logprobs');
  const p = req.prompt;
  const prompts = items(p);
  const n = Math.max(1, Math.min(128, num(req.n) ?? 1));
  // Every prompt is checked (token ids inside the vocabulary, prompt and completion inside the
  // context) before a sequence is taken; max_tokens 0 means the rest of the context.
  const loaded = await models.loaded(m, ctx.requestId);
  const context = loaded.context.contextSize;
  const flat = prompts.length === 1 && p === prompts[0];
  const requested = num(req.max_tokens) ?? 16;
  const inputs: Array<{ tokens: Token[]; text: () => string; maxTokens: number }> = [];
  for (const [k, prompt] of prompts.entries()) {
    const param = flat ? 'prompt' : `prompt[${k}]`;
    let tokens: Token[];
    if (typeof prompt === 'string') {
      await assertFits(loaded.model, [prompt], context - 1, context, param, ctx.signal);
      tokens = loaded.model.tokenize(prompt);
    } else tokens = checkTokenIds(loaded.model, prompt, param);
    const model = loaded.model;
    inputs.push({ tokens, text: () => (typeof prompt === 'string' ? prompt : model.detokenize(tokens)), maxTokens: completionBudget(context, tokens.length, requested || undefined, param) });
  }
  const { l, seq, release } = await acquire(models, m, ctx);
  const slot = models.slot(m);
  try {
    let promptTokens = 0;
    let completionTokens = 0;
    let index = 0;
    ctx.trackUsage?.(() => ({ prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens }));
    for (const { tokens, text: promptText, maxTokens } of inputs) {
      for (let i = 0; i < n; i++, index++) {
        promptTokens += tokens.length;
        await fresh(seq);
        const completion = new l.lib.LlamaCompletion({ contextSequence: seq });
        if (req.echo) q.push({ type: 'choice', choice: { index, text: promptText(), finish_reason: null, logprobs: null } });
        try {
          const res = await completion.generateCompletionWithMeta(tokens, {
            ...sampling(req, i, ctx),
            maxTokens,
            onToken: (t) => {
              slot.generatedTokens += t.length;
              completionTokens += t.length;
            },
            onTextChunk: (text) => text && q.push({ type: 'choice', choice: { index, text, finish_reason: null, logprobs: null } }),
          });
          q.push({ type: 'choice', choice: { index, text: '', finish_reason: res.metadata.stopReason === 'maxTokens' ? 'length' : 'stop', logprobs: null } });
        } finally {
          completion.dispose({ disposeSequence: false });
        }
      }
    }
    q.push({ type: 'usage', usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens } });
  } finally {
    release();
  }
}
