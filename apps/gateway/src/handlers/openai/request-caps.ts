/**
 * Caps on what one inference request may ask for, checked once the model is resolved and before
 * admission or any engine; a field over its cap gets a 400 naming it. The contract's ceilings
 * (`maxItems` in openapi/components/schemas) reject floods before per-item validation; these caps
 * may lower them (CORDON_MAX_*) and check what a schema cannot: token ids against the model's
 * vocabulary, max_tokens against its context, n x prompts, and JSON-schema depth and size.
 * Every walk here is iterative and stops at the first value over a cap.
 */
import { ApiError } from '@cordon/server-kit';
import type { Engine, ModelEntry, ModelVocabulary } from '../../engines/types.js';
import { toApiError } from '../../pipeline/errors.js';

export interface RequestCaps {
  /** Chat messages, or Responses input items plus the stored conversation they continue. */
  messages: number;
  /** Tools (functions) a request may offer. */
  tools: number;
  /** `stop` sequences. */
  stop: number;
  /** `logit_bias` entries. */
  logitBias: number;
  /** Generations one request asks for: n x prompts (completions), n (chat). */
  generations: number;
  /** Token ids in the token-array prompts or inputs of one request. */
  inputTokens: number;
  /** Nesting of one JSON schema (response_format, tool parameters), in JSON levels. */
  schemaDepth: number;
  /** Values (objects, arrays, scalars) in one JSON schema. */
  schemaNodes: number;
}

/** OpenAI's documented limits where there are some (tools 128, stop 4, n 128, 300,000 embedding tokens). */
export const DEFAULT_REQUEST_CAPS: RequestCaps = {
  messages: 2048,
  tools: 128,
  stop: 4,
  logitBias: 1024,
  generations: 128,
  inputTokens: 300_000,
  schemaDepth: 64,
  schemaNodes: 10_000,
};

type Body = Record<string, unknown>;

const invalid = (param: string, message: string, code = 'invalid_value') => new ApiError(400, `Invalid '${param}': ${message}`, code, param);

function capArray(body: Body, key: string, max: number): void {
  const v = body[key];
  if (Array.isArray(v) && v.length > max) {
    throw invalid(key, `array too long. Expected an array with maximum length ${max}, but got an array with length ${v.length} instead.`, 'array_above_max_length');
  }
}

/** The vocabulary of the model, when its engine knows it (the embedded engine); null for upstreams. */
export async function vocabularyOf(r: { model: ModelEntry; engine: Engine }, requestId?: string): Promise<ModelVocabulary | null> {
  if (!r.engine.vocabulary) return null;
  try {
    return await r.engine.vocabulary(r.model, requestId);
  } catch (err) {
    throw toApiError(err); // a model that fails to load: the engine's 503
  }
}

/** The context window the caps check max_tokens against: the engine's, else the registry's `context_size`. */
function contextOf(model: ModelEntry, vocab: ModelVocabulary | null): number | null {
  if (vocab) return vocab.contextSize;
  const c = model.settings.context_size;
  return typeof c === 'number' && c > 0 ? c : null;
}

function checkMaxTokens(body: Body, keys: string[], context: number | null): void {
  if (context === null) return;
  for (const key of keys) {
    const v = body[key];
    if (typeof v === 'number' && v > context) {
      throw invalid(key, `${v} is too large. This model's context holds at most ${context} tokens (prompt and completion together).`);
    }
  }
}

function checkStop(body: Body, caps: RequestCaps): void {
  capArray(body, 'stop', caps.stop);
}

function checkGenerations(param: string, n: number, caps: RequestCaps, prompts = 1): void {
  if (n * prompts > caps.generations) {
    const what = prompts > 1 ? `n (${n}) x ${prompts} prompts asks for ${n * prompts} generations` : `${n} generations were asked for`;
    throw invalid(param, `${what}; at most ${caps.generations} per request.`);
  }
}

/** logit_bias: at most `caps.logitBias` entries, keyed by token ids (inside the vocabulary when it is known). */
function checkLogitBias(body: Body, caps: RequestCaps, vocab: ModelVocabulary | null): void {
  const lb = body.logit_bias;
  if (!lb || typeof lb !== 'object') return;
  let count = 0;
  for (const key in lb) {
    if (++count > caps.logitBias) throw invalid('logit_bias', `too many entries; at most ${caps.logitBias}.`);
    const id = /^\d{1,10}$/.test(key) ? Number(key) : NaN;
    if (!Number.isInteger(id)) throw invalid('logit_bias', `keys must be token ids (non-negative integers); got '${key.slice(0, 24)}'.`);
    if (vocab && id >= vocab.size) throw invalid('logit_bias', `token id ${id} is outside this model's vocabulary (0 to ${vocab.size - 1}).`);
  }
}

/** Depth and size of one JSON schema, walked without recursion; stops at the first value over a cap. */
export function checkSchema(schema: unknown, param: string, caps: RequestCaps): void {
  if (!schema || typeof schema !== 'object') return;
  const stack: Array<{ v: object; depth: number }> = [{ v: schema, depth: 1 }];
  let nodes = 1;
  while (stack.length) {
    const { v, depth } = stack.pop()!;
    if (depth > caps.schemaDepth) throw invalid(param, `the JSON schema is nested deeper than ${caps.schemaDepth} levels.`);
    const children = Array.isArray(v) ? v : Object.values(v);
    nodes += children.length;
    if (nodes > caps.schemaNodes) throw invalid(param, `the JSON schema has more than ${caps.schemaNodes} values.`);
    for (const c of children) if (c && typeof c === 'object') stack.push({ v: c, depth: depth + 1 });
  }
}

/** Tools: their count, and the JSON schema of each one's parameters (chat: `function.parameters`; Responses: `parameters`). */
function checkTools(body: Body, caps: RequestCaps): void {
  capArray(body, 'tools', caps.tools);
  const tools = body.tools;
  if (!Array.isArray(tools)) return;
  tools.forEach((t: Record<string, any>, i) => {
    if (t?.function) checkSchema(t.function.parameters, `tools[${i}].function.parameters`, caps);
    else checkSchema(t?.parameters, `tools[${i}].parameters`, caps);
  });
}

/** The arrays of token ids of a token-array prompt or input, each with its param path; [] for text. */
export function tokenArrays(value: unknown, param: string): Array<{ ids: unknown[]; param: string }> {
  if (!Array.isArray(value) || value.length === 0) return [];
  if (typeof value[0] === 'number') return [{ ids: value, param }];
  const out: Array<{ ids: unknown[]; param: string }> = [];
  value.forEach((v, i) => {
    if (Array.isArray(v)) out.push({ ids: v, param: `${param}[${i}]` });
  });
  return out;
}

/**
 * Token ids: at most `caps.inputTokens` per request, and each 0 <= id < the vocabulary size when the
 * engine knows it (an id outside it crashes llama.cpp's detokenizer). Upstream engines get token
 * input passed through with only the count capped.
 */
function checkTokenIds(value: unknown, param: string, caps: RequestCaps, vocab: ModelVocabulary | null): void {
  let total = 0;
  for (const { ids, param: p } of tokenArrays(value, param)) {
    total += ids.length;
    if (total > caps.inputTokens) throw invalid(param, `more than ${caps.inputTokens} token ids in one request.`);
    if (!vocab) continue;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id >= vocab.size) {
        throw invalid(`${p}[${i}]`, `token id ${String(id).slice(0, 24)} is outside this model's vocabulary (0 to ${vocab.size - 1}).`);
      }
    }
  }
}

const num = (v: unknown, dflt: number) => (typeof v === 'number' && Number.isFinite(v) ? v : dflt);

export function checkChatCaps(body: Body, caps: RequestCaps, model: ModelEntry, vocab: ModelVocabulary | null): void {
  capArray(body, 'messages', caps.messages);
  checkTools(body, caps);
  checkStop(body, caps);
  checkGenerations('n', num(body.n, 1), caps);
  checkLogitBias(body, caps, vocab);
  checkMaxTokens(body, ['max_tokens', 'max_completion_tokens'], contextOf(model, vocab));
  const rf = body.response_format as { json_schema?: { schema?: unknown } } | undefined;
  checkSchema(rf?.json_schema?.schema, 'response_format.json_schema.schema', caps);
}

export function checkCompletionCaps(body: Body, caps: RequestCaps, model: ModelEntry, vocab: ModelVocabulary | null): void {
  const p = body.prompt;
  const prompts = Array.isArray(p) && p.length && typeof p[0] !== 'number' ? p.length : 1;
  checkGenerations('n', Math.max(num(body.n, 1), num(body.best_of, 1)), caps, prompts);
  checkStop(body, caps);
  checkLogitBias(body, caps, vocab);
  checkMaxTokens(body, ['max_tokens'], contextOf(model, vocab));
  checkTokenIds(p, 'prompt', caps, vocab);
}

export function checkEmbeddingCaps(body: Body, caps: RequestCaps, vocab: ModelVocabulary | null): void {
  checkTokenIds(body.input, 'input', caps, vocab);
}

/** Responses API: input items (with the stored conversation they continue), tools, the output format's schema. */
export function checkResponseCaps(body: Body, caps: RequestCaps, model: ModelEntry, vocab: ModelVocabulary | null, historyItems = 0): void {
  const items = Array.isArray(body.input) ? body.input.length : 1;
  if (items + historyItems > caps.messages) {
    const what = historyItems ? `${items} input items continue a conversation of ${historyItems}` : `${items} input items`;
    throw invalid('input', `${what}; at most ${caps.messages} in all.`, 'array_above_max_length');
  }
  checkTools(body, caps);
  checkMaxTokens(body, ['max_output_tokens'], contextOf(model, vocab));
  const format = (body.text as { format?: { schema?: unknown } } | undefined)?.format;
  checkSchema(format?.schema, 'text.format.schema', caps);
}
