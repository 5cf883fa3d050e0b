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
 * Scans the sources source-lint.mjs names (apps/gateway/src, packages/<pkg>/src, not generated
 * code). Other roots may be given as arguments.
 * Usage: node scripts/lint/no-casts.mjs [dir ...]   exit 1 when a cast is found, 2 on bad input.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { findingAt, runLint } from './source-lint.mjs';

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
        found.push(findingAt(sf, node, kind));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = runLint(process.argv.slice(2), {
    name: 'no-casts',
    find: findCasts,
    clean: 'no escaping casts',
    failed: (n, files) => `${n} cast(s) that escape the type checker in ${files} file(s). Use the contract's types (see scripts/lint/no-casts.mjs).`,
  });
}
