// `npm run gen`: regenerate everything that derives from openapi/ (into the repo, or into --out DIR).
import { generateContract } from './contract.mjs';
import { generateServerKit } from './server-kit.mjs';
import { generateClient } from './client.mjs';
import { repoRoot } from './lib.mjs';

export async function generateAll(outRoot = repoRoot) {
  const spec = await generateContract(outRoot);
  generateServerKit(outRoot, spec);
  await generateClient(outRoot, spec);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--out');
  await generateAll(i > 0 ? process.argv[i + 1] : repoRoot);
  console.log('generated: packages/contract, packages/server-kit, packages/client');
}
