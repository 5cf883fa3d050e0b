/**
 * The host engine (src/engines/host/engine.ts) when a stream is cut after its first event: if the
 * host process exits, the call ends with 502 engine_host_exited even when the supervisor sees the
 * exit only after the cut (it waits a moment for it); if the host is still running, the upstream's
 * own 502 upstream_stream_interrupted. A stand-in host on a Unix socket serves one chat chunk and
 * then drops the connection; its "exit" is reported 150 ms later, as a supervisor notices a SIGKILL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineHostEngine, type HostSupervision } from '../../src/engines/host/engine.js';
import type { EngineHostEndpoint } from '../../src/engines/host/supervisor.js';
import { PoolSet } from '../../src/engines/upstream/pools.js';
import { EngineError, type ChatRequest, type EngineCallContext, type ModelEntry } from '../../src/engines/types.js';
import { createLogger } from '../../src/log.js';

const MODEL: ModelEntry = { id: 'cut-model', engine: 'llama-cpp', settings: { path: '/nonexistent.gguf' }, capabilities: ['chat'], owned_by: 'cordon', created: 0, domains: null };
const CHUNK = { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: MODEL.id, choices: [{ index: 0, delta: { role: 'assistant', content: 'Hi' }, finish_reason: null }] };
const REQUEST: ChatRequest = { model: MODEL.id, messages: [{ role: 'user', content: 'Hello' }], stream: true };

let dir: string;
let server: Server;
let socketPath: string;
/** Called when the stand-in host drops a stream's connection. */
let onCut: () => void = () => {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cordon-host-engine-'));
  socketPath = join(dir, 'host.sock');
  server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(`data: ${JSON.stringify(CHUNK)}\n\n`);
    setTimeout(() => {
      res.socket?.destroy();
      onCut();
    }, 30);
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** One start of the stand-in host; `exit()` makes it gone (and resolves `exited`). */
function endpoint(): EngineHostEndpoint & { exit(): void } {
  let gone = false;
  let resolveExit: () => void = () => {};
  const exited = new Promise<void>((resolve) => (resolveExit = resolve));
  return {
    modelId: MODEL.id,
    generation: 1,
    socketPath,
    token: 'host-token',
    pid: undefined,
    exited,
    hasExited: () => gone,
    call: () => () => {},
    crashedServingOneCall: () => false,
    exit() {
      gone = true;
      resolveExit();
    },
  };
}

function engineFor(ep: EngineHostEndpoint): EngineHostEngine {
  const supervisor: HostSupervision = {
    ensure: async () => ep,
    current: () => ep,
    served: () => {},
    status: () => ({ state: 'ready' }),
    forget: () => {},
  };
  return new EngineHostEngine('llama-cpp', { supervisor, pools: new PoolSet({ connections: 4 }), log: createLogger('silent'), closeShared: async () => {} });
}

const context = (): EngineCallContext => ({ signal: new AbortController().signal, requestId: 'req_test', deadline: Date.now() + 10_000 });

/** The code of the error a stream ends with, after how many events. */
async function endOf(events: AsyncIterable<unknown>): Promise<{ events: number; code: string | null }> {
  let n = 0;
  try {
    for await (const _ of events) n++;
  } catch (err) {
    return { events: n, code: err instanceof EngineError ? err.code : `not an EngineError: ${String(err)}` };
  }
  return { events: n, code: null };
}

describe('a host stream cut after its first event', () => {
  it('parsed and raw: engine_host_exited when the host exits, though its exit is seen only 150 ms after the cut', async () => {
    for (const path of ['parsed', 'raw'] as const) {
      const ep = endpoint();
      onCut = () => setTimeout(() => ep.exit(), 150);
      const engine = engineFor(ep);
      const events = path === 'parsed' ? engine.chat(MODEL, REQUEST, context()) : await engine.chatRaw(MODEL, REQUEST, context());
      expect(await endOf(events), path).toEqual({ events: 1, code: 'engine_host_exited' });
    }
  });

  it('parsed and raw: upstream_stream_interrupted when the host is still running', async () => {
    for (const path of ['parsed', 'raw'] as const) {
      const ep = endpoint();
      onCut = () => {};
      const engine = engineFor(ep);
      const events = path === 'parsed' ? engine.chat(MODEL, REQUEST, context()) : await engine.chatRaw(MODEL, REQUEST, context());
      expect(await endOf(events), path).toEqual({ events: 1, code: 'upstream_stream_interrupted' });
    }
  });
});
