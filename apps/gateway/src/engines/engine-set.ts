/** The engines this process offers, by name, and the capability check every inference handler makes first. */
import { ApiError } from '@cordon/server-kit';
import type { Engine, ModelEntry } from './types.js';

export type Capability = ModelEntry['capabilities'][number];

export class EngineSet {
  private readonly engines = new Map<ModelEntry['engine'], Engine>();

  register(engine: Engine): this {
    this.engines.set(engine.name, engine);
    return this;
  }

  get(name: ModelEntry['engine']): Engine | undefined {
    return this.engines.get(name);
  }

  /** The engine for a model, or 503 if that engine is not available in this process. */
  for(model: ModelEntry): Engine {
    const engine = this.engines.get(model.engine);
    if (!engine) throw new ApiError(503, `The engine '${model.engine}' for model '${model.id}' is not available on this gateway.`, 'engine_unavailable');
    return engine;
  }

  forget(modelId: string): void {
    for (const e of this.engines.values()) e.forget?.(modelId);
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.engines.values()].map((e) => e.close()));
  }
}

export function requireCapability(model: ModelEntry, capability: Capability, param = 'model'): void {
  if (!model.capabilities.includes(capability)) {
    throw new ApiError(400, `The model '${model.id}' does not support ${capability}.`, 'model_not_supported', param);
  }
}
