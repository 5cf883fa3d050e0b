/** What handlers may use: the platform's small interfaces, never a database or an engine directly. */
import type { Config } from '../config.js';
import type { Log } from '../log.js';
import type { Metrics } from '../http/metrics.js';
import type { EngineSet } from '../engines/registry.js';
import type { Platform } from '../platform/index.js';
import type { PolicyEnforcer } from '../policy/enforcer.js';

export interface HandlerDeps {
  config: Config;
  log: Log;
  metrics: Metrics;
  platform: Platform;
  engines: EngineSet;
  enforcer: PolicyEnforcer;
}
