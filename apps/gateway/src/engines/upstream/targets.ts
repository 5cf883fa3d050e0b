/**
 * Replica health and load, per target (keyed by its normalized base_url, so models sharing a
 * server share its health):
 *  - outstanding requests, for least-outstanding-requests balancing;
 *  - a circuit breaker: closed -> (N consecutive failures) -> open for a cool-down -> half-open,
 *    one trial request -> closed on success, open again on failure.
 */
import type { ResolvedTarget } from './settings.js';

export type BreakerState = 'closed' | 'open' | 'half-open';

export class TargetHealth {
  outstanding = 0;
  consecutiveFailures = 0;
  state: BreakerState = 'closed';
  openUntil = 0;
  private trialInFlight = false;

  /** May a request be sent now? (An open breaker whose cool-down is over allows one trial.) */
  available(now: number): boolean {
    if (this.state === 'closed') return true;
    if (this.state === 'open') return now >= this.openUntil && !this.trialInFlight;
    return !this.trialInFlight;
  }

  /** A request starts on this target; returns true when it is the half-open trial. */
  acquire(now: number): boolean {
    this.outstanding++;
    if (this.state !== 'closed' && now >= this.openUntil && !this.trialInFlight) {
      this.state = 'half-open';
      this.trialInFlight = true;
      return true;
    }
    return false;
  }

  release(): void {
    if (this.outstanding > 0) this.outstanding--;
  }

  success(): void {
    this.consecutiveFailures = 0;
    this.state = 'closed';
    this.trialInFlight = false;
  }

  failure(now: number, threshold: number, cooldownMs: number): void {
    this.consecutiveFailures++;
    if (this.state === 'half-open' || this.consecutiveFailures >= threshold) {
      this.state = 'open';
      this.openUntil = now + cooldownMs;
    }
    this.trialInFlight = false;
  }

  /** The request ended without telling anything about the target's health (e.g. the client left). */
  neutral(wasTrial: boolean): void {
    if (wasTrial) this.trialInFlight = false;
  }
}

export class TargetBook {
  private readonly health = new Map<string, TargetHealth>();
  private rr = 0;

  of(t: ResolvedTarget): TargetHealth {
    let h = this.health.get(t.key);
    if (!h) {
      h = new TargetHealth();
      this.health.set(t.key, h);
    }
    return h;
  }

  /**
   * The target for the next attempt: among available targets not excluded, those not yet tried in
   * this call first, then the fewest outstanding requests; ties rotate. Null when none is available.
   */
  pick(targets: ResolvedTarget[], now: number, tried: ReadonlySet<string>, excluded: ReadonlySet<string>): ResolvedTarget | null {
    const n = targets.length;
    if (n === 0) return null;
    const offset = this.rr++ % n;
    let best: ResolvedTarget | null = null;
    let bestScore = Infinity;
    for (let k = 0; k < n; k++) {
      const t = targets[(offset + k) % n]!;
      if (excluded.has(t.key)) continue;
      const h = this.of(t);
      if (!h.available(now)) continue;
      const score = (tried.has(t.key) ? 1e9 : 0) + h.outstanding;
      if (score < bestScore) {
        best = t;
        bestScore = score;
      }
    }
    return best;
  }

  /** Milliseconds until the first open breaker among these targets half-opens (0 if one is available). */
  msUntilAvailable(targets: ResolvedTarget[], now: number): number {
    let min = Infinity;
    for (const t of targets) {
      const h = this.of(t);
      if (h.available(now)) return 0;
      min = Math.min(min, Math.max(0, h.openUntil - now));
    }
    return Number.isFinite(min) ? min : 0;
  }

  /** True when every target's breaker is open (and its cool-down not over). */
  allOpen(targets: ResolvedTarget[], now: number): boolean {
    return targets.length > 0 && targets.every((t) => {
      const h = this.health.get(t.key);
      return !!h && h.state === 'open' && now < h.openUntil;
    });
  }
}
