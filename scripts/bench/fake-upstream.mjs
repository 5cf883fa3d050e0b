// The fake upstream model the gateway benchmarks put behind Cordon (the only place a fake belongs:
// it isolates the gateway's own cost). It answers every POST as a chat completion: JSON, or SSE when
// the body asks for `"stream":true`, with fixed usage (10 prompt, 9 completion tokens).
//   node scripts/bench/fake-upstream.mjs          prints its loopback port, serves until killed
//   import { startFakeUpstream } from './fake-upstream.mjs'   the same, as a child process
import { spawn } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);

function serve() {
  const body = JSON.stringify({ id: 'chatcmpl-x', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: 'Hello there, this is a short answer.', refusal: null }, logprobs: null, finish_reason: 'stop' }], usage: { prompt_tokens: 10, completion_tokens: 9, total_tokens: 19 } });
  const chunk = (c, f) => 'data: ' + JSON.stringify({ id: 'chatcmpl-x', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: c, finish_reason: f }] }) + '\n\n';
  const stream = chunk({ role: 'assistant', content: '' }, null) + ['Hello', ' there', ',', ' this', ' is', ' a', ' short', ' answer', '.'].map((w) => chunk({ content: w }, null)).join('') + chunk({}, 'stop') +
    'data: ' + JSON.stringify({ id: 'chatcmpl-x', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [], usage: { prompt_tokens: 10, completion_tokens: 9, total_tokens: 19 } }) + '\n\ndata: [DONE]\n\n';
  http.createServer((req, res) => {
    let data = '';
    req.on('data', (d) => (data += d));
    req.on('end', () => {
      if (data.includes('"stream":true')) { res.writeHead(200, { 'content-type': 'text/event-stream' }); res.end(stream); }
      else { res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }); res.end(body); }
    });
  }).listen(0, '127.0.0.1', function () { console.log(this.address().port); });
}

/**
 * Starts the fake upstream as its own process (pinned to `core` with taskset when given); resolves
 * with the process and its port. The caller stops it (kill).
 */
export async function startFakeUpstream({ core = null } = {}) {
  const args = core === null ? [process.execPath, [self]] : ['taskset', ['-c', String(core), process.execPath, self]];
  const child = spawn(args[0], args[1], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the fake upstream exited (${code})`)));
    child.stdout.once('data', (d) => resolve(Number(String(d).trim())));
  });
  return { child, port, url: `http://127.0.0.1:${port}` };
}

/**
 * Registers the fake upstream at `fakeUrl` on the gateway at `gatewayUrl` (with the admin `key`) as
 * the chat model `fake`, as the benchmarks request it; throws unless the gateway created it.
 */
export async function registerFakeModel(gatewayUrl, key, fakeUrl) {
  const res = await fetch(`${gatewayUrl}/admin/v1/models`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id: 'fake', engine: 'openai-compatible', settings: { targets: [{ base_url: `${fakeUrl}/v1`, model: 'm' }] }, capabilities: ['chat'] }),
  });
  if (res.status !== 201) throw new Error(`register the fake model: ${res.status} ${await res.text()}`);
}

if (process.argv[1] === self) serve();
