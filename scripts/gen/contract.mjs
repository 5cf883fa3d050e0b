// openapi/ -> packages/contract/src/generated: the bundled spec (JSON + YAML + a TS module) and
// openapi-typescript types.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { HEADER, bin, repoRoot, run, write } from './lib.mjs';

export async function generateContract(outRoot) {
  const out = join(outRoot, 'packages/contract/src/generated');
  const tmp = mkdtempSync(join(tmpdir(), 'cordon-bundle-'));
  try {
    const jsonPath = join(tmp, 'openapi.json');
    const yamlPath = join(tmp, 'openapi.yaml');
    const root = process.env.CORDON_OPENAPI_ROOT ?? join(repoRoot, 'openapi/openapi.yaml');
    const cfg = join(repoRoot, 'openapi/redocly.yaml');
    run(bin('redocly'), ['bundle', root, '--config', cfg, '-o', jsonPath, '--ext', 'json']);
    run(bin('redocly'), ['bundle', root, '--config', cfg, '-o', yamlPath, '--ext', 'yaml']);
    const spec = JSON.parse(readFileSync(jsonPath, 'utf8'));
    const json = JSON.stringify(spec, null, 2) + '\n';
    write(join(out, 'openapi.json'), json);
    write(join(out, 'openapi.yaml'), readFileSync(yamlPath, 'utf8'));
    write(
      join(out, 'spec.gen.ts'),
      `${HEADER}/** The bundled OpenAPI description (all $refs internal). */\nexport const openapiSpec: Record<string, any> = ${json.trimEnd()};\n`,
    );
    const ast = await openapiTS(spec, { alphabetize: false, exportType: false });
    write(join(out, 'types.gen.ts'), HEADER + astToString(ast));
    return spec;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
