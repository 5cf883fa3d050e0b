// The check before the count (src/engines/llama-cpp/context-fit.ts): a prompt shorter in bytes than
// the context fits whatever the tokenizer, and skips the counting pass.
import { describe, expect, it } from 'vitest';
import { surelyFits } from '../../src/engines/llama-cpp/context-fit.js';

describe('surelyFits', () => {
  it('bounds each text by its UTF-8 bytes plus one', () => {
    expect(surelyFits(['0123456789'], 11)).toBe(true); // at most 11 tokens
    expect(surelyFits(['0123456789'], 10)).toBe(false);
    expect(surelyFits(['ééééé'], 11)).toBe(true); // 10 bytes
    expect(surelyFits(['ééééé'], 10)).toBe(false);
    expect(surelyFits(['🙂'], 5)).toBe(true); // 4 bytes
    expect(surelyFits(['🙂'], 4)).toBe(false);
  });

  it('adds the texts up, one more token each', () => {
    expect(surelyFits(['ab', 'cd', ''], 8)).toBe(true); // 3 + 3 + 1
    expect(surelyFits(['ab', 'cd', ''], 6)).toBe(false);
    expect(surelyFits([], 0)).toBe(true);
    expect(surelyFits(['x'.repeat(100_000)], 4095)).toBe(false);
  });
});
