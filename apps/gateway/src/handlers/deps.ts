/** What handlers may use: the platform's small interfaces, never a database or an engine directly. */
import type { Config } from '../config.js';
import type { Log } from '../log.js';
import type { Metrics } from '../http/metrics.js';
import type { EngineSet } from '../engines/engine-set.js';
import type { Platform } from '../platform/index.js';
import type { PolicyEnforcer } from '../policy/enforcer.js';
import type { Handlers } from '@cordon/server-kit';
import type { RequestContext } from '../http/request-context.js';

/** The gateway's handler slots: each takes the request, the response and the RequestContext. */
export type GatewayHandlers = Handlers<RequestContext>;

export interface HandlerDeps {
  config: Config;
  log: Log;
  metrics: Metrics;
  platform: Platform;
  engines: EngineSet;
  enforcer: PolicyEnforcer;
}
