// The gateway's demo-model writers (apps/gateway/dist/platform/demo-models/), for the scripts that
// write the models outside the gateway. They need the built gateway (`npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export async function demoModels(kind) {
  const file = new URL(`../apps/gateway/dist/platform/demo-models/${kind}.js`, import.meta.url);
  if (!existsSync(fileURLToPath(file))) throw new Error(`${fileURLToPath(file)} is missing: run \`npm run build\` first`);
  return import(file.href);
}
