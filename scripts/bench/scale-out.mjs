#!/usr/bin/env node
// Scale-out on PostgreSQL (issue 14): one gateway on SQLite against two and three gateway instances
// behind nginx sharing one PostgreSQL and one Redis, in front of the fake upstream model that the
// gateway-overhead bench uses (fake-upstream.mjs), loaded by wrk (wrk.mjs). Reports throughput,
// added latency (through it minus direct to the fake), CPU per request of the gateways, nginx and
// PostgreSQL, and PostgreSQL's transactions and rows per request. Then kills one of three instances
// under load (SIGKILL, then SIGTERM to another), starts the killed one again on its data directory
// (which writes the usage records it had spooled), and compares the 200 answers wrk saw with the
// usage rows in PostgreSQL.
//   node scripts/bench/scale-out.mjs [--seconds 8] [--conns 32] [--kill-only]
// Needs: apps/gateway/dist (npx tsc -p apps/gateway/tsconfig.json), wrk, nginx, redis-server and
// PostgreSQL (Debian packages). Loopback only; stops by itself (a hard limit of 8 minutes); every
// process it started is killed on exit. PostgreSQL and Redis are the tests' throwaway servers
// (apps/gateway/test/support), loaded through jiti (a dependency of vitest).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';
import pgLib from 'pg';
import { startFakeUpstream } from './fake-upstream.mjs';
import { wrk } from './wrk.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, def) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const SECONDS = arg('--seconds', 8);
const CONNS = arg('--conns', 32);
const KILL_SECONDS = 10;
const KILL_AT_S = 4;
/** Fewer connections in the kill runs: wrk does not count the requests in flight when it stops, so the bound on that error is small. */
const KILL_CONNS = 8;
const HARD_LIMIT_MS = 8 * 60_000;
const key = 'bench-admin-key-0123456789';
const CLK_TCK = 100;
const tmp = mkdtempSync(join(os.tmpdir(), 'cordon-scale-'));

const children = [];
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
});
setTimeout(() => {
  console.error(`scale-out: stopped at the ${HARD_LIMIT_MS / 60_000}-minute limit`);
  process.exit(2);
}, HARD_LIMIT_MS).unref();
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

const jiti = createJiti(import.meta.url);
const { startPostgres } = await jiti.import(join(root, 'apps/gateway/test/support/postgres.ts'));
const { startRedis, freePort } = await jiti.import(join(root, 'apps/gateway/test/support/redis.ts'));

// ---- CPU time of a process and of its children (/proc), in ms -------------------------------------
function stat(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return { ppid: Number(f[1]), self: Number(f[11]) + Number(f[12]), reaped: Number(f[13]) + Number(f[14]) };
  } catch {
    return null;
  }
}
/** The process's CPU, its reaped children's, and its live children's (PostgreSQL: the postmaster and its backends). */
function treeCpuMs(pid) {
  const top = stat(pid);
  if (!top) return 0;
  let ticks = top.self + top.reaped;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const s = stat(d);
    if (s && s.ppid === pid) ticks += s.self;
  }
  return (ticks * 1000) / CLK_TCK;
}
const cpuMs = (pid) => {
  const s = stat(pid);
  return s ? ((s.self + s.reaped) * 1000) / CLK_TCK : 0;
};

// ---- the pieces ----------------------------------------------------------------------------------
const fake = await startFakeUpstream();
children.push(fake.child);
const pg = await startPostgres();
const pgPid = Number(readFileSync(join(pg.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
const redis = await startRedis();
let dataDirs = 0;

/** A gateway process on a new data directory, or on `dataDir` (a restart). */
async function startGateway(env, dataDir = join(tmp, `gw-${++dataDirs}`)) {
  const child = spawn(process.execPath, [join(root, 'apps/gateway/dist/cli.js'), 'serve'], {
    env: { ...process.env, CORDON_DATA_DIR: dataDir, CORDON_PORT: '0', CORDON_ADMIN_KEY: key, CORDON_DEMO_MODEL: 'false', CORDON_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  let out = '';
  const url = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`a gateway exited at start (${code}): ${out.slice(-2000)}`)));
    child.stdout.on('data', (d) => {
      out += d;
      const m = /"url":"([^"]+)"/.exec(out);
      if (m) resolve(m[1]);
    });
  });
  const warned = /rate limits are per instance/.test(out);
  child.stdout.removeAllListeners('data');
  child.stdout.resume();
  return { child, url, port: Number(new URL(url).port), warned, dataDir, output: out };
}

async function stopGateway(gw, signal = 'SIGTERM') {
  if (gw.child.exitCode !== null || gw.child.signalCode !== null) return;
  const exited = new Promise((r) => gw.child.once('exit', r));
  gw.child.kill(signal);
  await exited;
}

async function startNginx(ports) {
  const dir = join(tmp, `nginx-${ports.join('-')}`);
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const conf = join(dir, 'nginx.conf');
  // One worker; HTTP/1.1 keep-alive to the gateways; a gateway that refuses a connection is skipped
  // (the request goes to the next); a POST already sent to one that dies is not retried (nginx's
  // default for non-idempotent requests): the client gets a 502.
  writeFileSync(
    conf,
    `daemon off;\nmaster_process on;\nworker_processes 1;\nuser root root;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log warn;\n` +
      `events { worker_connections 4096; }\n` +
      `http {\n  access_log off;\n  client_body_temp_path ${dir}/body;\n  proxy_temp_path ${dir}/proxy;\n  fastcgi_temp_path ${dir}/fastcgi;\n  uwsgi_temp_path ${dir}/uwsgi;\n  scgi_temp_path ${dir}/scgi;\n` +
      `  upstream cordon {\n${ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;\n`).join('')}    keepalive 128;\n  }\n` +
      `  server {\n    listen 127.0.0.1:${port};\n    location / {\n      proxy_pass http://cordon;\n      proxy_http_version 1.1;\n      proxy_set_header Connection "";\n      proxy_buffering off;\n    }\n  }\n}\n`,
  );
  const child = spawn('nginx', ['-c', conf, '-p', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${readFileSync(join(dir, 'error.log'), 'utf8')}`);
    try {
      await fetch(`${url}/healthz`);
      break;
    } catch {
      if (i > 200) throw new Error('nginx did not start');
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  return {
    child,
    url,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGQUIT');
      await exited;
    },
  };
}

async function admin(url, path, body) {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** A domain and a member key in it, and the fake model (registered on the first instance, announced to the others). */
async function prepare(url, domain, registerModel) {
  if (registerModel) {
    await admin(url, '/admin/v1/models', { id: 'fake', engine: 'openai-compatible', settings: { targets: [{ base_url: `${fake.url}/v1`, model: 'm' }] }, capabilities: ['chat'] });
  }
  await admin(url, '/admin/v1/domains', { id: domain, name: domain });
  return (await admin(url, '/admin/v1/keys', { domain_id: domain, name: `${domain}-bench`, role: 'member' })).secret;
}

const chatBody = JSON.stringify({ model: 'fake', messages: [{ role: 'user', content: 'Hello' }] });
const load = (url, secret, seconds, conns = CONNS) => wrk({ url: `${url}/v1/chat/completions`, key: secret, body: chatBody, conns, seconds, dir: tmp });

/** Usage rows in the bench database (exact), and the connections the gateways hold to it. */
async function pgCounts(dbUrl) {
  const db = new URL(dbUrl).pathname.slice(1);
  const connections = Number((await pg.query("SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'cordon'", [db])).rows[0].n);
  const client = new pgLib.Client({ connectionString: dbUrl });
  await client.connect();
  const rows = Number((await client.query('SELECT COUNT(*) AS n FROM usage_records')).rows[0].n);
  await client.end();
  return { rows, connections };
}

// ---- throughput and latency ----------------------------------------------------------------------
const direct = wrk({ url: `${fake.url}/v1/chat/completions`, key, body: chatBody, conns: CONNS, seconds: SECONDS, dir: tmp });
const rows = [];

async function measure(name, { instances, store, nginx, redis: withRedis = instances > 1 }) {
  const dbUrl = store === 'postgres' ? await pg.createDatabase() : undefined;
  const env = store === 'postgres' ? { CORDON_DATABASE_URL: dbUrl, ...(withRedis ? { CORDON_REDIS_URL: redis.url } : {}) } : {};
  const gws = [];
  // One after the other, so that the first creates the schema (they would also come up at once).
  for (let i = 0; i < instances; i++) gws.push(await startGateway(env));
  const lb = nginx ? await startNginx(gws.map((g) => g.port)) : null;
  const url = lb ? lb.url : gws[0].url;
  const secret = await prepare(gws[0].url, 'bench', true);
  load(url, secret, 2); // warm-up, not measured
  await new Promise((r) => setTimeout(r, 1500)); // the warm-up's usage written
  const s0 = dbUrl && (await pgCounts(dbUrl));
  const g0 = gws.reduce((n, g) => n + cpuMs(g.child.pid), 0);
  const p0 = store === 'postgres' ? treeCpuMs(pgPid) : 0;
  const n0 = lb ? treeCpuMs(lb.child.pid) : 0;
  const r = load(url, secret, SECONDS);
  await new Promise((res) => setTimeout(res, 1500)); // the run's usage written
  const g1 = gws.reduce((n, g) => n + cpuMs(g.child.pid), 0);
  const p1 = store === 'postgres' ? treeCpuMs(pgPid) : 0;
  const n1 = lb ? treeCpuMs(lb.child.pid) : 0;
  const s1 = dbUrl && (await pgCounts(dbUrl));
  rows.push({
    name,
    r,
    gwCpu: (g1 - g0) / r.requests,
    pgCpu: store === 'postgres' ? (p1 - p0) / r.requests : null,
    nginxCpu: lb ? (n1 - n0) / r.requests : null,
    // wrk does not count the requests in flight when it stops (up to CONNS): rows per request is a shade above 1.
    pg: s1 && { usageRows: (s1.rows - s0.rows) / r.requests, connections: s1.connections },
    warned: gws[0].warned,
  });
  if (lb) await lb.stop();
  for (const g of gws) await stopGateway(g);
}

if (!process.argv.includes('--kill-only')) {
  await measure('sqlite x1, direct', { instances: 1, store: 'sqlite', nginx: false });
  await measure('sqlite x1, nginx', { instances: 1, store: 'sqlite', nginx: true });
  await measure('postgres x1, direct', { instances: 1, store: 'postgres', nginx: false });
  await measure('postgres x1 + redis, direct', { instances: 1, store: 'postgres', nginx: false, redis: true });
  await measure('postgres x2 + redis, nginx', { instances: 2, store: 'postgres', nginx: true });
  await measure('postgres x3 + redis, nginx', { instances: 3, store: 'postgres', nginx: true });
}

// ---- an instance killed under load ---------------------------------------------------------------
/** Three instances behind nginx; `signal` to the third KILL_AT_S seconds into a KILL_SECONDS run. */
async function killUnderLoad(signal, domain) {
  const dbUrl = await pg.createDatabase();
  const env = { CORDON_DATABASE_URL: dbUrl, CORDON_REDIS_URL: redis.url };
  const gws = [];
  for (let i = 0; i < 3; i++) gws.push(await startGateway(env));
  const lb = await startNginx(gws.map((g) => g.port));
  const secret = await prepare(gws[0].url, domain, true);
  const victim = gws[2];
  // wrk blocks this process while it runs: the signal comes from a shell started just before it.
  const killer = spawn('/bin/sh', ['-c', `sleep ${KILL_AT_S}; kill -${signal.replace('SIG', '')} ${victim.child.pid}`], { stdio: 'ignore' });
  children.push(killer);
  const r = load(lb.url, secret, KILL_SECONDS, KILL_CONNS);
  await new Promise((res) => setTimeout(res, 2500)); // the survivors' last batches written (every second)
  // Read on the bench database (pg.query runs on the maintenance database).
  const counts = async () => {
    const client = new pgLib.Client({ connectionString: dbUrl });
    await client.connect();
    const row = (await client.query('SELECT COUNT(*) FILTER (WHERE status < 400) AS ok, COUNT(*) AS total FROM usage_records WHERE domain_id = $1', [domain])).rows[0];
    await client.end();
    return { ok: Number(row.ok), total: Number(row.total) };
  };
  const beforeRestart = await counts();
  const victimExit = victim.child.exitCode ?? victim.child.signalCode;
  // The killed instance started again on its data directory: before serving, it writes the records
  // it had spooled and not committed.
  const restarted = await startGateway(env, victim.dataDir);
  const replayed = /"records":(\d+),"written":(\d+)/.exec(restarted.output);
  const usage = await counts();
  await lb.stop();
  for (const g of [...gws, restarted]) await stopGateway(g);
  return { signal, r, usageOk: usage.ok, usageTotal: usage.total, okBeforeRestart: beforeRestart.ok, replayed: replayed ? { records: Number(replayed[1]), written: Number(replayed[2]) } : null, victimExit };
}

const kills = [await killUnderLoad('SIGKILL', 'kill9'), await killUnderLoad('SIGTERM', 'term')];

await redis.stop();
await pg.stop();
fake.child.kill('SIGTERM');

// ---- report --------------------------------------------------------------------------------------
const f = (x, d = 2) => (x === null || x === undefined ? '-' : x.toFixed(d));
console.log(`machine: ${os.cpus()[0].model}, ${os.availableParallelism()} cores, node ${process.version}; wrk 1 thread, ${CONNS} connections, ${SECONDS}s per run, nothing pinned (everything shares the cores)`);
console.log(`direct to the fake upstream: ${direct.rps.toFixed(0)} rps, p50 ${f(direct.p50)} ms, p99 ${f(direct.p99)} ms`);
console.log('configuration                | rps   | non-2xx | added p50 / p99 ms | CPU ms/req: gateways, nginx, PostgreSQL | usage rows/req, PostgreSQL connections held | per-instance limits warning');
for (const x of rows) {
  console.log(
    `${x.name.padEnd(28)} | ${x.r.rps.toFixed(0).padStart(5)} | ${String(x.r.non2xx).padStart(7)} | +${f(x.r.p50 - direct.p50)} / +${f(x.r.p99 - direct.p99)} | ` +
      `${f(x.gwCpu, 3)}, ${f(x.nginxCpu, 3)}, ${f(x.pgCpu, 3)} | ${x.pg ? `${f(x.pg.usageRows, 3)}, ${x.pg.connections}` : '-'} | ${x.warned ? 'yes' : 'no'}`,
  );
}
for (const k of kills) {
  const e = k.r.socketErrors;
  console.log(
    `${k.signal} to 1 of 3 instances ${KILL_AT_S}s into ${KILL_SECONDS}s under load (victim exit: ${k.victimExit}): wrk saw ${k.r.requests} answers, ${k.r.ok} of them 2xx, ${k.r.non2xx} errors (502 from nginx for requests cut by the kill), ` +
      `socket errors connect/read/write/timeout ${e.connect}/${e.read}/${e.write}/${e.timeout}; usage rows (2xx) before the killed instance restarted: ${k.okBeforeRestart}; ` +
      `spool written at its restart: ${k.replayed ? `${k.replayed.records} records (${k.replayed.written} not already stored)` : 'none'}; usage rows after: ${k.usageOk} ok of ${k.usageTotal}; ` +
      `2xx answers minus ok usage rows: ${k.r.ok - k.usageOk} (records lost: from that to that + ${KILL_CONNS}, since wrk leaves out the requests in flight when it stops, which the gateways answered and recorded)`,
  );
}
