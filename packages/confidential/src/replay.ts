/**
 * Replay protection on the engine host: a request is refused when the client's clock (sealed in the
 * request) is more than `windowMs` from the host's, or when its HPKE encapsulation (fresh and random
 * for every request) was already opened within the window. Entries leave the window in the order they
 * came; past `maxEntries` live entries new requests are refused (503) rather than the oldest
 * forgotten, which would let them be replayed.
 */
import { createHash } from 'node:crypto';
import { ConfidentialError } from './errors.js';

/**
 * An entry is the SHA-256 of the encapsulation (44 characters), not the encapsulation itself (1,494):
 * 250,000 entries, about 830 requests a second held for the 5-minute window, take some 30 MB.
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();

  constructor(
    readonly windowMs = 5 * 60_000,
    readonly maxEntries = 250_000,
  ) {}

  /** Throws stale_request, replayed_request or replay_window_full; otherwise remembers `enc`. */
  check(encapsulation: string, sentAt: unknown, now = Date.now()): void {
    const enc = createHash('sha256').update(encapsulation).digest('base64');
    if (typeof sentAt !== 'number' || !Number.isFinite(sentAt) || Math.abs(now - sentAt) > this.windowMs) {
      throw new ConfidentialError('stale_request', `The encrypted request's time is more than ${this.windowMs / 1000} s from the engine host's clock; seal it again.`);
    }
    for (const [k, until] of this.seen) {
      if (until > now) break;
      this.seen.delete(k);
    }
    if (this.seen.has(enc)) throw new ConfidentialError('replayed_request', 'This encrypted request was already received.');
    if (this.seen.size >= this.maxEntries) throw new ConfidentialError('replay_window_full', 'Too many encrypted requests in the replay window; try again shortly.');
    // Kept until the request's time leaves the window (a later `sentAt` is not trusted past now + window).
    this.seen.set(enc, now + this.windowMs);
  }

  get size(): number {
    return this.seen.size;
  }
}
