// `npm run check:generated`: regenerate into a temporary folder and fail on any difference with the
// committed generated files (a stale, edited, missing or extra file).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { generateAll } from './all.mjs';
import { GENERATED, repoRoot } from './lib.mjs';

function files(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'cordon-gen-'));
try {
  await generateAll(tmp);
  const problems = [];
  for (const rel of GENERATED) {
    const fresh = new Set(files(join(tmp, rel)).map((f) => relative(tmp, f)));
    const committed = new Set(files(join(repoRoot, rel)).map((f) => relative(repoRoot, f)));
    for (const f of fresh) {
      if (!committed.has(f)) problems.push(`missing: ${f}`);
      else if (readFileSync(join(tmp, f), 'utf8') !== readFileSync(join(repoRoot, f), 'utf8')) problems.push(`differs: ${f}`);
    }
    for (const f of committed) if (!fresh.has(f)) problems.push(`not generated any more: ${f}`);
  }
  if (problems.length) {
    console.error('Generated files are out of date. Run `npm run gen` and commit the result.\n' + problems.join('\n'));
    process.exitCode = 1;
  } else {
    console.log('check:generated: all generated files are up to date');
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
