/** Small helpers shared by the platform modules. */
import { randomBytes } from 'node:crypto';

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
