import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/platform/util.js';
import { UUID_V7 } from './helpers.js';

describe('uuidv7', () => {
  it('is an RFC 9562 version 7 UUID whose first 48 bits are the Unix milliseconds', () => {
    const ms = Date.UTC(2026, 10, 27, 20, 0, 0, 123);
    const id = uuidv7(ms);
    expect(id).toMatch(UUID_V7);
    expect(Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(ms);
    expect(uuidv7()).toMatch(UUID_V7);
  });

  it('ids made later sort later, and ids of the same millisecond differ', () => {
    const ms = Date.UTC(2026, 10, 27);
    const ids = Array.from({ length: 2000 }, (_, i) => uuidv7(ms + Math.floor(i / 100)));
    expect(new Set(ids).size).toBe(ids.length);
    const byMs = (id: string) => id.slice(0, 13);
    expect(ids.map(byMs)).toEqual([...ids].sort().map(byMs));
    // The time prefix orders across a hex digit's carry too.
    expect(uuidv7(0xfffffffff) < uuidv7(0x1000000000)).toBe(true);
  });
});
