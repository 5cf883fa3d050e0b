/**
 * The platform: the store and the services the handlers use (domains, keys, the model registry,
 * policies, usage, stored responses, guardrail violations). No HTTP in here.
 */
import { join } from 'node:path';
import { openStore } from './store/index.js';
import type { Store } from './store/types.js';
import { DomainService } from './domains.js';
import { KeyService } from './keys.js';
import { RegistryService } from './registry.js';
import { PolicyService } from './policies.js';
import { UsageRecorder } from './usage.js';
import { ResponsesStore } from './responses-store.js';
import { ViolationLog } from './violations.js';
import { RetentionPruner } from './retention.js';
import { bootstrapPlatform, DEFAULT_DOMAIN } from './bootstrap.js';
import { errField, type PlatformLog } from './log.js';
import type { Config } from '../config.js';

export type { PlatformLog } from './log.js';
export type { Store, StoreKind, Row, Param } from './store/types.js';
export { StoreError } from './store/types.js';
export { openStore, toNumberedPlaceholders, type OpenStoreOptions } from './store/index.js';
export { PlatformError, type PlatformErrorCode } from './errors.js';
export { DomainService, slugify, DOMAIN_ID, type Domain } from './domains.js';
export { KeyService, hashSecret, TOKEN_PATTERN, type ApiKey, type AuthResult, type AuthFailure, type NewKey, type Role } from './keys.js';
export { RegistryService, validateModel, asRegistryModel, type NewModel, type ModelPatch, type RegistryModel } from './registry.js';
export {
  PolicyService,
  defaultPolicy,
  mergePolicy,
  fullPolicy,
  type Policy,
  type PolicyInput,
  type VersionedPolicy,
  type PiiAction,
  type PiiPolicy,
  type GuardrailPattern,
  type RateLimits,
} from './policies.js';
export { UsageRecorder, type UsageRecord, type UsageQuery, type UsageReport, type UsageReportRow, type UsageGroup } from './usage.js';
export { ResponsesStore, type StoredResponse, type NewStoredResponse } from './responses-store.js';
export { ViolationLog, type GuardrailViolation, type ViolationCount } from './violations.js';
export { RetentionPruner, type RetentionOptions, type PruneResult } from './retention.js';
export { bootstrapPlatform, DEFAULT_DOMAIN, ADMIN_KEY_FILE, type BootstrapOptions, type BootstrapResult } from './bootstrap.js';

export interface Platform {
  store: Store;
  domains: DomainService;
  keys: KeyService;
  registry: RegistryService;
  policies: PolicyService;
  usage: UsageRecorder;
  responses: ResponsesStore;
  violations: ViolationLog;
  /** Deletes usage and violation records past their retention. */
  retention: RetentionPruner;
  /** The domain made at first start ('default'): the bootstrap superadmin key lives in it. */
  defaultDomainId: string;
  /** Where the generated superadmin key is, when that is the superadmin key in use. */
  adminKeyPath?: string;
  /** False once close() has begun. */
  isReady(): boolean;
  /** Writes what is buffered (usage, violations, last-used times) and closes the store. Idempotent. */
  close(): Promise<void>;
}

export interface CreatePlatformOptions {
  dataDir: string;
  /** CORDON_DATABASE_URL: unset or 'sqlite:' (the embedded SQLite file in dataDir), or postgres://... */
  databaseUrl?: string;
  /** CORDON_DATABASE_POOL: PostgreSQL connections per instance (default: that variable, else 10). */
  databasePoolSize?: number;
  /** CORDON_ADMIN_KEY. */
  adminKey?: string;
  /** Retention and storage caps (config.retention). Absent: each service's defaults, and no pruning job. */
  retention?: Config['retention'];
  log: PlatformLog;
}

export async function createPlatform(opts: CreatePlatformOptions): Promise<Platform> {
  const { log } = opts;
  const store = await openStore({ dataDir: opts.dataDir, databaseUrl: opts.databaseUrl, poolSize: opts.databasePoolSize, log });
  const domains = new DomainService(store, { log });
  const keys = new KeyService(store, { log, maxPerDomain: opts.retention?.keysMaxPerDomain });
  const registry = new RegistryService(store, { log });
  const policies = new PolicyService(store, { log });
  let boot;
  try {
    // Changes made by any instance sharing the store reach these services at once (change-feed.ts).
    await Promise.all([domains.followChanges(), keys.followChanges(), registry.followChanges(), policies.followChanges()]);
    boot = await bootstrapPlatform({ store, dataDir: opts.dataDir, adminKey: opts.adminKey, log });
    keys.invalidate();
  } catch (err) {
    await store.close();
    throw err;
  }
  const r = opts.retention;
  let usage: UsageRecorder;
  try {
    // Usage records are spooled in the data directory until committed; what a killed process left
    // there is written before serving.
    usage = new UsageRecorder(store, { log, maxReportRows: r?.usageReportMaxRows, spoolDir: join(opts.dataDir, 'spool', 'usage') });
    await usage.recover();
  } catch (err) {
    await store.close();
    throw err;
  }
  const violations = new ViolationLog(store, { log });
  const responses = new ResponsesStore(store, {
    log,
    ttlSeconds: r && r.responsesTtlDays * 86_400,
    maxPerDomain: r?.responsesMaxPerDomain,
    maxBytesPerDomain: r?.responsesMaxBytesPerDomain,
    maxBytes: r?.responseMaxBytes,
  });
  const retention = new RetentionPruner(store, { usageDays: r?.usageDays ?? 0, violationsDays: r?.violationsDays ?? 0, deadKeysDays: r?.deadKeysDays ?? 0, intervalMs: r?.pruneIntervalMs ?? 0, log });
  let ready = true;
  let closing: Promise<void> | null = null;

  const close = async () => {
    ready = false;
    responses.close();
    await retention.close();
    const errors: unknown[] = [];
    for (const step of [() => usage.close(), () => violations.close(), () => keys.close()]) {
      try {
        await step();
      } catch (err) {
        errors.push(err);
      }
    }
    await store.close();
    if (errors.length > 0) {
      log.error({ err: errField(errors[0]) }, 'the platform closed with unwritten records');
      throw errors[0];
    }
  };

  return {
    store,
    domains,
    keys,
    registry,
    policies,
    usage,
    responses,
    violations,
    retention,
    defaultDomainId: boot.defaultDomainId ?? DEFAULT_DOMAIN,
    ...(boot.adminKeyPath ? { adminKeyPath: boot.adminKeyPath } : {}),
    isReady: () => ready,
    close: () => (closing ??= close()),
  };
}
