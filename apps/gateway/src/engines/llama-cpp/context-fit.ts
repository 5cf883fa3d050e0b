/**
 * Whether a prompt fits the model's context, found without holding the event loop. node-llama-cpp
 * tokenizes a whole chat history in one synchronous pass (about 0.1 ms a call to llama.cpp, two
 * calls a message) and, when the history does not fit, compresses it by re-tokenizing it at every
 * step: 10,000 short messages held the event loop for 164 s, 1,000 tools ended in a 500. Here the
 * texts are counted first in slices, yielding every few milliseconds and stopping once the count
 * passes the context; a prompt that does not fit gets OpenAI's 400 `context_length_exceeded`, and
 * one that fits gets a completion budget that never makes node-llama-cpp shift its context.
 */
import type { LlamaModel, Token } from 'node-llama-cpp';
import { EngineError } from '../types.js';

const SLICE_CHARS = 4096;
const YIELD_AFTER_MS = 2;
/** Tokens kept free at the end of the context (node-llama-cpp shifts the context when it is within 1 of full). */
export const CONTEXT_HEADROOM = 8;

/** The number of token ids of the model: valid ids are 0 <= id < this. */
export function vocabularySize(model: LlamaModel): number {
  const tokens: unknown = model.fileInfo.metadata.tokenizer?.ggml?.tokens;
  return Array.isArray(tokens) ? tokens.length : 0;
}

const longest = new WeakMap<LlamaModel, number>();
/** Characters of the longest token: a text of n characters has at least n / this many tokens. */
function longestTokenChars(model: LlamaModel): number {
  let n = longest.get(model);
  if (n === undefined) {
    n = 1;
    const tokens: unknown = model.fileInfo.metadata.tokenizer?.ggml?.tokens;
    if (Array.isArray(tokens)) for (const t of tokens) if (typeof t === 'string' && t.length > n) n = t.length;
    longest.set(model, n);
  }
  return n;
}

/** Ids checked against the vocabulary (an id outside it aborts the process in llama.cpp). */
export function checkTokenIds(model: LlamaModel, ids: readonly unknown[], param: string): Token[] {
  const size = vocabularySize(model);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id >= size) {
      throw new EngineError(400, `Invalid '${param}[${i}]': token id ${String(id).slice(0, 24)} is outside this model's vocabulary (0 to ${size - 1}).`, 'invalid_value', `${param}[${i}]`);
    }
  }
  return ids as Token[];
}

/**
 * True when the texts fit in `room` tokens whatever the tokenizer: a token covers at least one byte
 * of its text, and a text may get one more (the leading space some tokenizers add). A prompt
 * shorter in bytes than the context then needs no counting pass before the exact count.
 */
export function surelyFits(texts: readonly string[], room: number): boolean {
  let bound = 0;
  for (const t of texts) {
    bound += Buffer.byteLength(t) + 1;
    if (bound > room) return false;
  }
  return true;
}

/**
 * Refuses texts that cannot take at most `room` tokens of a context of `context` with OpenAI's 400
 * `context_length_exceeded` for `param`, before anything tokenizes them whole: texts short enough
 * in bytes pass at once, the others are counted in slices (countTokensSliced). The caller's exact
 * count then sets the completion budget.
 */
export async function assertFits(model: LlamaModel, texts: readonly string[], room: number, context: number, param: string, signal?: AbortSignal): Promise<void> {
  if (surelyFits(texts, room)) return;
  if ((await countTokensSliced(model, texts, room, signal)) > room) throw contextLengthError(context, context, param, undefined, true);
}

/**
 * Tokens of the texts, counted slice by slice with a yield to the event loop every few
 * milliseconds. Stops early, with a count above `limit`, once the count passes it; a text too long
 * to fit is known from its length alone and is not tokenized at all.
 */
export async function countTokensSliced(model: LlamaModel, texts: readonly string[], limit: number, signal?: AbortSignal): Promise<number> {
  const piece = longestTokenChars(model);
  let floor = 0;
  for (const t of texts) floor += Math.ceil(t.length / piece);
  if (floor > limit) return floor;
  let total = 0;
  let since = performance.now();
  for (const text of texts) {
    for (let start = 0; start < text.length; ) {
      let end = Math.min(text.length, start + SLICE_CHARS);
      if (end < text.length) {
        const space = text.lastIndexOf(' ', end); // cut before a space: the counts then add up
        if (space > start + SLICE_CHARS / 2) end = space;
      }
      total += model.tokenize(text.slice(start, end)).length;
      start = end;
      if (total > limit) return total;
      if (performance.now() - since > YIELD_AFTER_MS) {
        await new Promise((r) => setImmediate(r));
        signal?.throwIfAborted();
        since = performance.now();
      }
    }
  }
  return total;
}

/** OpenAI's 400 for a prompt (and completion budget) over the context. */
export function contextLengthError(context: number, prompt: number, param: string, completion?: number, atLeast = false): EngineError {
  const what = param === 'messages' ? 'messages' : param;
  const message =
    completion === undefined
      ? `This model's maximum context length is ${context} tokens. However, your ${what} resulted in ${atLeast ? 'more than ' : ''}${prompt} tokens. Please reduce the length of the ${what}.`
      : `This model's maximum context length is ${context} tokens. However, you requested ${prompt + completion} tokens (${prompt} in the ${what}, ${completion} in the completion). Please reduce the length of the ${what} or completion.`;
  return new EngineError(400, message, 'context_length_exceeded', param);
}

/**
 * The completion budget for a prompt of `prompt` tokens: the requested max_tokens when prompt and
 * completion fit the context, the rest of the context when none was requested; else a 400.
 */
export function completionBudget(context: number, prompt: number, maxTokens: number | undefined, param: string): number {
  const room = context - CONTEXT_HEADROOM - prompt;
  if (room < 1) throw contextLengthError(context, prompt, param);
  if (maxTokens !== undefined && maxTokens > room) throw contextLengthError(context, prompt, param, maxTokens);
  return maxTokens ?? room;
}
