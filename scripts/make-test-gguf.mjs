#!/usr/bin/env node
// Writes the demo model: a tiny deterministic GGUF v3 (llama architecture, 64 wide, 2 layers, f32
// random weights from a fixed seed) with a byte-level BPE vocabulary, the ChatML special tokens and a
// ChatML chat template. The writer is the gateway's own (apps/gateway/src/platform/demo-models/gguf.ts,
// which the quick start uses); this is its command line, on the built gateway.
//   node scripts/make-test-gguf.mjs [out.gguf] [--omit KEY]   (--omit writes a broken file for tests)
import { resolve } from 'node:path';
import { demoModels } from './demo-models.mjs';

export const { buildDemoGguf, writeDemoGguf } = await demoModels('gguf');

if (import.meta.url === `file://${resolve(process.argv[1] ?? '')}`) {
  const args = process.argv.slice(2);
  const omit = [];
  for (let i = args.indexOf('--omit'); i >= 0; i = args.indexOf('--omit')) omit.push(...args.splice(i, 2).slice(1));
  const out = args[0] ?? 'data/models/cordon-demo.gguf';
  writeDemoGguf(out, { omit });
  console.log(`wrote ${out}`);
}
