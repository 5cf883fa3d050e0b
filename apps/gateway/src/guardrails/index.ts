/**
 * Guardrails, compiled once per policy version:
 *  - input: size limits, blocked terms and patterns, prompt-injection patterns, PII (block, mask or allow per kind);
 *  - output: PII masking and blocked terms, on whole texts and on streams. A stream holds back only
 *    the tail that could still be (the start of) a match, so the added delay stays small.
 * Results name the rule, never the matched text.
 *
 * Engines: what a superadmin supplies (patterns, terms) runs on RE2 (user-pattern.ts), linear in
 * the text whatever the pattern; the maintained detectors run on V8's RegExp (detectors.ts).
 */
import type { PiiAction, Policy } from '../platform/policies.js';
import { INJECTION_ANY, PII_DETECTORS, type Detector, type PiiKind } from './detectors.js';
import { re2Matcher, type Span, type TextMatcher } from './matcher.js';
import { compileTerms, compileUserPattern, MAX_LOCATE_WORK, UserPatternError } from './user-pattern.js';

export class GuardrailConfigError extends Error {
  constructor(
    readonly rule: string,
    message: string,
    /** The policy field at fault, e.g. guardrails.input.blocked_patterns[0].pattern. */
    readonly param: string,
  ) {
    super(message);
    this.name = 'GuardrailConfigError';
  }
}

interface Rule {
  name: string;
  m: TextMatcher;
  maxLen: number;
  valid?: (m: string) => boolean;
}

interface Side {
  block: Rule[];
  mask: Array<Rule & { label: string }>;
  holdBack: number;
  /** A stream always holds back `holdBack` characters: a superadmin's pattern may span words, so the last word is not enough. */
  holdAll: boolean;
}

export interface CompiledGuardrails {
  input: Side & { maxChars: number | null; maxTokens: number | null; injection: Array<{ name: string; re: RegExp }> };
  output: Side;
}

function termsRule(terms: string[]): Rule | null {
  const clean = terms.map((t) => t.trim()).filter(Boolean);
  if (!clean.length) return null;
  // RE2, not V8: an alternation of many terms sharing a first word backtracks over each whitespace run once per term.
  return { name: 'blocked_term', m: re2Matcher(compileTerms(clean)), maxLen: Math.max(...clean.map((t) => t.length)) * 2 };
}

/** A superadmin's pattern on the linear-time engine; refused (naming the field) when RE2 cannot run it. */
function userPattern(name: string, param: string, pattern: string, flags?: string): TextMatcher {
  try {
    return re2Matcher(compileUserPattern(pattern, flags));
  } catch (err) {
    if (err instanceof UserPatternError) throw new GuardrailConfigError(name, `The pattern of rule '${name}' ${err.reason}.`, `${param}.pattern`);
    throw err;
  }
}

function piiRules(pii: Policy['guardrails']['input']['pii'], path: string): { block: Rule[]; mask: Array<Rule & { label: string }> } {
  const block: Rule[] = [];
  const mask: Array<Rule & { label: string }> = [];
  const add = (action: PiiAction, r: Rule, label: string) => {
    if (action === 'block') block.push(r);
    else if (action === 'mask') mask.push({ ...r, label });
  };
  for (const kind of Object.keys(PII_DETECTORS) as PiiKind[]) {
    const d: Detector = PII_DETECTORS[kind];
    add(pii[kind] ?? 'allow', { name: `pii.${kind}`, m: d.matcher, maxLen: d.maxLen, valid: d.valid }, kind);
  }
  (pii.custom ?? []).forEach((c, i) => {
    const name = `pii.custom.${c.name}`;
    add(c.action, { name, m: userPattern(name, `${path}.custom[${i}]`, c.pattern), maxLen: 256 }, c.name);
  });
  return { block, mask };
}

/** The first words (1 to all but the last, lower case, joined by one space) of each multi-word output term, for the stream hold-back. */
const termPrefixes = new WeakMap<CompiledGuardrails, Set<string>>();

export function compileGuardrails(g: Policy['guardrails']): CompiledGuardrails {
  const side = (
    s: { blocked_terms: string[]; blocked_patterns: Array<{ name: string; pattern: string; flags?: string }>; pii: Policy['guardrails']['input']['pii'] },
    path: string,
  ): Side => {
    const block: Rule[] = [];
    const terms = termsRule(s.blocked_terms);
    if (terms) block.push(terms);
    s.blocked_patterns.forEach((p, i) => {
      const name = `blocked_pattern.${p.name}`;
      block.push({ name, m: userPattern(name, `${path}.blocked_patterns[${i}]`, p.pattern, p.flags), maxLen: 256 });
    });
    const pii = piiRules(s.pii, `${path}.pii`);
    block.push(...pii.block);
    const holdAll = s.blocked_patterns.length > 0 || (s.pii.custom ?? []).some((c) => c.action !== 'allow');
    return { block, mask: pii.mask, holdBack: Math.max(0, ...[...block, ...pii.mask].map((r) => r.maxLen)), holdAll };
  };
  const input = side(g.input, 'guardrails.input');
  const injection = g.input.injection_detection ? [{ name: 'injection', re: INJECTION_ANY }] : [];
  const compiled: CompiledGuardrails = { input: { ...input, maxChars: g.input.max_chars, maxTokens: g.input.max_tokens, injection }, output: side(g.output, 'guardrails.output') };
  const prefixes = new Set<string>();
  for (const t of g.output.blocked_terms) {
    const words = t.trim().toLowerCase().split(/\s+/);
    for (let n = 1; n < words.length; n++) prefixes.add(words.slice(0, n).join(' '));
  }
  termPrefixes.set(compiled, prefixes);
  return compiled;
}

/** Where the next search starts after a match (past an empty one). */
const after = (s: Span) => (s.end > s.index ? s.end : s.index + 1);

/** What one check may still spend locating matches (see MAX_LOCATE_WORK). */
interface Budget {
  left: number;
}
const budget = (): Budget => ({ left: MAX_LOCATE_WORK });
/** Whether the rule's matches in the text can be located within the budget (which it then spends). */
function afford(rule: Rule, text: string, b: Budget): boolean {
  const cost = rule.m.cost(text);
  if (cost > b.left) return false;
  b.left -= cost;
  return true;
}
/** A match that exists (the DFA says so) but costs too much to locate: taken to start at the beginning. */
const UNLOCATED: Span = { index: 0, end: 0 };

/** The first match its rule accepts (a look-alike that fails `valid` is skipped). */
function firstMatch(rule: Rule, text: string, b: Budget): Span | null {
  if (!rule.m.mayMatch(text)) return null;
  if (!afford(rule, text, b)) return UNLOCATED;
  for (let s = rule.m.next(text, 0); s; s = after(s) > text.length ? null : rule.m.next(text, after(s))) {
    if (!rule.valid || rule.valid(text.slice(s.index, s.end))) return s;
  }
  return null;
}

/** The start of the rule's match that begins before `at` and ends after it (`at` when there is none; null when it cannot be located). */
function across(rule: Rule, text: string, at: number, b: Budget): number | null {
  if (at >= text.length || !rule.m.mayMatch(text)) return at;
  if (!afford(rule, text, b)) return null;
  for (let s = rule.m.next(text, 0); s && s.index < at; s = after(s) > text.length ? null : rule.m.next(text, after(s))) {
    if (s.end > at && (!rule.valid || rule.valid(text.slice(s.index, s.end)))) return s.index;
  }
  return at;
}

/** Whether the text holds a match the rule accepts (RE2 rules: the DFA alone, no positions). */
const anyMatch = (rule: Rule, text: string): boolean => (rule.valid ? firstMatch(rule, text, budget()) !== null : rule.m.test(text));

/** The text with every accepted match masked; or the rule whose matches cost too much to locate. */
function maskAll(rules: Array<Rule & { label: string }>, text: string, fired: Set<string>, b: Budget): { text: string } | { unlocated: string } {
  let out = text;
  for (const r of rules) {
    if (!r.m.mayMatch(out)) continue;
    if (!afford(r, out, b)) return { unlocated: r.name };
    const parts: string[] = [];
    let last = 0;
    for (let s = r.m.next(out, 0); s; s = after(s) > out.length ? null : r.m.next(out, after(s))) {
      if (r.valid && !r.valid(out.slice(s.index, s.end))) continue;
      parts.push(out.slice(last, s.index), `[REDACTED:${r.label}]`);
      last = s.end;
      fired.add(r.name);
    }
    if (parts.length) out = parts.join('') + out.slice(last);
  }
  return { text: out };
}

export type InputVerdict = { action: 'allow' } | { action: 'block'; rule: string } | { action: 'mask'; texts: string[]; rules: string[] };

export function checkInput(c: CompiledGuardrails, texts: string[], countTokens?: (s: string) => number): InputVerdict {
  const chars = texts.reduce((n, t) => n + t.length, 0);
  if (c.input.maxChars !== null && chars > c.input.maxChars) return { action: 'block', rule: 'max_chars' };
  if (c.input.maxTokens !== null && countTokens && texts.reduce((n, t) => n + countTokens(t), 0) > c.input.maxTokens) return { action: 'block', rule: 'max_tokens' };
  for (const t of texts) {
    for (const r of c.input.block) if (anyMatch(r, t)) return { action: 'block', rule: r.name };
    for (const r of c.input.injection) {
      const m = r.re.exec(t);
      if (m) return { action: 'block', rule: `injection.${Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined)?.[0] ?? 'pattern'}` };
    }
  }
  if (!c.input.mask.length) return { action: 'allow' };
  const fired = new Set<string>();
  const masked: string[] = [];
  const b = budget();
  for (const t of texts) {
    const r = maskAll(c.input.mask, t, fired, b);
    if ('unlocated' in r) return { action: 'block', rule: r.unlocated };
    masked.push(r.text);
  }
  return fired.size ? { action: 'mask', texts: masked, rules: [...fired] } : { action: 'allow' };
}

export interface FilterResult {
  text: string;
  blocked?: string;
  /** Rules that masked something in this piece. */
  masked?: string[];
}

export interface OutputFilter {
  push(chunk: string): FilterResult;
  end(): FilterResult;
}

/** Output of a whole (non-streamed) text. */
export function filterOutput(c: CompiledGuardrails, text: string): FilterResult {
  const f = createOutputFilter(c);
  const a = f.push(text);
  const b = f.end();
  return { text: a.text + b.text, blocked: a.blocked ?? b.blocked, masked: [...(a.masked ?? []), ...(b.masked ?? [])] };
}

/**
 * The stream filter. It emits everything except the tail that could still become a match: the
 * run after the last whitespace, extended over digit groups (cards, IBANs, phone numbers written
 * with spaces or dashes) and over the words a blocked term may span, never more than the longest
 * pattern needs (`holdBack`); with a superadmin's patterns, always `holdBack`. A match that
 * reaches the end of what has arrived (it may still grow, or stop being one) is held from its start.
 * Each step reads only the held tail and the new chunk, so a long answer costs linear time.
 */
export function createOutputFilter(c: CompiledGuardrails): OutputFilter {
  const side = c.output;
  let buf = '';
  let done = false;
  const prefixes = termPrefixes.get(c) ?? new Set<string>();
  const longestPrefix = Math.max(0, ...[...prefixes].map((p) => p.length));
  const space = (ch: string) => /\s/.test(ch);

  const holdStart = (s: string): number => {
    const floor = Math.max(0, s.length - side.holdBack);
    if (side.holdAll || s.length === 0) return floor;
    let i = s.length;
    // the trailing non-space run
    while (i > floor && !space(s[i - 1]!)) i--;
    // digit groups joined by single spaces or dashes (4111 1111 1111 111…), IBAN groups
    let j = i;
    while (j > Math.max(1, floor) && /[ -]/.test(s[j - 1]!) && /[A-Za-z0-9]/.test(s[j - 2]!)) {
      let k = j - 1;
      while (k > 0 && /[A-Za-z0-9]/.test(s[k - 1]!)) k--;
      if (!/\d/.test(s.slice(k, j - 1))) break;
      j = k;
    }
    i = Math.min(i, j);
    // complete words that could be the start of a multi-word blocked term ("top" of "top secret"):
    // the most trailing words that are the first words of a term
    let k = i;
    let key = '';
    while (k > floor && longestPrefix > 0) {
      while (k > 0 && space(s[k - 1]!)) k--;
      const end = k;
      while (k > 0 && !space(s[k - 1]!)) k--;
      if (k === end) break;
      key = key ? `${s.slice(k, end).toLowerCase()} ${key}` : s.slice(k, end).toLowerCase();
      if (key.length > longestPrefix) break;
      if (prefixes.has(key)) i = k;
    }
    return Math.max(i, floor);
  };

  const process = (final: boolean): FilterResult => {
    if (done) return { text: '' };
    const b = budget();
    const stop = (blocked: string, text = '', fired?: Set<string>): FilterResult => {
      done = true;
      buf = '';
      return { text, blocked, masked: [...(fired ?? [])] };
    };
    let cut = final ? buf.length : holdStart(buf);
    for (const r of side.block) {
      const m = firstMatch(r, buf, b);
      if (!m) continue;
      if (final || m.end < buf.length || buf.length - m.index > side.holdBack) {
        const fired = new Set<string>();
        const before = maskAll(side.mask, buf.slice(0, m.index), fired, b);
        return 'unlocated' in before ? stop(before.unlocated) : stop(r.name, before.text, fired);
      }
      cut = Math.min(cut, m.index);
    }
    // Nor is a value to be masked cut in two.
    if (!final) {
      for (const r of side.mask) {
        const start = across(r, buf, cut, b);
        if (start === null) return stop(r.name);
        cut = Math.min(cut, start);
      }
    }
    const head = buf.slice(0, cut);
    const fired = new Set<string>();
    const out = maskAll(side.mask, head, fired, b);
    if ('unlocated' in out) return stop(out.unlocated);
    buf = buf.slice(cut);
    return fired.size ? { text: out.text, masked: [...fired] } : { text: out.text };
  };

  return {
    push(chunk) {
      buf += chunk;
      return process(false);
    },
    end() {
      return process(true);
    },
  };
}
