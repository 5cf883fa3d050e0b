/** Engine hosts: the supervised child processes that run llama-cpp and whisper models (supervisor.ts, engine.ts). */
import type { Config } from '../../config.js';
import type { Log } from '../../log.js';
import { hostConfigOf } from '../../engine-host/config.js';
import { PoolSet } from '../upstream/pools.js';
import { EngineHostEngine } from './engine.js';
import { EngineHostSupervisor, type SupervisorCounters } from './supervisor.js';

export { EngineHostEngine, EngineHostExitedError } from './engine.js';
export { EngineHostSupervisor, hostEntry, hostModelOf, type EngineHostEndpoint, type HostModelEntry, type SupervisorOptions } from './supervisor.js';

export interface EngineHosts {
  llama: EngineHostEngine;
  whisper: EngineHostEngine;
  supervisor: EngineHostSupervisor;
}

/** The two host engines of a gateway, sharing one supervisor and one set of socket pools. */
export function createEngineHosts(config: Config, log: Log, metrics?: SupervisorCounters, entry?: string): EngineHosts {
  const pools = new PoolSet({ connections: 256 });
  const supervisor = new EngineHostSupervisor({
    log,
    hostConfig: hostConfigOf(config),
    entry,
    metrics,
    ...config.engineHosts,
    shutdownTimeoutMs: config.shutdownTimeoutMs,
    onRetired: (socketPath) => void pools.closeSocket(socketPath),
  });
  let closing: Promise<void> | null = null;
  const closeShared = () =>
    (closing ??= (async () => {
      await supervisor.close();
      await pools.close();
    })());
  const opts = { supervisor, pools, log, maxEventBytes: config.streams.maxEventBytes, closeShared };
  return { llama: new EngineHostEngine('llama-cpp', opts), whisper: new EngineHostEngine('whisper', opts), supervisor };
}
