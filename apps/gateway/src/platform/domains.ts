/** Domains (tenants): create, list, get, rename, disable. */
import type { Store } from './store/types.js';
import { conflict, invalid, now } from './errors.js';

export interface Domain {
  id: string;
  object: 'domain';
  name: string;
  disabled: boolean;
  created_at: number;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

interface DomainRow {
  id: string;
  name: string;
  disabled: number;
  created_at: number;
}

const toDomain = (r: DomainRow): Domain => ({ id: r.id, object: 'domain', name: r.name, disabled: !!r.disabled, created_at: r.created_at });

export function slugify(name: string): string {
  const s = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63);
  return SLUG.test(s) ? s : `d-${Date.now().toString(36)}`;
}

export class DomainService {
  /** Domains are read on every request: a small cache, dropped on every write. */
  private cache = new Map<string, { d: Domain | null; at: number }>();

  constructor(private readonly store: Store) {}

  async create(input: { id?: string; name: string }): Promise<Domain> {
    const id = input.id ?? slugify(input.name);
    if (!SLUG.test(id)) throw invalid('A domain id is 1-63 lowercase letters, digits and dashes, starting with a letter or digit.', 'id');
    if (await this.get(id)) throw conflict(`A domain with id '${id}' already exists.`, 'id');
    await this.store.run('INSERT INTO domains (id, name, disabled, created_at) VALUES (?, ?, 0, ?)', [id, input.name, now()]);
    this.cache.delete(id);
    return (await this.get(id))!;
  }

  async list(): Promise<Domain[]> {
    return (await this.store.all<DomainRow>('SELECT * FROM domains ORDER BY created_at, id')).map(toDomain);
  }

  async get(id: string): Promise<Domain | null> {
    const hit = this.cache.get(id);
    if (hit && Date.now() - hit.at < 2000) return hit.d; // short TTL: instances sharing a store converge
    const row = await this.store.get<DomainRow>('SELECT * FROM domains WHERE id = ?', [id]);
    const d = row ? toDomain(row) : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(id, { d, at: Date.now() });
    return d;
  }

  async update(id: string, patch: { name?: string; disabled?: boolean }): Promise<Domain | null> {
    if (!(await this.get(id))) return null;
    if (patch.name !== undefined) await this.store.run('UPDATE domains SET name = ? WHERE id = ?', [patch.name, id]);
    if (patch.disabled !== undefined) await this.store.run('UPDATE domains SET disabled = ? WHERE id = ?', [patch.disabled ? 1 : 0, id]);
    this.cache.delete(id);
    return this.get(id);
  }
}
