// malloc_trim(0) through the addon, in a child node process of its own (its RSS is nobody else's):
// 64 MB of Buffers freed below one that stays live, so that glibc cannot return them by shrinking
// its heap's top, as free() alone would. The RSS before and after trimFreedMemory() tells whether
// the freed memory went back.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { unavailableBecause } from '../dist/index.js'; // what ships: the compiled addon beside it

const dist = join(dirname(fileURLToPath(import.meta.url)), '../dist/index.js');
const child = `
const { trimFreedMemory } = await import(${JSON.stringify(dist)});
const rss = () => process.memoryUsage.rss() / 2 ** 20;
let held = [];
for (let i = 0; i < 16384; i++) held.push(Buffer.allocUnsafeSlow(4000)); // glibc's heap, not mmap
const pin = Buffer.allocUnsafeSlow(4000); // above them: the heap's top stays in use
const grown = rss();
held = null;
for (let i = 0; i < 3; i++) { gc(); await new Promise((r) => setTimeout(r, 100)); } // the backing stores are freed
const freed = rss();
const released = trimFreedMemory();
console.log(JSON.stringify({ grown, freed, trimmed: rss(), released, pin: pin.length }));
`;

describe('trimFreedMemory', () => {
  it('is available on Linux (the build compiled the addon)', () => {
    expect(process.platform).toBe('linux');
    expect(unavailableBecause).toBeNull();
  });

  it('gives freed native memory that free() kept back to the OS', () => {
    const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', child], { encoding: 'utf8' });
    const r = JSON.parse(out) as { grown: number; freed: number; trimmed: number; released: boolean };
    expect(r.freed).toBeGreaterThan(r.grown - 16); // free() alone kept most of the 64 MB
    expect(r.released).toBe(true);
    expect(r.freed - r.trimmed).toBeGreaterThan(40); // MB: the trim returned them
  });
});
