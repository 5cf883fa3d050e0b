/** scripts/lint/no-casts.mjs: which casts it reports, and its exit code on a tree with and without them. */
import { describe, expect, it } from 'vitest';
import { lintHarness } from './lint-harness.js';

const { script, tree, run } = lintHarness('no-casts');
const { findCasts } = (await import(script)) as { findCasts(text: string): Array<{ line: number; kind: string }> };

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
