/** PII detectors: a bounded regular expression to find candidates, and a check that rejects look-alikes. */
import { isIPv6 } from 'node:net';

export type PiiKind = 'email' | 'phone' | 'credit_card' | 'iban' | 'ip_address' | 'us_ssn';

export interface Detector {
  kind: string;
  /** Global, bounded (no unbounded repetition), so a 100 KB prompt is scanned in linear time. */
  re: RegExp;
  /** The longest text a match can be: how much a stream must hold back. */
  maxLen: number;
  valid?(match: string): boolean;
  /** A cheap test that must pass for any match to exist (skips the scan on most prose). */
  hint?: RegExp;
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

export const PII_DETECTORS: Record<PiiKind, Detector> = {
  email: { kind: 'email', re: /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}/g, maxLen: 64 + 1 + 200, hint: /@/ },
  credit_card: {
    kind: 'credit_card',
    re: /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d])/g,
    maxLen: 19 + 18,
    hint: /\d{4}/,
    valid: (m) => {
      const d = m.replace(/\D/g, '');
      return d.length >= 13 && d.length <= 19 && luhn(d);
    },
  },
  iban: { kind: 'iban', re: /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b/g, maxLen: 34 + 8, valid: ibanValid, hint: /[A-Z]{2}\d{2}/ },
  us_ssn: { kind: 'us_ssn', re: /\b(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b/g, maxLen: 11, hint: /\d-\d/ },
  ip_address: {
    kind: 'ip_address',
    re: /\b(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\b|(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){2,7}(?::|[0-9A-Fa-f]{1,4})(?:[0-9A-Fa-f]{0,4}:?){0,5}(?![\w:])/g,
    maxLen: 45,
    hint: /\d\.\d|[0-9A-Fa-f]:[0-9A-Fa-f:]/,
    valid: (m) => (m.includes(':') ? isIPv6(m) : true),
  },
  phone: {
    kind: 'phone',
    // Not a piece of a longer digit run (card numbers written in groups are not phone numbers).
    re: /(?<![\w+])(?<!\d[ .-])(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?|\d{2,4}[ .-])\d{2,4}[ .-]\d{2,4}(?:[ .-]\d{2,4})?(?!\w)(?![ .-]\d)/g,
    maxLen: 24,
    hint: /\d[ .)-]+\d/,
    valid: (m) => {
      const d = m.replace(/\D/g, '');
      // 10+ digits (or an international prefix): a 9-digit 3-2-4 group is an SSN's shape, not a phone's.
      return (m.startsWith('+') ? d.length >= 8 : d.length >= 10) && d.length <= 15 && !(d.length >= 13 && luhn(d));
    },
  },
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
