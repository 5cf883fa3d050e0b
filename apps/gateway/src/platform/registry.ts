/** The platform-wide model registry. Only a superadmin changes it (checked by the admin handlers). */
import type { ModelEntry } from '../engines/types.js';
import type { Store } from './store/types.js';
import { conflict, invalid, now } from './errors.js';

const ENGINES: ModelEntry['engine'][] = ['llama-cpp', 'whisper', 'openai-compatible', 'ollama'];
const CAPS: ModelEntry['capabilities'] = ['chat', 'completions', 'embeddings', 'transcription'];
const ID = /^[A-Za-z0-9._:/-]{1,128}$/;

interface ModelRow {
  id: string;
  engine: ModelEntry['engine'];
  settings: string;
  capabilities: string;
  owned_by: string;
  created: number;
  domains: string | null;
}

const toEntry = (r: ModelRow): ModelEntry => ({
  id: r.id,
  engine: r.engine,
  settings: JSON.parse(r.settings),
  capabilities: JSON.parse(r.capabilities),
  owned_by: r.owned_by,
  created: r.created,
  domains: r.domains === null ? null : JSON.parse(r.domains),
});

export type NewModel = Omit<ModelEntry, 'created' | 'owned_by' | 'domains'> & { owned_by?: string; domains?: string[] | null };

function validate(m: Partial<ModelEntry>): void {
  if (m.id !== undefined && !ID.test(m.id)) throw invalid("A model id is 1-128 letters, digits and . _ : / -.", 'id');
  if (m.engine !== undefined && !ENGINES.includes(m.engine)) throw invalid(`'engine' must be one of ${ENGINES.join(', ')}.`, 'engine');
  if (m.capabilities !== undefined && (!Array.isArray(m.capabilities) || m.capabilities.some((c) => !CAPS.includes(c)))) {
    throw invalid(`'capabilities' must be a subset of ${CAPS.join(', ')}.`, 'capabilities');
  }
  if (m.engine && m.settings) {
    if ((m.engine === 'llama-cpp' || m.engine === 'whisper') && typeof m.settings.path !== 'string') {
      throw invalid(`The ${m.engine} engine needs 'settings.path', the model file.`, 'settings.path');
    }
    if ((m.engine === 'openai-compatible' || m.engine === 'ollama') && (!Array.isArray(m.settings.targets) || m.settings.targets.length === 0)) {
      throw invalid(`The ${m.engine} engine needs 'settings.targets' with at least one base_url.`, 'settings.targets');
    }
  }
}

export class RegistryService {
  /** Read on every inference request; invalidated on every write. */
  private cache: ModelEntry[] | null = null;
  private cachedAt = 0;
  private listeners: Array<(id: string) => void> = [];

  constructor(private readonly store: Store) {}

  /** Called with a model id whenever that model changes or is removed (engines drop what they loaded). */
  onChange(fn: (id: string) => void): void {
    this.listeners.push(fn);
  }

  private changed(id: string): void {
    this.cache = null;
    for (const fn of this.listeners) fn(id);
  }

  async add(input: NewModel): Promise<ModelEntry> {
    validate(input);
    if (!input.id || !input.engine || !input.settings || !input.capabilities) throw invalid('id, engine, settings and capabilities are required.', 'id');
    if (await this.get(input.id)) throw conflict(`A model with id '${input.id}' is already registered.`, 'id');
    await this.store.run('INSERT INTO models (id, engine, settings, capabilities, owned_by, created, domains) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      input.id,
      input.engine,
      JSON.stringify(input.settings),
      JSON.stringify(input.capabilities),
      input.owned_by ?? 'cordon',
      now(),
      input.domains == null ? null : JSON.stringify(input.domains),
    ]);
    this.changed(input.id);
    return (await this.get(input.id))!;
  }

  async list(): Promise<ModelEntry[]> {
    // A short TTL, so instances sharing one store see each other's registry changes.
    if (!this.cache || Date.now() - this.cachedAt > 2000) {
      this.cache = (await this.store.all<ModelRow>('SELECT * FROM models ORDER BY created, id')).map(toEntry);
      this.cachedAt = Date.now();
    }
    return this.cache;
  }

  async get(id: string): Promise<ModelEntry | null> {
    return (await this.list()).find((m) => m.id === id) ?? null;
  }

  async update(id: string, patch: Partial<Omit<ModelEntry, 'id' | 'created'>>): Promise<ModelEntry | null> {
    const current = await this.get(id);
    if (!current) return null;
    const next = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as ModelEntry;
    if ('domains' in patch) next.domains = patch.domains ?? null;
    validate(next);
    await this.store.run('UPDATE models SET engine = ?, settings = ?, capabilities = ?, owned_by = ?, domains = ? WHERE id = ?', [
      next.engine,
      JSON.stringify(next.settings),
      JSON.stringify(next.capabilities),
      next.owned_by,
      next.domains === null ? null : JSON.stringify(next.domains),
      id,
    ]);
    this.changed(id);
    return this.get(id);
  }

  async remove(id: string): Promise<boolean> {
    const r = await this.store.run('DELETE FROM models WHERE id = ?', [id]);
    this.changed(id);
    return r.changes > 0;
  }

  async listForDomain(domainId: string): Promise<ModelEntry[]> {
    return (await this.list()).filter((m) => m.domains === null || m.domains.includes(domainId));
  }

  /** null for unknown and for not allowed alike: callers answer 404 model_not_found for both. */
  async getForDomain(id: string, domainId: string): Promise<ModelEntry | null> {
    const m = await this.get(id);
    return m && (m.domains === null || m.domains.includes(domainId)) ? m : null;
  }
}
