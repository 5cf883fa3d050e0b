/**
 * Secrets (API keys, the metrics token, an engine host's token) are kept only as their SHA-256 and
 * compared with it in constant time. One `crypto.hash` call each: no Hash object (a third of
 * createHash's cost, on every request's key check).
 */
import { hash, timingSafeEqual } from 'node:crypto';

/** SHA-256 of a secret's UTF-8 bytes. */
export const secretDigest = (secret: string): Buffer => hash('sha256', secret, 'buffer');

/** The same, hex (as the store and the configuration keep it). */
export const secretDigestHex = (secret: string): string => hash('sha256', secret, 'hex');

/** Whether two SHA-256 digests are equal, in constant time (false unless both are 32 bytes). */
export function sameDigest(a: Buffer, b: Buffer): boolean {
  return a.length === 32 && b.length === 32 && timingSafeEqual(a, b);
}
