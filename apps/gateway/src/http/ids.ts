/**
 * Random ids for the request path (request ids, completion and response ids), cut from a pooled
 * buffer of CSPRNG bytes refilled 8 KB at a time: one getrandom call per few hundred ids instead of
 * one per id. Not for secrets (keys use crypto.randomBytes directly).
 */
import { randomFillSync } from 'node:crypto';

const POOL = Buffer.allocUnsafe(8192);
let at = POOL.length;

export function randomToken(bytes: number, encoding: 'hex' | 'base64url'): string {
  if (at + bytes > POOL.length) {
    randomFillSync(POOL);
    at = 0;
  }
  const s = POOL.toString(encoding, at, at + bytes);
  at += bytes;
  return s;
}
