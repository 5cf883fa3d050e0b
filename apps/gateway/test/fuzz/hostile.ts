/**
 * Hostile values and byte-level corruptions for the mutated requests: wrong types, huge, negative
 * and non-finite numbers, deep nesting, long strings, unicode (lone surrogates, NUL, controls,
 * bidi), invalid UTF-8, oversized and truncated bodies. Values that JSON.stringify cannot produce
 * (deep nesting, 2^53+1, 1e999) are carried as raw JSON text.
 */
import fc from 'fast-check';

/** A JSON fragment written as is into the serialized body (see `serialize`). */
export class RawJson {
  constructor(readonly text: string) {}
}

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const nasty = fc.constantFrom('\u0000', '\u202e', '\ufeff', '\u200b', '\uffff', '\u{10ffff}', 'Ａ', '\u0301\u0301\u0301', '👩‍👩‍👧‍👦', '\r\n', '\u2028', '%00', '${x}', '{{x}}', '<|im_start|>', '</s>', '\\', '"');

export const unicodeString = fc
  .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), loneSurrogate, nasty), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join(''));

export const longString = fc.tuple(fc.constantFrom(1_000, 65_536, 300_000, 1_100_000), fc.constantFrom('a', 'é', '🙂', 'a b ', '\u0000')).map(([n, c]) => c.repeat(Math.ceil(n / c.length)));

const bigNumber = fc.constantFrom<unknown>(
  2 ** 31,
  2 ** 32 + 1,
  -(2 ** 31) - 1,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  1e308,
  -1e308,
  99999999,
  -1,
  -0,
  0.5,
  1e-320,
  new RawJson('9007199254740993'),
  new RawJson('1e999'),
  new RawJson('-1e999'),
  new RawJson('123456789012345678901234567890'),
);

const wrongType = fc.constantFrom<unknown>(null, true, false, 0, '', [], {}, [null], { '': null }, '0', 'null', 'true');

const deepNesting = fc.tuple(fc.constantFrom(64, 1_000, 20_000, 200_000), fc.constantFrom('[', '{"a":')).map(([depth, open]) =>
  new RawJson(open === '[' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
);

const wideArray = fc.tuple(fc.constantFrom(100, 2_000, 20_000), fc.constantFrom<unknown>(0, 'x', { role: 'user', content: 'x' }, [1], null)).map(([n, v]) => new Array(n).fill(v));
const wideObject = fc.constantFrom(100, 5_000, 50_000).map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i])));
/** Token ids no vocabulary has: negative, 2^31 and above, any integer. */
export const tokenIds = fc.array(fc.oneof(fc.constantFrom(-1, 2 ** 31 - 1, 2 ** 31, 99999999, -(2 ** 31)), fc.integer()), { minLength: 1, maxLength: 8 });

/** Any hostile value. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: wrongType, weight: 4 },
  { arbitrary: bigNumber, weight: 4 },
  { arbitrary: unicodeString, weight: 4 },
  { arbitrary: longString, weight: 1 },
  { arbitrary: deepNesting, weight: 1 },
  { arbitrary: wideArray, weight: 1 },
  { arbitrary: wideObject, weight: 1 },
  { arbitrary: tokenIds, weight: 2 },
);

export const extraKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', 'model ', 'MODEL', 'x'.repeat(5000)), unicodeString, fc.string({ maxLength: 10 }));

/** JSON with RawJson fragments spliced in. Plain JSON.stringify for everything else. */
export function serialize(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : serialize(v))).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}:${serialize(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Corruptions of an already serialized body. */
export const byteCorruption: fc.Arbitrary<(body: Buffer) => Buffer> = fc.oneof(
  fc.nat().map((at) => (b: Buffer) => b.subarray(0, b.length ? at % b.length : 0)), // truncated
  fc.constantFrom(Buffer.from([0xff, 0xfe]), Buffer.from([0xc0, 0xaf]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xf8, 0x88, 0x80, 0x80, 0x80]), Buffer.from([0x80]), Buffer.from([0])).chain((bad) =>
    fc.nat().map((at) => (b: Buffer) => {
      // invalid UTF-8 (or NUL) inside the first string literal, else anywhere
      const q = b.indexOf('"');
      const i = q >= 0 ? q + 1 : b.length ? at % b.length : 0;
      return Buffer.concat([b.subarray(0, i), bad, b.subarray(i)]);
    }),
  ),
  fc.constant((b: Buffer) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b])), // BOM
  fc.constant((b: Buffer) => Buffer.concat([b, Buffer.from('}garbage')])),
  fc.constant((b: Buffer) => Buffer.from(b.toString('utf8').replace(/^\{/, '{"model":1,"model":"x",'))), // duplicate keys
  fc.constant((b: Buffer) => Buffer.from(b.toString('utf8').replace(/"/g, "'"))),
  fc.constant(() => Buffer.alloc(0)),
  fc.constant(() => Buffer.from('NaN')),
  fc.constant(() => Buffer.alloc(11 * 1024 * 1024, 0x20)), // over the 10 MB JSON limit
  fc.constant((b: Buffer) => Buffer.from(b.toString('utf8'), 'utf16le')), // UTF-16 sent as JSON
);
