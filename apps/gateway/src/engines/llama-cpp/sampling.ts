/** OpenAI sampling parameters as node-llama-cpp generation options. */
import type { EngineCallContext } from '../types.js';

export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function stopList(stop: unknown): string[] {
  if (typeof stop === 'string') return stop ? [stop] : [];
  if (Array.isArray(stop)) return stop.filter((s): s is string => typeof s === 'string' && s.length > 0).slice(0, 4);
  return [];
}

/** The sampling fields chat and completion requests share. */
export interface SamplingFields {
  temperature?: number | null;
  top_p?: number | null;
  seed?: number | null;
  presence_penalty?: number | null;
  frequency_penalty?: number | null;
  stop?: string | string[] | null;
}

/** Options for choice `i` (its seed is the request's plus i, so n choices differ but repeat). */
export function sampling(req: SamplingFields, i: number, ctx: EngineCallContext) {
  // Under 1e-6 a temperature samples as 0 (greedily): llama.cpp divides the logits by it in float32,
  // and a denormal one (5.8e-43, found by the fuzzer) makes them infinite, so that with a grammar the
  // sampled token breaks it and the engine host aborts (an unhandled rejection in node-llama-cpp).
  const requested = num(req.temperature) ?? 1;
  const temperature = requested < 1e-6 ? 0 : requested;
  const seed = num(req.seed);
  const presence = num(req.presence_penalty) ?? 0;
  const frequency = num(req.frequency_penalty) ?? 0;
  return {
    temperature,
    topP: num(req.top_p),
    seed: seed !== undefined ? seed + i : Math.floor(Math.random() * 2 ** 31),
    customStopTriggers: stopList(req.stop),
    repeatPenalty: presence || frequency ? { presencePenalty: presence, frequencyPenalty: frequency, penalty: 1 } : (false as const),
    signal: ctx.signal,
    stopOnAbortSignal: false,
  };
}
