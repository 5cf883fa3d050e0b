#!/usr/bin/env node
// Compiles src/malloc_trim.c into dist/malloc_trim.node with the system's C compiler ($CC, else cc)
// and Node-API's headers from the node-api-headers package: no node-gyp, no download. Linux only
// (malloc_trim is glibc's). Without a compiler the build goes on and says so: the gateway then runs
// without giving freed native memory back (src/index.ts), which CI does not accept (CI=true fails).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
if (process.platform !== 'linux') process.exit(0);
const include = join(dirname(createRequire(import.meta.url).resolve('node-api-headers/package.json')), 'include');
mkdirSync(join(here, 'dist'), { recursive: true });
const cc = process.env.CC || 'cc';
try {
  execFileSync(cc, ['-O2', '-shared', '-fPIC', '-Wall', '-Wextra', '-Werror', `-I${include}`, join(here, 'src/malloc_trim.c'), '-o', join(here, 'dist/malloc_trim.node')], { stdio: 'inherit' });
} catch (err) {
  console.error(`@cordon/malloc-trim: could not compile the addon with ${cc} (${err instanceof Error ? err.message : err}); the gateway will keep freed native memory reserved after load`);
  if (process.env.CI === 'true') process.exit(1);
}
