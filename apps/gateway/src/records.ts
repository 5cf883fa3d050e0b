import type { Usage } from './engines/types.js';

/** A JSON object (not null, not an array), as parsed JSON is checked before its fields are read. */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A usage object (prompt, completion and total token counts), or null. */
export const usageOf = (v: unknown): Usage | null =>
  isRecord(v) && typeof v.prompt_tokens === 'number' && typeof v.completion_tokens === 'number' && typeof v.total_tokens === 'number'
    ? { prompt_tokens: v.prompt_tokens, completion_tokens: v.completion_tokens, total_tokens: v.total_tokens }
    : null;

/** The `usage` of a JSON answer or stream event's text, or null (also for text that is not JSON). */
export function usageInJson(text: string): Usage | null {
  if (!text.includes('"usage"')) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? usageOf(parsed.usage) : null;
  } catch {
    return null;
  }
}
