/**
 * What handlers may use: small interfaces, never a database or an engine directly. The inference
 * handlers and the pipeline take `HandlerDeps` (a model catalog, an admitter, a usage sink), which
 * both the gateway and an engine host (engine-host/) satisfy; the admin and Responses handlers
 * need the gateway's whole platform (`GatewayDeps`).
 */
import type { Config } from '../config.js';
import type { Log } from '../log.js';
import type { Metrics } from '../http/metrics.js';
import type { EngineSet } from '../engines/engine-set.js';
import type { ModelEntry } from '../engines/types.js';
import type { Platform, UsageRecord } from '../platform/index.js';
import type { PolicyEnforcer } from '../policy/enforcer.js';
import type { Handlers } from '@cordon/server-kit';
import type { RequestContext } from '../http/request-context.js';

/** The gateway's handler slots: each takes the request, the response and the RequestContext. */
export type GatewayHandlers = Handlers<RequestContext>;

/** The settings the inference handlers, the pipeline and the server kit's adapters read. */
export type HandlerConfig = Pick<Config, 'requestCaps' | 'streams' | 'ffmpeg' | 'audio' | 'requestTimeoutMs' | 'bodyLimit' | 'fileLimit' | 'multipart' | 'validateResponses'>;

/** The models a caller's domain may use: the gateway's registry, or an engine host's static list. */
export interface ModelCatalog {
  getForDomain(id: string, domainId: string): Promise<ModelEntry | null>;
  listForDomain(domainId: string): Promise<ModelEntry[]>;
}

/** Where one usage record per inference request goes: the gateway's usage store, or nowhere. */
export interface UsageSink {
  /** The request id is for a sink that looks records up by it (an engine host's); the gateway's store ignores it. */
  record(rec: UsageRecord, requestId: string): void;
}

/** Admission of a request before the engine (input guardrails, limits) and its violations. */
export interface Admitter {
  admit: PolicyEnforcer['admit'];
  violation: PolicyEnforcer['violation'];
  blameCrash: PolicyEnforcer['blameCrash'];
}

/** The request and token counters (the gateway's /metrics). */
export type RequestMetrics = Pick<Metrics, 'observe' | 'countTokens'>;

export interface HandlerDeps {
  config: HandlerConfig;
  log: Log;
  metrics: RequestMetrics;
  platform: { registry: ModelCatalog; usage: UsageSink };
  engines: EngineSet;
  enforcer: Admitter;
}

/** The gateway's own: its whole platform (keys, domains, stored responses) and policy enforcer. */
export interface GatewayDeps extends HandlerDeps {
  config: Config;
  metrics: Metrics;
  platform: Platform;
  enforcer: PolicyEnforcer;
}
