// The bundled spec -> packages/client/src/generated with @hey-api/openapi-ts (bundled fetch client + SDK).
import { createClient } from '@hey-api/openapi-ts';
import { join } from 'node:path';

export async function generateClient(outRoot, spec) {
  await createClient({
    input: spec,
    output: { path: join(outRoot, 'packages/client/src/generated'), clean: true, importFileExtension: '.js' },
    plugins: ['@hey-api/client-fetch', '@hey-api/typescript', { name: '@hey-api/sdk' }],
    logs: { level: 'silent' },
  });
}
