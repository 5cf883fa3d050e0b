// The gateway writes its quick-start models itself (src/platform/demo-models/); the scripts write
// the same models for tests and benchmarks. They must stay byte for byte the same.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildDemoGguf } from '../../src/platform/demo-models/gguf.js';
import { buildWhisperModel } from '../../src/platform/demo-models/whisper.js';
import { buildDemoGguf as scriptGguf } from '../../../../scripts/make-test-gguf.mjs';
import { buildWhisperModel as scriptWhisper } from '../../../../scripts/make-test-whisper.mjs';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('demo models', () => {
  it('the gateway writes the same GGUF as scripts/make-test-gguf.mjs', () => {
    expect(sha(buildDemoGguf())).toBe(sha(scriptGguf()));
    expect(sha(buildDemoGguf({ omit: ['tokenizer.chat_template'], width: 128, layers: 3 }))).toBe(sha(scriptGguf({ omit: ['tokenizer.chat_template'], width: 128, layers: 3 })));
  });

  it('the gateway writes the same whisper model as scripts/make-test-whisper.mjs', () => {
    expect(sha(buildWhisperModel())).toBe(sha(scriptWhisper()));
  });
});
