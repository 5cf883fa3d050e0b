/**
 * The quick-start models. Nothing can be downloaded on a bare machine, so when the registry is empty
 * Cordon writes a tiny deterministic random-weight GGUF (demo-models/gguf.ts) and registers it as
 * `cordon-demo`, and, where the whisper.cpp binding is installed, a tiny whisper model
 * (demo-models/whisper.ts) as `cordon-demo-whisper`. They speak (and hear) nonsense; they prove the
 * plumbing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';
import type { Log } from '../log.js';
import { whisperInstalled } from '../engines/whisper/index.js';
import type { Platform } from './index.js';
import { writeDemoGguf } from './demo-models/gguf.js';
import { writeWhisperModel } from './demo-models/whisper.js';

export const DEMO_MODEL_ID = 'cordon-demo';
export const DEMO_WHISPER_ID = 'cordon-demo-whisper';

export async function ensureDemoModel(config: Config, platform: Platform, log: Log): Promise<void> {
  if ((await platform.registry.list()).length > 0) return;
  const path = join(config.dataDir, 'models', `${DEMO_MODEL_ID}.gguf`);
  if (!existsSync(path)) writeDemoGguf(path);
  await platform.registry.add({
    id: DEMO_MODEL_ID,
    engine: 'llama-cpp',
    settings: { path },
    capabilities: ['chat', 'completions', 'embeddings'],
    owned_by: 'cordon',
    domains: null,
  });
  log.info({ model: DEMO_MODEL_ID }, 'registered the demo model (tiny, random weights: it speaks nonsense)');
  if (!whisperInstalled()) return;
  const wpath = join(config.dataDir, 'models', `${DEMO_WHISPER_ID}.bin`);
  if (!existsSync(wpath)) writeWhisperModel(wpath);
  await platform.registry.add({
    id: DEMO_WHISPER_ID,
    engine: 'whisper',
    settings: { path: wpath },
    capabilities: ['transcription'],
    owned_by: 'cordon',
    domains: null,
  });
  log.info({ model: DEMO_WHISPER_ID }, 'registered the demo speech model (tiny, random weights: it hears nonsense)');
}
