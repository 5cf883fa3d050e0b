/** POST /v1/embeddings: the request as it is, on any engine with the `embeddings` capability; one list of vectors. */
import { ApiError } from '@cordon/server-kit';
import type { EmbeddingResult } from '../../engines/types.js';
import type { GatewayHandlers, HandlerDeps } from '../deps.js';
import { resolveModel } from './resolve.js';
import { toApiError } from '../../pipeline/errors.js';
import { runInference } from '../../pipeline/run.js';
import { embeddingList } from '../../pipeline/encoders/embedding-list.js';
import { checkEmbeddingCaps, vocabularyOf } from './request-caps.js';

export function embeddingHandlers(deps: HandlerDeps): Pick<GatewayHandlers, 'createEmbedding'> {
  return {
    async createEmbedding(req, res, ctx) {
      const body = req.body;
      const first = await resolveModel(deps, ctx, body.model, 'embeddings');
      if (!first.engine.embeddings) throw toApiError(new Error('engine without embeddings'));
      if (Array.isArray(body.input) && body.input.length === 0) throw new ApiError(400, "'input' must not be empty.", 'invalid_value', 'input');
      if (body.input === '') throw new ApiError(400, "'input' must not be empty.", 'invalid_value', 'input');
      const vocabulary = await vocabularyOf(first, ctx.requestId);
      checkEmbeddingCaps(body, deps.config.requestCaps, vocabulary);
      await runInference<EmbeddingResult>(deps, res, ctx, first, {
        endpoint: 'embeddings',
        stream: false,
        input: body,
        choices: 1,
        vocabulary,
        async *call(r, call) {
          if (!r.engine.embeddings) throw toApiError(new Error('engine without embeddings'));
          const result = await r.engine.embeddings(r.model, body, call);
          yield { type: 'usage', usage: { prompt_tokens: result.prompt_tokens, completion_tokens: 0, total_tokens: result.prompt_tokens } };
          yield { type: 'choice', choice: result };
        },
        encoder: embeddingList({ model: body.model, base64: body.encoding_format === 'base64', dimensions: body.dimensions }),
      });
    },
  };
}
