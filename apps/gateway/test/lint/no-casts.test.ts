/** scripts/lint/no-casts.mjs: which casts it reports, and its exit code on a tree with and without them. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../../../scripts/lint/no-casts.mjs', import.meta.url));
const { findCasts } = (await import(SCRIPT)) as { findCasts(text: string): Array<{ line: number; kind: string }> };

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cordon-no-casts-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const run = (dir: string) => spawnSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8' });

describe('no-casts', () => {
  it('reports any, never, any-bearing and double casts, each once', () => {
    const text = [
      'const a = x as any;',
      'const b = <any>x;',
      'const c = x as unknown as Foo;',
      'const d = (x as unknown) as Foo;',
      'const e = undefined as never;',
      'const f = x as Record<string, any>;',
      'const g = x as any as Foo;',
      'const h = <Foo><unknown>x;',
    ].join('\n');
    expect(findCasts(text).map((f) => [f.line, f.kind])).toEqual([
      [1, 'as any'],
      [2, 'as any'],
      [3, 'as unknown as T'],
      [4, 'as unknown as T'],
      [5, 'as never'],
      [6, 'as <type with any>'],
      [7, 'as any as T'],
      [8, 'as unknown as T'],
    ]);
  });

  it('allows as const, a cast to a concrete type, and widening to unknown', () => {
    const text = [
      "const a = ['x'] as const;",
      "const b = x as components['schemas']['Key'];",
      'const c = x as unknown;',
      'const d = <Foo>x;',
      'function f(y: any): Array<any> { return y; }',
    ].join('\n');
    expect(findCasts(text)).toEqual([]);
  });

  it('exits 1 with file:line for a tree with a cast, skipping generated code', () => {
    const dir = tree({
      'ok.ts': 'export const a = 1 as const;\n',
      'sub/bad.ts': 'export const a = 1;\nexport const b = a as any;\n',
      'generated/types.ts': 'export const c = 1 as any;\n',
      'spec.gen.ts': 'export const d = 1 as any;\n',
    });
    const r = run(dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/sub[/\\]bad\.ts:2:18 {2}as any/);
    expect(r.stdout).not.toMatch(/generated|spec\.gen/);
    expect(r.stderr).toContain('1 cast(s)');
  });

  it('exits 0 for a tree without one', () => {
    const r = run(tree({ 'ok.ts': "export const a = { x: 1 } as const;\nexport const b = a as { x: number };\n" }));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
