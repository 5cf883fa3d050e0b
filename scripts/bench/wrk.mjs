// Load from wrk (Debian package) for the gateway benchmarks: POSTs one JSON body with a bearer key,
// and reads wrk's own summary back (a Lua `done` hook prints it on one line).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The percentiles `percentiles` holds. */
export const PERCENTILES = [50, 90, 95, 98, 99, 99.5, 99.9];

/**
 * Runs wrk against `url` for `seconds` with `conns` connections (one thread), POSTing `body` (GETs
 * when `body` is null), pinned to `core` with taskset when given; `dir` holds its Lua script. Returns completed requests (any status), those
 * answered 200..399 (`ok`), the others (`non2xx`), socket errors, requests/s, p50/p99 in ms, and
 * `percentiles` (p50, p90, p95, p98, p99, p99.5, p99.9, in ms) for the tail benchmarks.
 */
export function wrk({ url, key, body, conns, seconds, core = null, dir, timeoutSeconds = 10 }) {
  const lua = join(dir, `wrk-${conns}-${body === null ? 'get' : Buffer.from(body).length}.lua`);
  const request = body === null ? `wrk.method = "GET"\n` : `wrk.method = "POST"\nwrk.body = ${JSON.stringify(body)}\nwrk.headers["Content-Type"] = "application/json"\n`;
  writeFileSync(
    lua,
    `${request}wrk.headers["Authorization"] = "Bearer ${key}"\n` +
      `done = function(summary, latency, requests)\n  local e = summary.errors\n` +
      `  io.write(string.format("RESULT %d %.3f %d %d %d %d %d", summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout))\n` +
      `  for _, p in ipairs({ ${PERCENTILES.join(', ')} }) do io.write(string.format(" %.3f", latency:percentile(p))) end\n  io.write("\\n")\nend\n`,
  );
  const cmd = ['wrk', '-t', '1', '-c', String(conns), '-d', `${seconds}s`, '--timeout', `${timeoutSeconds}s`, '--latency', '-s', lua, url];
  const text = core === null ? execFileSync(cmd[0], cmd.slice(1), { encoding: 'utf8' }) : execFileSync('taskset', ['-c', String(core), ...cmd], { encoding: 'utf8' });
  const m = /RESULT (\d+) ([\d.]+) (\d+) (\d+) (\d+) (\d+) (\d+)((?: [\d.]+)+)/.exec(text);
  if (!m) throw new Error(`wrk printed no summary:\n${text}`);
  const [requests, duration, status, connect, read, write, timeout] = m.slice(1, 8).map(Number);
  const ms = m[8].trim().split(' ').map((us) => Number(us) / 1000);
  const percentiles = Object.fromEntries(PERCENTILES.map((p, i) => [p, ms[i]]));
  return {
    requests,
    ok: requests - status,
    non2xx: status,
    socketErrors: { connect, read, write, timeout },
    rps: requests / (duration / 1e6),
    p50: percentiles[50],
    p99: percentiles[99],
    percentiles,
  };
}
