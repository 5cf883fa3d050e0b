/**
 * Personal access tokens. The secret is shown once and stored only as a SHA-256 hash (the secrets
 * are 256-bit random, so a fast hash is the right tool; a slow KDF protects low-entropy passwords,
 * which these are not). Lookup is by hash; the comparison of the stored and computed hashes is
 * constant-time. Nothing here logs a secret.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from './store/types.js';
import { invalid, now } from './errors.js';

export type Role = 'member' | 'admin' | 'superadmin';

export interface ApiKey {
  id: string;
  object: 'api_key';
  domain_id: string;
  name: string;
  role: Role;
  prefix: string;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
  revoked_at: number | null;
}

interface KeyRow extends Omit<ApiKey, 'object'> {
  secret_hash: string;
  bootstrap: number;
}

export type AuthResult = { ok: true; key: ApiKey } | { ok: false; reason: 'missing' | 'malformed' | 'unknown' | 'revoked' | 'expired' };

const ROLES: Role[] = ['member', 'admin', 'superadmin'];
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const MAX_SECRET = 512;

export const hashSecret = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

function newId(): string {
  const bytes = randomBytes(12);
  let id = '';
  for (const b of bytes) id += ID_ALPHABET[b % ID_ALPHABET.length];
  return id;
}

export const newSecret = (id: string) => `cdn_${id}_${randomBytes(32).toString('base64url')}`;

const toKey = (r: KeyRow): ApiKey => ({
  id: r.id,
  object: 'api_key',
  domain_id: r.domain_id,
  name: r.name,
  role: r.role,
  prefix: r.prefix,
  created_at: r.created_at,
  expires_at: r.expires_at ?? null,
  last_used_at: r.last_used_at ?? null,
  revoked_at: r.revoked_at ?? null,
});

export class KeyService {
  /** last_used_at is written at most once a minute per key, off the request's critical path. */
  private lastTouched = new Map<string, number>();

  constructor(private readonly store: Store) {}

  async create(input: { domain_id: string; name: string; role: Role; expires_at?: number | null }, secret?: string, bootstrap = false): Promise<{ key: ApiKey; secret: string }> {
    if (!ROLES.includes(input.role)) throw invalid(`'role' must be one of ${ROLES.join(', ')}.`, 'role');
    const id = newId();
    const s = secret ?? newSecret(id);
    await this.store.run(
      'INSERT INTO api_keys (id, domain_id, name, role, prefix, secret_hash, bootstrap, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [id, input.domain_id, input.name, input.role, s.slice(0, 12), hashSecret(s), bootstrap ? 1 : 0, now(), input.expires_at ?? null],
    );
    return { key: (await this.get(id))!, secret: s };
  }

  async list(filter: { domain_id?: string } = {}): Promise<ApiKey[]> {
    const rows = filter.domain_id
      ? await this.store.all<KeyRow>('SELECT * FROM api_keys WHERE domain_id = ? ORDER BY created_at, id', [filter.domain_id])
      : await this.store.all<KeyRow>('SELECT * FROM api_keys ORDER BY created_at, id');
    return rows.map(toKey);
  }

  async get(id: string): Promise<ApiKey | null> {
    const row = await this.store.get<KeyRow>('SELECT * FROM api_keys WHERE id = ?', [id]);
    return row ? toKey(row) : null;
  }

  async revoke(id: string): Promise<ApiKey | null> {
    await this.store.run('UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?', [now(), id]);
    return this.get(id);
  }

  async rotate(id: string): Promise<{ key: ApiKey; secret: string }> {
    const secret = newSecret(id);
    await this.store.run('UPDATE api_keys SET secret_hash = ?, prefix = ? WHERE id = ?', [hashSecret(secret), secret.slice(0, 12), id]);
    return { key: (await this.get(id))!, secret };
  }

  /** Never throws on any input; never logs it. */
  async authenticate(secret: unknown): Promise<AuthResult> {
    if (typeof secret !== 'string' || secret.length === 0) return { ok: false, reason: 'missing' };
    if (secret.length > MAX_SECRET || !/^[\x21-\x7e]+$/.test(secret)) return { ok: false, reason: 'malformed' };
    const hash = hashSecret(secret);
    const row = await this.store.get<KeyRow>('SELECT * FROM api_keys WHERE secret_hash = ?', [hash]);
    if (!row || !timingSafeEqual(Buffer.from(row.secret_hash, 'hex'), Buffer.from(hash, 'hex'))) return { ok: false, reason: 'unknown' };
    if (row.revoked_at !== null && row.revoked_at !== undefined) return { ok: false, reason: 'revoked' };
    const t = now();
    if (row.expires_at !== null && row.expires_at !== undefined && row.expires_at <= t) return { ok: false, reason: 'expired' };
    this.touch(row.id, t);
    return { ok: true, key: toKey(row) };
  }

  private touch(id: string, t: number): void {
    const last = this.lastTouched.get(id) ?? 0;
    if (t - last < 60) return;
    this.lastTouched.set(id, t);
    setImmediate(() => {
      this.store.run('UPDATE api_keys SET last_used_at = ? WHERE id = ?', [t, id]).catch(() => {});
    });
  }

  /** The bootstrap superadmin key: registered from CORDON_ADMIN_KEY or generated; replaced when the configured one changes. */
  async ensureBootstrapKey(domainId: string, configured: string | undefined): Promise<{ secret?: string; created: boolean }> {
    const existing = await this.store.get<KeyRow>('SELECT * FROM api_keys WHERE bootstrap = 1 AND revoked_at IS NULL');
    if (configured) {
      if (configured.length < 16) throw new Error('CORDON_ADMIN_KEY must be at least 16 characters');
      const hash = hashSecret(configured);
      if (existing && existing.secret_hash === hash) return { created: false };
      if (existing) await this.store.run('UPDATE api_keys SET revoked_at = ? WHERE id = ?', [now(), existing.id]);
      await this.create({ domain_id: domainId, name: 'superadmin (CORDON_ADMIN_KEY)', role: 'superadmin' }, configured, true);
      return { created: true };
    }
    if (existing) return { created: false };
    const { secret } = await this.create({ domain_id: domainId, name: 'superadmin (bootstrap)', role: 'superadmin' }, undefined, true);
    return { secret, created: true };
  }
}
