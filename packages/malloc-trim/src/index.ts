/**
 * Gives the process's freed native memory back to the OS: glibc's `malloc_trim(0)`, through a
 * Node-API addon of a few lines (src/malloc_trim.c, compiled by build-addon.mjs).
 *
 * Why: after a burst of traffic the gateway's native allocations (Buffers' backing stores, the HTTP
 * parsers, undici's and V8's compiler memory) are freed, but glibc keeps them inside its heaps, where
 * later allocations reuse them. It returns a heap's top to the OS only, and only above a threshold
 * that grows with the largest block ever freed (up to 64 MB). Measured after the overhead benchmark:
 * 143 MB RSS of which glibc held 64 MB free (docs/benchmarks.md, session 11). Node has no call for it.
 *
 * `trim()` walks every arena and returns the whole free pages in it (madvise): a few milliseconds on
 * a gateway's heaps, so it is called only when the process is idle (http/memory-reducer.ts).
 */
import { createRequire } from 'node:module';

interface Addon {
  trim(): boolean;
}

function isAddon(x: unknown): x is Addon {
  return typeof x === 'object' && x !== null && 'trim' in x && typeof x.trim === 'function';
}

function load(): Addon | string {
  if (process.platform !== 'linux') return `not on ${process.platform} (malloc_trim is glibc's)`;
  try {
    const addon: unknown = createRequire(import.meta.url)('./malloc_trim.node');
    return isAddon(addon) ? addon : 'malloc_trim.node exports no trim()';
  } catch (err) {
    return `malloc_trim.node did not load (${err instanceof Error ? err.message.split('\n')[0] : String(err)}): build it with a C compiler (npm run build)`;
  }
}

const addon = load();

/** Why the trim is not available here, or null when it is. */
export const unavailableBecause: string | null = typeof addon === 'string' ? addon : null;

/**
 * glibc's `malloc_trim(0)`: true if memory went back to the OS, false if there was none to give (or
 * the addon is not available: see `unavailableBecause`).
 */
export function trimFreedMemory(): boolean {
  return typeof addon === 'string' ? false : addon.trim();
}
