/** POST /v1/embeddings: float or base64, optional `dimensions` (truncated and re-normalized, as OpenAI does). */
import type { Handlers } from '@cordon/server-kit';
import { ApiError } from '@cordon/server-kit';
import type { EmbeddingRequest } from '../../engines/types.js';
import type { HandlerDeps } from '../deps.js';
import { resolveModel } from './resolve.js';
import { toApiError } from './errors.js';
import { metered } from './usage.js';
import { engineTime, setOverhead } from '../../http/overhead.js';
import { callWithFallback } from './fallback.js';
import { checkEmbeddingCaps, vocabularyOf } from './request-caps.js';

export function shapeVector(v: ArrayLike<number>, dimensions: number | undefined): Float32Array {
  const n = dimensions ?? v.length;
  if (n > v.length) throw new ApiError(400, `This model has ${v.length} dimensions; 'dimensions' must be at most ${v.length}.`, 'invalid_value', 'dimensions');
  const out = Float32Array.from({ length: n }, (_, i) => v[i]!);
  if (dimensions !== undefined && dimensions < v.length) {
    let norm = 0;
    for (const x of out) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < out.length; i++) out[i]! /= norm;
  }
  return out;
}

export const toBase64 = (v: Float32Array): string => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');

export function embeddingHandlers(deps: HandlerDeps): Pick<Handlers, 'createEmbedding'> {
  return {
    async createEmbedding(req, res) {
      const startedAt = Date.now();
      const body = req.body as unknown as EmbeddingRequest & { encoding_format?: 'float' | 'base64'; dimensions?: number };
      const { model, engine, domainId, keyId } = await resolveModel(deps, res, body.model, 'embeddings');
      if (!engine.embeddings) throw toApiError(new Error('engine without embeddings'));
      if (Array.isArray(body.input) && body.input.length === 0) throw new ApiError(400, "'input' must not be empty.", 'invalid_value', 'input');
      if (body.input === '') throw new ApiError(400, "'input' must not be empty.", 'invalid_value', 'input');
      const vocab = await vocabularyOf({ model, engine }, res.locals.requestId);
      checkEmbeddingCaps(body, deps.config.requestCaps, vocab);
      const admission = await deps.enforcer.admit(res, { domainId, keyId, body, detokenize: vocab?.detokenize });
      await metered(deps, res, { domainId, keyId, model: model.id, endpoint: 'embeddings', streamed: false, startedAt, admission }, async (ctx, meter) => {
        const result = await engineTime(res, () => callWithFallback(deps, { model, engine }, domainId, (r) => r.engine.embeddings!(r.model, body, ctx)));
        meter.usage = { prompt_tokens: result.prompt_tokens, completion_tokens: 0, total_tokens: result.prompt_tokens };
        const base64 = body.encoding_format === 'base64';
        setOverhead(res);
        res.json({
          object: 'list',
          model: body.model,
          data: result.vectors.map((v, index) => {
            const shaped = shapeVector(v, body.dimensions);
            return { object: 'embedding', index, embedding: base64 ? toBase64(shaped) : Array.from(shaped) };
          }),
          usage: { prompt_tokens: result.prompt_tokens, total_tokens: result.prompt_tokens },
        } as any);
      });
    },
  };
}
