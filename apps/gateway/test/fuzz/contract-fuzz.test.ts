/**
 * The contract fuzzer: requests derived from the OpenAPI contract (valid, then mutated bodies,
 * paths, methods and headers, then cross-domain probes) sent to a real gateway with the embedded
 * demo models and two tenant domains. Every answer is checked (see invariants.ts); after each
 * batch the gateway must still answer /healthz, its RSS and event-loop delay stay under bounds,
 * and no log line holds a key secret or prompt text.
 *
 *   CORDON_FUZZ_SEED=<n>    replay a run (default: random, printed at the start)
 *   CORDON_FUZZ_RUNS=<n>    requests in all (default 4000), split over the batches
 *   CORDON_FUZZ_BATCH=<name> CORDON_FUZZ_PATH=<path>   replay one failing request (printed with it)
 *   CORDON_FUZZ_SHRINK=1    fail on the first problem and let fast-check shrink it
 *   CORDON_FUZZ_MAX_LOOP_DELAY_MS, CORDON_FUZZ_MAX_RSS_GROWTH_MB, CORDON_FUZZ_TIMEOUT_MS   the bounds
 * The request in flight is also written to $TMPDIR/cordon-fuzz-inflight.txt (its body to .txt.body),
 * for a process that dies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { openapiSpec } from '@cordon/contract';
import { allHandlers } from '../../src/app.js';
import { contract, startTestGateway, type TestGateway } from '../helpers.js';
import { contractOperations } from './operations.js';
import { encodeMultipart, RequestGenerators, wavFile } from './generators.js';
import { checkAnswer, type CheckContext } from './invariants.js';
import { createWorld, type FuzzWorld } from './world.js';
import { describe as describeRequest, send, type FuzzRequest } from './wire.js';

const env = process.env;
const SEED = env.CORDON_FUZZ_SEED ? Number(env.CORDON_FUZZ_SEED) : (Math.random() * 2 ** 31) | 0;
const RUNS = Number(env.CORDON_FUZZ_RUNS ?? 4000);
const ONLY = env.CORDON_FUZZ_BATCH;
const REPLAY_PATH = env.CORDON_FUZZ_PATH;
const SHRINK = env.CORDON_FUZZ_SHRINK === '1' || REPLAY_PATH !== undefined;
const MAX_LOOP_DELAY_MS = Number(env.CORDON_FUZZ_MAX_LOOP_DELAY_MS ?? 1000);
const MAX_RSS_GROWTH_MB = Number(env.CORDON_FUZZ_MAX_RSS_GROWTH_MB ?? 768);
const TIMEOUT_MS = Number(env.CORDON_FUZZ_TIMEOUT_MS ?? 15_000);
const INFLIGHT = join(tmpdir(), 'cordon-fuzz-inflight.txt');

/** Batches in order, with their share of the runs. */
const BATCHES = [
  { name: 'valid', share: 0.3, arb: (g: RequestGenerators) => g.valid() },
  { name: 'body', share: 0.28, arb: (g: RequestGenerators) => g.mutatedBody() },
  { name: 'path', share: 0.12, arb: (g: RequestGenerators) => g.mutatedPath() },
  { name: 'headers', share: 0.15, arb: (g: RequestGenerators) => g.mutatedHeaders() },
  { name: 'isolation', share: 0.15, arb: (g: RequestGenerators) => g.isolation() },
] as const;

/** Garbage-collection pauses of this process (gateway and fuzzer share it), to tell them from blocking code. */
const gcPauses: Array<{ start: number; ms: number }> = [];
const gcObserver = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcPauses.push({ start: e.startTime, ms: e.duration });
  if (gcPauses.length > 1000) gcPauses.splice(0, gcPauses.length - 1000);
});
const longestGc = (from: number, to: number) => gcPauses.filter((g) => g.start >= from && g.start <= to).reduce((m, g) => Math.max(m, g.ms), 0);

const batchSeed = (name: string) => [...name].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, SEED);
const replayHint = (batch: string, path: string) =>
  `CORDON_FUZZ_SEED=${SEED} CORDON_FUZZ_BATCH=${batch} CORDON_FUZZ_PATH=${path} npx vitest run test/fuzz/contract-fuzz.test.ts`;

describe('contract fuzzer', () => {
  let gw: TestGateway;
  let world: FuzzWorld;
  let gens: RequestGenerators;
  let ctx: CheckContext;
  let host: string;
  let port: number;
  let baselineRssMb = 0;
  let logsChecked = 0;
  const summary: string[] = [];

  beforeAll(async () => {
    process.stderr.write(`[fuzz] seed ${SEED}, ${RUNS} requests (replay: CORDON_FUZZ_SEED=${SEED})\n`);
    gcObserver.observe({ entryTypes: ['gc'] });
    gw = await startTestGateway({ CORDON_LOG_LEVEL: 'info' });
    const url = new URL(gw.url);
    host = url.hostname;
    port = Number(url.port);
    world = await createWorld(gw, SEED);
    const ops = contractOperations(openapiSpec);
    const handlers = allHandlers(gw.gateway.deps);
    ctx = { world, contract, unimplemented: new Set(ops.map((o) => o.operationId).filter((id) => !(id in handlers))), timeoutMs: TIMEOUT_MS };
    gens = new RequestGenerators(openapiSpec, ops, world);
    // Load both engines first, so that neither their RSS nor their load time counts in the batches.
    const warm = monitorEventLoopDelay({ resolution: 5 });
    warm.enable();
    await gw.req('/v1/embeddings', { method: 'POST', key: world.keys.memberA.secret, json: { model: world.chatModel, input: 'warm' } });
    const parts = [{ name: 'model', data: Buffer.from(world.audioModel) }, { name: 'file', filename: 'warm.wav', contentType: 'audio/wav', data: wavFile({ rate: 16000, channels: 1, bits: 16, ms: 300 }) }];
    const body = encodeMultipart(parts, 'warmup');
    const headers: Array<[string, string]> = [['authorization', `Bearer ${world.keys.memberA.secret}`], ['content-type', 'multipart/form-data; boundary=warmup'], ['content-length', String(body.length)]];
    const audio = await send(host, port, { label: 'warmup', caller: 'memberA', method: 'POST', path: '/v1/audio/transcriptions', headers, body }, 60_000);
    const engines = warm.max / 1e6;
    warm.reset();
    const firstUse: string[] = [];
    for (const req of gens.warmUps()) {
      const res = await send(host, port, req, 30_000);
      firstUse.push(`${req.label.split(' ')[0]} ${res.status}`);
    }
    warm.disable();
    if (audio.status !== 200) throw new Error(`warm-up transcription: ${audio.status} ${audio.body.toString('utf8').slice(0, 300)}`);
    baselineRssMb = process.memoryUsage().rss / 2 ** 20;
    summary.push(
      `[fuzz] warm-up: loading both demo models, event-loop delay max ${engines.toFixed(1)} ms; first request of each operation (${firstUse.join(', ')}), ` +
        `event-loop delay max ${(warm.max / 1e6).toFixed(1)} ms; rss ${baselineRssMb.toFixed(0)} MB`,
    );
    process.stderr.write(`${summary[0]}\n`);
  }, 180_000);

  afterAll(async () => {
    gcObserver.disconnect();
    process.stderr.write(`[fuzz] done: seed ${SEED}\n`);
    await gw?.stop();
  });

  for (const batch of BATCHES) {
    const runs = Math.max(1, Math.round(RUNS * batch.share));
    it.skipIf(ONLY !== undefined && ONLY !== batch.name)(`${batch.name}: ${runs} requests, every answer and the gateway after them hold`, async () => {
      const seed = batchSeed(batch.name);
      const findings: string[] = [];
      const statuses = new Map<number, number>();
      const loop = monitorEventLoopDelay({ resolution: 5 });
      let run = 0;
      let slowest = { ms: 0, label: '' };
      const blocking: Array<{ ms: number; label: string; gc: () => number }> = [];
      const timeByOp = new Map<string, number>();
      const started = performance.now();
      // fast-check prints a failing request with its own formatter: the readable form, secrets cut.
      const requests = batch.arb(gens).map((req) => Object.assign(req, { [fc.toStringMethod]: () => describeRequest(req) }));
      const property = fc.asyncProperty(requests, async (req: FuzzRequest) => {
        const index = run++;
        writeFileSync(INFLIGHT, `seed ${SEED} batch ${batch.name} run ${index}\n${describeRequest(req)}\n`);
        writeFileSync(`${INFLIGHT}.body`, req.body);
        const logsBefore = gw.logs.length;
        loop.reset();
        const t0 = performance.now();
        loop.enable();
        const res = await send(host, port, req, req.mayHang ? 1_500 : TIMEOUT_MS);
        loop.disable();
        const delayMs = loop.max / 1e6;
        const t1 = performance.now();
        blocking.push({ ms: delayMs, label: `${req.label} (run ${index})`, gc: () => longestGc(t0, t1) });
        blocking.sort((a, b) => b.ms - a.ms).splice(3);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.ms > slowest.ms) slowest = { ms: res.ms, label: `${req.label} (run ${index})` };
        const op = req.label.split(' ')[0]!;
        timeByOp.set(op, (timeByOp.get(op) ?? 0) + res.ms);
        const problems = checkAnswer(req, res, ctx);
        if (!problems.length) return;
        // Warnings and errors the gateway logged while the request was in flight.
        const logLines = gw.logs.slice(logsBefore).filter((l) => /"level":(40|50|60)/.test(l)).map((l) => l.slice(0, 800));
        const answerHeads = ['content-type', 'connection', 'transfer-encoding', 'content-length'].filter((h) => res.headers[h]).map((h) => `${h}: ${res.headers[h]}`).join('; ');
        const report =
          `${problems.join('; ')}\n  answer: ${res.status} (${answerHeads}) ${res.body.toString('utf8').slice(0, 300)}\n  ${describeRequest(req).replace(/\n/g, '\n  ')}` +
          (logLines.length ? `\n  gateway log: ${logLines.join('\n  ')}` : '');
        if (SHRINK) throw new Error(report);
        if (findings.length < 40) findings.push(`run ${index} (replay: ${replayHint(batch.name, String(index))})\n  ${report}`);
      });
      await fc.assert(property, { seed, numRuns: REPLAY_PATH ? 1 : runs, path: REPLAY_PATH, endOnFailure: !SHRINK || REPLAY_PATH !== undefined, verbose: SHRINK ? 2 : 0 });

      // The gateway after the batch.
      const health = await send(host, port, { label: 'healthz', caller: 'none', method: 'GET', path: '/healthz', headers: [], body: Buffer.alloc(0) }, 5_000);
      const rssMb = process.memoryUsage().rss / 2 ** 20;
      const maxDelayMs = blocking[0]?.ms ?? 0;
      const worst = blocking.map((b) => `${b.ms.toFixed(0)} ms ${b.label}, longest GC pause in it ${b.gc().toFixed(0)} ms`).join('; ');
      const costliest = [...timeByOp].sort(([, a], [, b]) => b - a).slice(0, 3).map(([op, ms]) => `${op} ${(ms / 1000).toFixed(1)} s`).join(', ');
      const newLogs = gw.logs.slice(logsChecked).join('');
      logsChecked = gw.logs.length;
      const seconds = (performance.now() - started) / 1000;
      summary.push(
        `[fuzz] ${batch.name}: ${run} requests in ${seconds.toFixed(1)} s; statuses ${[...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}x${n}`).join(' ')}; ` +
          `event-loop delay max ${maxDelayMs.toFixed(1)} ms (worst: ${worst}); rss ${rssMb.toFixed(0)} MB (baseline ${baselineRssMb.toFixed(0)}); ` +
          `slowest ${slowest.ms.toFixed(0)} ms (${slowest.label}); most time: ${costliest}; findings ${findings.length}`,
      );
      process.stderr.write(`${summary[summary.length - 1]}\n`);
      if (health.status !== 200) findings.push(`/healthz answered ${health.status} after the batch`);
      if (rssMb - baselineRssMb > MAX_RSS_GROWTH_MB) findings.push(`RSS grew by ${(rssMb - baselineRssMb).toFixed(0)} MB (bound ${MAX_RSS_GROWTH_MB})`);
      if (maxDelayMs > MAX_LOOP_DELAY_MS) findings.push(`event-loop delay reached ${maxDelayMs.toFixed(0)} ms (bound ${MAX_LOOP_DELAY_MS}); worst: ${worst}`);
      for (const secret of world.secrets) if (newLogs.includes(secret)) findings.push(`a key secret (${secret.slice(0, 8)}...) in the log`);
      if (newLogs.includes(world.canary)) findings.push('prompt text (the canary) in the log');
      expect(findings.length, `seed ${SEED}, batch ${batch.name}:\n${findings.join('\n\n')}\n`).toBe(0);
    }, 600_000);
  }

  it.skipIf(ONLY !== undefined)("A's and B's stored responses are still there, for their own domain only", async () => {
    for (const [t, caller, other] of [['a', 'memberA', 'memberB'], ['b', 'memberB', 'memberA']] as const) {
      for (const id of world.stored[t]) {
        expect((await gw.req(`/v1/responses/${id}`, { key: world.keys[caller].secret })).status, `${id} of ${world.domains[t]}, for its own domain`).toBe(200);
        expect((await gw.req(`/v1/responses/${id}`, { key: world.keys[other].secret })).status, `${id} of ${world.domains[t]}, for the other domain`).toBe(404);
      }
    }
  });
});
