/** Embeddings on the llama-cpp engine: one embedding context per model, calls run one after another. */
import type { Token } from 'node-llama-cpp';
import type { EmbeddingRequest, EmbeddingResult, EngineCallContext, ModelEntry } from '../types.js';
import { assertFits, checkTokenIds, contextLengthError } from './context-fit.js';
import { items } from './completion.js';
import type { LlamaModels } from './models.js';

export async function embeddings(models: LlamaModels, m: ModelEntry, req: EmbeddingRequest, ctx: EngineCallContext): Promise<EmbeddingResult> {
  const l = await models.loaded(m, ctx.requestId);
  const input = req.input;
  const list = items(input);
  const contextSize = Math.min(2048, l.model.trainContextSize);
  l.embedding ??= l.model.createEmbeddingContext({ contextSize, threads: models.threads });
  const ec = await l.embedding;
  const flat = list.length === 1 && input === list[0];
  // Each input is checked (ids inside the vocabulary, length inside the context) before any runs.
  const inputs: Array<Token[]> = [];
  for (const [k, item] of list.entries()) {
    const param = flat ? 'input' : `input[${k}]`;
    let toks: Token[];
    if (typeof item === 'string') {
      await assertFits(l.model, [item], contextSize, contextSize, param, ctx.signal);
      toks = l.model.tokenize(item);
    } else toks = checkTokenIds(l.model, item, param);
    if (toks.length > contextSize) throw contextLengthError(contextSize, toks.length, param);
    inputs.push(toks);
  }
  const run = async () => {
    const vectors: number[][] = [];
    let tokens = 0;
    for (const toks of inputs) {
      if (ctx.signal.aborted) throw ctx.signal.reason ?? new Error('aborted');
      tokens += toks.length;
      const e = await ec.getEmbeddingFor(toks);
      const v = Array.from(e.vector);
      const norm = Math.hypot(...v) || 1;
      vectors.push(v.map((x) => x / norm));
    }
    return { vectors, prompt_tokens: tokens };
  };
  const result = l.embeddingChain.then(run, run);
  l.embeddingChain = result.catch(() => undefined);
  return result;
}
