/** The Redoc site at /docs and the bundled contract at /openapi.json and /openapi.yaml. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router } from 'express';
import { errorBody } from '@cordon/server-kit';

const require = createRequire(import.meta.url);

export function docsRouter(): Router {
  const router = Router();
  // Never sniffed into another type, never framed by another site (clickjacking).
  router.use(['/docs', '/openapi.json', '/openapi.yaml'], (_req, res, next) => {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('x-frame-options', 'DENY');
    next();
  });
  const specJson = readFileSync(require.resolve('@cordon/contract/openapi.json'), 'utf8');
  const specYaml = readFileSync(require.resolve('@cordon/contract/openapi.yaml'), 'utf8');
  const docsFile = join(dirname(fileURLToPath(import.meta.url)), '../../../docs/dist/index.html');
  router.get('/openapi.json', (_req, res) => {
    res.type('application/json').send(specJson);
  });
  router.get('/openapi.yaml', (_req, res) => {
    res.type('application/yaml').send(specYaml);
  });
  router.get(['/docs', '/docs/'], (_req, res) => {
    if (!existsSync(docsFile)) {
      res.status(503).json(errorBody(503, 'The documentation site is not built. Run `npm run build`.', 'docs_not_built'));
      return;
    }
    // Redoc builds its search worker with Function(); without 'unsafe-eval' the browser reports a
    // violation and search runs on the page's thread. The bundle is inline already ('unsafe-inline').
    res.setHeader('content-security-policy', "default-src 'self' 'unsafe-inline' blob: data:; script-src 'self' 'unsafe-inline' 'unsafe-eval'; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; object-src 'none'");
    res.type('html').sendFile(docsFile);
  });
  // Browsers ask every site for /favicon.ico: no icon, and no 404 in the docs' console.
  router.get('/favicon.ico', (_req, res) => {
    res.status(204).end();
  });
  return router;
}
