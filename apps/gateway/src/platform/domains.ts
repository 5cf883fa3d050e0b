/** Domains (tenants): create, list, get, rename, disable. */
import type { components } from '@cordon/contract';
import type { Store } from './store/types.js';
import { UniqueViolation } from './store/types.js';
import { conflict, invalid, quote } from './errors.js';
import { deepFreeze, now, randomId } from './util.js';
import { announceChange, CHANGE_CHANNELS, followChanges } from './change-feed.js';
import type { PlatformLog } from './log.js';

export type Domain = components['schemas']['Domain'];

export const DOMAIN_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const MAX_NAME = 200;
/**
 * Domains are read on every request, so they are cached. A write here drops the domain's entry and
 * announces its id once committed (change-feed.ts): every process sharing the database drops it as
 * soon as it hears it; this TTL is the bound when a notification is lost.
 */
const CACHE_TTL_MS = 2_000;
const CACHE_MAX = 10_000;

interface DomainRow {
  id: string;
  name: string;
  disabled: number;
  created_at: number;
}

const toDomain = (r: DomainRow): Domain =>
  deepFreeze({ id: r.id, object: 'domain', name: r.name, disabled: Number(r.disabled) === 1, created_at: Number(r.created_at) });

/** A slug from a display name: lowercase ASCII letters, digits and dashes ('Café Zürich' -> 'cafe-zurich'). */
export function slugify(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return DOMAIN_ID.test(s) ? s : `domain-${randomId(8)}`;
}

function checkName(name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME) {
    throw invalid(`'name' must be a non-empty string of at most ${MAX_NAME} characters.`, 'name');
  }
  return name;
}

export class DomainService {
  private cache = new Map<string, { domain: Domain | null; until: number }>();
  /** Bumped by every announced change: a read that started before one does not fill the cache. */
  private generation = 0;

  constructor(
    private readonly store: Store,
    private readonly opts: { log?: PlatformLog } = {},
  ) {}

  /** Follows the domain changes of every process sharing the store (see change-feed.ts). */
  followChanges(): Promise<() => Promise<void>> {
    return followChanges(this.store, CHANGE_CHANNELS.domains, { changed: (id) => this.drop(id), missed: () => this.drop(null) });
  }

  /** Drops one domain's cached entry (null: all of them). */
  private drop(id: string | null): void {
    this.generation++;
    if (id === null) this.cache.clear();
    else this.cache.delete(id);
  }

  async create(input: components['schemas']['CreateDomainRequest']): Promise<Domain> {
    const name = checkName(input?.name);
    const id = input.id ?? slugify(name);
    if (typeof id !== 'string' || !DOMAIN_ID.test(id)) {
      throw invalid("A domain id is 1-63 lowercase letters, digits and dashes, starting with a letter or digit.", 'id');
    }
    try {
      await this.store.writeBatch('INSERT INTO domains (id, name, disabled, created_at) VALUES (?, ?, 0, ?)', [[id, name, now()]]);
    } catch (err) {
      if (err instanceof UniqueViolation) throw conflict(`A domain with id ${quote(id)} already exists.`, 'id');
      throw err;
    }
    this.drop(id);
    await announceChange(this.store, CHANGE_CHANNELS.domains, id, this.opts.log);
    return (await this.get(id))!;
  }

  async list(): Promise<Domain[]> {
    return (await this.store.all<DomainRow>('SELECT id, name, disabled, created_at FROM domains ORDER BY created_at, id')).map(toDomain);
  }

  /** The domain, or null. Cached briefly (read on every request). */
  async get(id: string): Promise<Domain | null> {
    if (typeof id !== 'string') return null;
    const hit = this.cache.get(id);
    if (hit && hit.until > Date.now()) return hit.domain;
    const generation = this.generation;
    const row = await this.store.get<DomainRow>('SELECT id, name, disabled, created_at FROM domains WHERE id = ?', [id]);
    const domain = row ? toDomain(row) : null;
    if (generation === this.generation) {
      if (this.cache.size >= CACHE_MAX) this.cache.clear();
      this.cache.set(id, { domain, until: Date.now() + CACHE_TTL_MS });
    }
    return domain;
  }

  /** Rename and/or disable; null when there is no such domain. */
  async update(id: string, patch: components['schemas']['UpdateDomainRequest']): Promise<Domain | null> {
    const name = patch?.name === undefined ? undefined : checkName(patch.name);
    if (patch?.disabled !== undefined && typeof patch.disabled !== 'boolean') throw invalid("'disabled' must be a boolean.", 'disabled');
    const r = await this.store.writeBatch('UPDATE domains SET name = COALESCE(?, name), disabled = COALESCE(?, disabled) WHERE id = ?', [
      [name ?? null, patch?.disabled === undefined ? null : patch.disabled, id],
    ]);
    this.drop(id);
    if (r.changes === 0) return null;
    await announceChange(this.store, CHANGE_CHANNELS.domains, id, this.opts.log);
    return this.get(id);
  }
}
