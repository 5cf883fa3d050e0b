#!/usr/bin/env node
// Writes the demo speech model: a tiny deterministic whisper.cpp model (legacy ggml `.bin`, 32 wide,
// random weights from a fixed seed) that hears nothing but writes, the same way every time, text that
// depends on the audio. The writer is the gateway's own
// (apps/gateway/src/platform/demo-models/whisper.ts); this is its command line, on the built gateway.
//   node scripts/make-test-whisper.mjs [out.bin]
import { resolve } from 'node:path';
import { demoModels } from './demo-models.mjs';

export const { WHISPER_DIMS, buildWhisperModel, writeWhisperModel } = await demoModels('whisper');

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = resolve(process.argv[2] ?? 'data/models/cordon-whisper-demo.bin');
  writeWhisperModel(out);
  console.log(out);
}
