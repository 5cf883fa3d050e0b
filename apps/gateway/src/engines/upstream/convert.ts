/** Upstream OpenAI-wire JSON (stream chunks and whole answers) as the engine's events. */
import type { ChatChoiceDelta, ChatEvent, CompletionChoiceDelta, CompletionEvent, EmbeddingResult, Usage } from '../types.js';
import { UpstreamError, fromUpstreamResponse, upstreamBroken } from './errors.js';

/** A tool call of an upstream's whole answer, as far as it is read here. */
type ToolCallJson = { index?: unknown; id?: string; function?: { name?: string; arguments?: string } };

function usageOf(u: unknown): Usage | null {
  if (!u || typeof u !== 'object') return null;
  const o = u as Record<string, unknown>;
  const p = typeof o.prompt_tokens === 'number' ? o.prompt_tokens : 0;
  const c = typeof o.completion_tokens === 'number' ? o.completion_tokens : 0;
  const t = typeof o.total_tokens === 'number' ? o.total_tokens : p + c;
  // Extra fields (prompt_tokens_details, ...) ride along untouched.
  // Object.assign, not a spread: see choiceChunks (pipeline/encoders/chat-chunks.ts) for Node 20.
  return Object.assign({}, o, { prompt_tokens: p, completion_tokens: c, total_tokens: t });
}

/** An in-stream `{"error": ...}` event as an UpstreamError (vLLM and others report late failures so). */
export function streamErrorOf(chunk: Record<string, unknown>): UpstreamError | null {
  if (!('error' in chunk) || !chunk.error) return null;
  const e = chunk.error as Record<string, unknown>;
  const status = typeof e.code === 'number' && e.code >= 400 && e.code < 600 ? e.code : 502;
  return fromUpstreamResponse(status, {}, JSON.stringify(chunk));
}

export function parseJson(text: string): Record<string, unknown> {
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch {
    throw upstreamBroken('invalid JSON from the upstream');
  }
  if (!j || typeof j !== 'object' || Array.isArray(j)) throw upstreamBroken('unexpected JSON from the upstream');
  return j as Record<string, unknown>;
}

/** One chat.completion.chunk (already parsed): its choices, then its usage. */
export function chatChunkEvents(chunk: Record<string, unknown>, out: ChatEvent[]): void {
  const err = streamErrorOf(chunk);
  if (err) throw err;
  const choices = chunk.choices;
  if (Array.isArray(choices)) for (const c of choices) if (c && typeof c === 'object') out.push({ type: 'choice', choice: c as ChatChoiceDelta });
  const usage = usageOf(chunk.usage);
  if (usage) out.push({ type: 'usage', usage });
}

/** One text_completion chunk (already parsed). */
export function completionChunkEvents(chunk: Record<string, unknown>, out: CompletionEvent[]): void {
  const err = streamErrorOf(chunk);
  if (err) throw err;
  const choices = chunk.choices;
  if (Array.isArray(choices)) {
    for (const c of choices) {
      if (!c || typeof c !== 'object') continue;
      const o = c as Record<string, unknown>;
      out.push({
        type: 'choice',
        choice: Object.assign({}, o, { index: Number(o.index ?? 0), text: typeof o.text === 'string' ? o.text : '', finish_reason: (o.finish_reason ?? null) as CompletionChoiceDelta['finish_reason'], logprobs: (o.logprobs ?? null) as CompletionChoiceDelta['logprobs'] }),
      });
    }
  }
  const usage = usageOf(chunk.usage);
  if (usage) out.push({ type: 'usage', usage });
}

/** A whole chat.completion: each choice's message becomes one delta (tool calls get their index). */
export function chatCompletionEvents(body: Record<string, unknown>): ChatEvent[] {
  const out: ChatEvent[] = [];
  const err = streamErrorOf(body);
  if (err) throw err;
  if (!Array.isArray(body.choices)) throw upstreamBroken('an answer without choices');
  for (const c of body.choices as Array<Record<string, unknown>>) {
    if (!c || typeof c !== 'object') continue;
    const m = (c.message ?? {}) as Record<string, unknown>;
    const { tool_calls, role: _role, ...rest } = m;
    const delta: ChatChoiceDelta['delta'] & Record<string, unknown> = { role: 'assistant', ...rest }; // role first: see choiceChunks for Node 20
    if (Array.isArray(tool_calls) && tool_calls.length) {
      delta.tool_calls = tool_calls.map((t: ToolCallJson | null, i: number) => ({ index: typeof t?.index === 'number' ? t.index : i, id: t?.id, type: 'function', function: { name: t?.function?.name, arguments: t?.function?.arguments ?? '' } }));
    }
    out.push({
      type: 'choice',
      choice: { index: Number(c.index ?? 0), delta, finish_reason: (c.finish_reason ?? null) as ChatChoiceDelta['finish_reason'], logprobs: (c.logprobs ?? null) as ChatChoiceDelta['logprobs'] },
    });
  }
  const usage = usageOf(body.usage);
  if (usage) out.push({ type: 'usage', usage });
  return out;
}

/** A whole text_completion (logprobs in chat's shape become OpenAI's legacy arrays). */
export function completionEvents(body: Record<string, unknown>): CompletionEvent[] {
  if (!Array.isArray(body.choices)) {
    const err = streamErrorOf(body);
    if (err) throw err;
    throw upstreamBroken('an answer without choices');
  }
  const out: CompletionEvent[] = [];
  completionChunkEvents(body, out);
  for (const e of out) if (e.type === 'choice') e.choice.logprobs = legacyLogprobs(e.choice.logprobs);
  return out;
}

/**
 * llama-server answers /v1/completions `logprobs` in chat's shape, `{content: [{token, logprob,
 * top_logprobs: [{token, logprob}]}]}`; OpenAI's legacy shape is parallel arrays. Offsets count
 * from the start of the generated text. Anything else is returned as it is.
 */
export function legacyLogprobs(lp: unknown): CompletionChoiceDelta['logprobs'] {
  if (!lp || typeof lp !== 'object' || 'tokens' in lp || !Array.isArray((lp as { content?: unknown }).content)) return (lp ?? null) as CompletionChoiceDelta['logprobs'];
  const out: NonNullable<CompletionChoiceDelta['logprobs']> = { tokens: [], token_logprobs: [], top_logprobs: [], text_offset: [] };
  let offset = 0;
  for (const t of (lp as { content: unknown[] }).content) {
    const o = (t && typeof t === 'object' ? t : {}) as { token?: unknown; logprob?: unknown; top_logprobs?: unknown };
    const token = typeof o.token === 'string' ? o.token : '';
    out.tokens.push(token);
    out.token_logprobs.push(typeof o.logprob === 'number' ? o.logprob : 0);
    const top: Record<string, number> = {};
    if (Array.isArray(o.top_logprobs)) for (const x of o.top_logprobs as Array<{ token?: unknown; logprob?: unknown }>) if (typeof x?.token === 'string' && typeof x.logprob === 'number') top[x.token] = x.logprob;
    out.top_logprobs.push(top);
    out.text_offset.push(offset);
    offset += token.length;
  }
  return out;
}

/** An embeddings list: float arrays or base64 float32 (little-endian), in input order. */
export function embeddingResult(body: Record<string, unknown>): EmbeddingResult {
  if (!Array.isArray(body.data)) throw upstreamBroken('an embeddings answer without data');
  const items = [...(body.data as Array<Record<string, unknown>>)].sort((a, b) => Number(a?.index ?? 0) - Number(b?.index ?? 0));
  const vectors = items.map((d) => {
    const e = d?.embedding;
    if (Array.isArray(e)) return Float32Array.from(e as number[]);
    if (typeof e === 'string') {
      const buf = Buffer.from(e, 'base64');
      const out = new Float32Array(buf.length >>> 2);
      for (let i = 0; i < out.length; i++) out[i] = buf.readFloatLE(i * 4);
      return out;
    }
    throw upstreamBroken('an embedding that is not a vector');
  });
  return { vectors, prompt_tokens: usageOf(body.usage)?.prompt_tokens ?? 0 };
}
