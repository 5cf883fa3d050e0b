/**
 * Engine crashes blamed on the key that caused them. An engine host that crashes by itself while
 * serving one request and no other was, most likely, crashed by that request (engines/host/engine.ts
 * does not make it again). A tenant who has found such a request could send it again and again:
 * every crash ends the requests of every tenant on that model, and a few in a row mark the model
 * failed for all of them. So a key whose requests crashed a model's engine `limit` times within
 * `windowMs` is refused that model (403 `engine_crash_limit`) until `windowMs` after its last crash;
 * its other models, and every other key, are served as before.
 *
 * Kept in memory, per gateway process: what it protects is this process's engine hosts.
 */
import { ApiError } from '@cordon/server-kit';

export interface CrashLedgerOptions {
  /** Crashes of one model blamed on one key that close it to the key. Default 2. */
  limit?: number;
  /** How long a crash is remembered, and a key refused after its last one. Default 10 minutes. */
  windowMs?: number;
  /** Keys remembered at most (the oldest goes first): a bound on memory whatever happens. Default 10,000. */
  maxEntries?: number;
}

export class CrashLedger {
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly maxEntries: number;
  /** `${keyId} ${modelId}` -> the times of its blamed crashes (ms), oldest first. */
  private readonly crashes = new Map<string, number[]>();

  constructor(opts: CrashLedgerOptions = {}) {
    this.limit = Math.max(1, opts.limit ?? 2);
    this.windowMs = opts.windowMs ?? 10 * 60_000;
    this.maxEntries = Math.max(1, opts.maxEntries ?? 10_000);
  }

  /** A request of `keyId` crashed the engine of `modelId`. Returns whether the key is now refused that model. */
  blame(keyId: string, modelId: string, now = Date.now()): boolean {
    const k = `${keyId} ${modelId}`;
    const times = this.recent(k, now);
    times.push(now);
    this.crashes.delete(k); // re-inserted last: the map's order is the order of last crashes
    this.crashes.set(k, times);
    if (this.crashes.size > this.maxEntries) {
      const oldest = this.crashes.keys().next();
      if (!oldest.done) this.crashes.delete(oldest.value);
    }
    return times.length >= this.limit;
  }

  /** The refusal for a request of `keyId` to `modelId`, or null when it may go on. */
  refusal(keyId: string, modelId: string, now = Date.now()): ApiError | null {
    if (this.crashes.size === 0) return null; // every request asks: nothing to build when nothing was blamed
    const times = this.recent(`${keyId} ${modelId}`, now);
    if (times.length < this.limit) return null;
    const retryAfter = Math.max(1, Math.ceil(((times.at(-1) ?? now) + this.windowMs - now) / 1000));
    return new ApiError(
      403,
      `Requests from this key to model '${modelId}' crashed its engine ${times.length} times in the last ${Math.round(this.windowMs / 60_000)} minutes; they are refused for ${retryAfter} more seconds.`,
      'engine_crash_limit',
      'model',
      { 'retry-after': String(retryAfter) },
    );
  }

  /** The crashes of `k` within the window (older ones dropped). */
  private recent(k: string, now: number): number[] {
    const times = this.crashes.get(k);
    if (!times) return [];
    const kept = times.filter((t) => now - t < this.windowMs);
    if (kept.length === 0) this.crashes.delete(k);
    else this.crashes.set(k, kept);
    return kept;
  }
}
