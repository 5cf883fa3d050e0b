/**
 * The fixtures the fuzzer acts on: two tenant domains A and B (member and admin keys each, stored
 * responses), a scratch domain S that the superadmin's fuzzed writes are confined to (policies,
 * updates), throwaway keys that fuzzed revokes and rotations may hit, and every secret handed out,
 * which no answer may contain (except the one a create or rotate returns).
 */
import { json, makeDomainKey, type TestGateway } from '../helpers.js';

export type Tenant = 'a' | 'b' | 's';
export type CallerName = 'memberA' | 'adminA' | 'memberB' | 'adminB' | 'memberS' | 'superadmin' | 'none' | 'garbage';

export interface FixtureKey {
  id: string;
  secret: string;
  domain: string;
  role: 'member' | 'admin' | 'superadmin';
}

export interface FuzzWorld {
  domains: Record<Tenant, string>;
  keys: Record<Exclude<CallerName, 'none' | 'garbage'>, FixtureKey>;
  /** Keys nobody relies on, per domain [member, admin, member]: fuzzed revokes and rotations may target them. */
  throwaway: Record<Tenant, string[]>;
  /** Stored responses of A and B (never deleted by the fuzzer's own domain). */
  stored: Record<'a' | 'b', string[]>;
  /** Every key secret handed out so far. */
  secrets: Set<string>;
  chatModel: string;
  audioModel: string;
  /** A marker put into prompt fields: it must never appear in a log line or an error body. */
  canary: string;
}

export const tenantOf = (caller: string): Tenant | null =>
  caller === 'memberA' || caller === 'adminA' ? 'a' : caller === 'memberB' || caller === 'adminB' ? 'b' : caller === 'memberS' ? 's' : null;

async function storedResponse(gw: TestGateway, secret: string, model: string): Promise<string> {
  const r = await gw.req('/v1/responses', { method: 'POST', key: secret, json: { model, input: 'remember this', max_output_tokens: 2, store: true } });
  if (r.status !== 200) throw new Error(`stored response: ${r.status} ${await r.text()}`);
  return (await json(r)).id as string;
}

export async function createWorld(gw: TestGateway, seed: number): Promise<FuzzWorld> {
  const suffix = (seed >>> 0).toString(36);
  const domains: Record<Tenant, string> = { a: `fuzz-a-${suffix}`, b: `fuzz-b-${suffix}`, s: `fuzz-s-${suffix}` };
  const mk = async (t: Tenant, role: 'member' | 'admin'): Promise<FixtureKey> => ({ ...(await makeDomainKey(gw, domains[t], role)), role });
  const keys = {
    memberA: await mk('a', 'member'),
    adminA: await mk('a', 'admin'),
    memberB: await mk('b', 'member'),
    adminB: await mk('b', 'admin'),
    memberS: await mk('s', 'member'),
    superadmin: { id: '', secret: gw.adminKey, domain: 'default', role: 'superadmin' as const },
  };
  const list = await json(await gw.req('/admin/v1/keys?domain_id=default'));
  keys.superadmin.id = (list.data as Array<{ id: string; role: string }>).find((k) => k.role === 'superadmin')!.id;
  const throwaway: Record<Tenant, string[]> = { a: [], b: [], s: [] };
  const secrets = new Set([gw.adminKey, ...Object.values(keys).map((k) => k.secret)]);
  for (const t of ['a', 'b', 's'] as const) {
    for (const role of ['member', 'admin', 'member'] as const) {
      const k = await makeDomainKey(gw, domains[t], role);
      throwaway[t].push(k.id);
      secrets.add(k.secret);
    }
  }
  const models = (await json(await gw.req('/v1/models'))).data as Array<{ id: string }>;
  const chatModel = 'cordon-demo';
  const audioModel = 'cordon-demo-whisper';
  for (const m of [chatModel, audioModel]) if (!models.some((x) => x.id === m)) throw new Error(`the fuzzer needs the demo model ${m}; have ${models.map((x) => x.id).join(', ')}`);
  const stored = {
    a: [await storedResponse(gw, keys.memberA.secret, chatModel), await storedResponse(gw, keys.adminA.secret, chatModel)],
    b: [await storedResponse(gw, keys.memberB.secret, chatModel), await storedResponse(gw, keys.adminB.secret, chatModel)],
  };
  return { domains, keys, throwaway, stored, secrets, chatModel, audioModel, canary: `cordon-canary-${suffix}-zq` };
}
