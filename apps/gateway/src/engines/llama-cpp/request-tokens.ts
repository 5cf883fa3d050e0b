/**
 * The tokenization of one request's prompt, done in small steps and remembered for that request.
 * node-llama-cpp tokenizes a whole chat prompt in one synchronous pass, two or three llama.cpp calls
 * a message (each about 0.1 ms with the demo model's tokenizer): 500 short messages held the event
 * loop for about 400 ms, once for the prompt count and once more inside LlamaChat. Here the prompt's
 * pieces are tokenized first with a yield to the event loop every few milliseconds, into a cache
 * that lives in the request's async context (AsyncLocalStorage); the exact count and LlamaChat's
 * own pass then read it. Nothing is shared between requests: no request can time what another sent.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { BuiltinSpecialTokenValue, LlamaModel, LlamaText, Token, Tokenizer } from 'node-llama-cpp';

type NodeLlamaCpp = typeof import('node-llama-cpp');

const YIELD_AFTER_MS = 2;
const requestCache = new AsyncLocalStorage<Map<string, Token[]>>();
const installed = new WeakSet<LlamaModel>();

/** Makes the model's tokenizer read and fill the current request's cache, if there is one (once per model). */
export function cacheTokenizer(model: LlamaModel): void {
  if (installed.has(model)) return;
  installed.add(model);
  const original = model.tokenizer;
  const cached = (text: string, special?: boolean | 'builtin', options?: 'trimLeadingSpace'): Token[] => {
    const run = () => (special === 'builtin' ? original(text as BuiltinSpecialTokenValue, 'builtin') : original(text, special, options));
    const cache = requestCache.getStore();
    if (!cache) return run();
    const key = `${special === 'builtin' ? 'b' : special ? 's' : 'p'}${options ? 't' : '-'}${text}`;
    let tokens = cache.get(key);
    if (!tokens) {
      tokens = run();
      cache.set(key, tokens);
    }
    return tokens.slice();
  };
  const tokenizer: Tokenizer = Object.assign(cached, { detokenize: original.detokenize, isSpecialToken: original.isSpecialToken, isEogToken: original.isEogToken });
  Object.defineProperty(model, 'tokenizer', { value: tokenizer, writable: true, configurable: true, enumerable: true });
}

/** Runs `fn` with a tokenization cache of its own (for everything it calls, LlamaChat included). */
export function withRequestTokens<T>(fn: () => Promise<T>): Promise<T> {
  return requestCache.run(new Map(), fn);
}

/**
 * The exact token count of a prompt, as `text.tokenize(model.tokenizer)` gives it, without one long
 * synchronous pass: its pieces are tokenized first, as LlamaText.tokenize splits them, yielding to
 * the event loop every few milliseconds; the final pass then only reads the cache. Call it inside
 * withRequestTokens(), after cacheTokenizer(model).
 */
export async function countPromptTokens(lib: NodeLlamaCpp, model: LlamaModel, text: LlamaText, signal?: AbortSignal): Promise<number> {
  const tokenizer = model.tokenizer;
  let pending = '';
  let count = 0;
  let since = performance.now();
  const flush = () => {
    count += tokenizer(pending, false, count > 0 || pending.length > 0 ? 'trimLeadingSpace' : undefined).length;
  };
  for (const value of text.values) {
    if (value instanceof lib.SpecialToken) {
      flush();
      pending = '';
      count += value.tokenize(tokenizer).length;
    } else if (value instanceof lib.SpecialTokensText) {
      const hadContent = count > 0 || pending.length > 0;
      flush();
      pending = '';
      count += value.tokenize(tokenizer, hadContent || count > 0).length;
    } else pending += value;
    if (performance.now() - since > YIELD_AFTER_MS) {
      await new Promise((r) => setImmediate(r));
      signal?.throwIfAborted();
      since = performance.now();
    }
  }
  return text.tokenize(tokenizer).length;
}
