/**
 * What the source lints share (no-casts.mjs, no-literal-accessors.mjs): the files they read (every
 * `.ts` file under apps/gateway/src and packages/<pkg>/src except generated code: `generated/`
 * folders, `*.gen.ts`, `*.d.ts`), the scan, and the command line (roots as arguments; exit 1 on a
 * finding, 2 on bad input). There is no opt-out comment.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** Scans the roots with `find(text, fileName)`; returns every finding with its file. */
export function scan(roots, find) {
  const findings = [];
  for (const dir of roots) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`not a directory: ${dir}`);
    for (const file of sourceFiles(dir)) {
      for (const f of find(readFileSync(file, 'utf8'), file)) findings.push({ file, ...f });
    }
  }
  return findings;
}

/**
 * The command line of a lint: scans `argv` (or the default roots), prints each finding as
 * `file:line:column  kind  text`, and returns the exit code.
 */
export function runLint(argv, { name, find, clean, failed }) {
  let roots;
  try {
    roots = argv.length ? argv.map((d) => resolve(d)) : defaultRoots();
    const findings = scan(roots, find);
    for (const f of findings) console.log(`${relative(process.cwd(), f.file)}:${f.line}:${f.column}  ${f.kind}  ${f.text}`);
    if (findings.length) {
      console.error(`${name}: ${failed(findings.length, new Set(findings.map((f) => f.file)).size)}`);
      return 1;
    }
    console.log(`${name}: ${clean} in ${roots.map((r) => relative(process.cwd(), r) || '.').join(', ')}`);
    return 0;
  } catch (err) {
    console.error(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
}

/** One finding at `node`: its line and column (1-based), its kind, and its text (shortened). */
export function findingAt(sf, node, kind) {
  const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  const snippet = node.getText(sf).replace(/\s+/g, ' ');
  return { line: line + 1, column: character + 1, kind, text: snippet.length > 100 ? `${snippet.slice(0, 97)}...` : snippet };
}
