/**
 * PII detectors: a bounded regular expression to find candidates, and a check that rejects look-alikes.
 * They run on V8's RegExp (they need lookarounds, and V8 is faster on them) and stay linear: every
 * repetition is bounded, no two ways of matching share text (the IPv6 tail is one run, not groups
 * that may be empty), and the e-mail scan starts at each '@' instead of at every character.
 */
import { isIPv6 } from 'node:net';
import { regExpMatcher, type Span, type TextMatcher } from './matcher.js';

export type PiiKind = 'email' | 'phone' | 'credit_card' | 'iban' | 'ip_address' | 'us_ssn';

export interface Detector {
  kind: string;
  /** Finds candidates in linear time (bounded repetition; a hint that skips the scan on most prose). */
  matcher: TextMatcher;
  /** The longest text a match can be: how much a stream must hold back. */
  maxLen: number;
  valid?(match: string): boolean;
}

export function luhn(digits: string): boolean {
  let sum = 0;
  let alt = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (alt) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    alt = !alt;
  }
  return digits.length > 0 && sum % 10 === 0;
}

export function ibanValid(raw: string): boolean {
  const s = raw.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of moved) {
    const v = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const c of v) rem = (rem * 10 + (c.charCodeAt(0) - 48)) % 97;
  }
  return rem === 1;
}

/**
 * The e-mail addresses of /[A-Za-z0-9._%+-]{1,64}@<domain>/, found from each '@' (the local part is
 * read backwards by a lookbehind): a regex that starts with the local part would retry up to 64
 * characters from every position of a long run of letters.
 */
function emailMatcher(): TextMatcher {
  const at = /@(?<=([A-Za-z0-9._%+-]{1,64})@)[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}/g;
  const hint = /@/;
  const next = (text: string, from: number): Span | null => {
    for (at.lastIndex = from; ; ) {
      const m = at.exec(text);
      if (!m) return null;
      // The local part may not reach back before `from` (where the previous match ended).
      const index = Math.max(m.index - m[1]!.length, from);
      if (index < m.index) return { index, end: m.index + m[0].length };
      at.lastIndex = m.index + 1;
    }
  };
  return { test: (text) => hint.test(text) && next(text, 0) !== null, mayMatch: (text) => hint.test(text), next, cost: () => 0 };
}

const detector = (kind: string, re: RegExp, maxLen: number, hint: RegExp, valid?: (m: string) => boolean): Detector => ({ kind, matcher: regExpMatcher(re, hint), maxLen, valid });

export const PII_DETECTORS: Record<PiiKind, Detector> = {
  email: { kind: 'email', matcher: emailMatcher(), maxLen: 64 + 1 + 200 },
  credit_card: detector('credit_card', /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d])/g, 19 + 18, /\d{4}/, (m) => {
    const d = m.replace(/\D/g, '');
    return d.length >= 13 && d.length <= 19 && luhn(d);
  }),
  iban: detector('iban', /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b/g, 34 + 8, /[A-Z]{2}\d{2}/, ibanValid),
  us_ssn: detector('us_ssn', /\b(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b/g, 11, /\d-\d/),
  // IPv6: the tail after the first groups is one bounded run of hex digits and colons (isIPv6 checks its shape).
  ip_address: detector(
    'ip_address',
    /\b(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\b|(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){2,7}(?::|[0-9A-Fa-f]{1,4})[0-9A-Fa-f:]{0,25}(?![\w:])/g,
    45,
    /\d\.\d|[0-9A-Fa-f]:[0-9A-Fa-f:]/,
    (m) => (m.includes(':') ? isIPv6(m) : true),
  ),
  // Not a piece of a longer digit run (card numbers written in groups are not phone numbers).
  phone: detector(
    'phone',
    /(?<![\w+])(?<!\d[ .-])(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?|\d{2,4}[ .-])\d{2,4}[ .-]\d{2,4}(?:[ .-]\d{2,4})?(?!\w)(?![ .-]\d)/g,
    24,
    /\d[ .)-]+\d/,
    (m) => {
      const d = m.replace(/\D/g, '');
      // 10+ digits (or an international prefix): a 9-digit 3-2-4 group is an SSN's shape, not a phone's.
      return (m.startsWith('+') ? d.length >= 8 : d.length >= 10) && d.length <= 15 && !(d.length >= 13 && luhn(d));
    },
  ),
};

/** Maintained default prompt-injection and jailbreak patterns (switchable per domain). */
export const INJECTION_PATTERNS: Array<{ name: string; re: RegExp }> = [
  { name: 'ignore_previous', re: /\b(?:ignore|disregard|forget)\s+(?:all\s+|any\s+|the\s+)?(?:previous|prior|above|earlier)\s+(?:instructions|prompts?|rules|directions)/i },
  { name: 'system_prompt_override', re: /\b(?:disregard|override|bypass)\s+(?:the\s+|your\s+)?(?:system\s+prompt|guidelines|safety\s+rules)/i },
  { name: 'reveal_system_prompt', re: /\b(?:reveal|show|print|repeat|leak)\s+(?:me\s+)?(?:your|the)\s+(?:system\s+prompt|hidden\s+instructions|initial\s+instructions)/i },
  { name: 'dan', re: /\byou\s+are\s+now\s+(?:DAN|in\s+developer\s+mode|jailbroken|unfiltered)\b|\bdo\s+anything\s+now\b/i },
  { name: 'developer_mode', re: /\b(?:enable|activate|enter)\s+(?:developer|god|jailbreak)\s+mode\b/i },
  { name: 'roleplay_no_rules', re: /\bpretend\s+(?:that\s+)?you\s+(?:have\s+no|are\s+free\s+from|don'?t\s+have)\s+(?:rules|restrictions|guidelines|filters)/i },
];

/** All injection patterns in one regular expression: one pass over the prompt; the group names the rule. */
export const INJECTION_ANY = new RegExp(INJECTION_PATTERNS.map((p) => `(?<${p.name}>${p.re.source})`).join('|'), 'i');
