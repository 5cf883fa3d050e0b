/**
 * What the gateway's handlers get in an engine host: no domains, keys, guardrails, limits or usage
 * store (those stay in the gateway). Every model is open to the one caller, whose token is the
 * host's; admission lets everything through and filters nothing; usage is in the answers, which the
 * gateway meters (the last records are kept only for streams the gateway cut short: RecentUsage).
 */
import type { Admission } from '../policy/enforcer.js';
import { sameDigest, secretDigest } from '../secret-digest.js';
import type { AuthDeps, AuthenticatedKey } from '../http/auth.js';
import type { Admitter, RequestMetrics, UsageSink } from '../handlers/deps.js';
import type { Usage } from '../engines/types.js';
import type { RequestContext } from '../http/request-context.js';
import type { UsageRecord } from '../platform/index.js';

export const OPEN_ADMISSION: Admission = {
  filtersOutput: false,
  outputFilter: () => null,
  settle: () => {},
};

/**
 * The host's admitter: everything is let through and nothing filtered, but for a sealed request
 * whose domain has output rules (the gateway sends them; it cannot read the answer): that request
 * gets their filter, and the rules it applied are kept for its sealed answer to report.
 */
export class HostAdmitter implements Admitter {
  private readonly admissions = new WeakMap<RequestContext, Admission>();
  private readonly applied = new WeakMap<RequestContext, string[]>();

  /** This request's answer is filtered by `admission`. */
  filterFor(ctx: RequestContext, admission: Admission): void {
    this.admissions.set(ctx, admission);
  }

  readonly admit: Admitter['admit'] = async (ctx) => this.admissions.get(ctx) ?? OPEN_ADMISSION;

  readonly violation: Admitter['violation'] = (ctx, rule) => {
    const list = this.applied.get(ctx);
    if (list) list.push(rule);
    else this.applied.set(ctx, [rule]);
  };

  /** Keys are the gateway's: it blames them for the crashes of its hosts (its enforcer does). */
  readonly blameCrash: Admitter['blameCrash'] = () => undefined;

  /** The rules applied since the last call (and forgets them). */
  takeViolations(ctx: RequestContext): string[] {
    const list = this.applied.get(ctx) ?? [];
    this.applied.delete(ctx);
    return list;
  }
}

/**
 * Usage records are not stored here: the last ones are kept by request id, for the gateway to read
 * the usage of a stream it cut short before the usage chunk (GET /host/v1/usage/{id}). Bounded: the
 * oldest go first.
 */
export class RecentUsage implements UsageSink {
  private readonly records = new Map<string, Usage>();
  private readonly waiters = new Map<string, Array<(u: Usage) => void>>();

  constructor(private readonly keep = 1024) {}

  record(rec: UsageRecord, requestId?: string): void {
    if (!requestId) return;
    const usage: Usage = { prompt_tokens: rec.input_tokens, completion_tokens: rec.output_tokens, total_tokens: rec.input_tokens + rec.output_tokens };
    this.records.delete(requestId);
    this.records.set(requestId, usage);
    if (this.records.size > this.keep) this.records.delete(this.records.keys().next().value!);
    const waiting = this.waiters.get(requestId);
    this.waiters.delete(requestId);
    for (const w of waiting ?? []) w(usage);
  }

  /** The request's usage, waiting up to `ms` for it to be recorded; null if it is not. */
  await(requestId: string, ms: number): Promise<Usage | null> {
    const known = this.records.get(requestId);
    if (known) return Promise.resolve(known);
    if (this.waiters.size >= this.keep) return Promise.resolve(null);
    return new Promise((resolve) => {
      const list = this.waiters.get(requestId) ?? [];
      const done = (u: Usage | null) => {
        clearTimeout(timer);
        resolve(u);
      };
      const timer = setTimeout(() => {
        const rest = (this.waiters.get(requestId) ?? []).filter((w) => w !== done);
        if (rest.length) this.waiters.set(requestId, rest);
        else this.waiters.delete(requestId);
        resolve(null);
      }, ms);
      timer.unref();
      list.push(done);
      this.waiters.set(requestId, list);
    });
  }
}

/** A host serves no /metrics: nothing is counted. */
export const uncounted: RequestMetrics = { observe: () => {}, countTokens: () => {} };

/** The host's one caller (its key and domain in request contexts and log lines). */
export const HOST_CALLER: AuthenticatedKey = { id: 'engine-host', domain_id: 'engine-host', role: 'member' };

/** Whether a bearer secret is the host token, compared in constant time (of equal-length digests). */
export function tokenChecker(token: string): (secret: string) => boolean {
  const expected = secretDigest(token);
  return (secret) => sameDigest(secretDigest(secret), expected);
}

/** The callers of a host: whoever holds its token. */
export function hostCallers(isToken: (secret: string) => boolean): AuthDeps {
  return {
    authenticate: (secret) => (isToken(secret) ? { ok: true, key: HOST_CALLER } : { ok: false, reason: 'invalid' }),
    getDomain: (id) => (id === HOST_CALLER.domain_id ? { id, disabled: false } : null),
  };
}
