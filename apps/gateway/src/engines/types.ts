/**
 * The engine interface. Handlers never talk to llama.cpp or an upstream directly: they ask the
 * registry for the model's engine and call one of these methods. Engines produce OpenAI-shaped
 * pieces (choices, deltas, usage); handlers add ids, timestamps and framing (JSON or SSE).
 */

/** A model as the registry stores it (platform-wide, changed only by a superadmin). */
export interface ModelEntry {
  id: string;
  engine: 'llama-cpp' | 'whisper' | 'openai-compatible' | 'ollama';
  /** Engine settings: `path` for file engines; `targets` for upstream engines; free-form extras. */
  settings: ModelSettings;
  capabilities: Array<'chat' | 'completions' | 'embeddings' | 'transcription'>;
  owned_by: string;
  created: number;
  /** Domains allowed to use the model; null means every domain. */
  domains: string[] | null;
}

export interface ModelSettings {
  path?: string;
  targets?: Array<{ base_url: string; model: string; api_key_env?: string }>;
  fallback_model?: string;
  context_size?: number;
  [extra: string]: unknown;
}

export interface EngineCallContext {
  signal: AbortSignal;
  requestId: string;
  /** Absolute time (ms since epoch) by which the call must end. */
  deadline: number;
  /**
   * A generating engine registers how to read what it has used so far: a call cut short (client
   * gone, deadline, write timeout) before its usage event is metered with that, not with nothing.
   */
  trackUsage?(usedSoFar: () => Usage): void;
}

export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call';

export interface ToolCallDelta {
  index: number;
  id?: string;
  type?: 'function';
  function: { name?: string; arguments?: string };
}

export interface TokenLogprob {
  token: string;
  logprob: number;
  bytes: number[] | null;
  top_logprobs: Array<{ token: string; logprob: number; bytes: number[] | null }>;
}

/** One piece of one choice, exactly like a `choices[]` element of a chat.completion.chunk. */
export interface ChatChoiceDelta {
  index: number;
  delta: { role?: 'assistant'; content?: string | null; refusal?: string | null; tool_calls?: ToolCallDelta[] };
  finish_reason: FinishReason | null;
  logprobs?: { content: TokenLogprob[] | null; refusal: TokenLogprob[] | null } | null;
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export type ChatEvent =
  | { type: 'choice'; choice: ChatChoiceDelta }
  | { type: 'usage'; usage: Usage };

/** One piece of one legacy completion choice. */
export interface CompletionChoiceDelta {
  index: number;
  text: string;
  finish_reason: 'stop' | 'length' | 'content_filter' | null;
  logprobs: null | { tokens: string[]; token_logprobs: number[]; top_logprobs: Array<Record<string, number>>; text_offset: number[] };
}

export type CompletionEvent =
  | { type: 'choice'; choice: CompletionChoiceDelta }
  | { type: 'usage'; usage: Usage };

/** The chat request as validated by the contract (OpenAI's CreateChatCompletionRequest). */
export type ChatRequest = Record<string, unknown> & { model: string; messages: unknown[] };
export type CompletionRequest = Record<string, unknown> & { model: string; prompt: unknown };
export type EmbeddingRequest = Record<string, unknown> & { model: string; input: unknown };

export interface EmbeddingResult {
  /** One vector per input, in input order. */
  vectors: Float32Array[] | number[][];
  prompt_tokens: number;
}

/** A transcription or translation of decoded audio (16 kHz mono float samples). */
export interface TranscriptionRequest {
  audio: Float32Array;
  /** Seconds of audio. */
  duration: number;
  /** ISO-639-1 code; absent means detect. */
  language?: string;
  prompt?: string;
  temperature?: number;
  /** Translate into English instead of transcribing. */
  translate: boolean;
}

export interface TranscriptSegment {
  /** Seconds from the start of the audio. */
  start: number;
  end: number;
  text: string;
}

export type TranscriptionEvent =
  | { type: 'segment'; segment: TranscriptSegment }
  | { type: 'done'; language: string };

export type ModelState =
  | { state: 'unloaded' }
  | { state: 'loading' }
  | { state: 'ready' }
  | { state: 'failed'; reason: string };

/** An error an engine throws that maps to an HTTP status and an OpenAI error code. */
export class EngineError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string | null = null,
    readonly param: string | null = null,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

/** What an engine that runs a model itself knows of it (upstream engines do not know this). */
export interface ModelVocabulary {
  /** Token ids are valid when 0 <= id < size. */
  size: number;
  /** Tokens one request may hold: prompt and completion together. */
  contextSize: number;
  /** The text of token ids; call it only with ids checked against `size` (others crash llama.cpp). */
  detokenize(tokens: readonly number[]): string;
}

export interface Engine {
  readonly name: ModelEntry['engine'];
  chat?(model: ModelEntry, req: ChatRequest, ctx: EngineCallContext): AsyncIterable<ChatEvent>;
  completion?(model: ModelEntry, req: CompletionRequest, ctx: EngineCallContext): AsyncIterable<CompletionEvent>;
  embeddings?(model: ModelEntry, req: EmbeddingRequest, ctx: EngineCallContext): Promise<EmbeddingResult>;
  /** Segments as the engine finishes them, then one `done`. */
  transcribe?(model: ModelEntry, req: TranscriptionRequest, ctx: EngineCallContext): AsyncIterable<TranscriptionEvent>;
  /** Count tokens of a text with the model's tokenizer (used for limits and guardrails). */
  countTokens?(model: ModelEntry, text: string): Promise<number>;
  /** The model's vocabulary and context window, for checks before the engine sees a request. */
  vocabulary?(model: ModelEntry, requestId?: string): Promise<ModelVocabulary>;
  status(model: ModelEntry): ModelState;
  /** Drop whatever the engine holds for a model (its registry entry changed or was removed). */
  forget?(modelId: string): void;
  close(): Promise<void>;
}
