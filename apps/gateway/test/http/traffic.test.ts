// The traffic count of a node:http server (src/http/traffic.ts), which the drain, an engine host's
// idle unload and the idle collection share: on a real server with keep-alive connections.
import { Agent, createServer, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { getStatus } from '../support/raw-http.js';
import { trafficOf } from '../../src/http/traffic.js';

let server: Server;
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});


describe('trafficOf', () => {
  it('counts requests in flight, arrivals, idle time and the requests on each connection, once per server', async () => {
    const held: ServerResponse[] = [];
    server = createServer((_req, res) => held.push(res));
    const traffic = trafficOf(server);
    expect(trafficOf(server)).toBe(traffic); // one count, whoever asks
    const idled: unknown[] = [];
    traffic.onConnectionIdle((s) => idled.push(s));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as AddressInfo;
    const agent = new Agent({ keepAlive: true, maxSockets: 2 });

    const answers = [getStatus(port, agent), getStatus(port, agent)];
    for (let t = 0; t < 100 && held.length < 2; t++) await new Promise((r) => setTimeout(r, 10));
    expect(traffic.inFlight).toBe(2);
    expect(traffic.arrivals).toBe(2);
    expect(traffic.idleMs()).toBe(0);
    expect([...traffic.connections.values()]).toEqual([1, 1]);

    held.shift()!.end('one');
    expect(await answers[0]).toBe(200);
    expect(traffic.inFlight).toBe(1);
    expect(idled).toHaveLength(1); // its connection has nothing in flight now: a drain may close it
    expect([...traffic.connections.values()].sort()).toEqual([0, 1]);
    held.shift()!.end('two');
    expect(await answers[1]).toBe(200);
    expect(traffic.inFlight).toBe(0);
    await new Promise((r) => setTimeout(r, 30));
    expect(traffic.idleMs()).toBeGreaterThanOrEqual(20);
    expect(traffic.connections.size).toBe(2); // kept alive

    agent.destroy();
    for (let t = 0; t < 100 && traffic.connections.size > 0; t++) await new Promise((r) => setTimeout(r, 10));
    expect(traffic.connections.size).toBe(0);
  });

  it('a connection that closes while its request is in flight is not counted again when the response closes', async () => {
    let held: ServerResponse | undefined;
    server = createServer((_req, res) => (held = res));
    const traffic = trafficOf(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as AddressInfo;
    const req = request({ port, host: '127.0.0.1', path: '/' });
    req.on('error', () => undefined);
    req.end();
    for (let t = 0; t < 100 && !held; t++) await new Promise((r) => setTimeout(r, 10));
    expect(traffic.inFlight).toBe(1);
    req.destroy(); // the client goes: the socket closes, then the response
    for (let t = 0; t < 100 && traffic.inFlight > 0; t++) await new Promise((r) => setTimeout(r, 10));
    expect(traffic.inFlight).toBe(0);
    expect(traffic.connections.size).toBe(0);
  });
});
