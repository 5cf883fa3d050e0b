/** The engines this process offers. */
import type { Config } from '../config.js';
import type { Log } from '../log.js';
import { EngineSet } from './engine-set.js';
import { LlamaCppEngine } from './llama-cpp/index.js';
import { OpenAICompatibleEngine } from './upstream/index.js';
import { OllamaEngine } from './upstream/ollama.js';
import { WhisperEngine } from './whisper/index.js';
import { cpus } from 'node:os';

export function createEngines(config: Config, log: Log): EngineSet {
  return new EngineSet()
    .register(
      new LlamaCppEngine({
        sequences: config.llama.sequences,
        queueSize: config.llama.queueSize,
        idleUnloadMs: config.llama.idleUnloadMs,
        contextSize: config.llama.contextSize,
        threads: config.llama.threads,
        log,
      }),
    )
    .register(new OpenAICompatibleEngine({ log, access: config.upstreams, maxEventBytes: config.streams.maxEventBytes }))
    .register(new OllamaEngine({ log, access: config.upstreams, maxEventBytes: config.streams.maxEventBytes }))
    .register(new WhisperEngine(log, config.llama.threads ?? Math.max(1, cpus().length - 1), config.audio.whisperQueue));
}
