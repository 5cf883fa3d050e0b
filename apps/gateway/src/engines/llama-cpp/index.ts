/**
 * Engine `llama-cpp`: GGUF models run in this process through node-llama-cpp.
 *  - A model loads lazily on first use (after its header is checked), is shared by all requests,
 *    and unloads after an idle time.
 *  - One context per model with several sequences, so concurrent requests are batched; requests
 *    beyond the sequences wait in a bounded queue (full: 503 + Retry-After).
 *  - ctx.signal (client gone, deadline) stops generation at once.
 */
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import type {
  ChatModelFunctions,
  Llama,
  LlamaContext,
  LlamaContextSequence,
  LlamaEmbeddingContext,
  LlamaGrammar,
  LlamaModel,
  ChatWrapper,
  Token,
} from 'node-llama-cpp';

type NodeLlamaCpp = typeof import('node-llama-cpp');
let nodeLlamaCpp: Promise<NodeLlamaCpp> | null = null;
/**
 * node-llama-cpp is imported on first use: its JavaScript alone adds about 30 MB to a process that
 * serves only upstream models. (It brings signal-exit, whose SIGTERM listener re-raises the signal
 * when it finds no other listener; server.ts keeps a permanent listener, so that never happens.)
 */
export function loadNodeLlamaCpp(): Promise<NodeLlamaCpp> {
  nodeLlamaCpp ??= import('node-llama-cpp');
  return nodeLlamaCpp;
}
import { AsyncQueue } from '../async-queue.js';
import {
  EngineError,
  type ChatEvent,
  type ChatRequest,
  type CompletionEvent,
  type CompletionRequest,
  type Engine,
  type EngineCallContext,
  type EmbeddingRequest,
  type EmbeddingResult,
  type ModelEntry,
  type ModelState,
  type ModelVocabulary,
  type Usage,
} from '../types.js';
import { checkGguf } from './gguf-check.js';
import { backingOff, loadFailedError, loadFailureLog, nextLoadFailure, type LoadFailure } from '../load-backoff.js';
import { historyTexts, toChatHistory } from './messages.js';
import { checkTokenIds, completionBudget, contextLengthError, countTokensSliced, vocabularySize } from './context-fit.js';
import { cacheTokenizer, countPromptTokens, withRequestTokens } from './request-tokens.js';

export interface LlamaCppOptions {
  sequences: number;
  queueSize: number;
  idleUnloadMs: number;
  contextSize: number;
  threads?: number;
  log: { info(o: object, m?: string): void; warn(o: object, m?: string): void; error(o: object, m?: string): void };
}

interface Loaded {
  model: LlamaModel;
  context: LlamaContext;
  wrapper: ChatWrapper;
  free: LlamaContextSequence[];
  waiters: Array<{ resolve: (s: LlamaContextSequence) => void; reject: (e: unknown) => void }>;
  embedding: Promise<LlamaEmbeddingContext> | null;
  embeddingChain: Promise<unknown>;
  idleTimer: NodeJS.Timeout | null;
}

interface Slot {
  path: string;
  state: ModelState;
  loading: Promise<Loaded> | null;
  loaded: Loaded | null;
  generatedTokens: number;
  active: number;
  /** The last failed load, until one succeeds (see load()). */
  failure?: LoadFailure;
}

type Tool = { type: 'function'; function: { name: string; description?: string; parameters?: Record<string, unknown> } };
type ToolChoice = 'none' | 'auto' | 'required' | { type: 'function'; function: { name: string } } | undefined;

/**
 * JSON-schema grammars enforce types, enums, consts, required properties and string lengths, but not
 * numeric ranges: a small integer range becomes an enum, so constrained output honours it.
 */
export function grammarSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(grammarSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const s = schema as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) out[k] = grammarSchema(v);
  const min = typeof s.minimum === 'number' ? Math.ceil(s.minimum) : undefined;
  const max = typeof s.maximum === 'number' ? Math.floor(s.maximum) : undefined;
  if (s.type === 'integer' && min !== undefined && max !== undefined && max >= min && max - min <= 256 && !s.enum) {
    const { type: _t, minimum: _a, maximum: _b, ...rest } = out;
    return { ...rest, enum: Array.from({ length: max - min + 1 }, (_, i) => min + i) };
  }
  return out;
}

/**
 * Runs a callback-driven generation as an async iterable: it stops when the caller's signal fires
 * (client gone, deadline) or when the consumer stops iterating.
 */
function bridge<T>(ctx: EngineCallContext, run: (inner: EngineCallContext, q: AsyncQueue<T>) => Promise<void>): AsyncIterable<T> {
  const q = new AsyncQueue<T>();
  const local = new AbortController();
  const abortAll = () => local.abort(ctx.signal.reason ?? new Error('cancelled'));
  ctx.signal.addEventListener('abort', abortAll, { once: true });
  q.cancelled(() => local.abort(new Error('consumer stopped')));
  run({ ...ctx, signal: local.signal }, q)
    .then(() => q.end(), (err) => q.fail(err))
    .finally(() => ctx.signal.removeEventListener('abort', abortAll));
  return q;
}

const callId = () => `call_${randomBytes(12).toString('base64url')}`;

function stopList(stop: unknown): string[] {
  if (typeof stop === 'string') return stop ? [stop] : [];
  if (Array.isArray(stop)) return stop.filter((s): s is string => typeof s === 'string' && s.length > 0).slice(0, 4);
  return [];
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export class LlamaCppEngine implements Engine {
  readonly name = 'llama-cpp' as const;
  private llama: Promise<Llama> | null = null;
  private slots = new Map<string, Slot>();
  private readonly threads: number;

  constructor(private readonly opts: LlamaCppOptions) {
    this.threads = opts.threads ?? Math.max(1, os.availableParallelism() - 1);
  }

  /** The module, set by getLlama() (every use below runs after a model was loaded). */
  private lib!: NodeLlamaCpp;

  private getLlama(): Promise<Llama> {
    this.llama ??= loadNodeLlamaCpp().then((lib) => {
      this.lib = lib;
      const { LlamaLogLevel } = lib;
      return lib.getLlama({
        gpu: false,
        build: 'never',
        maxThreads: this.threads,
        logLevel: LlamaLogLevel.error,
        logger: (level, message) => {
          if (level === LlamaLogLevel.error || level === LlamaLogLevel.fatal) this.opts.log.error({ engine: 'llama-cpp', message: message.slice(0, 500) }, 'llama.cpp');
        },
      });
    });
    return this.llama;
  }

  private slot(m: ModelEntry): Slot {
    const path = String(m.settings.path ?? '');
    let s = this.slots.get(m.id);
    if (s && s.path !== path) {
      void this.unload(m.id);
      s = undefined;
    }
    if (!s) {
      s = { path, state: { state: 'unloaded' }, loading: null, loaded: null, generatedTokens: 0, active: 0 };
      this.slots.set(m.id, s);
    }
    return s;
  }

  status(m: ModelEntry): ModelState {
    return this.slots.get(m.id)?.state ?? { state: 'unloaded' };
  }

  /** For tests and metrics: tokens generated so far, requests running and waiting. */
  stats(id: string): { generatedTokens: number; active: number; queued: number } {
    const s = this.slots.get(id);
    return { generatedTokens: s?.generatedTokens ?? 0, active: s?.active ?? 0, queued: s?.loaded?.waiters.length ?? 0 };
  }

  /** Loads the model once for all callers; after a failure, again only once its backoff has passed (load-backoff.ts). */
  private async load(m: ModelEntry, s: Slot, requestId?: string): Promise<Loaded> {
    if (s.loaded) return s.loaded;
    if (!s.loading && backingOff(s.failure)) throw loadFailedError(m.id, s.failure);
    s.loading ??= (async () => {
      s.state = { state: 'loading' };
      let model: LlamaModel | undefined;
      try {
        const check = await checkGguf(s.path);
        if (!check.ok) throw new Error(check.problems.join('; '));
        const llama = await this.getLlama();
        model = await llama.loadModel({ modelPath: s.path });
        const ctxSize = Math.min(num(m.settings.context_size) ?? this.opts.contextSize, model.trainContextSize);
        const context = await model.createContext({ sequences: Math.max(1, this.opts.sequences), contextSize: ctxSize * Math.max(1, this.opts.sequences), threads: this.threads });
        const free: LlamaContextSequence[] = [];
        for (let i = 0; i < Math.max(1, this.opts.sequences); i++) {
          const seq = context.getSequence();
          this.clean.add(seq);
          free.push(seq);
        }
        const loaded: Loaded = { model, context, wrapper: this.lib.resolveChatWrapper(model), free, waiters: [], embedding: null, embeddingChain: Promise.resolve(), idleTimer: null };
        s.loaded = loaded;
        s.failure = undefined;
        s.state = { state: 'ready' };
        this.opts.log.info({ model: m.id, context_size: context.contextSize, sequences: free.length, threads: this.threads }, 'model loaded');
        return loaded;
      } catch (err) {
        await model?.dispose().catch(() => undefined);
        s.failure = nextLoadFailure(s.failure, err);
        s.state = { state: 'failed', reason: s.failure.reason };
        this.opts.log.error(loadFailureLog(m.id, s.failure, requestId), 'model failed to load');
        throw loadFailedError(m.id, s.failure);
      } finally {
        s.loading = null;
      }
    })();
    return s.loading;
  }

  private async unload(id: string): Promise<void> {
    const s = this.slots.get(id);
    this.slots.delete(id);
    if (!s?.loaded) return;
    const l = s.loaded;
    if (l.idleTimer) clearTimeout(l.idleTimer);
    for (const w of l.waiters) w.reject(new EngineError(503, 'The model was unloaded.', 'model_unavailable', 'model', 1));
    await (await l.embedding?.catch(() => null))?.dispose();
    await l.context.dispose();
    await l.model.dispose();
  }

  /** Forget a model (its registry entry changed or was removed). */
  forget(id: string): void {
    void this.unload(id);
  }

  /** Sequences cleared when they were released, so the next request need not clear them. */
  private readonly clean = new WeakSet<LlamaContextSequence>();

  /** Makes a sequence empty for a new generation (free if it was cleared on release). */
  private async fresh(seq: LlamaContextSequence): Promise<void> {
    if (this.clean.delete(seq)) return;
    await seq.clearHistory();
  }

  private async acquire(m: ModelEntry, ctx: EngineCallContext): Promise<{ l: Loaded; seq: LlamaContextSequence; release: () => void }> {
    const s = this.slot(m);
    const l = await this.load(m, s, ctx.requestId);
    if (l.idleTimer) {
      clearTimeout(l.idleTimer);
      l.idleTimer = null;
    }
    let seq = l.free.pop();
    if (!seq) {
      if (l.waiters.length >= this.opts.queueSize) {
        throw new EngineError(503, `The model '${m.id}' is busy: ${l.waiters.length} requests are already waiting. Try again shortly.`, 'engine_overloaded', null, 1);
      }
      seq = await new Promise<LlamaContextSequence>((resolve, reject) => {
        const waiter = { resolve, reject };
        l.waiters.push(waiter);
        const onAbort = () => {
          const i = l.waiters.indexOf(waiter);
          if (i >= 0) l.waiters.splice(i, 1);
          reject(ctx.signal.reason ?? new Error('aborted'));
        };
        if (ctx.signal.aborted) onAbort();
        else ctx.signal.addEventListener('abort', onAbort, { once: true });
      });
    }
    s.active++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      s.active--;
      const handOver = () => {
        const next = l.waiters.shift();
        if (next) next.resolve(seq!);
        else l.free.push(seq!);
      };
      // Someone is waiting: they get it now and clear it themselves. Otherwise it is cleared here,
      // off the next request's path (clearing costs about half a millisecond), before it is free.
      if (l.waiters.length) handOver();
      else
        seq!.clearHistory().then(
          () => {
            this.clean.add(seq!);
            handOver();
          },
          handOver,
        );
      if (s.active === 0 && l.waiters.length === 0 && this.opts.idleUnloadMs > 0) {
        l.idleTimer = setTimeout(() => {
          if (s.active === 0) {
            this.opts.log.info({ model: m.id }, 'unloading idle model');
            void this.unload(m.id);
          }
        }, this.opts.idleUnloadMs);
        l.idleTimer.unref();
      }
    };
    return { l, seq, release };
  }

  /** Tokens of a text, counted without holding the event loop; a count above the context stops early. */
  async countTokens(m: ModelEntry, text: string): Promise<number> {
    const l = await this.load(m, this.slot(m));
    return countTokensSliced(l.model, [text], l.context.contextSize);
  }

  async vocabulary(m: ModelEntry, requestId?: string): Promise<ModelVocabulary> {
    const l = await this.load(m, this.slot(m), requestId);
    const model = l.model;
    return { size: vocabularySize(model), contextSize: l.context.contextSize, detokenize: (ids) => model.detokenize(checkTokenIds(model, ids, 'tokens')) };
  }

  private async grammarFor(llama: Llama, req: Record<string, any>): Promise<LlamaGrammar | undefined> {
    const rf = req.response_format as { type?: string; json_schema?: { schema?: object } } | undefined;
    if (!rf || rf.type === 'text') return undefined;
    try {
      if (rf.type === 'json_object') return await llama.getGrammarFor('json');
      if (rf.type === 'json_schema') return await llama.createGrammarForJsonSchema(grammarSchema(rf.json_schema?.schema ?? {}) as any);
    } catch (err) {
      throw new EngineError(400, `This JSON schema is not supported for constrained output: ${(err as Error).message.slice(0, 200)}`, 'invalid_value', 'response_format');
    }
    return undefined;
  }

  private sampling(req: Record<string, any>, i: number, ctx: EngineCallContext) {
    const temperature = num(req.temperature) ?? 1;
    const seed = num(req.seed) !== undefined ? (req.seed as number) + i : Math.floor(Math.random() * 2 ** 31);
    const presence = num(req.presence_penalty) ?? 0;
    const frequency = num(req.frequency_penalty) ?? 0;
    return {
      temperature,
      topP: num(req.top_p),
      seed,
      customStopTriggers: stopList(req.stop),
      repeatPenalty: presence || frequency ? { presencePenalty: presence, frequencyPenalty: frequency, penalty: 1 } : (false as const),
      signal: ctx.signal,
      stopOnAbortSignal: false,
    };
  }

  chat(m: ModelEntry, req: ChatRequest, ctx: EngineCallContext): AsyncIterable<ChatEvent> {
    return bridge(ctx, (inner, q) => withRequestTokens(() => this.runChat(m, req, inner, q)));
  }

  private async runChat(m: ModelEntry, req: ChatRequest, ctx: EngineCallContext, q: AsyncQueue<ChatEvent>): Promise<void> {
    const r = req as Record<string, any>;
    if (r.logprobs === true) throw new EngineError(400, 'logprobs are not available from the llama-cpp engine.', 'unsupported_parameter', 'logprobs');
    const tools: Tool[] = Array.isArray(r.tools) ? r.tools : [];
    const choice: ToolChoice = tools.length ? (r.tool_choice ?? 'auto') : 'none';
    const forced = choice === 'required' || (typeof choice === 'object' && choice !== null);
    let forcedTools: Tool[] = [];
    if (forced) {
      forcedTools = typeof choice === 'object' ? tools.filter((t) => t.function.name === choice.function.name) : tools;
      if (!forcedTools.length) throw new EngineError(400, `tool_choice names a function that is not in 'tools'.`, 'invalid_value', 'tool_choice');
    }
    const hint = forced
      ? `Call the function ${forcedTools.map((t) => `\`${t.function.name}\``).join(' or ')}${forcedTools[0]!.function.description ? ` (${forcedTools[0]!.function.description})` : ''}. Answer only with the JSON ${forcedTools.length === 1 ? 'arguments' : '{"name", "arguments"}'}.`
      : undefined;
    const history = toChatHistory(req.messages, hint);
    const n = Math.max(1, Math.min(128, num(r.n) ?? 1));
    const functions: ChatModelFunctions | undefined =
      choice === 'auto' && tools.length
        ? Object.fromEntries(tools.map((t) => [t.function.name, { description: t.function.description, params: (t.function.parameters ?? { type: 'object' }) as any }]))
        : undefined;
    // The prompt must fit the context before a sequence is taken (see context-fit.ts).
    const loaded = await this.load(m, this.slot(m), ctx.requestId);
    const context = loaded.context.contextSize;
    // A lower bound first (each message costs at least one template token besides its text), so
    // that a prompt far over the context is refused before the whole prompt is built.
    const texts = [...historyTexts(history), ...tools.flatMap((t) => [t.function.name, t.function.description ?? ''])];
    const floor = history.length + (await countTokensSliced(loaded.model, texts, context - history.length, ctx.signal));
    if (floor >= context) throw contextLengthError(context, context, 'messages', undefined, true);
    cacheTokenizer(loaded.model);
    const state = loaded.wrapper.generateContextState({ chatHistory: history, availableFunctions: functions });
    const promptTokens = await countPromptTokens(this.lib, loaded.model, state.contextText, ctx.signal);
    const maxTokens = completionBudget(context, promptTokens, num(r.max_completion_tokens) ?? num(r.max_tokens), 'messages');
    const { l, seq, release } = await this.acquire(m, ctx);
    const slot = this.slot(m);
    try {
      const llama = await this.getLlama();
      let grammar = forced ? undefined : await this.grammarFor(llama, r);
      if (forced) {
        const schema =
          forcedTools.length === 1
            ? (forcedTools[0]!.function.parameters ?? { type: 'object' })
            : { oneOf: forcedTools.map((t) => ({ type: 'object', properties: { name: { const: t.function.name }, arguments: t.function.parameters ?? { type: 'object' } }, required: ['name', 'arguments'] })) };
        try {
          grammar = await llama.createGrammarForJsonSchema(grammarSchema(schema) as any);
        } catch (err) {
          throw new EngineError(400, `The tool's parameters schema is not supported: ${(err as Error).message.slice(0, 200)}`, 'invalid_value', 'tools');
        }
      }
      let completionTokens = 0;
      let runs = 0;
      ctx.trackUsage?.(() => ({ prompt_tokens: promptTokens * runs, completion_tokens: completionTokens, total_tokens: promptTokens * runs + completionTokens }));
      for (let i = 0; i < n; i++) {
        runs++;
        await this.fresh(seq);
        const chat = new this.lib.LlamaChat({ contextSequence: seq, chatWrapper: l.wrapper, autoDisposeSequence: false });
        q.push({ type: 'choice', choice: { index: i, delta: { role: 'assistant', content: '' }, finish_reason: null } });
        const id = callId();
        let argsStarted = false;
        try {
          const common = {
            ...this.sampling(r, i, ctx),
            maxTokens,
            onToken: (tokens: unknown[]) => {
              slot.generatedTokens += tokens.length;
              completionTokens += tokens.length;
            },
          };
          const res = forced
            ? await chat.generateResponse(history, {
                ...common,
                grammar,
                onTextChunk: (text: string) => {
                  if (forcedTools.length !== 1 || !text) return;
                  const first = !argsStarted;
                  argsStarted = true;
                  q.push({ type: 'choice', choice: { index: i, delta: { tool_calls: [first ? { index: 0, id, type: 'function', function: { name: forcedTools[0]!.function.name, arguments: text } } : { index: 0, function: { arguments: text } }] }, finish_reason: null } });
                },
              })
            : functions
              ? await chat.generateResponse(history, { ...common, functions, onTextChunk: (text: string) => text && q.push({ type: 'choice', choice: { index: i, delta: { content: text }, finish_reason: null } }) })
              : await chat.generateResponse(history, { ...common, grammar, onTextChunk: (text: string) => text && q.push({ type: 'choice', choice: { index: i, delta: { content: text }, finish_reason: null } }) });
          const stop = res.metadata.stopReason;
          if (forced) {
            if (forcedTools.length === 1) {
              if (!argsStarted) q.push({ type: 'choice', choice: { index: i, delta: { tool_calls: [{ index: 0, id, type: 'function', function: { name: forcedTools[0]!.function.name, arguments: '' } }] }, finish_reason: null } });
            } else {
              let picked: { name?: string; arguments?: unknown } = {};
              try {
                const raw = res.response as unknown;
                picked = JSON.parse(typeof raw === 'string' ? raw : (raw as unknown[]).filter((x) => typeof x === 'string').join(''));
              } catch {
                /* cut by max tokens */
              }
              q.push({ type: 'choice', choice: { index: i, delta: { tool_calls: [{ index: 0, id, type: 'function', function: { name: picked.name ?? forcedTools[0]!.function.name, arguments: JSON.stringify(picked.arguments ?? {}) } }] }, finish_reason: null } });
            }
            q.push({ type: 'choice', choice: { index: i, delta: {}, finish_reason: stop === 'maxTokens' ? 'length' : 'tool_calls' } });
          } else if (res.functionCalls?.length) {
            res.functionCalls.forEach((fc, k) =>
              q.push({ type: 'choice', choice: { index: i, delta: { tool_calls: [{ index: k, id: callId(), type: 'function', function: { name: fc.functionName, arguments: JSON.stringify(fc.params ?? {}) } }] }, finish_reason: null } }),
            );
            q.push({ type: 'choice', choice: { index: i, delta: {}, finish_reason: 'tool_calls' } });
          } else {
            q.push({ type: 'choice', choice: { index: i, delta: {}, finish_reason: stop === 'maxTokens' ? 'length' : 'stop' } });
          }
        } finally {
          chat.dispose({ disposeSequence: false });
        }
      }
      const usage: Usage = { prompt_tokens: promptTokens * n, completion_tokens: completionTokens, total_tokens: promptTokens * n + completionTokens };
      q.push({ type: 'usage', usage });
    } finally {
      release();
    }
  }

  completion(m: ModelEntry, req: CompletionRequest, ctx: EngineCallContext): AsyncIterable<CompletionEvent> {
    return bridge(ctx, (inner, q) => this.runCompletion(m, req, inner, q));
  }

  private async runCompletion(m: ModelEntry, req: CompletionRequest, ctx: EngineCallContext, q: AsyncQueue<CompletionEvent>): Promise<void> {
    const r = req as Record<string, any>;
    if (num(r.logprobs)) throw new EngineError(400, 'logprobs are not available from the llama-cpp engine.', 'unsupported_parameter', 'logprobs');
    const p = r.prompt as string | string[] | number[] | number[][];
    const prompts: Array<string | number[]> =
      typeof p === 'string' ? [p] : Array.isArray(p) && p.length && typeof p[0] === 'number' ? [p as number[]] : (p as Array<string | number[]>);
    const n = Math.max(1, Math.min(128, num(r.n) ?? 1));
    // Every prompt is checked (token ids inside the vocabulary, prompt and completion inside the
    // context) before a sequence is taken; max_tokens 0 means the rest of the context.
    const loaded = await this.load(m, this.slot(m), ctx.requestId);
    const context = loaded.context.contextSize;
    const flat = prompts.length === 1 && p === prompts[0];
    const requested = num(r.max_tokens) ?? 16;
    const inputs: Array<{ tokens: Token[]; text: () => string; maxTokens: number }> = [];
    for (const [k, prompt] of prompts.entries()) {
      const param = flat ? 'prompt' : `prompt[${k}]`;
      let tokens: Token[];
      if (typeof prompt === 'string') {
        const floor = await countTokensSliced(loaded.model, [prompt], context, ctx.signal);
        if (floor >= context) throw contextLengthError(context, context, param, undefined, true);
        tokens = loaded.model.tokenize(prompt);
      } else tokens = checkTokenIds(loaded.model, prompt, param);
      const model = loaded.model;
      inputs.push({ tokens, text: () => (typeof prompt === 'string' ? prompt : model.detokenize(tokens)), maxTokens: completionBudget(context, tokens.length, requested || undefined, param) });
    }
    const { l, seq, release } = await this.acquire(m, ctx);
    const slot = this.slot(m);
    try {
      let promptTokens = 0;
      let completionTokens = 0;
      let index = 0;
      ctx.trackUsage?.(() => ({ prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens }));
      for (const { tokens, text: promptText, maxTokens } of inputs) {
        for (let i = 0; i < n; i++, index++) {
          promptTokens += tokens.length;
          await this.fresh(seq);
          const completion = new this.lib.LlamaCompletion({ contextSequence: seq });
          if (r.echo) q.push({ type: 'choice', choice: { index, text: promptText(), finish_reason: null, logprobs: null } });
          try {
            const res = await completion.generateCompletionWithMeta(tokens, {
              ...this.sampling(r, i, ctx),
              maxTokens,
              onToken: (t) => {
                slot.generatedTokens += t.length;
                completionTokens += t.length;
              },
              onTextChunk: (text) => text && q.push({ type: 'choice', choice: { index, text, finish_reason: null, logprobs: null } }),
            });
            q.push({ type: 'choice', choice: { index, text: '', finish_reason: res.metadata.stopReason === 'maxTokens' ? 'length' : 'stop', logprobs: null } });
          } finally {
            completion.dispose({ disposeSequence: false });
          }
        }
      }
      q.push({ type: 'usage', usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens } });
    } finally {
      release();
    }
  }

  async embeddings(m: ModelEntry, req: EmbeddingRequest, ctx: EngineCallContext): Promise<EmbeddingResult> {
    const s = this.slot(m);
    const l = await this.load(m, s, ctx.requestId);
    const input = req.input as string | string[] | number[] | number[][];
    const items: Array<string | number[]> =
      typeof input === 'string' ? [input] : Array.isArray(input) && input.length && typeof input[0] === 'number' ? [input as number[]] : (input as Array<string | number[]>);
    const contextSize = Math.min(2048, l.model.trainContextSize);
    l.embedding ??= l.model.createEmbeddingContext({ contextSize, threads: this.threads });
    const ec = await l.embedding;
    const flat = items.length === 1 && input === items[0];
    // Each input is checked (ids inside the vocabulary, length inside the context) before any runs.
    const inputs: Array<Token[]> = [];
    for (const [k, item] of items.entries()) {
      const param = flat ? 'input' : `input[${k}]`;
      let toks: Token[];
      if (typeof item === 'string') {
        const floor = await countTokensSliced(l.model, [item], contextSize, ctx.signal);
        if (floor > contextSize) throw contextLengthError(contextSize, contextSize, param, undefined, true);
        toks = l.model.tokenize(item);
      } else toks = checkTokenIds(l.model, item, param);
      if (toks.length > contextSize) throw contextLengthError(contextSize, toks.length, param);
      inputs.push(toks);
    }
    const run = async () => {
      const vectors: number[][] = [];
      let tokens = 0;
      for (const toks of inputs) {
        if (ctx.signal.aborted) throw ctx.signal.reason ?? new Error('aborted');
        tokens += toks.length;
        const e = await ec.getEmbeddingFor(toks);
        const v = Array.from(e.vector);
        const norm = Math.hypot(...v) || 1;
        vectors.push(v.map((x) => x / norm));
      }
      return { vectors, prompt_tokens: tokens };
    };
    const result = l.embeddingChain.then(run, run);
    l.embeddingChain = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.slots.keys()].map((id) => this.unload(id)));
    const llama = await this.llama?.catch(() => null);
    await llama?.dispose();
  }
}
