/**
 * What every answer must satisfy: no 5xx but a declared 503 (or 501 for an operation without a
 * handler), every error in OpenAI's shape, no key secret anywhere in it, nothing of another domain
 * in a success, a probe's required status, no prompt text (the canary) in an error.
 */
import type { ContractValidator } from '@cordon/contract/testing';
import { tenantOf, type FuzzWorld, type Tenant } from './world.js';
import type { FuzzRequest, FuzzResponse } from './wire.js';

export interface CheckContext {
  world: FuzzWorld;
  contract: ContractValidator;
  /** Operations without a handler (they answer 501). */
  unimplemented: Set<string>;
  timeoutMs: number;
}

const opOf = (req: FuzzRequest) => req.label.split(' ')[0]!;

/** Ids that belong to tenants other than `t`: fixture and throwaway key ids, stored responses. */
function foreignIds(w: FuzzWorld, t: Tenant): string[] {
  const ids: string[] = [];
  for (const k of Object.values(w.keys)) if (k.domain !== w.domains[t] && k.role !== 'superadmin') ids.push(k.id);
  for (const x of ['a', 'b', 's'] as const) if (x !== t) ids.push(...w.throwaway[x]);
  if (t !== 'a') ids.push(...w.stored.a);
  if (t !== 'b') ids.push(...w.stored.b);
  return ids;
}

/** The domain a path names in `/proxy/<domain>/`, in any spelling (case, slashes, percent-encoding). */
function proxyDomain(path: string): string | null {
  let p = path.split('?')[0]!;
  try {
    p = decodeURIComponent(p);
  } catch {
    /* left as is */
  }
  const m = /^\/+proxy\/+([^/]+)\//i.exec(p);
  return m ? m[1]! : null;
}

export function checkAnswer(req: FuzzRequest, res: FuzzResponse, ctx: CheckContext): string[] {
  const problems: string[] = [];
  const { world } = ctx;
  if (res.timedOut) {
    if (!req.mayHang) problems.push(`no complete answer within ${ctx.timeoutMs} ms`);
    return problems;
  }
  if (res.status === 0) {
    if (!req.malformed) problems.push('connection closed without an answer');
    return problems;
  }
  const s = res.status;
  if (s >= 500 && !(s === 503 || (s === 501 && ctx.unimplemented.has(opOf(req))))) problems.push(`status ${s}`);
  const text = res.body.toString('utf8');
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  // A head Node's parser refuses is answered by the server's clientError handler: OpenAI's shape too.
  if (s >= 400 && req.method !== 'HEAD') {
    const shape = body === undefined ? `not JSON: ${text.slice(0, 120)}` : ctx.contract.schema('ErrorResponse', body);
    if (shape) problems.push(`error ${s} not in OpenAI's shape (${shape})`);
  }
  if (req.expect && !req.expect.statuses.includes(s)) problems.push(`${req.expect.why}: status ${s}, must be ${req.expect.statuses.join(' or ')}`);

  // Secrets: a create or rotate answers its own new secret; nothing answers any other.
  const issued = s < 300 && (opOf(req) === 'createKey' || opOf(req) === 'rotateKey') && body && typeof body === 'object' && 'secret' in body ? String((body as { secret: unknown }).secret) : null;
  if (issued && world.secrets.has(issued)) problems.push('a create/rotate answered a secret that was already issued');
  const everything = `${Object.entries(res.headers).map(([k, v]) => `${k}: ${v}`).join('\n')}\n${text}`;
  for (const secret of world.secrets) if (secret !== issued && everything.includes(secret)) problems.push(`a key secret (${secret.slice(0, 8)}...) in the answer`);
  if (issued) world.secrets.add(issued);

  const t = tenantOf(req.caller);
  if (t && s < 300) {
    for (const id of foreignIds(world, t)) if (text.includes(id)) problems.push(`another domain's id ${id} in a ${s} answer to ${req.caller}`);
    const proxied = proxyDomain(req.path);
    if (proxied !== null && proxied.toLowerCase() !== world.domains[t]) problems.push(`${s} for ${req.caller} on another domain's proxy path`);
  }
  // The generators never mean to delete A's or B's fixtures: a success here is a leak or a generator bug.
  if (req.method === 'DELETE' && s < 300 && [...world.stored.a, ...world.stored.b].some((id) => req.path.includes(id))) problems.push(`a fixture stored response deleted (${s}) by ${req.caller}`);
  if (s >= 400 && text.includes(world.canary)) problems.push('prompt text (the canary) echoed in an error');
  return problems;
}
