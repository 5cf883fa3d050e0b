/**
 * The embedded engines (llama.cpp, whisper.cpp), made here and nowhere else: an engine host runs
 * them in its own process, so that a native crash ends that host, never the gateway.
 */
import { cpus } from 'node:os';
import type { Log } from '../log.js';
import { EngineSet } from '../engines/engine-set.js';
import { LlamaCppEngine } from '../engines/llama-cpp/index.js';
import { WhisperEngine } from '../engines/whisper/index.js';
import type { HostConfig } from './config.js';

export interface LocalEngines {
  set: EngineSet;
  llama: LlamaCppEngine;
  whisper: WhisperEngine;
}

export function createLocalEngines(config: Pick<HostConfig, 'llama' | 'audio'>, log: Log): LocalEngines {
  const llama = new LlamaCppEngine({
    sequences: config.llama.sequences,
    queueSize: config.llama.queueSize,
    idleUnloadMs: config.llama.idleUnloadMs,
    contextSize: config.llama.contextSize,
    threads: config.llama.threads,
    log,
  });
  const whisper = new WhisperEngine(log, config.llama.threads ?? Math.max(1, cpus().length - 1), config.audio.whisperQueue);
  return { set: new EngineSet().register(llama).register(whisper), llama, whisper };
}
