#!/usr/bin/env node
/**
 * Fails on a getter or setter in an object literal (`{ get usage() { ... } }`). V8 makes a literal's
 * accessor pair in the old generation, and from there it keeps the young closures it holds alive,
 * with everything they reach, through every young-generation collection until the next full one.
 * Made per request, that promotes the whole request: every streamed request did so until session 22
 * (5.5 KB a request, on Node 20, 22 and 24; docs/benchmarks.md). Use a class, whose accessors live
 * on its prototype, made once. (`Object.defineProperty` with `get`/`set` does the same; it is not
 * used in src/.)
 *
 * Scans the sources source-lint.mjs names; other roots may be given as arguments.
 * Usage: node scripts/lint/no-literal-accessors.mjs [dir ...]   exit 1 when one is found, 2 on bad input.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { findingAt, runLint } from './source-lint.mjs';

/** The accessors of object literals in one file's text: [{ line, column, kind, text }]. */
export function findLiteralAccessors(text, fileName = 'input.ts') {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found = [];
  const visit = (node) => {
    if (ts.isObjectLiteralExpression(node)) {
      for (const p of node.properties) {
        if (ts.isGetAccessorDeclaration(p)) found.push(findingAt(sf, p, 'getter in an object literal'));
        else if (ts.isSetAccessorDeclaration(p)) found.push(findingAt(sf, p, 'setter in an object literal'));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = runLint(process.argv.slice(2), {
    name: 'no-literal-accessors',
    find: findLiteralAccessors,
    clean: 'no accessors in object literals',
    failed: (n, files) => `${n} accessor(s) in object literals in ${files} file(s). Use a class (see scripts/lint/no-literal-accessors.mjs).`,
  });
}
