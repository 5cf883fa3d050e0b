/**
 * The sequences of a loaded model's context: one per running request. Requests beyond the
 * sequences wait in a bounded queue (full: 503 + Retry-After); a released sequence goes to the next
 * waiter, or is cleared off the request path and kept free; an idle model unloads after a while.
 */
import type { LlamaContextSequence } from 'node-llama-cpp';
import { EngineError, type EngineCallContext, type ModelEntry } from '../types.js';
import type { LlamaModels, Loaded } from './models.js';

/** Sequences cleared when they were released, so the next request need not clear them. */
const clean = new WeakSet<LlamaContextSequence>();

export function markClean(seq: LlamaContextSequence): void {
  clean.add(seq);
}

/** Makes a sequence empty for a new generation (free if it was cleared on release). */
export async function fresh(seq: LlamaContextSequence): Promise<void> {
  if (clean.delete(seq)) return;
  await seq.clearHistory();
}

export interface Acquired {
  l: Loaded;
  seq: LlamaContextSequence;
  release: () => void;
}

/** A sequence of the model for one request (waiting for one if all are busy); call release() once done. */
export async function acquire(models: LlamaModels, m: ModelEntry, ctx: EngineCallContext): Promise<Acquired> {
  const { opts } = models;
  const s = models.slot(m);
  const l = await models.load(m, s, ctx.requestId);
  if (l.idleTimer) {
    clearTimeout(l.idleTimer);
    l.idleTimer = null;
  }
  let seq = l.free.pop();
  if (!seq) {
    if (l.waiters.length >= opts.queueSize) {
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
  const taken = seq;
  s.active++;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    s.active--;
    const handOver = () => {
      const next = l.waiters.shift();
      if (next) next.resolve(taken);
      else l.free.push(taken);
    };
    // Someone is waiting: they get it now and clear it themselves. Otherwise it is cleared here,
    // off the next request's path (clearing costs about half a millisecond), before it is free.
    if (l.waiters.length) handOver();
    else
      taken.clearHistory().then(
        () => {
          clean.add(taken);
          handOver();
        },
        handOver,
      );
    if (s.active === 0 && l.waiters.length === 0 && opts.idleUnloadMs > 0) {
      l.idleTimer = setTimeout(() => {
        if (s.active === 0) {
          opts.log.info({ model: m.id }, 'unloading idle model');
          void models.unload(m.id);
        }
      }, opts.idleUnloadMs);
      l.idleTimer.unref();
    }
  };
  return { l, seq: taken, release };
}
