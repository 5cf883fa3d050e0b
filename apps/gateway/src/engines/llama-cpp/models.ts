/**
 * Model loading for the llama-cpp engine: a model loads lazily on first use (after its header is
 * checked), is shared by all requests, and unloads after an idle time. One context per model with
 * several sequences (sequences.ts hands them out).
 */
import os from 'node:os';
import type { ChatWrapper, Llama, LlamaContext, LlamaContextSequence, LlamaEmbeddingContext, LlamaModel } from 'node-llama-cpp';
import { EngineError, type ModelEntry, type ModelState } from '../types.js';
import { backingOff, loadFailedError, loadFailureLog, nextLoadFailure, type LoadFailure } from '../load-backoff.js';
import { checkGguf } from './gguf-check.js';
import { loadNodeLlamaCpp, type NodeLlamaCpp } from './native.js';
import { markClean } from './sequences.js';
import { num } from './sampling.js';

export interface LlamaCppOptions {
  sequences: number;
  queueSize: number;
  idleUnloadMs: number;
  contextSize: number;
  threads?: number;
  log: { info(o: object, m?: string): void; warn(o: object, m?: string): void; error(o: object, m?: string): void };
}

export interface Loaded {
  /** The binding and its module (for grammars, chat and completion sessions). */
  llama: Llama;
  lib: NodeLlamaCpp;
  model: LlamaModel;
  context: LlamaContext;
  wrapper: ChatWrapper;
  free: LlamaContextSequence[];
  waiters: Array<{ resolve: (s: LlamaContextSequence) => void; reject: (e: unknown) => void }>;
  embedding: Promise<LlamaEmbeddingContext> | null;
  embeddingChain: Promise<unknown>;
  idleTimer: NodeJS.Timeout | null;
}

export interface Slot {
  path: string;
  state: ModelState;
  loading: Promise<Loaded> | null;
  loaded: Loaded | null;
  generatedTokens: number;
  active: number;
  /** The last failed load, until one succeeds (see load()). */
  failure?: LoadFailure;
}

/** The loaded models of one engine, and the llama.cpp binding they share. */
export class LlamaModels {
  private llama: Promise<{ llama: Llama; lib: NodeLlamaCpp }> | null = null;
  private readonly slots = new Map<string, Slot>();
  readonly threads: number;

  constructor(readonly opts: LlamaCppOptions) {
    this.threads = opts.threads ?? Math.max(1, os.availableParallelism() - 1);
  }

  /** llama.cpp and the module it came from, loaded on the first model load. */
  binding(): Promise<{ llama: Llama; lib: NodeLlamaCpp }> {
    this.llama ??= loadNodeLlamaCpp().then(async (lib) => {
      const { LlamaLogLevel } = lib;
      const llama = await lib.getLlama({
        gpu: false,
        build: 'never',
        maxThreads: this.threads,
        logLevel: LlamaLogLevel.error,
        logger: (level, message) => {
          if (level === LlamaLogLevel.error || level === LlamaLogLevel.fatal) this.opts.log.error({ engine: 'llama-cpp', message: message.slice(0, 500) }, 'llama.cpp');
        },
      });
      return { llama, lib };
    });
    return this.llama;
  }

  slot(m: ModelEntry): Slot {
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

  stats(id: string): { generatedTokens: number; active: number; queued: number } {
    const s = this.slots.get(id);
    return { generatedTokens: s?.generatedTokens ?? 0, active: s?.active ?? 0, queued: s?.loaded?.waiters.length ?? 0 };
  }

  /** Loads the model once for all callers; after a failure, again only once its backoff has passed (load-backoff.ts). */
  async load(m: ModelEntry, s: Slot, requestId?: string): Promise<Loaded> {
    if (s.loaded) return s.loaded;
    if (!s.loading && backingOff(s.failure)) throw loadFailedError(m.id, s.failure);
    s.loading ??= (async () => {
      s.state = { state: 'loading' };
      let model: LlamaModel | undefined;
      try {
        const check = await checkGguf(s.path);
        if (!check.ok) throw new Error(check.problems.join('; '));
        const { llama, lib } = await this.binding();
        model = await llama.loadModel({ modelPath: s.path });
        const ctxSize = Math.min(num(m.settings.context_size) ?? this.opts.contextSize, model.trainContextSize);
        const context = await model.createContext({ sequences: Math.max(1, this.opts.sequences), contextSize: ctxSize * Math.max(1, this.opts.sequences), threads: this.threads });
        const free: LlamaContextSequence[] = [];
        for (let i = 0; i < Math.max(1, this.opts.sequences); i++) {
          const seq = context.getSequence();
          markClean(seq);
          free.push(seq);
        }
        const loaded: Loaded = { llama, lib, model, context, wrapper: lib.resolveChatWrapper(model), free, waiters: [], embedding: null, embeddingChain: Promise.resolve(), idleTimer: null };
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

  /** The model, loaded (its slot made on first use). */
  loaded(m: ModelEntry, requestId?: string): Promise<Loaded> {
    return this.load(m, this.slot(m), requestId);
  }

  async unload(id: string): Promise<void> {
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

  async close(): Promise<void> {
    await Promise.allSettled([...this.slots.keys()].map((id) => this.unload(id)));
    const binding = await this.llama?.catch(() => null);
    await binding?.llama.dispose();
  }
}
