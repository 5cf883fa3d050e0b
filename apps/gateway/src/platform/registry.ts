/**
 * The platform-wide model registry (the `models` table). Only a superadmin changes it (checked by
 * the admin handlers). Read on every inference request, so it is held in memory: reloaded after
 * every write here, which also announces the model's id once committed (change-feed.ts), so that
 * every process sharing the database reloads as soon as it hears it; and re-read every few seconds
 * in case a notification was lost.
 * Listeners registered with onChange hear about every model that changed or went away (engines drop
 * what they loaded for it).
 */
import type { ModelEntry, ModelSettings } from '../engines/types.js';
import type { components } from '@cordon/contract';
import type { Store } from './store/types.js';
import { UniqueViolation } from './store/types.js';
import { conflict, invalid, quote } from './errors.js';
import { DOMAIN_ID } from './domains.js';
import { deepFreeze, isPlainObject, now } from './util.js';
import { errField, type PlatformLog } from './log.js';
import { announceChange, CHANGE_CHANNELS, followChanges } from './change-feed.js';
import { DEFAULT_UPSTREAM_ACCESS, targetAccessProblem, type UpstreamAccess } from '../engines/upstream/access.js';

export const ENGINES: ReadonlyArray<ModelEntry['engine']> = ['llama-cpp', 'whisper', 'openai-compatible', 'ollama'];
export const CAPABILITIES: ReadonlyArray<ModelEntry['capabilities'][number]> = ['chat', 'completions', 'embeddings', 'transcription'];
export const MODEL_ID = /^[A-Za-z0-9._:/-]{1,128}$/;
const FILE_ENGINES = new Set<string>(['llama-cpp', 'whisper']);
const UPSTREAM_ENGINES = new Set<string>(['openai-compatible', 'ollama']);
const RELOAD_MS = 2_000;

/** What add() takes: owned_by defaults to 'cordon', domains to null (every domain), created to now. */
export type NewModel = Omit<ModelEntry, 'created' | 'owned_by' | 'domains'> & { owned_by?: string; domains?: string[] | null; created?: number };
/** What update() takes: any of these replace the stored value (settings as a whole). */
export type ModelPatch = Partial<Pick<ModelEntry, 'engine' | 'settings' | 'capabilities' | 'owned_by' | 'domains'>>;
/** The admin API's shape of a registry entry. */
export type RegistryModel = components['schemas']['RegistryModel'];

export const asRegistryModel = (m: ModelEntry): RegistryModel => ({ object: 'registry_model', ...m });

interface ModelRow {
  id: string;
  engine: ModelEntry['engine'];
  settings: string;
  capabilities: string;
  owned_by: string;
  created: number;
  domains: string | null;
}

const toEntry = (r: ModelRow): ModelEntry =>
  deepFreeze({
    id: r.id,
    engine: r.engine,
    settings: JSON.parse(r.settings) as ModelSettings,
    capabilities: JSON.parse(r.capabilities) as ModelEntry['capabilities'],
    owned_by: r.owned_by,
    created: Number(r.created),
    domains: r.domains === null ? null : (JSON.parse(r.domains) as string[]),
  });

function validateSettings(engine: string, settings: unknown, access: UpstreamAccess): ModelSettings {
  if (!isPlainObject(settings)) throw invalid("'settings' must be an object.", 'settings');
  const s = settings as ModelSettings;
  if (s.path !== undefined && (typeof s.path !== 'string' || s.path === '')) throw invalid("'settings.path' must be a non-empty string.", 'settings.path');
  if (FILE_ENGINES.has(engine) && s.path === undefined) throw invalid(`The ${engine} engine needs 'settings.path', the model file.`, 'settings.path');
  if (s.targets !== undefined || UPSTREAM_ENGINES.has(engine)) {
    if (!Array.isArray(s.targets) || s.targets.length === 0) {
      throw invalid(`The ${engine} engine needs 'settings.targets': at least one { base_url, model }.`, 'settings.targets');
    }
    s.targets.forEach((t, i) => {
      const at = `settings.targets[${i}]`;
      if (!isPlainObject(t)) throw invalid(`'${at}' must be an object.`, at);
      let url: URL | null = null;
      try {
        url = typeof t.base_url === 'string' ? new URL(t.base_url) : null;
      } catch {
        url = null;
      }
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw invalid(`'${at}.base_url' must be an http(s) URL.`, `${at}.base_url`);
      if (typeof t.model !== 'string' || t.model === '') throw invalid(`'${at}.model' must be the model's name upstream.`, `${at}.model`);
      if (t.api_key_env !== undefined && (typeof t.api_key_env !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(t.api_key_env))) {
        throw invalid(`'${at}.api_key_env' must be the name of an environment variable.`, `${at}.api_key_env`);
      }
      const problem = targetAccessProblem(t, at, access);
      if (problem) throw invalid(problem.message, problem.param);
    });
  }
  if (s.fallback_model !== undefined && (typeof s.fallback_model !== 'string' || !MODEL_ID.test(s.fallback_model))) {
    throw invalid("'settings.fallback_model' must be a model id.", 'settings.fallback_model');
  }
  if (s.context_size !== undefined && (!Number.isInteger(s.context_size) || s.context_size < 128)) {
    throw invalid("'settings.context_size' must be an integer of at least 128.", 'settings.context_size');
  }
  try {
    return JSON.parse(JSON.stringify(s)) as ModelSettings; // a plain copy, and proof that it stores as JSON
  } catch {
    throw invalid("'settings' must be JSON.", 'settings');
  }
}

/**
 * Checks a whole entry and returns a normalised copy (throws a 400 PlatformError naming the field).
 * `access` says which api_key_env names and upstream hosts targets may use.
 */
export function validateModel(input: unknown, access: UpstreamAccess = DEFAULT_UPSTREAM_ACCESS): ModelEntry {
  if (!isPlainObject(input)) throw invalid('A model must be an object.', null);
  const m = input as Partial<ModelEntry>;
  if (typeof m.id !== 'string' || !MODEL_ID.test(m.id)) throw invalid('A model id is 1-128 letters, digits and . _ : / -.', 'id');
  if (typeof m.engine !== 'string' || !ENGINES.includes(m.engine)) throw invalid(`'engine' must be one of ${ENGINES.join(', ')}.`, 'engine');
  const settings = validateSettings(m.engine, m.settings, access);
  if (settings.fallback_model === m.id) throw invalid('A model cannot be its own fallback.', 'settings.fallback_model');
  if (!Array.isArray(m.capabilities) || m.capabilities.length === 0 || m.capabilities.some((c) => !CAPABILITIES.includes(c))) {
    throw invalid(`'capabilities' must be a non-empty subset of ${CAPABILITIES.join(', ')}.`, 'capabilities');
  }
  const owned_by = m.owned_by ?? 'cordon';
  if (typeof owned_by !== 'string' || owned_by === '' || owned_by.length > 128) throw invalid("'owned_by' must be a non-empty string.", 'owned_by');
  const domains = m.domains ?? null;
  if (domains !== null && (!Array.isArray(domains) || domains.some((d) => typeof d !== 'string' || !DOMAIN_ID.test(d)))) {
    throw invalid("'domains' must be null (every domain) or a list of domain ids.", 'domains');
  }
  const created = m.created ?? now();
  if (!Number.isSafeInteger(created) || created < 0) throw invalid("'created' must be a unix time in seconds.", 'created');
  return {
    id: m.id,
    engine: m.engine,
    settings,
    capabilities: CAPABILITIES.filter((c) => m.capabilities!.includes(c)),
    owned_by,
    created,
    domains: domains === null ? null : [...new Set(domains)],
  };
}

const allowed = (m: ModelEntry, domainId: string) => m.domains === null || m.domains.includes(domainId);

export class RegistryService {
  private models: ModelEntry[] | null = null;
  private byId = new Map<string, ModelEntry>();
  private loadedAt = 0;
  private issued = 0;
  private applied = 0;
  private refreshing: Promise<void> | null = null;
  private listeners = new Set<(id: string) => void>();

  constructor(
    private readonly store: Store,
    private readonly opts: { log?: PlatformLog; reloadMs?: number } = {},
  ) {}

  /** Follows the registry changes of every process sharing the store (see change-feed.ts). */
  followChanges(): Promise<() => Promise<void>> {
    const reload = () => this.reloadNow();
    return followChanges(this.store, CHANGE_CHANNELS.models, { changed: reload, missed: reload });
  }

  /**
   * Re-reads the table now (a change was announced): requests from here on wait for this load
   * rather than use the table as it was, and listeners hear about what changed.
   */
  private reloadNow(): void {
    this.loadedAt = 0;
    const loading: Promise<void> = this.load()
      .catch((err) => this.opts.log?.warn({ err: errField(err) }, 'could not reload the model registry; it is re-read on next use'))
      .finally(() => {
        if (this.refreshing === loading) this.refreshing = null;
      });
    this.refreshing = loading;
  }

  private announce(id: string): Promise<void> {
    return announceChange(this.store, CHANGE_CHANNELS.models, id, this.opts.log);
  }

  /** Called with a model id whenever that model is changed or removed. Returns an unsubscribe function. */
  onChange(fn: (id: string) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private notify(ids: Iterable<string>): void {
    for (const id of ids) {
      for (const fn of this.listeners) {
        try {
          fn(id);
        } catch (err) {
          this.opts.log?.error({ err: errField(err), model: id }, 'registry change listener failed');
        }
      }
    }
  }

  /**
   * (Re)load the table and tell listeners about models that differ from what was loaded before.
   * Loads are numbered: a slower, older one never overwrites a newer one.
   */
  private async load(): Promise<void> {
    const seq = ++this.issued;
    const rows = await this.store.all<ModelRow>('SELECT id, engine, settings, capabilities, owned_by, created, domains FROM models ORDER BY created, id');
    if (seq < this.applied) return;
    this.applied = seq;
    const next = rows.map(toEntry);
    const before = this.byId;
    this.models = next;
    this.byId = new Map(next.map((m) => [m.id, m]));
    this.loadedAt = Date.now();
    const changed: string[] = [];
    for (const [id, old] of before) {
      const m = this.byId.get(id);
      if (!m || JSON.stringify(m) !== JSON.stringify(old)) changed.push(id);
    }
    this.notify(changed);
  }

  private async current(): Promise<ModelEntry[]> {
    if (this.models && Date.now() - this.loadedAt < (this.opts.reloadMs ?? RELOAD_MS)) return this.models;
    if (!this.refreshing) {
      const loading: Promise<void> = this.load().finally(() => {
        if (this.refreshing === loading) this.refreshing = null;
      });
      this.refreshing = loading;
    }
    await this.refreshing;
    if (!this.models) return this.current();
    return this.models;
  }

  async add(entry: NewModel, access?: UpstreamAccess): Promise<ModelEntry> {
    const m = validateModel(entry, access);
    try {
      await this.store.writeBatch('INSERT INTO models (id, engine, settings, capabilities, owned_by, created, domains) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        [m.id, m.engine, JSON.stringify(m.settings), JSON.stringify(m.capabilities), m.owned_by, m.created, m.domains === null ? null : JSON.stringify(m.domains)],
      ]);
    } catch (err) {
      if (err instanceof UniqueViolation) throw conflict(`A model with id ${quote(m.id)} is already registered.`, 'id');
      throw err;
    }
    await this.announce(m.id);
    await this.load();
    return this.byId.get(m.id)!;
  }

  async list(): Promise<ModelEntry[]> {
    return [...(await this.current())];
  }

  async get(id: string): Promise<ModelEntry | null> {
    await this.current();
    return this.byId.get(id) ?? null;
  }

  /** Replace the given fields (settings as a whole); null when there is no such model. */
  async update(id: string, patch: ModelPatch, access?: UpstreamAccess): Promise<ModelEntry | null> {
    const current = await this.get(id);
    if (!current) return null;
    if (!isPlainObject(patch)) throw invalid('The update must be an object.', null);
    const next: Record<string, unknown> = { ...current };
    for (const k of ['engine', 'settings', 'capabilities', 'owned_by', 'domains'] as const) {
      if (k in patch && patch[k] !== undefined) next[k] = patch[k];
    }
    if ('domains' in patch && patch.domains === null) next.domains = null;
    const m = validateModel(next, access);
    const r = await this.store.writeBatch('UPDATE models SET engine = ?, settings = ?, capabilities = ?, owned_by = ?, domains = ? WHERE id = ?', [
      [m.engine, JSON.stringify(m.settings), JSON.stringify(m.capabilities), m.owned_by, m.domains === null ? null : JSON.stringify(m.domains), id],
    ]);
    if (r.changes > 0) await this.announce(id);
    await this.load();
    return r.changes > 0 ? (this.byId.get(id) ?? null) : null;
  }

  async remove(id: string): Promise<boolean> {
    const r = await this.store.writeBatch('DELETE FROM models WHERE id = ?', [[id]]);
    if (r.changes > 0) await this.announce(id);
    await this.load();
    return r.changes > 0;
  }

  /** The models a domain may use: those whose `domains` is null or names it. */
  async listForDomain(domainId: string): Promise<ModelEntry[]> {
    return (await this.current()).filter((m) => allowed(m, domainId));
  }

  /** The model if it exists and the domain may use it; null for both unknown and not allowed (answer 404 model_not_found). */
  async getForDomain(id: string, domainId: string): Promise<ModelEntry | null> {
    await this.current();
    const m = this.byId.get(id);
    return m && allowed(m, domainId) ? m : null;
  }
}
