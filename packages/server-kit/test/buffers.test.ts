import { describe, expect, it } from 'vitest';
import { joinBuffers } from '../src/buffers.js';

describe('joinBuffers', () => {
  it('joins buffers and byte arrays in order, with or without the total', () => {
    const parts = [Buffer.from('data: '), new Uint8Array([0x7b, 0x7d]), Buffer.alloc(0), Buffer.from('\n\n')];
    expect(joinBuffers(parts).toString()).toBe('data: {}\n\n');
    expect(joinBuffers(parts, 10).toString()).toBe('data: {}\n\n');
    expect(Buffer.isBuffer(joinBuffers(parts))).toBe(true);
  });

  it('gives an empty buffer for no parts, and copies (a later change to a part does not show)', () => {
    expect(joinBuffers([]).length).toBe(0);
    const a = Buffer.from('ab');
    const out = joinBuffers([a, Buffer.from('c')]);
    a[0] = 0x7a;
    expect(out.toString()).toBe('abc');
  });

  it('matches Buffer.concat on subarrays of one pooled buffer', () => {
    const big = Buffer.from('0123456789'.repeat(50));
    const parts = [big.subarray(3, 40), big.subarray(100, 101), big.subarray(200, 499)];
    expect(joinBuffers(parts).equals(Buffer.concat(parts))).toBe(true);
  });
});
