/**
 * Guardrails, compiled once per policy version:
 *  - input: size limits, blocked terms and patterns, prompt-injection patterns, PII (block, mask or allow per kind);
 *  - output: PII masking and blocked terms, on whole texts and on streams. A stream holds back only
 *    the tail that could still be (the start of) a match, so the added delay stays small.
 * Results name the rule, never the matched text.
 */
import type { PiiAction, Policy } from '../platform/policies.js';
import { INJECTION_ANY, PII_DETECTORS, type Detector, type PiiKind } from './detectors.js';

export class GuardrailConfigError extends Error {
  constructor(readonly rule: string, message: string) {
    super(message);
    this.name = 'GuardrailConfigError';
  }
}

interface Rule {
  name: string;
  re: RegExp;
  maxLen: number;
  valid?: (m: string) => boolean;
  hint?: RegExp;
}

interface Side {
  block: Rule[];
  mask: Array<Rule & { label: string }>;
  holdBack: number;
}

export interface CompiledGuardrails {
  input: Side & { maxChars: number | null; maxTokens: number | null; injection: Rule[] };
  output: Side;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function termsRule(terms: string[]): Rule | null {
  const clean = terms.map((t) => t.trim()).filter(Boolean);
  if (!clean.length) return null;
  const alts = clean.map((t) => {
    const body = t.split(/\s+/).map(escape).join('\\s+');
    return `${/^\w/.test(t) ? '\\b' : ''}${body}${/\w$/.test(t) ? '\\b' : ''}`;
  });
  return { name: 'blocked_term', re: new RegExp(alts.join('|'), 'gi'), maxLen: Math.max(...clean.map((t) => t.length)) * 2 };
}

function userRegex(name: string, pattern: string, flags = ''): RegExp {
  try {
    return new RegExp(pattern, `${flags.replace(/[gy]/g, '')}g`);
  } catch (err) {
    throw new GuardrailConfigError(name, `The pattern of rule '${name}' is not a valid regular expression: ${(err as Error).message}`);
  }
}

function piiRules(pii: Policy['guardrails']['input']['pii']): { block: Rule[]; mask: Array<Rule & { label: string }> } {
  const block: Rule[] = [];
  const mask: Array<Rule & { label: string }> = [];
  const add = (action: PiiAction, r: Rule, label: string) => {
    if (action === 'block') block.push(r);
    else if (action === 'mask') mask.push({ ...r, label });
  };
  for (const kind of Object.keys(PII_DETECTORS) as PiiKind[]) {
    const d: Detector = PII_DETECTORS[kind];
    add(pii[kind] ?? 'allow', { name: `pii.${kind}`, re: d.re, maxLen: d.maxLen, valid: d.valid, hint: d.hint }, kind);
  }
  for (const c of pii.custom ?? []) add(c.action, { name: `pii.custom.${c.name}`, re: userRegex(`pii.custom.${c.name}`, c.pattern), maxLen: 256 }, c.name);
  return { block, mask };
}

/** The words of each multi-word output term, for the stream hold-back. */
const termSources = new WeakMap<CompiledGuardrails, string[][]>();

export function compileGuardrails(g: Policy['guardrails']): CompiledGuardrails {
  const side = (s: { blocked_terms: string[]; blocked_patterns: Array<{ name: string; pattern: string; flags?: string }>; pii: Policy['guardrails']['input']['pii'] }): Side => {
    const block: Rule[] = [];
    const terms = termsRule(s.blocked_terms);
    if (terms) block.push(terms);
    for (const p of s.blocked_patterns) block.push({ name: `blocked_pattern.${p.name}`, re: userRegex(`blocked_pattern.${p.name}`, p.pattern, p.flags), maxLen: 256 });
    const pii = piiRules(s.pii);
    block.push(...pii.block);
    return { block, mask: pii.mask, holdBack: Math.max(0, ...[...block, ...pii.mask].map((r) => r.maxLen)) };
  };
  const input = side(g.input);
  const injection = g.input.injection_detection ? [{ name: 'injection', re: INJECTION_ANY, maxLen: 200 }] : [];
  const compiled: CompiledGuardrails = { input: { ...input, maxChars: g.input.max_chars, maxTokens: g.input.max_tokens, injection }, output: side(g.output) };
  termSources.set(compiled, g.output.blocked_terms.map((t) => t.trim().toLowerCase().split(/\s+/)).filter((w) => w.length > 1));
  return compiled;
}

function firstMatch(rule: Rule, text: string): RegExpExecArray | null {
  if (rule.hint && !rule.hint.test(text)) return null;
  const re = new RegExp(rule.re.source, rule.re.flags.includes('g') ? rule.re.flags : `${rule.re.flags}g`);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (!rule.valid || rule.valid(m[0])) return m;
    if (m[0].length === 0) re.lastIndex++;
  }
  return null;
}

function maskAll(rules: Array<Rule & { label: string }>, text: string, fired: Set<string>): string {
  let out = text;
  for (const r of rules) {
    if (r.hint && !r.hint.test(out)) continue;
    out = out.replace(new RegExp(r.re.source, r.re.flags), (m) => {
      if (r.valid && !r.valid(m)) return m;
      fired.add(r.name);
      return `[REDACTED:${r.label}]`;
    });
  }
  return out;
}

export type InputVerdict = { action: 'allow' } | { action: 'block'; rule: string } | { action: 'mask'; texts: string[]; rules: string[] };

export function checkInput(c: CompiledGuardrails, texts: string[], countTokens?: (s: string) => number): InputVerdict {
  const chars = texts.reduce((n, t) => n + t.length, 0);
  if (c.input.maxChars !== null && chars > c.input.maxChars) return { action: 'block', rule: 'max_chars' };
  if (c.input.maxTokens !== null && countTokens && texts.reduce((n, t) => n + countTokens(t), 0) > c.input.maxTokens) return { action: 'block', rule: 'max_tokens' };
  for (const t of texts) {
    for (const r of c.input.block) if (firstMatch(r, t)) return { action: 'block', rule: r.name };
    for (const r of c.input.injection) {
      const m = r.re.exec(t);
      if (m) return { action: 'block', rule: `injection.${Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined)?.[0] ?? 'pattern'}` };
    }
  }
  if (!c.input.mask.length) return { action: 'allow' };
  const fired = new Set<string>();
  const masked = texts.map((t) => maskAll(c.input.mask, t, fired));
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
 * pattern needs (`holdBack`).
 */
export function createOutputFilter(c: CompiledGuardrails): OutputFilter {
  const side = c.output;
  let buf = '';
  let done = false;
  const termWords = (termSources.get(c) ?? []).filter((w) => w.length > 1);

  const holdStart = (s: string): number => {
    if (s.length === 0) return 0;
    let i = s.length;
    // the trailing non-space run
    while (i > 0 && !/\s/.test(s[i - 1]!)) i--;
    // digit groups joined by single spaces or dashes (4111 1111 1111 111…), IBAN groups
    let j = i;
    while (j > 1 && /[ -]/.test(s[j - 1]!) && /[A-Za-z0-9]/.test(s[j - 2]!)) {
      let k = j - 1;
      while (k > 0 && /[A-Za-z0-9]/.test(s[k - 1]!)) k--;
      if (!/\d/.test(s.slice(k, j - 1))) break;
      j = k;
    }
    i = Math.min(i, j);
    // complete words that could be the start of a multi-word blocked term ("top" of "top secret")
    for (const words of termWords) {
      for (let n = words.length - 1; n >= 1; n--) {
        let k = i;
        const seen: string[] = [];
        for (let w = 0; w < n && k > 0; w++) {
          while (k > 0 && /\s/.test(s[k - 1]!)) k--;
          const end = k;
          while (k > 0 && !/\s/.test(s[k - 1]!)) k--;
          seen.unshift(s.slice(k, end).toLowerCase());
        }
        if (seen.length === n && seen.every((w, x) => w === words[x])) {
          i = Math.min(i, k);
          break;
        }
      }
    }
    return Math.max(i, s.length - side.holdBack);
  };

  const process = (final: boolean): FilterResult => {
    if (done) return { text: '' };
    for (const r of side.block) {
      const m = firstMatch(r, buf);
      if (m && (final || m.index + m[0].length < buf.length)) {
        const before = buf.slice(0, m.index);
        const fired = new Set<string>();
        const text = maskAll(side.mask, before, fired);
        done = true;
        buf = '';
        return { text, blocked: r.name, masked: [...fired] };
      }
    }
    const cut = final ? buf.length : holdStart(buf);
    const head = buf.slice(0, cut);
    buf = buf.slice(cut);
    const fired = new Set<string>();
    const text = maskAll(side.mask, head, fired);
    return fired.size ? { text, masked: [...fired] } : { text };
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
