/**
 * The quick-start models. Nothing can be downloaded on a bare machine, so when the registry is empty
 * Cordon writes a tiny deterministic random-weight GGUF (demo-models/gguf.ts) and registers it as
 * `cordon-demo`, and, where the whisper.cpp binding is installed, a tiny whisper model
 * (demo-models/whisper.ts) as `cordon-demo-whisper`. They speak (and hear) nonsense; they prove the
 * plumbing.
 *
 * Instances starting at once on one database: the registration runs under the `cordon:demo-models`
 * lock, so one registers and the others find a registry that is not empty; and a model registered
 * meanwhile by anyone else (a 409 on the insert) counts as done.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';
import type { Log } from '../log.js';
import { whisperInstalled } from '../engines/whisper/index.js';
import { PlatformError } from './errors.js';
import type { Platform } from './index.js';
import type { NewModel } from './registry.js';
import { writeDemoGguf } from './demo-models/gguf.js';
import { writeWhisperModel } from './demo-models/whisper.js';

export const DEMO_MODEL_ID = 'cordon-demo';
export const DEMO_WHISPER_ID = 'cordon-demo-whisper';
export const DEMO_MODELS_LOCK = 'cordon:demo-models';

/** Registers a model; false when one with its id exists already (another instance was first). */
async function addOnce(platform: Platform, model: NewModel): Promise<boolean> {
  try {
    await platform.registry.add(model);
    return true;
  } catch (err) {
    if (err instanceof PlatformError && err.code === 'already_exists') return false;
    throw err;
  }
}

export function ensureDemoModel(config: Config, platform: Platform, log: Log): Promise<void> {
  return platform.store.withLock(DEMO_MODELS_LOCK, () => ensureDemoModelLocked(config, platform, log));
}

async function ensureDemoModelLocked(config: Config, platform: Platform, log: Log): Promise<void> {
  if ((await platform.registry.list()).length > 0) return;
  const path = join(config.dataDir, 'models', `${DEMO_MODEL_ID}.gguf`);
  if (!existsSync(path)) writeDemoGguf(path);
  const added = await addOnce(platform, {
    id: DEMO_MODEL_ID,
    engine: 'llama-cpp',
    settings: { path },
    capabilities: ['chat', 'completions', 'embeddings'],
    owned_by: 'cordon',
    domains: null,
  });
  if (added) log.info({ model: DEMO_MODEL_ID }, 'registered the demo model (tiny, random weights: it speaks nonsense)');
  if (!whisperInstalled()) return;
  const wpath = join(config.dataDir, 'models', `${DEMO_WHISPER_ID}.bin`);
  if (!existsSync(wpath)) writeWhisperModel(wpath);
  const addedWhisper = await addOnce(platform, {
    id: DEMO_WHISPER_ID,
    engine: 'whisper',
    settings: { path: wpath },
    capabilities: ['transcription'],
    owned_by: 'cordon',
    domains: null,
  });
  if (addedWhisper) log.info({ model: DEMO_WHISPER_ID }, 'registered the demo speech model (tiny, random weights: it hears nonsense)');
}
