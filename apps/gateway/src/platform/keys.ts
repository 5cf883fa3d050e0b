/**
 * Personal access tokens: create, list, revoke, rotate, authenticate.
 *
 * A secret is `cdn_<key id>_<43 characters: base64url of 32 random bytes>`. It is shown once and
 * never stored: the table holds its SHA-256 (256 random bits need no slow KDF; a slow hash
 * protects guessable passwords, which these are not). Authentication reads the key id out of the
 * secret, loads that row, and compares the hashes with crypto.timingSafeEqual.
 *
 * The one other kind of secret is an operator-chosen superadmin key (CORDON_ADMIN_KEY, any
 * printable secret of 16+ characters). It has no id inside it, so it is found by its hash instead
 * (`secret_kind = 'opaque'`); its `prefix` shows none of its characters, since it may be short.
 *
 * Authenticated rows are cached for a few seconds, in this process only. Every write here
 * (revoke, rotate, create) drops the whole cache, so revocation and rotation take effect on the
 * next request, and announces the key's id once it has committed (change-feed.ts): every process
 * sharing the database drops that key's cache entries as soon as it hears it. CACHE_TTL_MS stays
 * as the bound when a notification is lost. Expiry and revocation are checked on every call,
 * cached or not.
 *
 * Nothing here logs or echoes a secret.
 */
import { randomBytes } from 'node:crypto';
import { sameDigest, secretDigest, secretDigestHex } from '../secret-digest.js';
import type { components } from '@cordon/contract';
import type { Store } from './store/types.js';
import { whereAll, type Condition } from './store/sql.js';
import { ForeignKeyViolation, UniqueViolation } from './store/types.js';
import { conflict, invalid, notFound, PlatformError, quote } from './errors.js';
import { errField, type PlatformLog } from './log.js';
import { deepFreeze, now, randomId } from './util.js';
import { announceChange, CHANGE_CHANNELS, followChanges } from './change-feed.js';

/** A key as the admin API shows it (never its secret). */
export type ApiKey = components['schemas']['Key'];
export type Role = ApiKey['role'];
export const ROLES: readonly Role[] = ['member', 'admin', 'superadmin'];

export type AuthFailure = 'missing' | 'malformed' | 'unknown' | 'revoked' | 'expired';
export type AuthResult = { ok: true; key: ApiKey } | { ok: false; reason: AuthFailure };

export type SecretKind = 'token' | 'opaque';

/** `cdn_` + 12-character key id + `_` + 43 base64url characters (32 bytes). */
export const TOKEN_PATTERN = /^cdn_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;
export const KEY_ID_LENGTH = 12;
/** Operator-chosen secrets: at least this long, printable ASCII without spaces (what fits a Bearer header). */
export const MIN_OPAQUE_SECRET = 16;
export const MAX_SECRET = 512;
const PRINTABLE = /^[\x21-\x7e]+$/;
const OPAQUE_PREFIX = '(custom)';
const MAX_NAME = 200;

const CACHE_TTL_MS = 2_000;
const CACHE_MAX = 10_000;
/** last_used_at is written at most this often per key. */
const TOUCH_INTERVAL_S = 60;

const COLUMNS = 'id, domain_id, name, role, prefix, secret_kind, secret_hash, bootstrap, created_at, expires_at, last_used_at, revoked_at';

interface KeyRow {
  id: string;
  domain_id: string;
  name: string;
  role: Role;
  prefix: string;
  secret_kind: SecretKind;
  secret_hash: string;
  bootstrap: number;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
  revoked_at: number | null;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function toKey(r: KeyRow): ApiKey {
  return {
    id: r.id,
    object: 'api_key',
    domain_id: r.domain_id,
    name: r.name,
    role: r.role,
    prefix: r.prefix,
    created_at: Number(r.created_at),
    expires_at: num(r.expires_at),
    last_used_at: num(r.last_used_at),
    revoked_at: num(r.revoked_at),
  };
}

/**
 * May `actor` rotate or revoke `target`? A superadmin: any key. A domain admin: member keys of its
 * own domain, and its own key; never another admin's or a superadmin's (a rotation hands over the
 * new secret, so that would let one admin take over another's key). Members: nothing.
 */
export function mayManageKey(actor: { id: string; role: Role; domain_id: string }, target: { id: string; role: Role; domain_id: string }): boolean {
  if (actor.role === 'superadmin') return true;
  if (actor.role !== 'admin' || target.domain_id !== actor.domain_id) return false;
  return target.id === actor.id || target.role === 'member';
}

/** SHA-256 of the secret, hex: what the store keeps. */
export const hashSecret = secretDigestHex;

export const newKeyId = (): string => randomId(KEY_ID_LENGTH);
export const newSecret = (keyId: string): string => `cdn_${keyId}_${randomBytes(32).toString('base64url')}`;

/** Whether a secret is acceptable as an operator-chosen key; the reason when not (never quoting it). */
export function checkOpaqueSecret(secret: string): string | null {
  if (secret.length < MIN_OPAQUE_SECRET) return `it must be at least ${MIN_OPAQUE_SECRET} characters`;
  if (secret.length > MAX_SECRET) return `it must be at most ${MAX_SECRET} characters`;
  if (!PRINTABLE.test(secret)) return 'it must be printable ASCII without spaces';
  return null;
}

export interface KeyServiceOptions {
  log?: PlatformLog;
  cacheTtlMs?: number;
  /** Keys a domain may hold that are neither revoked nor expired (CORDON_KEYS_MAX_PER_DOMAIN); creating one more is a 400. */
  maxPerDomain?: number;
}

/** The default of CORDON_KEYS_MAX_PER_DOMAIN. */
export const KEYS_MAX_PER_DOMAIN = 1000;

export interface KeyListFilter {
  domain_id?: string;
  /** Leave out the keys of this role (a domain admin does not see superadmin keys). */
  exclude_role?: Role;
  /** A key id: only the keys listed after it. */
  after?: string;
  limit?: number;
}

export interface NewKey {
  domain_id: string;
  name: string;
  role: Role;
  expires_at?: number | null;
}

export class KeyService {
  private cache = new Map<string, { row: KeyRow; key: ApiKey; digest: Buffer; until: number }>();
  /** Bumped on every write: a lookup that started before a write does not fill the cache. */
  private generation = 0;
  private touched = new Map<string, number>();
  private pendingTouches = new Set<Promise<void>>();
  /** Touches not yet written: [last_used_at, id, last_used_at] rows for touchLastUsed's next write. */
  private touches: Array<[number, string, number]> = [];
  private readonly cacheTtlMs: number;

  constructor(
    private readonly store: Store,
    private readonly opts: KeyServiceOptions = {},
  ) {
    this.cacheTtlMs = opts.cacheTtlMs ?? CACHE_TTL_MS;
  }

  /** Drop every cached key (done by every write here). */
  invalidate(): void {
    this.generation++;
    this.cache.clear();
  }

  /**
   * Drop what is cached about key `id` (announced by a write, here or in another process): its
   * entry by id, and every entry found by an operator-chosen secret's hash (few: the bootstrap
   * keys), since a new or re-registered one may share a hash with a cached revoked row.
   */
  forget(id: string): void {
    this.generation++;
    for (const [cacheKey, entry] of this.cache) {
      if (entry.row.id === id || cacheKey.startsWith('h:')) this.cache.delete(cacheKey);
    }
  }

  /** Follows the key changes of every process sharing the store (see change-feed.ts). */
  followChanges(): Promise<() => Promise<void>> {
    return followChanges(this.store, CHANGE_CHANNELS.keys, { changed: (id) => this.forget(id), missed: () => this.invalidate() });
  }

  private announce(id: string): Promise<void> {
    return announceChange(this.store, CHANGE_CHANNELS.keys, id, this.opts.log);
  }

  /** A new key; the secret is returned here and never again. */
  async create(input: NewKey): Promise<{ key: ApiKey; secret: string }> {
    const id = newKeyId();
    const secret = newSecret(id);
    const key = await this.insert(id, input, secret, 'token', false, this.opts.maxPerDomain ?? KEYS_MAX_PER_DOMAIN);
    return { key, secret };
  }

  /**
   * Register a given secret (the bootstrap superadmin key). A secret in the `cdn_` format keeps
   * its embedded id; any other must pass checkOpaqueSecret.
   */
  async register(input: NewKey, secret: string, opts: { bootstrap?: boolean } = {}): Promise<ApiKey> {
    const m = TOKEN_PATTERN.exec(secret);
    if (m) return this.insert(m[1]!, input, secret, 'token', !!opts.bootstrap);
    const problem = checkOpaqueSecret(secret);
    if (problem) throw invalid(`The secret is not acceptable: ${problem}.`, 'secret');
    return this.insert(newKeyId(), input, secret, 'opaque', !!opts.bootstrap);
  }

  /**
   * With `cap`, the row goes in only while the domain holds fewer live keys (not revoked, not
   * expired) than that, counted under the domain's lock: concurrent creations, on any instance,
   * cannot pass it together.
   * (The bootstrap keys and operator-registered secrets are not counted against it.)
   */
  private async insert(id: string, input: NewKey, secret: string, kind: SecretKind, bootstrap: boolean, cap?: number): Promise<ApiKey> {
    if (!input || typeof input !== 'object') throw invalid('A key needs a domain_id, a name and a role.', null);
    if (typeof input.domain_id !== 'string' || input.domain_id === '') throw invalid("'domain_id' is required.", 'domain_id');
    if (typeof input.name !== 'string' || input.name.trim() === '' || input.name.length > MAX_NAME) {
      throw invalid(`'name' must be a non-empty string of at most ${MAX_NAME} characters.`, 'name');
    }
    if (!ROLES.includes(input.role)) throw invalid(`'role' must be one of ${ROLES.join(', ')}.`, 'role');
    const expires = input.expires_at ?? null;
    if (expires !== null && (!Number.isSafeInteger(expires) || expires < 0)) throw invalid("'expires_at' must be a unix time in seconds, or null.", 'expires_at');
    const prefix = kind === 'token' ? secret.slice(0, 12) : OPAQUE_PREFIX;
    // Key writes are batch writes: on SQLite they commit on the writer thread, not on the event loop.
    const write = () =>
      this.store.writeBatch(`INSERT INTO api_keys (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)`, [
        [id, input.domain_id, input.name, input.role, prefix, kind, hashSecret(secret), bootstrap ? 1 : 0, now(), expires],
      ]);
    try {
      if (cap === undefined) await write();
      else {
        // Counted and written under the domain's lock: on PostgreSQL two instances could otherwise
        // both count the same keys (each sees only committed rows) and both insert.
        await this.store.withLock(`keys:${input.domain_id}`, async () => {
          const live = await this.store.get<{ n: number | string }>(
            'SELECT COUNT(*) AS n FROM api_keys WHERE domain_id = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)',
            [input.domain_id, now()],
          );
          if (Number(live?.n ?? 0) >= cap) {
            throw new PlatformError(
              400,
              `Domain ${quote(input.domain_id)} already holds ${cap} keys that are neither revoked nor expired, the most it may. Revoke keys that are no longer used, then create this one.`,
              'key_limit_reached',
              null,
            );
          }
          await write();
        });
      }
    } catch (err) {
      if (err instanceof ForeignKeyViolation) throw notFound('domain_not_found', `No domain found with id ${quote(input.domain_id)}.`, 'domain_id');
      if (err instanceof UniqueViolation) throw conflict('A key with this id or secret already exists.', 'secret');
      throw err;
    }
    this.invalidate();
    await this.announce(id);
    return (await this.get(id))!;
  }

  /**
   * Keys oldest first (by creation, then id). `after`: only keys that come after that key (a key
   * outside the filter, or none, is a 400: a cursor names a key of the same listing); `limit`: at
   * most that many. Served by the `api_keys (domain_id, created_at, id)` index.
   */
  async list(filter: KeyListFilter = {}): Promise<ApiKey[]> {
    const scope: Condition[] = [
      filter.domain_id === undefined ? null : ['domain_id = ?', filter.domain_id],
      filter.exclude_role === undefined ? null : ['role <> ?', filter.exclude_role],
    ];
    let after: Condition = null;
    if (filter.after !== undefined) {
      const inScope = whereAll([['id = ?', filter.after], ...scope]);
      const cursor = await this.store.get<Pick<KeyRow, 'created_at'>>(`SELECT created_at FROM api_keys${inScope.sql}`, inScope.params);
      if (!cursor) throw invalid(`No key ${quote(filter.after)} in this listing to list after.`, 'after');
      const t = Number(cursor.created_at);
      after = ['(created_at > ? OR (created_at = ? AND id > ?))', t, t, filter.after];
    }
    const where = whereAll([...scope, after]);
    const limit = filter.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(filter.limit))}`;
    const rows = await this.store.all<KeyRow>(`SELECT ${COLUMNS} FROM api_keys${where.sql} ORDER BY created_at, id${limit}`, where.params);
    return rows.map(toKey);
  }

  async get(id: string): Promise<ApiKey | null> {
    const row = await this.row(id);
    return row ? toKey(row) : null;
  }

  private async row(id: string): Promise<KeyRow | undefined> {
    return this.store.get<KeyRow>(`SELECT ${COLUMNS} FROM api_keys WHERE id = ?`, [id]);
  }

  /** Revoke at once (idempotent: the first revocation time stays); null when there is no such key. */
  async revoke(id: string): Promise<ApiKey | null> {
    const r = await this.store.writeBatch('UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?', [[now(), id]]);
    this.invalidate();
    if (r.changes === 0) return null;
    await this.announce(id);
    return this.get(id);
  }

  /** A new secret for the key; the old one stops working at once. Throws for an unknown or revoked key. */
  async rotate(id: string): Promise<{ key: ApiKey; secret: string }> {
    const current = await this.row(id);
    if (!current) throw notFound('key_not_found', `No key found with id ${quote(id)}.`, 'key_id');
    if (current.revoked_at !== null) throw new PlatformError(409, 'This key is revoked; create a new one instead.', 'key_revoked', 'key_id');
    const secret = newSecret(id);
    await this.store.writeBatch("UPDATE api_keys SET secret_hash = ?, secret_kind = 'token', prefix = ? WHERE id = ? AND revoked_at IS NULL", [
      [hashSecret(secret), secret.slice(0, 12), id],
    ]);
    this.invalidate();
    await this.announce(id);
    return { key: (await this.get(id))!, secret };
  }

  /**
   * Who is calling. Never throws because of `secret`, whatever it is (any type, length or
   * encoding), and never logs it. Marks the key used (throttled, off the request path) when it
   * succeeds. Only a failing store makes it throw: an outage must not look like a wrong key.
   */
  async authenticate(secret: unknown): Promise<AuthResult> {
    try {
      return await this.check(secret);
    } catch (err) {
      this.opts.log?.error({ err: errField(err) }, 'key lookup failed');
      throw new Error('The key store is unavailable.');
    }
  }

  private async check(secret: unknown): Promise<AuthResult> {
    if (typeof secret !== 'string' || secret.length === 0) return { ok: false, reason: 'missing' };
    if (secret.length > MAX_SECRET || !PRINTABLE.test(secret)) return { ok: false, reason: 'malformed' };
    const token = TOKEN_PATTERN.exec(secret);
    if (!token && secret.length < MIN_OPAQUE_SECRET) return { ok: false, reason: 'malformed' };
    const digest = secretDigest(secret);
    const found = token ? await this.byId(token[1]!) : await this.byOpaqueHash(digest.toString('hex'));
    if (!found || !sameDigest(found.digest, digest)) return { ok: false, reason: 'unknown' };
    const t = now();
    if (found.row.revoked_at !== null) return { ok: false, reason: 'revoked' };
    if (found.row.expires_at !== null && Number(found.row.expires_at) <= t) return { ok: false, reason: 'expired' };
    this.touchLastUsed(found.row.id, t);
    return { ok: true, key: found.key };
  }

  private async byId(id: string) {
    return this.cached(`t:${id}`, async () => {
      const row = await this.row(id);
      return row && row.secret_kind === 'token' ? row : undefined;
    });
  }

  private async byOpaqueHash(hash: string) {
    return this.cached(`h:${hash}`, async () => {
      // A live key first; otherwise a revoked one, so the caller hears 'revoked' rather than 'unknown'.
      const rows = await this.store.all<KeyRow>(
        `SELECT ${COLUMNS} FROM api_keys WHERE secret_hash = ? AND secret_kind = 'opaque' ORDER BY CASE WHEN revoked_at IS NULL THEN 0 ELSE 1 END, id LIMIT 10`,
        [hash],
      );
      return rows.find((r) => r.revoked_at === null) ?? rows[0];
    });
  }

  private async cached(cacheKey: string, load: () => Promise<KeyRow | undefined>) {
    const hit = this.cache.get(cacheKey);
    if (hit && hit.until > Date.now()) return hit;
    const generation = this.generation;
    const row = await load();
    if (!row) return undefined;
    const entry = {
      row: { ...row, revoked_at: num(row.revoked_at), expires_at: num(row.expires_at) },
      key: deepFreeze(toKey(row)),
      digest: Buffer.from(row.secret_hash, 'hex'), // decoded once, for every request's comparison
      until: Date.now() + this.cacheTtlMs,
    };
    if (generation === this.generation) {
      if (this.cache.size >= CACHE_MAX) this.cache.clear();
      this.cache.set(cacheKey, entry);
    }
    return entry;
  }

  /**
   * Record that the key was used: at most once a minute per key, written after the request moves on.
   * The touches of one event-loop turn are written together by one writeBatch (on SQLite: one commit
   * on the writer thread, so that a gateway serving many keys makes no commit per key on the event loop).
   */
  touchLastUsed(id: string, at: number = now()): void {
    const last = this.touched.get(id);
    if (last !== undefined && at - last < TOUCH_INTERVAL_S) return;
    if (this.touched.size >= CACHE_MAX) this.touched.clear();
    this.touched.set(id, at);
    this.touches.push([at, id, at]);
    if (this.touches.length > 1) return; // a write of this turn's touches is already on its way
    const p = new Promise<void>((resolve) => setImmediate(resolve))
      .then(async () => {
        const rows = this.touches;
        this.touches = [];
        if (this.store.closed) return;
        await this.store.writeBatch('UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)', rows);
      })
      .catch((err) => this.opts.log?.warn({ err: errField(err) }, 'could not record last_used_at'))
      .finally(() => this.pendingTouches.delete(p));
    this.pendingTouches.add(p);
  }

  // ---- for bootstrap

  /** The live bootstrap superadmin keys (normally one). */
  async liveBootstrapKeys(): Promise<Array<ApiKey & { secret_kind: SecretKind }>> {
    const rows = await this.store.all<KeyRow>(`SELECT ${COLUMNS} FROM api_keys WHERE bootstrap = 1 AND revoked_at IS NULL ORDER BY created_at, id`);
    return rows.map((r) => ({ ...toKey(r), secret_kind: r.secret_kind }));
  }

  /** Whether `secret` is the key's current secret (constant-time). */
  async hasSecret(id: string, secret: string): Promise<boolean> {
    const row = await this.row(id);
    return !!row && sameDigest(Buffer.from(row.secret_hash, 'hex'), secretDigest(secret));
  }

  /** Waits for pending last_used_at writes. */
  async close(): Promise<void> {
    while (this.pendingTouches.size > 0) await Promise.allSettled([...this.pendingTouches]);
  }
}
