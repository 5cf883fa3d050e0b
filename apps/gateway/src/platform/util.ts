/** Small helpers shared by the platform modules. */
import { randomBytes, randomUUID } from 'node:crypto';

/** Unix time in whole seconds (every time in the store is this). */
export const now = (): number => Math.floor(Date.now() / 1000);

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** `length` random lowercase letters and digits, uniformly (rejection sampling, no modulo bias). */
export function randomId(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b < 252) out += ALNUM[b % 36]; // 252 = 7 * 36
      if (out.length === length) break;
    }
  }
  return out;
}

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, the version, then 74 random bits. Ids made
 * later sort later, so a row keyed by one is inserted at the end of its primary key's index rather
 * than on a random page of it. For the tables written at every request (usage records, violations):
 * with random (v4) ids each batch dirtied pages all over the index, and the writer thread spent 9.7
 * µs a record at 16 connections; with these, 5.7 (docs/benchmarks.md, session 16).
 */
export function uuidv7(ms: number = Date.now()): string {
  const random = randomUUID(); // xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx
  const time = ms.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15, 18)}-${random.slice(19)}`;
}

/** Freeze an object graph, so a cached value handed to many callers cannot be changed by one. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);
