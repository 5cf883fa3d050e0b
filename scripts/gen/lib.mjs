// Shared helpers for the generators: paths, running tools, writing files.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const bin = (name) => join(repoRoot, 'node_modules', '.bin', name);

export const HEADER = '// This file is generated from openapi/ by `npm run gen`. Do not edit it by hand.\n';

export function run(cmd, args, opts = {}) {
  return execFileSync(cmd, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...opts });
}

export function write(path, text) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** Every generated output, relative to the repository root (files, or folders whose whole content is generated). */
export const GENERATED = [
  'packages/contract/src/generated',
  'packages/server-kit/src/generated',
  'packages/client/src/generated',
];
