/**
 * The string formats of the generated request validators, as express-openapi-validator sets them
 * up: ajv-formats' fast formats, then its own OpenAPI formats. The generated code imports this table
 * for formats that are functions (ajv inlines the regular expressions); scripts/gen/server-kit.mjs
 * compiles with the same table (a test checks that the two agree).
 */
import { fastFormats } from 'ajv-formats/dist/formats.js';
import type { Format } from 'ajv';

const maxInt32 = 2 ** 31 - 1;
const minInt32 = (-2) ** 31;
const maxInt64 = 2 ** 63 - 1;
const minInt64 = (-2) ** 63;
const maxFloat = (2 - 2 ** -23) * 2 ** 127;
const minPosFloat = 2 ** -126;

export const requestFormats: Record<string, Format> = {
  ...fastFormats,
  int32: { type: 'number', validate: (i: number) => Number.isInteger(i) && i <= maxInt32 && i >= minInt32 },
  int64: { type: 'number', validate: (i: number) => Number.isInteger(i) && i <= maxInt64 && i >= minInt64 },
  float: { type: 'number', validate: (i: number) => typeof i === 'number' && (i === 0 || (i <= maxFloat && i >= minPosFloat) || (i >= -maxFloat && i <= -minPosFloat)) },
  double: { type: 'number', validate: (i: number) => typeof i === 'number' },
  byte: (b: string) => b.length % 4 === 0 && /^[A-Za-z0-9+/]*(=|==)?$/.test(b),
  binary: true,
  password: true,
  'media-range': true,
};
