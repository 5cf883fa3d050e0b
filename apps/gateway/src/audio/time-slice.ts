/**
 * Long CPU work on the event loop, cut into slices: the worker loop asks `due` now and then and,
 * when its slice is used up, awaits `next()`, which lets timers and I/O run before it continues.
 */
import { setImmediate } from 'node:timers/promises';

/** Milliseconds of work between two yields. */
export const SLICE_MS = 2;

export class TimeSlicer {
  private deadline = performance.now() + SLICE_MS;

  constructor(private readonly signal?: AbortSignal) {}

  get due(): boolean {
    return performance.now() >= this.deadline;
  }

  /** Yields to the event loop; throws an AbortError when the request went away meanwhile. */
  async next(): Promise<void> {
    await setImmediate();
    if (this.signal?.aborted) throw Object.assign(new Error('The request was cancelled.'), { name: 'AbortError' });
    this.deadline = performance.now() + SLICE_MS;
  }
}
