// After `redocly build-docs`: Redoc 3 shows Redocly's logo from cdn.redoc.ly. The docs site loads
// nothing from another origin (it works offline, makes no third-party request, and its CSP allows
// none), so the logo becomes an inline SVG with the same word.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../dist/index.html', import.meta.url);
const logo = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='56' height='14'%3E%3Ctext x='0' y='11' font-size='11' font-family='sans-serif'%3ERedocly%3C/text%3E%3C/svg%3E";
const html = readFileSync(file, 'utf8');
const out = html.replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g, logo);
if (out.includes('cdn.redoc.ly')) throw new Error('dist/index.html still names cdn.redoc.ly: check src/offline.mjs against this Redoc version');
writeFileSync(file, out);
