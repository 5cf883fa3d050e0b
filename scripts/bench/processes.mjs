// Starting the processes the benchmarks measure: a free loopback port, waiting for a server's
// /healthz or for the URL a gateway logs at start, and a standalone `cordon engine-host --port` (as
// on a GPU machine).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';

/** A free loopback port. */
export const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Resolves once `url`/healthz answers 2xx; rejects if `proc` exits first or after `ms`. */
export async function waitHealthy(url, proc, ms = 30_000) {
  for (const end = Date.now() + ms; ; await sleep(50)) {
    if (proc.exitCode !== null) throw new Error(`${url}: exited with ${proc.exitCode}`);
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) return;
    if (Date.now() > end) throw new Error(`${url}: no /healthz within ${ms / 1000} s`);
  }
}

/**
 * The URL a `cordon serve` started with CORDON_PORT=0 logs when it listens, read from `logPath` (its
 * stdout is that file, as a log collector that keeps up would take it); rejects with the log's tail
 * if it exits first or does not listen within 30 s.
 */
export async function gatewayUrlFromLog(proc, logPath) {
  for (const until = Date.now() + 30_000; ; await sleep(50)) {
    const log = readFileSync(logPath, 'utf8');
    const url = /"url":"([^"]+)"/.exec(log)?.[1];
    if (url) return url;
    if (proc.exitCode !== null || Date.now() > until) throw new Error(`the gateway did not start: ${log.slice(-2000)}`);
  }
}

/**
 * Starts `cli engine-host` serving the models of `modelsFile` with `token`, its data in `dataDir`,
 * logging at info as a gateway's own host does (its output is not read), llama.cpp on `threads`.
 * Resolves { proc, url } once it is healthy.
 */
export async function startEngineHost({ cli, modelsFile, dataDir, token, threads }) {
  const port = await freePort();
  const env = { ...process.env, CORDON_ENGINE_HOST_TOKEN: token, CORDON_DATA_DIR: dataDir, CORDON_LOG_LEVEL: 'info', CORDON_LLAMA_THREADS: String(threads) };
  delete env.CORDON_ENGINE_HOST_CONFIG;
  delete env.CORDON_ENGINE_HOST_MODELS;
  const proc = spawn(process.execPath, [cli, 'engine-host', '--port', String(port), '--models', modelsFile], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitHealthy(url, proc);
  } catch (err) {
    proc.kill('SIGKILL');
    throw err;
  }
  return { proc, url };
}
