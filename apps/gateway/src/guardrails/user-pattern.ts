/**
 * Patterns a superadmin supplies (blocked patterns, custom PII kinds, blocked terms) run on re2js,
 * a linear-time engine with RE2 semantics: no input can make a match backtrack. JavaScript
 * spellings are read as JavaScript means them where RE2 differs (`\s`, `.`, `\uXXXX`, `[^]`,
 * `(?<name>…)`); what RE2 cannot run in linear time (backreferences, lookarounds) is refused with
 * the reason, when the policy is set.
 */
import { RE2JS } from 're2js';

/**
 * The largest compiled program (RE2's instruction count, its measure of a pattern's cost). Finding
 * where a match lies costs up to this many steps per input character, so it bounds the work.
 */
export const MAX_PATTERN_PROGRAM = 1000;

/**
 * The most work (characters x program size) spent locating matches of RE2 patterns in one check of
 * one text, about 0.1-0.35 s at 10-35 ns a step. A text whose matches would cost more is refused
 * (input) or cut off (output) by the rule, rather than masked: the guardrails fail closed.
 */
export const MAX_LOCATE_WORK = 10_000_000;

/** Why a pattern cannot run: a phrase that follows "The pattern …". */
export class UserPatternError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UserPatternError';
  }
}

/** JavaScript's `\s` (RE2's is only [\t\n\f\r ]), as the inside of a character class. */
const JS_SPACE = '\\t-\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';
/** JavaScript's `.` without the s flag (RE2's excludes only \n). */
const JS_DOT = '[^\\n\\r\\x{2028}\\x{2029}]';
/** RE2 inline flags, e.g. `(?s)`: the author writes RE2 and means RE2's `.`. */
const INLINE_FLAGS = /\(\?[imsU-]+[:)]/;

const FLAG_BITS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL, u: 0 };

/**
 * The pattern in RE2 syntax, with JavaScript's meaning of `\s`, `\S` and `.`; throws for the
 * constructs RE2 cannot run, naming them.
 */
function toRe2Syntax(src: string, dotAll: boolean): string {
  const dot = dotAll || INLINE_FLAGS.test(src) ? '.' : JS_DOT;
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') {
      const n = src[i + 1] ?? '';
      if (!inClass && n >= '1' && n <= '9') {
        throw new UserPatternError(`uses a backreference (\\${n}), which a linear-time engine cannot match (RE2 syntax has none)`);
      }
      if (n === 'k' && src[i + 2] === '<') throw new UserPatternError('uses a named backreference (\\k<…>), which a linear-time engine cannot match (RE2 syntax has none)');
      i++;
      if (n === 's') out += inClass ? JS_SPACE : `[${JS_SPACE}]`;
      else if (n === 'S' && !inClass) out += `[^${JS_SPACE}]`;
      else out += c + n;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '(' && src[i + 1] === '?') {
      const look = src.startsWith('(?=', i) || src.startsWith('(?!', i) ? 'lookahead' : src.startsWith('(?<=', i) || src.startsWith('(?<!', i) ? 'lookbehind' : null;
      if (look) throw new UserPatternError(`uses a ${look} (${src.slice(i, i + (look === 'lookahead' ? 3 : 4))}…), which RE2 syntax does not have; match the surrounding text instead, or use \\b`);
    }
    if (c === '[') {
      // JavaScript's [] (nothing) and [^] (anything) are whole classes; translateRegExp spells them for RE2.
      const whole = src.startsWith('[]', i) ? 2 : src.startsWith('[^]', i) ? 3 : 0;
      if (whole) {
        out += src.slice(i, i + whole);
        i += whole - 1;
        continue;
      }
      inClass = true;
      out += c;
      if (src[i + 1] === '^') out += src[++i];
      continue;
    }
    out += c === '.' ? dot : c;
  }
  return RE2JS.translateRegExp(out);
}

/** Compiles a superadmin's pattern with its flags (any of i, m, s, u); throws UserPatternError saying why it cannot run. */
export function compileUserPattern(pattern: string, flags = ''): RE2JS {
  let bits = 0;
  for (const f of flags) {
    const bit = FLAG_BITS[f];
    if (bit === undefined) throw new UserPatternError(`has the flag '${f}'; only i, m, s and u are supported`);
    bits |= bit;
  }
  const source = toRe2Syntax(pattern, flags.includes('s'));
  let re: RE2JS;
  try {
    re = RE2JS.compile(source, bits);
  } catch (err) {
    throw new UserPatternError(`is not valid RE2 syntax (${(err as Error).message.replace(/^error parsing regexp: /, '')})`);
  }
  const size = re.programSize();
  if (size > MAX_PATTERN_PROGRAM) {
    throw new UserPatternError(`is too complex for the linear-time engine (program size ${size}, at most ${MAX_PATTERN_PROGRAM}); use smaller counted repetitions such as {n,m}`);
  }
  return re;
}

/**
 * One case-insensitive pattern matching any of the blocked terms, each a whole word where it
 * starts or ends with a word character, with any run of whitespace between its words.
 */
export function compileTerms(terms: string[]): RE2JS {
  const alts = terms.map((t) => {
    const body = t.split(/\s+/).map((w) => RE2JS.quote(w)).join(`[${JS_SPACE}]+`);
    return `${/^\w/.test(t) ? '\\b' : ''}${body}${/\w$/.test(t) ? '\\b' : ''}`;
  });
  return RE2JS.compile(alts.join('|'), RE2JS.CASE_INSENSITIVE);
}
