/**
 * One upstream attempt as undici's dispatch handler (src/engines/upstream/attempt.ts), against a real
 * node:http server and undici Pool: the response is queued on the attempt, the socket paused while
 * the reader is behind (the upstream feels it), everything arrives in order, and ending an
 * unfinished attempt closes the upstream connection.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { Abort } from '../../src/engines/abort.js';
import { Attempt } from '../../src/engines/upstream/attempt.js';
import { resolveTarget } from '../../src/engines/upstream/settings.js';
import { TargetHealth } from '../../src/engines/upstream/targets.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const CHUNK = 64 * 1024;
const TOTAL = 32 * 1024 * 1024;

/** Chunk `i` of the body: its bytes depend on i, so order and integrity can be checked. */
const chunkOf = (i: number) => Buffer.alloc(CHUNK, i % 251);

/** A node:http server on loopback and a one-connection undici Pool to it, both closed after the test. */
async function serve(handler: http.RequestListener) {
  const server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const pool = new Pool(origin, { connections: 1 });
  cleanups.push(async () => {
    await pool.destroy();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
  return { origin, pool };
}

/** A server that writes TOTAL bytes as fast as its socket takes them, and counts what it wrote. */
async function fastUpstream() {
  const state = { written: 0, closedEarly: false };
  const { origin, pool } = await serve((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.on('close', () => (state.closedEarly = state.written < TOTAL || !res.writableFinished));
    let i = 0;
    const pump = () => {
      while (i * CHUNK < TOTAL) {
        const ok = res.write(chunkOf(i));
        state.written += CHUNK;
        i++;
        if (!ok) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  });
  return { state, origin, pool };
}

function attemptOn(origin: string) {
  const health = new TargetHealth();
  const target = resolveTarget({ base_url: `${origin}/v1`, model: 'm' });
  return new Attempt(target, health, health.acquire(Date.now()), new Abort(), () => {}, 5000, { threshold: 5, cooldownMs: 1000 });
}

describe('an upstream attempt (undici dispatch handler)', () => {
  it('a reader that falls behind pauses the socket: the upstream stops writing; then every byte arrives in order', async () => {
    const { state, origin, pool } = await fastUpstream();
    const att = attemptOn(origin);
    await att.send(pool, { path: '/v1/blob', method: 'GET' });
    expect(att.status).toBe(200);
    // Nothing read for a while: the upstream can only fill the kernel's socket buffers and the
    // attempt's queue (64 KB and the chunk that crossed it), far below the 32 MB it has to send.
    await sleep(500);
    const stalledAt = state.written;
    expect(stalledAt).toBeLessThan(TOTAL / 2);
    await sleep(300);
    expect(state.written).toBe(stalledAt);
    // Read it all: in order, intact, and the upstream finishes.
    const expected = createHash('sha256');
    for (let i = 0; i * CHUNK < TOTAL; i++) expected.update(chunkOf(i));
    const got = createHash('sha256');
    let n = 0;
    for (let c = await att.read(); c; c = await att.read()) {
      got.update(c);
      n += c.length;
    }
    expect(n).toBe(TOTAL);
    expect(got.digest('hex')).toBe(expected.digest('hex'));
    expect(state.written).toBe(TOTAL);
    att.end();
  });

  it('ending an unfinished attempt closes the upstream connection; its reads then end', async () => {
    const { state, origin, pool } = await fastUpstream();
    const att = attemptOn(origin);
    await att.send(pool, { path: '/v1/blob', method: 'GET' });
    expect(await att.read()).not.toBeNull();
    att.end();
    for (let t = 0; t < 100 && !state.closedEarly; t++) await sleep(20);
    expect(state.closedEarly).toBe(true);
    expect(state.written).toBeLessThan(TOTAL);
    expect(await att.read()).toBeNull();
  });

  it('readAll refuses a body over its limit, without reading the rest', async () => {
    const { state, origin, pool } = await fastUpstream();
    const att = attemptOn(origin);
    await att.send(pool, { path: '/v1/blob', method: 'GET' });
    await expect(att.readAll(1024 * 1024)).rejects.toThrow(/too large/);
    att.end();
    for (let t = 0; t < 100 && !state.closedEarly; t++) await sleep(20);
    expect(state.closedEarly).toBe(true);
  });

  it('an abort before the answer rejects send() with the abort reason', async () => {
    const { origin, pool } = await serve(() => {
      /* never answers */
    });
    const att = attemptOn(origin);
    const sent = att.send(pool, { path: '/v1/x', method: 'GET' });
    setTimeout(() => att.controller.abort(new Error('first byte timeout')), 100);
    await expect(sent).rejects.toThrow('first byte timeout');
    att.end();
  });
});
