/** scripts/lint/no-literal-accessors.mjs: which accessors it reports, and its exit code on a tree with and without them. */
import { describe, expect, it } from 'vitest';
import { lintHarness } from './lint-harness.js';

const { script, tree, run } = lintHarness('no-literal-accessors');
const { findLiteralAccessors } = (await import(script)) as { findLiteralAccessors(text: string): Array<{ line: number; kind: string }> };

describe('no-literal-accessors', () => {
  it('reports getters and setters of object literals, nested ones too', () => {
    const text = [
      'const a = { x: 1, get y() { return 2; } };',
      'const b = { set z(v: number) {} };',
      'const c = f({ inner: { get w() { return 3; } } });',
    ].join('\n');
    expect(findLiteralAccessors(text).map((f) => [f.line, f.kind])).toEqual([
      [1, 'getter in an object literal'],
      [2, 'setter in an object literal'],
      [3, 'getter in an object literal'],
    ]);
  });

  it("allows a class's accessors, methods and arrow functions in literals", () => {
    const text = [
      'class A { get x() { return 1; } set x(v: number) {} }',
      'const b = { get: () => 1, set: (v: number) => v, m() { return 2; } };',
      'const c = new (class { get y() { return 3; } })();',
    ].join('\n');
    expect(findLiteralAccessors(text)).toEqual([]);
  });

  it('exits 1 with file:line for a tree with one, skipping generated code, and 0 without', () => {
    const bad = run(tree({ 'sub/bad.ts': 'export const a = {\n  get b() { return 1; },\n};\n', 'generated/x.ts': 'export const c = { get d() { return 1; } };\n' }));
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/sub[/\\]bad\.ts:2:3 {2}getter in an object literal/);
    expect(bad.stdout).not.toMatch(/generated/);
    expect(bad.stderr).toContain('1 accessor(s)');
    const good = run(tree({ 'ok.ts': 'export class A { get b() { return 1; } }\n' }));
    expect(good.stderr).toBe('');
    expect(good.status).toBe(0);
  });
});
