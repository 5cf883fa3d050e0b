/**
 * An engine host's models: a fixed list (from `--models FILE` or CORDON_ENGINE_HOST_MODELS, the
 * registry entries the supervisor passes), each checked as the registry checks a model, every one
 * allowed to the host's one caller. Only embedded engines (llama-cpp, whisper) run in a host.
 */
import { readFileSync } from 'node:fs';
import type { ModelEntry } from '../engines/types.js';
import { validateModel } from '../platform/registry.js';
import type { ModelCatalog } from '../handlers/deps.js';

export const HOST_MODELS_ENV = 'CORDON_ENGINE_HOST_MODELS';

const HOST_ENGINES: ReadonlySet<ModelEntry['engine']> = new Set(['llama-cpp', 'whisper']);

/** The models of a JSON array (file text or the environment variable's value); `from` names it in errors. */
export function parseHostModels(json: string, from: string): ModelEntry[] {
  let list: unknown;
  try {
    list = JSON.parse(json);
  } catch {
    throw new Error(`${from} is not valid JSON`);
  }
  if (!Array.isArray(list) || list.length === 0) throw new Error(`${from} must be a non-empty JSON array of models`);
  const models = list.map((entry: unknown, i) => {
    let model: ModelEntry;
    try {
      model = validateModel(entry);
    } catch (err) {
      throw new Error(`${from}[${i}]: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!HOST_ENGINES.has(model.engine)) throw new Error(`${from}[${i}]: an engine host runs llama-cpp and whisper models, not '${model.engine}'`);
    // The gateway falls back to another model; a host serves only the models it has.
    const { fallback_model: _fallback, ...settings } = model.settings;
    return { ...model, settings, domains: null };
  });
  const ids = new Set<string>();
  for (const m of models) {
    if (ids.has(m.id)) throw new Error(`${from}: the model '${m.id}' is listed twice`);
    ids.add(m.id);
  }
  return models;
}

/** `--models FILE`, else CORDON_ENGINE_HOST_MODELS. */
export function loadHostModels(file: string | undefined, env: NodeJS.ProcessEnv = process.env): ModelEntry[] {
  if (file) return parseHostModels(readFileSync(file, 'utf8'), file);
  const raw = env[HOST_MODELS_ENV];
  if (!raw) throw new Error(`no models: pass --models FILE or set ${HOST_MODELS_ENV}`);
  return parseHostModels(raw, HOST_MODELS_ENV);
}

/** Every model in every domain (a host has one caller). */
export class StaticCatalog implements ModelCatalog {
  private readonly byId: ReadonlyMap<string, ModelEntry>;

  constructor(readonly models: readonly ModelEntry[]) {
    this.byId = new Map(models.map((m) => [m.id, m]));
  }

  get(id: string): ModelEntry | null {
    return this.byId.get(id) ?? null;
  }

  async getForDomain(id: string): Promise<ModelEntry | null> {
    return this.get(id);
  }

  async listForDomain(): Promise<ModelEntry[]> {
    return [...this.models];
  }
}
