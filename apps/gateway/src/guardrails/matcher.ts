/**
 * One interface over the two engines the guardrails use: V8's RegExp for the maintained detectors
 * (written to stay linear, see detectors.ts) and re2js for what a superadmin supplies.
 */
import type { RE2JS } from 're2js';

export interface Span {
  index: number;
  end: number;
}

export interface TextMatcher {
  /** Whether the text holds a match. */
  test(text: string): boolean;
  /** A cheap check that every text with a match passes (RE2: its DFA, exact; RegExp: the hint). */
  mayMatch(text: string): boolean;
  /** The first match that starts at or after `from`. */
  next(text: string, from: number): Span | null;
  /** An upper bound on the work of locating matches in the text (steps; 0: cheap, linear with a small constant). */
  cost(text: string): number;
}

/** A global RegExp (reused: lastIndex is set on every call) and an optional hint that any match needs. */
export function regExpMatcher(re: RegExp, hint?: RegExp): TextMatcher {
  const g = re.global ? re : new RegExp(re.source, `${re.flags}g`);
  const next = (text: string, from: number): Span | null => {
    g.lastIndex = from;
    const m = g.exec(text);
    return m ? { index: m.index, end: m.index + m[0].length } : null;
  };
  const mayMatch = (text: string) => !hint || hint.test(text);
  return { test: (text) => mayMatch(text) && next(text, 0) !== null, mayMatch, next, cost: () => 0 };
}

/**
 * RE2: `test` runs its DFA (linear, no positions). Locating a match runs its NFA, whose work per
 * character grows with the number of active threads, at most the program size.
 */
export function re2Matcher(re: RE2JS): TextMatcher {
  const size = re.programSize();
  return {
    cost: (text) => text.length * size,
    test: (text) => re.test(text),
    mayMatch: (text) => re.test(text),
    next(text, from) {
      const m = re.matcher(text);
      return m.find(from) ? { index: m.start(), end: m.end() } : null;
    },
  };
}
