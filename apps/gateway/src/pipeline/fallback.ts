/**
 * Fallback models: when every target of an upstream model fails before anything was sent, the
 * request is served by the model's `settings.fallback_model` (if the caller's domain may use it).
 * Once the first event has reached the client, nothing is retried (no duplicated answers).
 */
import { allowsFallback, type ModelEntry } from '../engines/types.js';
import type { HandlerDeps } from '../handlers/deps.js';

import type { Resolved } from './run.js';

async function fallbackOf(deps: HandlerDeps, err: unknown, current: ModelEntry, domainId: string, seen: Set<string>): Promise<Resolved | null> {
  if (!allowsFallback(err)) return null;
  const id = current.settings.fallback_model;
  if (!id || seen.has(id)) return null;
  const model = await deps.platform.registry.getForDomain(id, domainId);
  if (!model) return null;
  seen.add(id);
  deps.log.warn({ model: current.id, fallback: id }, 'all upstream targets failed; using the fallback model');
  return { model, engine: deps.engines.for(model) };
}

/** Iterates `call(model, engine)`, switching to the fallback model if the first attempt fails before its first event. */
export async function* streamWithFallback<T>(
  deps: HandlerDeps,
  first: Resolved,
  domainId: string,
  call: (r: Resolved) => AsyncIterable<T>,
): AsyncGenerator<T> {
  let current = first;
  const seen = new Set([first.model.id]);
  for (;;) {
    let started = false;
    try {
      for await (const ev of call(current)) {
        started = true;
        yield ev;
      }
      return;
    } catch (err) {
      const next = started ? null : await fallbackOf(deps, err, current.model, domainId, seen);
      if (!next) throw err;
      current = next;
    }
  }
}
