// Guardrail patterns cannot hang the gateway: superadmin patterns run on RE2 (linear time), the
// maintained detectors and the blocked-terms matcher stay linear on hostile 1 MB texts.
import { describe, expect, it } from 'vitest';
import { checkInput, compileGuardrails, createOutputFilter, filterOutput, GuardrailConfigError } from '../../src/guardrails/index.js';
import { fullPolicy, mergePolicy } from '../../src/platform/policies.js';

const compile = (p: unknown) => compileGuardrails(fullPolicy(p).guardrails);
const MB = 1 << 20;
const fill = (unit: string, n = MB) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const timed = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
};
/** Generous for a loaded 2-core machine; V8's backtracking takes seconds to forever on each of these. */
const FAST_MS = 500;

const PATHOLOGICAL = ['(a+)+$', '(a|a)*b', '(a|aa)+$', '(.*a){20}', '^(\\w+\\s?)*$'];

describe('pathological superadmin patterns on 1 MB', () => {
  const hostile = 'a'.repeat(MB) + '!';

  for (const pattern of PATHOLOGICAL) {
    it(`${pattern}: blocked pattern, custom PII mask and output pattern each check 1 MB quickly`, () => {
      const asBlock = compile({ guardrails: { input: { blocked_patterns: [{ name: 'p', pattern }] } } });
      const asMask = compile({ guardrails: { input: { pii: { custom: [{ name: 'p', pattern, action: 'mask' }] } } } });
      const asOutput = compile({ guardrails: { output: { blocked_patterns: [{ name: 'p', pattern }] } } });
      const [block, t1] = timed(() => checkInput(asBlock, [hostile]));
      const [mask, t2] = timed(() => checkInput(asMask, [hostile]));
      const [out, t3] = timed(() => filterOutput(asOutput, hostile));
      expect([t1, t2, t3].every((t) => t < FAST_MS), `${pattern}: ${t1.toFixed(0)} / ${t2.toFixed(0)} / ${t3.toFixed(0)} ms`).toBe(true);
      // The verdicts are V8's (on inputs V8 can finish): only (.*a){20} matches 'aaa…a!'.
      const matches = new RegExp(pattern).test('a'.repeat(22) + '!');
      expect(block.action).toBe(matches ? 'block' : 'allow');
      expect(mask.action).toBe(matches ? 'block' : 'allow'); // (.*a){20} spans 1 MB: too costly to locate, so refused, not masked
      expect(out.blocked).toBe(matches ? 'blocked_pattern.p' : undefined);
      if (!matches) expect(out.text).toBe(hostile);
    });
  }

  it('a match that is cheap to locate is still masked in a 1 MB prompt', () => {
    const c = compile({ guardrails: { input: { pii: { custom: [{ name: 'emp', pattern: '\\bEMP-\\d{6}\\b', action: 'mask' }] } } } });
    const text = fill('Notes from the meeting. ', 300_000) + ' EMP-123456 ' + fill('More notes. ', 300_000);
    const [v, ms] = timed(() => checkInput(c, [text]));
    expect(ms).toBeLessThan(FAST_MS);
    expect(v.action).toBe('mask');
    if (v.action === 'mask') expect(v.texts[0]).toBe(text.replace('EMP-123456', '[REDACTED:emp]'));
  });
});

describe('ordinary patterns keep their meaning', () => {
  // [pattern, flags, texts]: masking with the guardrails must equal String.replace with V8's RegExp.
  const cases: Array<[string, string, string[]]> = [
    ['TCK-\\d{5}', '', ['see TCK-12345 and TCK-1234 and xTCK-99999y', 'none']],
    ['\\bblue\\s*falcon\\b', 'i', ['Blue Falcon, BLUE\u00a0FALCON, bluefalcon, blue\t\nfalcon, bluefalcons', 'blue\u2003falcon']],
    ['\\bEMP-\\d{6}\\b', '', ['EMP-123456 EMP-1234567 aEMP-123456 (EMP-654321)']],
    ['(?<code>[A-Z]{3})-\\d+', '', ['ABC-1 abc-2 ABCD-33']],
    ['colou?r', 'i', ['Color colour COLOUR colr']],
    ['^secret.*$', 'm', ['top\nsecret plans\nsecret\nnot secret']],
    ['a.c', '', ['abc a\nc a\rc a\u2028c a.c']],
    ['a.c', 's', ['abc a\nc a\rc']],
    ['[^\\s]+@corp', '', ['mail jo@corp or x y@corp']],
    ['\\S+@corp', '', ['mail jo@corp or\u00a0y@corp']],
    ['\\u0041B[\\u0043-\\u0045]', '', ['ABC ABD ABF']],
    ['[\\s,;]+', '', ['a, b;c \u00a0d']],
    ['\\d*', '', ['a1b22c']],
    ['x|', '', ['axb']],
    ['caf\u00e9|na\u00efve', 'iu', ['CAF\u00c9 na\u00efve cafe']],
    ['\\p{Lu}{2}\\d', 'u', ['AB1 ab2 \u00c9\u00c93']],
    ['[\\w.+-]+@[\\w-]+\\.[\\w.]+', '', ['to: jane.doe+x@example.co.uk, bob@host.org.']],
  ];
  for (const [pattern, flags, texts] of cases) {
    it(`/${pattern}/${flags} masks what V8 matches`, () => {
      const c = compile({ guardrails: { input: { pii: { custom: [{ name: 'k', pattern, action: 'mask' }] } } } });
      const block = compile({ guardrails: { input: { blocked_patterns: [{ name: 'k', pattern, flags }] } } });
      const js = new RegExp(pattern, `${flags}g`);
      for (const text of texts) {
        expect(checkInput(block, [text]).action, text).toBe(js.test(text) ? 'block' : 'allow');
        js.lastIndex = 0;
        if (flags === '') {
          const v = checkInput(c, [text]);
          expect(v.action === 'mask' ? v.texts[0] : text, text).toBe(text.replace(js, '[REDACTED:k]'));
        }
        // Output: a stream stops right before the first match, as V8 finds it.
        const first = new RegExp(pattern, flags).exec(text);
        const out = filterOutput(compile({ guardrails: { output: { blocked_patterns: [{ name: 'k', pattern, flags }] } } }), text);
        expect(out.text, text).toBe(first ? text.slice(0, first.index) : text);
      }
    });
  }
});

describe('patterns RE2 cannot run are refused when the policy is set', () => {
  const refused: Array<[string, RegExp]> = [
    ['(a)\\1', /backreference/],
    ['(?<w>a)\\k<w>', /named backreference/],
    ['secret(?=s)', /lookahead/],
    ['(?!un)safe', /lookahead/],
    ['(?<=\\$)\\d+', /lookbehind/],
    ['(?<!\\d)\\d{9}', /lookbehind/],
    ['(?:\\w{100}){10}', /too complex/],
    ['(?:\\w{100}){11}', /not valid RE2 syntax/],
    ['a{1001}', /not valid RE2 syntax/],
    ['(', /not valid RE2 syntax/],
  ];
  for (const [pattern, why] of refused) {
    it(`refuses ${pattern}, naming the field and the reason`, () => {
      for (const [policy, param] of [
        [{ guardrails: { input: { blocked_patterns: [{ name: 'ok', pattern: 'fine' }, { name: 'x', pattern }] } } }, 'guardrails.input.blocked_patterns[1].pattern'],
        [{ guardrails: { output: { pii: { custom: [{ name: 'x', pattern, action: 'mask' }] } } } }, 'guardrails.output.pii.custom[0].pattern'],
      ] as const) {
        expect(() => mergePolicy(policy)).toThrow(expect.objectContaining({ status: 400, param, message: expect.stringMatching(why) }));
        expect(() => compile(policy)).toThrow(GuardrailConfigError);
        try {
          compile(policy);
        } catch (err) {
          expect(err).toMatchObject({ param, message: expect.stringMatching(why) });
        }
      }
    });
  }

  it('bounds how many patterns and how long a term a policy may hold', () => {
    const many = Array.from({ length: 101 }, (_, i) => ({ name: `p${i}`, pattern: `x${i}` }));
    expect(() => mergePolicy({ guardrails: { input: { blocked_patterns: many } } })).toThrow(expect.objectContaining({ param: 'guardrails.input.blocked_patterns' }));
    expect(() => mergePolicy({ guardrails: { input: { pii: { custom: many.map((p) => ({ ...p, action: 'mask' })) } } } })).toThrow(
      expect.objectContaining({ param: 'guardrails.input.pii.custom' }),
    );
    expect(() => mergePolicy({ guardrails: { output: { blocked_terms: ['x'.repeat(101)] } } })).toThrow(expect.objectContaining({ param: 'guardrails.output.blocked_terms' }));
    const terms = Array.from({ length: 202 }, (_, i) => `${'a '.repeat(48)}b${i}`); // 20,090 characters
    expect(() => mergePolicy({ guardrails: { input: { blocked_terms: terms } } })).toThrow(expect.objectContaining({ param: 'guardrails.input.blocked_terms' }));
    expect(mergePolicy({ guardrails: { input: { blocked_terms: terms.slice(0, 200) } } }).guardrails.input.blocked_terms).toHaveLength(200);
    expect(mergePolicy({ guardrails: { input: { blocked_patterns: many.slice(0, 100) } } }).guardrails.input.blocked_patterns).toHaveLength(100);
  });
});

describe('the maintained matchers stay linear on hostile 1 MB texts', () => {
  const all = compile({
    guardrails: {
      input: { injection_detection: true, pii: { email: 'mask', phone: 'mask', credit_card: 'mask', iban: 'mask', ip_address: 'mask', us_ssn: 'mask' } },
      output: { pii: { email: 'mask', phone: 'mask', credit_card: 'mask', iban: 'mask', ip_address: 'mask', us_ssn: 'mask' } },
    },
  });
  const hostile: Record<string, string> = {
    'letters before one @': fill('a'.repeat(70) + '@b'),
    'dots before one @': fill('a.') + '@',
    'hex groups with a long tail': fill('1:1:1' + 'a'.repeat(30) + ' '),
    'digit groups': fill('12 34 '),
    colons: fill(':'),
    'ignore + 1 MB of spaces': 'ignore' + ' '.repeat(MB),
  };
  it('every detector checks each hostile text fast, input and output', () => {
    // Before: ~300 ms a check for the letters before one @ (the e-mail scan retried 64 characters
    // from every position), ~1-2 s for the hex groups (the IPv6 tail's groups could split one run many ways).
    for (const [name, text] of Object.entries(hostile)) {
      const [, t1] = timed(() => checkInput(all, [text]));
      const [, t2] = timed(() => filterOutput(all, text));
      expect(Math.max(t1, t2), `${name}: ${t1.toFixed(0)} / ${t2.toFixed(0)} ms`).toBeLessThan(150);
    }
  });

  it('e-mail masking still finds the same addresses', () => {
    const c = compile({ guardrails: { input: { pii: { email: 'mask' } } } });
    const text = 'a@b.co, x.y+z@mail.example.org; @nobody, me@localhost, ' + 'l'.repeat(70) + '@long.example.com, a@b.co@c.de';
    const v8 = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}/g;
    const v = checkInput(c, [text]);
    expect(v.action === 'mask' ? v.texts[0] : text).toBe(text.replace(v8, '[REDACTED:email]'));
  });

  it('1,000 blocked terms sharing a first word do not backtrack over a 1 MB run of spaces', () => {
    const c = compile({ guardrails: { input: { blocked_terms: Array.from({ length: 1000 }, (_, i) => `the word${i}`) } } });
    const [v, ms] = timed(() => checkInput(c, ['the' + ' '.repeat(MB) + 'word7x']));
    expect(ms).toBeLessThan(FAST_MS);
    expect(v.action).toBe('allow');
    expect(checkInput(c, ['so THE \u00a0 Word7 here'])).toEqual({ action: 'block', rule: 'blocked_term' });
    expect(checkInput(c, ['the word70x'])).toEqual({ action: 'allow' });
  });
});

describe('a stream with superadmin patterns', () => {
  const run = (policy: unknown, chunks: string[]) => {
    const f = createOutputFilter(compile(policy));
    const parts = chunks.map((ch) => f.push(ch));
    parts.push(f.end());
    return { text: parts.map((p) => p.text).join(''), blocked: parts.find((p) => p.blocked)?.blocked };
  };

  it('never emits the start of a blocked match that spans words and chunks', () => {
    const out = run({ guardrails: { output: { blocked_patterns: [{ name: 'codename', pattern: 'blue\\s+falcon', flags: 'i' }] } } }, ['The plan is Blue', ' Falcon', ' now.']);
    expect(out).toEqual({ text: 'The plan is ', blocked: 'blocked_pattern.codename' });
  });

  it('masks a value whose match spans words even when a chunk ends inside it', () => {
    const out = run({ guardrails: { output: { pii: { custom: [{ name: 'project', pattern: 'Project\\s+Falcon', action: 'mask' }] } } } }, ['About Project Fal', 'con today.']);
    expect(out.text).toBe('About [REDACTED:project] today.');
  });

  it('holds a match that reaches the end of what arrived until it is complete', () => {
    const policy = { guardrails: { output: { blocked_patterns: [{ name: 'emp', pattern: '\\bEMP \\d{6}\\b' }] } } };
    expect(run(policy, ['id EMP 123456', '7 ok'])).toEqual({ text: 'id EMP 1234567 ok', blocked: undefined });
    expect(run(policy, ['id EMP 123456', ' ok'])).toEqual({ text: 'id ', blocked: 'blocked_pattern.emp' });
  });

  it('reads only the held tail on each chunk: a long answer costs linear time', () => {
    // The most a policy may hold: 200 terms of 49 words sharing their first 48, which the last words of the answer keep matching.
    const terms = Array.from({ length: 200 }, (_, i) => `${'a '.repeat(48)}b${i}`);
    const c = compile({ guardrails: { output: { blocked_terms: terms } } });
    const f = createOutputFilter(c);
    const [, ms] = timed(() => {
      for (let i = 0; i < 20_000; i++) f.push('a ');
      f.end();
    });
    expect(ms).toBeLessThan(2000);
  });
});
