/**
 * The engines this process offers. llama-cpp and whisper models run in engine hosts, one child
 * process per model (engines/host/): this process never loads node-llama-cpp or the whisper binding.
 */
import type { Config } from '../config.js';
import type { Log } from '../log.js';
import { EngineSet } from './engine-set.js';
import { createEngineHosts } from './host/index.js';
import type { SupervisorCounters } from './host/supervisor.js';
import { OpenAICompatibleEngine } from './upstream/index.js';
import { OllamaEngine } from './upstream/ollama.js';

export function createEngines(config: Config, log: Log, metrics?: SupervisorCounters): EngineSet {
  const hosts = createEngineHosts(config, log, metrics);
  return new EngineSet()
    .register(hosts.llama)
    .register(new OpenAICompatibleEngine({ log, access: config.upstreams, maxEventBytes: config.streams.maxEventBytes }))
    .register(new OllamaEngine({ log, access: config.upstreams, maxEventBytes: config.streams.maxEventBytes }))
    .register(hosts.whisper);
}
