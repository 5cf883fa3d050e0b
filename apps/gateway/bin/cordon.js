#!/usr/bin/env node
// The `cordon` command as npm links it (npx cordon, an installed package, a global install).
// This file is committed with its execute bit, so the link works before and after a build; it runs
// the built CLI, or says how to build it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write(`cordon: the CLI is not built yet (${fileURLToPath(cli)} is missing).\nRun \`npm run build\` (or \`npm start\`) in the repository root first.\n`);
  process.exit(1);
}
const { runCli } = await import(cli.href);
await runCli(process.argv.slice(2));
