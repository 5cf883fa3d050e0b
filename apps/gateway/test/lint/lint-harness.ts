/** What the lint tests share: a lint script under scripts/lint, throwaway source trees, and a run of the script over one. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export function lintHarness(name: string) {
  const script = fileURLToPath(new URL(`../../../../scripts/lint/${name}.mjs`, import.meta.url));
  const roots: string[] = [];
  afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
  return {
    script,
    /** A tree of files (path -> text) in a new temporary directory. */
    tree(files: Record<string, string>): string {
      const root = mkdtempSync(join(tmpdir(), `cordon-${name}-`));
      roots.push(root);
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(root, path, '..'), { recursive: true });
        writeFileSync(join(root, path), text);
      }
      return root;
    },
    run: (dir: string) => spawnSync(process.execPath, [script, dir], { encoding: 'utf8' }),
  };
}
