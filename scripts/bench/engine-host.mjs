// A standalone `cordon engine-host --port` for the benchmarks that put one beside the gateway (as on
// a GPU machine): started on a free loopback port with its own data directory, and ready once its
// /healthz answers.
import { spawn } from 'node:child_process';
import net from 'node:net';

/** A free loopback port. */
const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });

/**
 * Starts `cli engine-host` serving the models of `modelsFile` with `token`, its data in `dataDir`,
 * logging at info as a gateway's own host does (its output is not read), llama.cpp on `threads`.
 * Resolves { proc, url } once it is healthy (30 s at most).
 */
export async function startEngineHost({ cli, modelsFile, dataDir, token, threads }) {
  const port = await freePort();
  const env = { ...process.env, CORDON_ENGINE_HOST_TOKEN: token, CORDON_DATA_DIR: dataDir, CORDON_LOG_LEVEL: 'info', CORDON_LLAMA_THREADS: String(threads) };
  delete env.CORDON_ENGINE_HOST_CONFIG;
  delete env.CORDON_ENGINE_HOST_MODELS;
  const proc = spawn(process.execPath, [cli, 'engine-host', '--port', String(port), '--models', modelsFile], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  try {
    for (const end = Date.now() + 30_000; ; ) {
      if (proc.exitCode !== null) throw new Error(`engine host exited with ${proc.exitCode}`);
      if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) break;
      if (Date.now() > end) throw new Error('the engine host did not listen within 30 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  } catch (err) {
    proc.kill('SIGKILL');
    throw err;
  }
  return { proc, url };
}

