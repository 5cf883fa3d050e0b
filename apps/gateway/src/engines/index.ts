/** The engines this process offers. */
import type { Config } from '../config.js';
import type { Log } from '../log.js';
import { EngineSet } from './registry.js';

export function createEngines(_config: Config, _log: Log): EngineSet {
  return new EngineSet();
}
