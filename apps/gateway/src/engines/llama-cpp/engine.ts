/**
 * Engine `llama-cpp`: GGUF models run in this process through node-llama-cpp.
 *  - A model loads lazily on first use (models.ts), is shared by all requests, and unloads after an
 *    idle time; node-llama-cpp itself is imported with the first model (native.ts).
 *  - One context per model with several sequences, so concurrent requests are batched; requests
 *    beyond the sequences wait in a bounded queue (sequences.ts; full: 503 + Retry-After).
 *  - ctx.signal (client gone, deadline) stops generation at once.
 */
import { AsyncQueue } from '../async-queue.js';
import type {
  ChatEvent,
  ChatRequest,
  CompletionEvent,
  CompletionRequest,
  EmbeddingRequest,
  EmbeddingResult,
  Engine,
  EngineCallContext,
  ModelEntry,
  ModelState,
  ModelVocabulary,
} from '../types.js';
import { runChat } from './chat.js';
import { runCompletion } from './completion.js';
import { checkTokenIds, countTokensSliced, vocabularySize } from './context-fit.js';
import { embeddings } from './embeddings.js';
import { LlamaModels, type LlamaCppOptions } from './models.js';
import { withRequestTokens } from './request-tokens.js';

/**
 * Runs a callback-driven generation as an async iterable: it stops when the caller's signal fires
 * (client gone, deadline) or when the consumer stops iterating.
 */
function bridge<T>(ctx: EngineCallContext, run: (inner: EngineCallContext, q: AsyncQueue<T>) => Promise<void>): AsyncIterable<T> {
  const q = new AsyncQueue<T>();
  const local = new AbortController();
  const abortAll = () => local.abort(ctx.signal.reason ?? new Error('cancelled'));
  ctx.signal.addEventListener('abort', abortAll, { once: true });
  q.cancelled(() => local.abort(new Error('consumer stopped')));
  run(Object.assign({}, ctx, { signal: local.signal }), q)
    .then(() => q.end(), (err) => q.fail(err))
    .finally(() => ctx.signal.removeEventListener('abort', abortAll));
  return q;
}

export class LlamaCppEngine implements Engine {
  readonly name = 'llama-cpp' as const;
  private readonly models: LlamaModels;

  constructor(opts: LlamaCppOptions) {
    this.models = new LlamaModels(opts);
  }

  status(m: ModelEntry): ModelState {
    return this.models.status(m);
  }

  /** For tests and metrics: tokens generated so far, requests running and waiting. */
  stats(id: string): { generatedTokens: number; active: number; queued: number } {
    return this.models.stats(id);
  }

  /** Forget a model (its registry entry changed or was removed). */
  forget(id: string): void {
    void this.models.unload(id);
  }

  /** Tokens of a text, counted without holding the event loop; a count above the context stops early. */
  async countTokens(m: ModelEntry, text: string): Promise<number> {
    const l = await this.models.loaded(m);
    return countTokensSliced(l.model, [text], l.context.contextSize);
  }

  async vocabulary(m: ModelEntry, requestId?: string): Promise<ModelVocabulary> {
    const l = await this.models.loaded(m, requestId);
    const model = l.model;
    return { size: vocabularySize(model), contextSize: l.context.contextSize, detokenize: async (ids) => model.detokenize(checkTokenIds(model, ids, 'tokens')) };
  }

  chat(m: ModelEntry, req: ChatRequest, ctx: EngineCallContext): AsyncIterable<ChatEvent> {
    return bridge(ctx, (inner, q) => withRequestTokens(() => runChat(this.models, m, req, inner, q)));
  }

  completion(m: ModelEntry, req: CompletionRequest, ctx: EngineCallContext): AsyncIterable<CompletionEvent> {
    return bridge(ctx, (inner, q) => runCompletion(this.models, m, req, inner, q));
  }

  embeddings(m: ModelEntry, req: EmbeddingRequest, ctx: EngineCallContext): Promise<EmbeddingResult> {
    return embeddings(this.models, m, req, ctx);
  }

  close(): Promise<void> {
    return this.models.close();
  }
}
