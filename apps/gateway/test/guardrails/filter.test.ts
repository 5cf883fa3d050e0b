// The guardrail engine on its own: detectors, look-alikes, and how little a stream holds back.
import { describe, expect, it } from 'vitest';
import { checkInput, compileGuardrails, createOutputFilter, filterOutput, GuardrailConfigError } from '../../src/guardrails/index.js';
import { ibanValid, luhn } from '../../src/guardrails/detectors.js';
import { fullPolicy } from '../../src/platform/policies.js';

const compile = (p: unknown) => compileGuardrails(fullPolicy(p).guardrails);
const maskAll = compile({ guardrails: { input: { pii: { email: 'mask', phone: 'mask', credit_card: 'mask', iban: 'mask', ip_address: 'mask', us_ssn: 'mask' } }, output: { pii: { email: 'mask', credit_card: 'mask', iban: 'mask', us_ssn: 'mask', phone: 'allow', ip_address: 'mask' }, blocked_terms: ['top secret'] } } });

describe('detectors', () => {
  it('checksums reject look-alikes', () => {
    expect(luhn('4111111111111111')).toBe(true);
    expect(luhn('4111111111111112')).toBe(false);
    expect(ibanValid('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(ibanValid('GB82 WEST 1234 5698 7654 33')).toBe(false);
  });

  it('masks each kind in input, and leaves look-alikes alone', () => {
    const v = checkInput(maskAll, [
      'a@b.co, +44 20 7946 0958, 4111-1111-1111-1111, GB82WEST12345698765432, 10.0.0.1, fe80::1:2:3:4, 078-05-1120',
      'not a card 4111 1111 1111 1112, not an ip 999.1.1.1, not an ssn 000-12-3456',
    ]);
    expect(v.action).toBe('mask');
    if (v.action !== 'mask') return;
    for (const kind of ['email', 'phone', 'credit_card', 'iban', 'ip_address', 'us_ssn']) expect(v.texts[0]).toContain(`[REDACTED:${kind}]`);
    expect(v.texts[1]).toBe('not a card 4111 1111 1111 1112, not an ip 999.1.1.1, not an ssn 000-12-3456');
  });

  it('refuses a policy whose pattern does not compile, naming the rule', () => {
    expect(() => compile({ guardrails: { input: { blocked_patterns: [{ name: 'bad', pattern: '(' }] } } })).toThrow(GuardrailConfigError);
  });
});

describe('stream filter', () => {
  it('catches values split across chunks', () => {
    const f = createOutputFilter(maskAll);
    const out = ['Write to jo', 'hn@exa', 'mple.com or pay 4111 11', '11 1111 1111 now.'].map((c) => f.push(c).text).join('') + f.end().text;
    expect(out).toBe('Write to [REDACTED:email] or pay [REDACTED:credit_card] now.');
  });

  it('holds back only the tail that could still become a match', () => {
    const f = createOutputFilter(maskAll);
    expect(f.push('Hello there, ').text).toBe('Hello there, ');
    expect(f.push('how are you').text).toBe('how are '); // "you" may still grow; "top" of "top secret" too
    expect(f.push(' today? ').text).toBe('you today? ');
    expect(f.push('That is top').text).toBe('That is ');
    expect(f.push(' marks').text).toBe(''); // "top" could begin "top secret"
    expect(f.push(' indeed ').text).toBe('top marks indeed ');
  });

  it('stops at a blocked term, emitting only what came before it', () => {
    const f = createOutputFilter(maskAll);
    const a = f.push('This is top');
    const b = f.push(' secret stuff');
    expect(a.text + b.text).toBe('This is ');
    expect(b.blocked).toBe('blocked_term');
  });

  it('filters a whole text too', () => {
    expect(filterOutput(maskAll, 'mail a@b.co').text).toBe('mail [REDACTED:email]');
  });
});

describe('adversarial input stays linear', () => {
  it('checks a 100 KB hostile prompt quickly', () => {
    const c = compile({ guardrails: { input: { blocked_terms: ['x y z'], injection_detection: true, pii: { email: 'block', phone: 'block', credit_card: 'block', iban: 'block', ip_address: 'block', us_ssn: 'block' } } } });
    for (const hostile of ['a'.repeat(100_000), '1 '.repeat(50_000), 'a.'.repeat(50_000) + '@', '1-'.repeat(50_000), ':'.repeat(100_000)]) {
      const t0 = performance.now();
      checkInput(c, [hostile]);
      expect(performance.now() - t0).toBeLessThan(500);
    }
  });
});
