/**
 * The user-supplied text of a request, for input guardrails and token estimates: read it, and
 * write masked text back in place, for chat messages, legacy prompts, embeddings input and
 * Responses-API input.
 */
import { isRecord } from '../records.js';

type Slot = { get(): string; set(v: string): void };

/** A string slot of an object field or an array element (which holds a string when the slot is made). */
function slot(holder: Record<string, unknown>, key: string): Slot;
function slot(holder: unknown[], key: number): Slot;
function slot(holder: Record<string, unknown> | unknown[], key: string | number): Slot {
  return Array.isArray(holder)
    ? { get: () => String(holder[Number(key)]), set: (x) => void (holder[Number(key)] = x) }
    : { get: () => String(holder[key]), set: (x) => void (holder[key] = x) };
}

/** The strings at `holder[key]`: a string, or an array of strings and `{ text }` parts. */
function stringSlots(holder: Record<string, unknown>, key: string): Slot[] {
  const v = holder[key];
  if (typeof v === 'string') return [slot(holder, key)];
  if (Array.isArray(v)) {
    const out: Slot[] = [];
    v.forEach((part: unknown, i) => {
      if (typeof part === 'string') out.push(slot(v, i));
      else if (isRecord(part) && typeof part.text === 'string') out.push(slot(part, 'text'));
    });
    return out;
  }
  return [];
}

/** The token-id arrays of a token-array `prompt` (completions) or `input` (embeddings), each with a way to replace it by text. */
function tokenArrays(body: Record<string, unknown>): Array<{ ids: readonly number[]; replace(text: string): void }> {
  const out: Array<{ ids: readonly number[]; replace(text: string): void }> = [];
  for (const key of ['prompt', 'input']) {
    const v = body[key];
    if (!Array.isArray(v) || !v.length) continue;
    if (typeof v[0] === 'number') out.push({ ids: v, replace: (text) => (body[key] = text) });
    else v.forEach((item, i) => Array.isArray(item) && out.push({ ids: item, replace: (text) => (v[i] = text) }));
  }
  return out;
}

/** Whether the request has token-array input (which guardrails can read only once detokenized). */
export function hasTokenInput(body: Record<string, any>): boolean {
  return tokenArrays(body).length > 0;
}

/**
 * Every piece of text the caller sent that a model will read. With `detokenize`, token-array
 * input is read as its text (ids already checked against the vocabulary; all arrays at once), and a
 * masked text replaces the ids it came from.
 */
export async function textSlots(body: Record<string, any>, detokenize?: (ids: readonly number[]) => Promise<string>): Promise<Slot[]> {
  const slots: Slot[] = [];
  if (detokenize) {
    const arrays = tokenArrays(body);
    const texts = await Promise.all(arrays.map((a) => detokenize(a.ids)));
    arrays.forEach(({ replace }, i) => {
      const text = texts[i]!;
      slots.push({
        get: () => text,
        set: (x) => {
          if (x !== text) replace(x);
        },
      });
    });
  }
  if (Array.isArray(body.messages)) {
    for (const m of body.messages) if (m && typeof m === 'object') slots.push(...stringSlots(m, 'content'));
  }
  if ('prompt' in body && (typeof body.prompt === 'string' || (Array.isArray(body.prompt) && typeof body.prompt[0] === 'string'))) {
    slots.push(...stringSlots(body, 'prompt'));
  }
  if ('input' in body) {
    if (typeof body.input === 'string' || (Array.isArray(body.input) && typeof body.input[0] === 'string')) slots.push(...stringSlots(body, 'input'));
    else if (Array.isArray(body.input)) {
      for (const item of body.input) {
        if (!item || typeof item !== 'object') continue;
        if ('content' in item) slots.push(...stringSlots(item, 'content'));
        if (item.type === 'function_call_output' && typeof item.output === 'string') slots.push(...stringSlots(item, 'output'));
      }
    }
  }
  if (typeof body.instructions === 'string') slots.push(...stringSlots(body, 'instructions'));
  return slots;
}

/** A rough token estimate before the real count is known: ~4 characters a token, plus the output budget. */
export function estimateTokens(body: Record<string, any>, texts: string[]): number {
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const out = Number(body.max_completion_tokens ?? body.max_tokens ?? body.max_output_tokens ?? 0) || 0;
  const ids = tokenArrays(body).reduce((n, a) => n + a.ids.length, 0);
  return Math.ceil(chars / 4) + ids + out * Math.max(1, Number(body.n ?? 1) || 1);
}
