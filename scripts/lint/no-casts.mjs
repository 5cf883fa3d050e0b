#!/usr/bin/env node
/**
 * Fails on type casts that switch the type checker off. Types come from the contract (DESIGN.md):
 * a cast that escapes the checker where the contract has a type is a bug, not a shortcut.
 *
 * Counted (both `x as T` and `<T>x` spellings):
 *   - to `any`, or to a type that contains `any` (`as any[]`, `as Record<string, any>`, `<any>x`);
 *   - to `never` (`as never`), which assigns to everything;
 *   - a double cast through `unknown` or `any` (`x as unknown as T`), reported once, at the outer cast.
 * Allowed: `as const`, a single cast to a concrete type (`x as components['schemas']['Key']`),
 * and widening to `unknown` on its own (`x as unknown`). There is no opt-out comment.
 *
 * Scans every `.ts` file under apps/gateway/src and packages/<pkg>/src except generated code
 * (`generated/` folders, `*.gen.ts`, `*.d.ts`). Other roots may be given as arguments.
 * Usage: node scripts/lint/no-casts.mjs [dir ...]   exit 1 when a cast is found, 2 on bad input.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The default roots: the gateway's sources and every package's. */
export function defaultRoots(root = ROOT) {
  const pkgs = join(root, 'packages');
  const roots = [join(root, 'apps/gateway/src')];
  if (existsSync(pkgs)) for (const p of readdirSync(pkgs).sort()) roots.push(join(pkgs, p, 'src'));
  return roots.filter((d) => existsSync(d));
}

/** Every non-generated `.ts` file under `dir`. */
export function sourceFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'generated' && entry.name !== 'node_modules') out.push(...sourceFiles(path));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.gen.ts') && !entry.name.endsWith('.d.ts')) {
      out.push(path);
    }
  }
  return out.sort();
}

const isCast = (n) => ts.isAsExpression(n) || ts.isTypeAssertionExpression(n);
const unwrap = (n) => (ts.isParenthesizedExpression(n) ? unwrap(n.expression) : n);

function containsAny(type) {
  if (type.kind === ts.SyntaxKind.AnyKeyword) return true;
  return ts.forEachChild(type, (c) => (containsAny(c) ? true : undefined)) === true;
}

/** What kind of escape a cast node is, or null when it is allowed. */
function escapeOf(node) {
  const type = node.type;
  const inner = unwrap(node.expression);
  if (isCast(inner) && (inner.type.kind === ts.SyntaxKind.UnknownKeyword || inner.type.kind === ts.SyntaxKind.AnyKeyword)) {
    return `as ${inner.type.kind === ts.SyntaxKind.AnyKeyword ? 'any' : 'unknown'} as T`;
  }
  if (type.kind === ts.SyntaxKind.AnyKeyword) return 'as any';
  if (type.kind === ts.SyntaxKind.NeverKeyword) return 'as never';
  if (containsAny(type)) return 'as <type with any>';
  return null;
}

/** The escapes in one file's text: [{ line, column, kind, text }]. */
export function findCasts(text, fileName = 'input.ts') {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found = [];
  // The inner half of a reported double cast is not reported again.
  const covered = new Set();
  const visit = (node) => {
    if (isCast(node) && !covered.has(node)) {
      const kind = escapeOf(node);
      if (kind) {
        if (kind.endsWith(' as T')) covered.add(unwrap(node.expression));
        const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
        const snippet = node.getText(sf).replace(/\s+/g, ' ');
        found.push({ line: line + 1, column: character + 1, kind, text: snippet.length > 100 ? `${snippet.slice(0, 97)}...` : snippet });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Scans the roots; returns every finding with its file. */
export function scan(roots) {
  const findings = [];
  for (const dir of roots) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`not a directory: ${dir}`);
    for (const file of sourceFiles(dir)) {
      for (const f of findCasts(readFileSync(file, 'utf8'), file)) findings.push({ file, ...f });
    }
  }
  return findings;
}

function main(argv) {
  let roots;
  try {
    roots = argv.length ? argv.map((d) => resolve(d)) : defaultRoots();
    const findings = scan(roots);
    for (const f of findings) console.log(`${relative(process.cwd(), f.file)}:${f.line}:${f.column}  ${f.kind}  ${f.text}`);
    if (findings.length) {
      const files = new Set(findings.map((f) => f.file)).size;
      console.error(`no-casts: ${findings.length} cast(s) that escape the type checker in ${files} file(s). Use the contract's types (see scripts/lint/no-casts.mjs).`);
      return 1;
    }
    console.log(`no-casts: no escaping casts in ${roots.map((r) => relative(process.cwd(), r) || '.').join(', ')}`);
    return 0;
  } catch (err) {
    console.error(`no-casts: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
