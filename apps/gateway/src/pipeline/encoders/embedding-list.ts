/** Embeddings: the vectors as one `list` body, float or base64, optionally cut to `dimensions`. */
import { ApiError } from '@cordon/server-kit';
import type { EmbeddingResult } from '../../engines/types.js';
import type { Encoder } from '../run.js';

/** The first `dimensions` components, re-normalized to unit length when cut (as OpenAI does). */
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

export function embeddingList(o: { model: string; base64: boolean; dimensions: number | undefined }): Encoder<EmbeddingResult> {
  let result: EmbeddingResult | null = null;
  return {
    open: () => {},
    piece: (r) => {
      result = r;
      return true;
    },
    close: async () => {
      const vectors = result?.vectors ?? [];
      const tokens = result?.prompt_tokens ?? 0;
      return {
        object: 'list',
        model: o.model,
        data: vectors.map((v, index) => {
          const shaped = shapeVector(v, o.dimensions);
          return { object: 'embedding', index, embedding: o.base64 ? toBase64(shaped) : Array.from(shaped) };
        }),
        usage: { prompt_tokens: tokens, total_tokens: tokens },
      };
    },
    fail: (err, out) => out.fail(err),
  };
}
