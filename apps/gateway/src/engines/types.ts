/**
 * The engine interface. Handlers never talk to llama.cpp or an upstream directly: they ask the
 * registry for the model's engine and call one of these methods. Engines produce OpenAI-shaped
 * pieces (choices, deltas, usage); handlers add ids, timestamps and framing (JSON or SSE).
 * What an engine can do beyond that (raw pass-through, native Responses, multipart forwarding) is
 * an optional method here too: handlers ask the engine, never its class.
 */
import type { Readable } from 'node:stream';
import type { components } from '@cordon/contract';

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
  /**
   * Listens for the cancellation without making an AbortSignal (see engines/abort.ts): calls the
   * listener once, at once if already cancelled; returns the unsubscribe. Use `onAbort(ctx, fn)`.
   */
  onAbort?(listener: (reason: unknown) => void): () => void;
  requestId: string;
  /** Absolute time (ms since epoch) by which the call must end. */
  deadline: number;
  /**
   * A generating engine registers how to read what it has used so far: a call cut short (client
   * gone, deadline, write timeout) before its usage event is metered with that, not with nothing.
   */
  trackUsage?(usedSoFar: () => Usage | Promise<Usage>): void;
}

type Schemas = components['schemas'];

/** An engine host's key and evidence (docs/confidential.md). */
export type Attestation = Schemas['Attestation'];
/** A choice of a chat.completion.chunk, as the contract describes it. */
type ContractChatChoice = Schemas['CreateChatCompletionStreamResponse']['choices'][number];
/** A choice of a text_completion (whole or streamed), as the contract describes it. */
type ContractCompletionChoice = Schemas['CreateCompletionResponse']['choices'][number];

export type FinishReason = NonNullable<ContractChatChoice['finish_reason']>;

/** A tool call fragment; engines always send `function` (with the name in the first fragment). */
export type ToolCallDelta = Schemas['ChatCompletionMessageToolCallChunk'] & { function: NonNullable<Schemas['ChatCompletionMessageToolCallChunk']['function']> };

export type TokenLogprob = Schemas['ChatCompletionTokenLogprob'];

/**
 * One piece of one choice, exactly like a `choices[]` element of a chat.completion.chunk (the
 * contract's, narrowed to what an engine sends: the assistant's role, whole tool call fragments).
 */
export type ChatChoiceDelta = Omit<ContractChatChoice, 'delta'> & {
  delta: Omit<Schemas['ChatCompletionStreamResponseDelta'], 'role' | 'tool_calls'> & { role?: 'assistant'; tool_calls?: ToolCallDelta[] };
};

export type Usage = Schemas['CompletionUsage'];

export type ChatEvent =
  | { type: 'choice'; choice: ChatChoiceDelta }
  | { type: 'usage'; usage: Usage };

/** OpenAI's legacy completion logprobs: parallel arrays, all present. */
export type CompletionLogprobs = Required<NonNullable<ContractCompletionChoice['logprobs']>>;

/** One piece of one legacy completion choice. */
export type CompletionChoiceDelta = Omit<ContractCompletionChoice, 'logprobs'> & { logprobs: CompletionLogprobs | null };

export type CompletionEvent =
  | { type: 'choice'; choice: CompletionChoiceDelta }
  | { type: 'usage'; usage: Usage };

/** The requests as validated by the contract; fields it does not describe pass on to upstreams. */
export type ChatRequest = Schemas['CreateChatCompletionRequest'];
export type CompletionRequest = Schemas['CreateCompletionRequest'];
export type EmbeddingRequest = Schemas['CreateEmbeddingRequest'];
export type ResponsesRequest = Schemas['CreateResponse'];

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
  /** `duration`: seconds of audio, from an engine that decoded the upload itself (transcribeUpload). */
  | { type: 'done'; language: string; duration?: number };

/** An audio upload as the client sent it, for an engine that decodes it itself (an engine host). */
export interface TranscriptionUpload {
  translate: boolean;
  /** Segments as the engine finishes them (the client streams), rather than all at the end. */
  stream: boolean;
  /** The client's multipart fields (validated). */
  fields: Record<string, unknown>;
  /** The multipart body with these fields and the client's file. */
  body(boundary: string, fields: Record<string, unknown>): Buffer;
}

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

  /** Failed before it produced anything, in a way another model may do better (every upstream target failed). */
  get fallsBack(): boolean {
    return false;
  }

  /** The engine crashed because of this request (it was serving it and no other): the caller is blamed (policy/crash-ledger.ts). */
  get blamesCaller(): boolean {
    return false;
  }
}

/** May the model's `settings.fallback_model` serve a request after this error? */
export function allowsFallback(err: unknown): boolean {
  return err instanceof EngineError && err.fallsBack;
}

/** What an engine that runs a model itself knows of it (upstream engines do not know this). */
export interface ModelVocabulary {
  /** Token ids are valid when 0 <= id < size. */
  size: number;
  /** Tokens one request may hold: prompt and completion together. */
  contextSize: number;
  /**
   * The text of token ids; call it only with ids checked against `size` (others crash llama.cpp).
   * Asynchronous: the tokenizer lives in the model's engine host (engines/host/).
   */
  detokenize(tokens: readonly number[]): Promise<string>;
}

/** An upstream's SSE bytes, passed through untouched but for `model` (see upstream/raw.ts). */
export interface RawStream extends AsyncIterable<Uint8Array> {
  /** Did the client ask for the usage chunk? (If not, it is not in the bytes.) */
  readonly includeUsage: boolean;
  /** The usage the upstream reported (final once the iteration ended), for accounting. */
  readonly usage: Usage | null;
  /** The complete events passed on so far (an estimate of the tokens of a stream cut short). */
  readonly events: number;
  /** Stop without iterating to the end: cancels the upstream request. */
  cancel(): Promise<void>;
}

/** One Server-Sent Event of an upstream's Responses stream. */
export interface ResponsesStreamEvent {
  /** The `event:` field ('' when absent). */
  event: string;
  /** The `data:` lines joined by LF. */
  data: string;
}

/**
 * The Responses API as a model's upstream speaks it (`settings.native_responses`): the request as
 * the client sent it, with only `model` set to the target's name. `json` resolves with the
 * upstream's whole answer; `stream` yields its events (complete at response.completed, .incomplete
 * or .failed).
 */
export interface NativeResponses {
  json(model: ModelEntry, req: ResponsesRequest, ctx: EngineCallContext): Promise<Record<string, unknown>>;
  stream(model: ModelEntry, req: ResponsesRequest, ctx: EngineCallContext): AsyncIterable<ResponsesStreamEvent>;
}

/** A request body to forward as it is: a one-shot stream, bytes, or bytes made per upstream model name (then retried). */
export type ForwardBody = Readable | AsyncIterable<Uint8Array> | Buffer | ((upstreamModel: string) => Readable | AsyncIterable<Uint8Array> | Buffer);

export interface ForwardedResponse {
  status: number;
  /** Upstream response headers minus hop-by-hop, set-cookie and content-length. */
  headers: Record<string, string>;
  /** The upstream body as it arrives (idle timeout applies); destroy it to cancel the upstream. */
  body: Readable;
  /** The upstream model name of the target that answered. */
  upstreamModel: string;
}

export interface Engine {
  readonly name: ModelEntry['engine'];
  chat?(model: ModelEntry, req: ChatRequest, ctx: EngineCallContext): AsyncIterable<ChatEvent>;
  completion?(model: ModelEntry, req: CompletionRequest, ctx: EngineCallContext): AsyncIterable<CompletionEvent>;
  /**
   * Streams only, for when nothing must read the text: the upstream's SSE bytes with only `model`
   * rewritten (to `req.model`). Resolves once the first event arrived (errors before that reject).
   */
  chatRaw?(model: ModelEntry, req: ChatRequest, ctx: EngineCallContext): Promise<RawStream>;
  completionRaw?(model: ModelEntry, req: CompletionRequest, ctx: EngineCallContext): Promise<RawStream>;
  /** The model's own Responses API, or null when the model does not speak it. */
  responses?(model: ModelEntry): NativeResponses | null;
  embeddings?(model: ModelEntry, req: EmbeddingRequest, ctx: EngineCallContext): Promise<EmbeddingResult>;
  /** Segments as the engine finishes them, then one `done`. */
  transcribe?(model: ModelEntry, req: TranscriptionRequest, ctx: EngineCallContext): AsyncIterable<TranscriptionEvent>;
  /**
   * Transcribes (or translates) an upload the engine decodes itself: the same events as
   * `transcribe`, so the caller's output guardrails and encoder apply as they do to those.
   */
  transcribeUpload?(model: ModelEntry, upload: TranscriptionUpload, ctx: EngineCallContext): AsyncIterable<TranscriptionEvent>;
  /**
   * Takes a place in the model's queue before the caller prepares the input (decodes audio): a full
   * queue fails at once (503). A later call with the same ctx uses the place; the function returned
   * gives it back if that call never came (idempotent).
   */
  reserve?(model: ModelEntry, ctx: EngineCallContext): () => void;
  /**
   * Passes a request body through to `path` below the model's upstream (audio uploads): client
   * headers filtered, the engine's own auth added; the status and body come back as they are.
   */
  forwardBody?(model: ModelEntry, path: string, headers: Record<string, string | string[] | undefined>, body: ForwardBody, ctx: EngineCallContext): Promise<ForwardedResponse>;
  /**
   * The evidence of the engine host that serves the model (its key for sealed requests, bound to the
   * caller's nonce: docs/confidential.md), as the host answers it.
   */
  attestation?(model: ModelEntry, nonce: string, ctx: EngineCallContext): Promise<Attestation>;
  /** Count tokens of a text with the model's tokenizer (used for limits and guardrails). */
  countTokens?(model: ModelEntry, text: string): Promise<number>;
  /** The model's vocabulary and context window, for checks before the engine sees a request. */
  vocabulary?(model: ModelEntry, requestId?: string): Promise<ModelVocabulary>;
  status(model: ModelEntry): ModelState;
  /** Drop whatever the engine holds for a model (its registry entry changed or was removed). */
  forget?(modelId: string): void;
  close(): Promise<void>;
}
