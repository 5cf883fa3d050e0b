// Engine crashes blamed on keys (src/policy/crash-ledger.ts): a key whose requests crashed a model's
// engine twice within the window is refused that model, and only that model, until the window has
// passed since its last crash; the memory it keeps is bounded.
import { describe, expect, it } from 'vitest';
import { CrashLedger } from '../../src/policy/crash-ledger.js';

describe('CrashLedger', () => {
  it('refuses a key a model after `limit` crashes within the window; other keys and models go on', () => {
    const ledger = new CrashLedger({ limit: 2, windowMs: 60_000 });
    const t0 = 1_000_000;
    expect(ledger.blame('k1', 'm', t0)).toBe(false);
    expect(ledger.refusal('k1', 'm', t0 + 1)).toBeNull(); // one crash may be bad luck
    expect(ledger.blame('k1', 'm', t0 + 10_000)).toBe(true);
    const refused = ledger.refusal('k1', 'm', t0 + 20_000);
    expect(refused).not.toBeNull();
    expect(refused!.status).toBe(403);
    expect(refused!.code).toBe('engine_crash_limit');
    expect(refused!.param).toBe('model');
    expect(refused!.headers['retry-after']).toBe('50'); // 60 s after the last crash (t0 + 10 s)
    expect(refused!.message).toContain("model 'm'");
    expect(ledger.refusal('k2', 'm', t0 + 20_000)).toBeNull();
    expect(ledger.refusal('k1', 'other', t0 + 20_000)).toBeNull();
    // The window passes after the last crash: served again, and the count starts over.
    expect(ledger.refusal('k1', 'm', t0 + 70_001)).toBeNull();
    expect(ledger.blame('k1', 'm', t0 + 70_002)).toBe(false);
  });

  it('crashes older than the window do not add up', () => {
    const ledger = new CrashLedger({ limit: 2, windowMs: 1_000 });
    expect(ledger.blame('k', 'm', 0)).toBe(false);
    expect(ledger.blame('k', 'm', 5_000)).toBe(false);
    expect(ledger.refusal('k', 'm', 5_001)).toBeNull();
  });

  it('keeps at most maxEntries key-model pairs, dropping the one whose last crash is oldest', () => {
    const ledger = new CrashLedger({ limit: 1, windowMs: 60_000, maxEntries: 3 });
    for (const k of ['a', 'b', 'c', 'd']) ledger.blame(k, 'm', 1_000);
    expect(ledger.refusal('a', 'm', 2_000)).toBeNull(); // dropped
    for (const k of ['b', 'c', 'd']) expect(ledger.refusal(k, 'm', 2_000)).not.toBeNull();
    ledger.blame('b', 'm', 1_500); // b is now the newest
    ledger.blame('e', 'm', 1_600); // c goes
    expect(ledger.refusal('c', 'm', 2_000)).toBeNull();
    expect(ledger.refusal('b', 'm', 2_000)).not.toBeNull();
  });
});
