// What the evidence tests share: a temporary folder where openssl makes test chains, and the
// message of a refusal (which must be a ConfidentialError).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ConfidentialError } from '../src/index.js';

export function opensslDir(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    ssl: (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }),
    read: (file: string) => readFileSync(join(dir, file), 'utf8'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The message of the ConfidentialError `f` throws; fails the test if it throws nothing or something else. */
export function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfidentialError);
    return e instanceof Error ? e.message : String(e);
  }
  throw new Error('not refused');
}
