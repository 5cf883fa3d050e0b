/** The platform: store, domains, keys, registry, policies, usage, stored responses. */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from './store/sqlite.js';
import type { Store } from './store/types.js';
import { DomainService } from './domains.js';
import { KeyService } from './keys.js';
import { RegistryService } from './registry.js';
import { PolicyService } from './policies.js';
import { UsageRecorder } from './usage.js';
import { ResponsesStore } from './responses-store.js';

export interface PlatformLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface Platform {
  store: Store;
  domains: DomainService;
  keys: KeyService;
  registry: RegistryService;
  policies: PolicyService;
  usage: UsageRecorder;
  responses: ResponsesStore;
  defaultDomainId: string;
  isReady(): boolean;
  close(): Promise<void>;
}

export const DEFAULT_DOMAIN = 'default';

export async function createPlatform(opts: { dataDir: string; databaseUrl?: string; adminKey?: string; log: PlatformLog }): Promise<Platform> {
  const store = openStore(opts);
  const domains = new DomainService(store);
  const keys = new KeyService(store);
  const usage = new UsageRecorder(store, { onError: (err) => opts.log.error({ err: { message: (err as Error).message } }, 'usage flush failed; will retry') });
  let ready = true;

  if (!(await domains.get(DEFAULT_DOMAIN))) await domains.create({ id: DEFAULT_DOMAIN, name: 'Default' });
  const boot = await keys.ensureBootstrapKey(DEFAULT_DOMAIN, opts.adminKey);
  if (boot.secret) {
    mkdirSync(opts.dataDir, { recursive: true });
    const path = join(opts.dataDir, 'admin.key');
    writeFileSync(path, `${boot.secret}\n`, { mode: 0o600 });
    chmodSync(path, 0o600);
    opts.log.info({ path }, 'created the superadmin key; it is in this file (readable only by this user)');
  } else if (boot.created) {
    opts.log.info({}, 'registered the superadmin key from CORDON_ADMIN_KEY');
  }

  const responses = new ResponsesStore(store);
  return {
    store,
    domains,
    keys,
    registry: new RegistryService(store),
    policies: new PolicyService(store),
    usage,
    responses,
    defaultDomainId: DEFAULT_DOMAIN,
    isReady: () => ready,
    async close() {
      ready = false;
      await usage.close();
      responses.close();
      await store.close();
    },
  };
}
