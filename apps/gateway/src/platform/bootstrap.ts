/**
 * First start, and every start after: the `default` domain and one superadmin key.
 *
 * - CORDON_ADMIN_KEY set: that exact secret is the superadmin key (stored hashed like any other).
 *   When it differs from the one registered before, the new one replaces the old: the old
 *   bootstrap key is revoked, and a generated admin.key file (now useless) is removed.
 * - Not set, and no superadmin bootstrap key yet: one is generated and written to
 *   `<dataDir>/admin.key` (mode 0600). The log says where the key is, never what it is.
 * - Not set, and a bootstrap key exists: nothing changes (a key registered from CORDON_ADMIN_KEY
 *   earlier stays valid until it is revoked or replaced).
 *
 * All of it runs in one transaction, under the `cordon:bootstrap` lock, so instances starting at
 * once (on one PostgreSQL database, or one SQLite file) cannot both make a key: the second finds
 * the first's. (With PostgreSQL and several data directories, only the instance that generated the
 * key has admin.key; the others warn that it is missing: set CORDON_ADMIN_KEY for such a fleet.)
 */
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from './store/types.js';
import { DomainService } from './domains.js';
import { checkOpaqueSecret, KeyService, newKeyId, newSecret, TOKEN_PATTERN } from './keys.js';
import { PlatformError } from './errors.js';
import type { PlatformLog } from './log.js';
import { randomId } from './util.js';

export const DEFAULT_DOMAIN = 'default';
export const ADMIN_KEY_FILE = 'admin.key';
export const BOOTSTRAP_LOCK = 'cordon:bootstrap';

export interface BootstrapOptions {
  store: Store;
  dataDir: string;
  /** CORDON_ADMIN_KEY: the superadmin secret to register (16+ printable characters). */
  adminKey?: string;
  log: PlatformLog;
  /** The services to use (new ones over `store` when absent). */
}

export interface BootstrapResult {
  defaultDomainId: string;
  /** Where the generated superadmin key is, when the superadmin key in use is the generated one. */
  adminKeyPath?: string;
}

/** Write a secret file readable only by this user, atomically (a temp file renamed over the old one). */
function writeSecretFile(path: string, secret: string): void {
  const tmp = `${path}.${randomId(8)}.tmp`;
  try {
    writeFileSync(tmp, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(tmp, 0o600);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

export async function bootstrapPlatform(opts: BootstrapOptions): Promise<BootstrapResult> {
  const { store, log } = opts;
  const keyPath = join(opts.dataDir, ADMIN_KEY_FILE);
  const adminKey = opts.adminKey === '' ? undefined : opts.adminKey;
  if (adminKey !== undefined && !TOKEN_PATTERN.test(adminKey)) {
    const problem = checkOpaqueSecret(adminKey);
    if (problem) throw new Error(`CORDON_ADMIN_KEY is not acceptable: ${problem}.`);
  }

  const result: BootstrapResult & { removeKeyFile?: boolean } = await store.withLock(BOOTSTRAP_LOCK, () => bootstrapLocked(store, log, keyPath, adminKey));
  // After the commit: a generated key's file is useless once CORDON_ADMIN_KEY has replaced it.
  if (result.removeKeyFile && existsSync(keyPath)) {
    rmSync(keyPath, { force: true });
    log.info({ path: keyPath }, 'removed the file of the replaced superadmin key');
  }
  return { defaultDomainId: result.defaultDomainId, ...(result.adminKeyPath ? { adminKeyPath: result.adminKeyPath } : {}) };
}

function bootstrapLocked(store: Store, log: PlatformLog, keyPath: string, adminKey: string | undefined): Promise<BootstrapResult & { removeKeyFile?: boolean }> {
  return store.withTransaction(async (tx) => {
    // Services bound to the transaction's handle: their statements run inside it.
    const domains = new DomainService(tx);
    const keys = new KeyService(tx, { log });
    if (!(await domains.get(DEFAULT_DOMAIN))) await domains.create({ id: DEFAULT_DOMAIN, name: 'Default' });
    const live = await keys.liveBootstrapKeys();

    if (adminKey !== undefined) {
      let current: string | null = null;
      for (const k of live) if (await keys.hasSecret(k.id, adminKey)) current = k.id;
      for (const k of live) if (k.id !== current) await keys.revoke(k.id);
      if (current) return { defaultDomainId: DEFAULT_DOMAIN };
      try {
        await keys.register({ domain_id: DEFAULT_DOMAIN, name: 'superadmin (CORDON_ADMIN_KEY)', role: 'superadmin' }, adminKey, { bootstrap: true });
      } catch (err) {
        if (err instanceof PlatformError && err.code === 'already_exists') {
          throw new Error('CORDON_ADMIN_KEY is the secret (or key id) of another key already; choose a different secret.');
        }
        throw err;
      }
      log.info(
        { replaced: live.length },
        live.length > 0 ? 'CORDON_ADMIN_KEY changed: registered the new superadmin key and revoked the previous one' : 'registered the superadmin key from CORDON_ADMIN_KEY',
      );
      return { defaultDomainId: DEFAULT_DOMAIN, removeKeyFile: true };
    }

    if (live.length > 0) {
      const generated = live.find((k) => k.secret_kind === 'token');
      if (!generated) {
        log.info({}, 'CORDON_ADMIN_KEY is not set; the superadmin key registered from it earlier stays valid');
        return { defaultDomainId: DEFAULT_DOMAIN };
      }
      let inFile: string | null = null;
      try {
        inFile = readFileSync(keyPath, 'utf8').trim();
      } catch {
        inFile = null;
      }
      if (inFile !== null && (await keys.hasSecret(generated.id, inFile))) return { defaultDomainId: DEFAULT_DOMAIN, adminKeyPath: keyPath };
      log.warn(
        { path: keyPath },
        'the superadmin key file is missing or does not hold the current superadmin key; set CORDON_ADMIN_KEY to register a new superadmin key',
      );
      return { defaultDomainId: DEFAULT_DOMAIN };
    }

    const secret = newSecret(newKeyId());
    await keys.register({ domain_id: DEFAULT_DOMAIN, name: 'superadmin (generated)', role: 'superadmin' }, secret, { bootstrap: true });
    // Written before the transaction commits: if the file cannot be written, no key is made.
    writeSecretFile(keyPath, secret);
    log.info({ path: keyPath }, 'created the superadmin key; it is in this file, readable only by this user');
    return { defaultDomainId: DEFAULT_DOMAIN, adminKeyPath: keyPath };
  });
}
