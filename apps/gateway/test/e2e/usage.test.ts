// Usage accounting: one record per request, written off the request path, nothing lost on a
// graceful shutdown; totals by day, model and key match what the engine reported.
import { afterAll, describe, expect, it } from 'vitest';
import { contract, spawnGateway, type ChildGateway } from '../helpers.js';

let gw: ChildGateway | undefined;
afterAll(async () => {
  gw?.proc.kill('SIGTERM');
  await gw?.exited;
});

const post = (g: ChildGateway, key: string, path: string, body: unknown) =>
  fetch(`${g.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('usage accounting', () => {
  it('totals match the engine-reported tokens, across a graceful shutdown', async () => {
    const first = await spawnGateway();
    const { dataDir, adminKey } = first;
    // A second domain with its own key, to check per-domain reports.
    expect((await post(first, adminKey, '/admin/v1/domains', { id: 'acct', name: 'Accounting' })).status).toBe(201);
    const member = await (await post(first, adminKey, '/admin/v1/keys', { domain_id: 'acct', name: 'm', role: 'member' })).json();
    let input = 0;
    let output = 0;
    let acctInput = 0;
    for (let i = 0; i < 5; i++) {
      const key = i % 2 ? member.secret : adminKey;
      const r = await (await post(first, key, '/v1/chat/completions', { model: 'cordon-demo', messages: [{ role: 'user', content: `hello ${i}` }], max_tokens: 8, seed: i })).json();
      input += r.usage.prompt_tokens;
      output += r.usage.completion_tokens;
      if (i % 2) acctInput += r.usage.prompt_tokens;
    }
    // A streamed one: its usage comes from the final chunk.
    const s = await (await post(first, adminKey, '/v1/completions', { model: 'cordon-demo', prompt: 'Once', max_tokens: 6, seed: 1, stream: true, stream_options: { include_usage: true } })).text();
    const last = JSON.parse(s.trim().split('\n\n').at(-2)!.slice(6));
    input += last.usage.prompt_tokens;
    output += last.usage.completion_tokens;
    // Stop at once (records are still buffered: they are flushed every second) and start again.
    first.proc.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    gw = await spawnGateway({ CORDON_DATA_DIR: dataDir, CORDON_ADMIN_KEY: adminKey });
    const all = await (await fetch(`${gw.url}/admin/v1/usage`, { headers: { authorization: `Bearer ${adminKey}` } })).json();
    expect(contract.response('getUsage', 200, 'application/json', all)).toBeNull();
    expect(all.totals).toEqual({ requests: 6, input_tokens: input, output_tokens: output });
    const acct = await (await fetch(`${gw.url}/admin/v1/usage?domain_id=acct&group_by=model`, { headers: { authorization: `Bearer ${adminKey}` } })).json();
    expect(acct.totals.requests).toBe(2);
    expect(acct.totals.input_tokens).toBe(acctInput);
    expect(acct.data).toHaveLength(1);
    expect(acct.data[0].model).toBe('cordon-demo');
    const byKey = await (await fetch(`${gw.url}/admin/v1/usage?group_by=key`, { headers: { authorization: `Bearer ${adminKey}` } })).json();
    expect(byKey.data.find((r: any) => r.key_id === member.id).requests).toBe(2);
  });
});
