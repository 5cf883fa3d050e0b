/** `cordon models pull <url>`: download a model file with a progress bar, resume a partial download, check a sha256. */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface PullOptions {
  url: string;
  out?: string;
  dir: string;
  sha256?: string;
  progress?: NodeJS.WritableStream | null;
  fetch?: typeof fetch;
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function bar(done: number, total: number | null): string {
  const mb = (n: number) => (n / 1048576).toFixed(1);
  if (!total) return `\r${mb(done)} MB`;
  const pct = Math.min(1, done / total);
  const width = 30;
  return `\r[${'#'.repeat(Math.round(pct * width)).padEnd(width, '.')}] ${(pct * 100).toFixed(1).padStart(5)}%  ${mb(done)}/${mb(total)} MB`;
}

export async function pullModel(o: PullOptions): Promise<{ path: string; bytes: number; sha256: string; resumed: boolean }> {
  const name = o.out ?? join(o.dir, basename(new URL(o.url).pathname) || 'model.gguf');
  mkdirSync(dirname(name), { recursive: true });
  const partial = `${name}.part`;
  const have = existsSync(partial) ? statSync(partial).size : 0;
  const f = o.fetch ?? fetch;
  const res = await f(o.url, { headers: have ? { range: `bytes=${have}-` } : {} });
  if (res.status === 416 && have) {
    // Already complete.
  } else if (!res.ok || !res.body) {
    throw new Error(`download failed: HTTP ${res.status}`);
  }
  const resumed = res.status === 206;
  const append = resumed && have > 0;
  let total: number | null = null;
  const range = res.headers.get('content-range');
  if (range && /\/(\d+)$/.test(range)) total = Number(/\/(\d+)$/.exec(range)![1]);
  else if (res.headers.get('content-length')) total = Number(res.headers.get('content-length')) + (append ? have : 0);
  let done = append ? have : 0;
  if (res.status !== 416) {
    const out = createWriteStream(partial, { flags: append ? 'a' : 'w' });
    const reader = res.body!.getReader();
    let lastDraw = 0;
    try {
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) break;
        if (!out.write(value)) await new Promise<void>((r) => out.once('drain', () => r()));
        done += value.byteLength;
        if (o.progress && Date.now() - lastDraw > 100) {
          o.progress.write(bar(done, total));
          lastDraw = Date.now();
        }
      }
    } finally {
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    }
    o.progress?.write(bar(done, total) + '\n');
  }
  const digest = await sha256File(partial);
  if (o.sha256 && digest !== o.sha256.toLowerCase()) {
    throw new Error(`sha256 mismatch: expected ${o.sha256}, got ${digest} (the partial file is kept at ${partial}; delete it to start over)`);
  }
  renameSync(partial, name);
  return { path: name, bytes: statSync(name).size, sha256: digest, resumed };
}
