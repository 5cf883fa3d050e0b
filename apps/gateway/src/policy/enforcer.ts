/**
 * Policy on the request path, per domain: input guardrails (block or mask before the engine sees
 * anything), rate limits (429 before the engine), and the output filter for the answer. Guardrails
 * compile once per policy version, not per request.
 */
import type { RequestContext } from '../http/request-context.js';
import { ApiError } from '@cordon/server-kit';
import type { Metrics } from '../http/metrics.js';
import type { Log } from '../log.js';
import type { PolicyService, Policy } from '../platform/policies.js';
import type { Usage } from '../engines/types.js';
import { compileGuardrails, GuardrailConfigError, checkInput, createOutputFilter, type CompiledGuardrails, type OutputFilter } from '../guardrails/index.js';
import type { AcquireResult, RateLimiter, Lease } from '../limits/index.js';
import { estimateTokens, hasTokenInput, textSlots } from './texts.js';
import { CrashLedger } from './crash-ledger.js';

export interface Admission {
  /** Whether the policy has output rules (else the answer needs no filtering at all). */
  readonly filtersOutput: boolean;
  /** A fresh output filter for one choice, or null when the policy has no output rules. */
  outputFilter(): OutputFilter | null;
  /** The real usage is known: correct the token bucket and free the concurrency slot. */
  settle(usage: Usage | null): void;
}

export interface ViolationSink {
  (v: { domain_id: string; key_id: string; rule: string; direction: 'input' | 'output' }): void;
}

export class PolicyEnforcer {
  private compiled = new Map<string, { version: number; guard: CompiledGuardrails; hasInput: boolean; hasOutput: boolean }>();
  /** Engine crashes blamed on keys (policy/crash-ledger.ts). */
  readonly crashes = new CrashLedger();

  constructor(
    private readonly deps: { policies: PolicyService; limiter: RateLimiter; metrics: Metrics; log: Log; violations: ViolationSink },
  ) {}

  /**
   * A policy stored before patterns ran on RE2 may hold one RE2 refuses (a lookahead, a
   * backreference): that domain's requests fail closed with a clear 503 until a superadmin sets the
   * policy again (which names the field), and the operator's log says which field.
   */
  private compile(domainId: string, policy: Policy): CompiledGuardrails {
    try {
      return compileGuardrails(policy.guardrails);
    } catch (err) {
      if (!(err instanceof GuardrailConfigError)) throw err;
      this.deps.log.error({ domain: domainId, param: err.param, reason: err.message }, 'stored policy cannot be compiled');
      throw new ApiError(503, "This domain's policy cannot be applied: one of its guardrail patterns is not supported. An administrator must set the policy again.", 'policy_unavailable');
    }
  }

  private async guardFor(domainId: string): Promise<{ policy: Policy; guard: CompiledGuardrails; hasInput: boolean; hasOutput: boolean }> {
    const { policy, version } = await this.deps.policies.getVersioned(domainId);
    let c = this.compiled.get(domainId);
    if (!c || c.version !== version) {
      const o = policy.guardrails.output;
      const hasOutput =
        o.blocked_terms.length > 0 || o.blocked_patterns.length > 0 || o.pii.custom.length > 0 || Object.entries(o.pii).some(([k, v]) => k !== 'custom' && v !== 'allow');
      const guard = this.compile(domainId, policy);
      const i = guard.input;
      const hasInput = i.block.length > 0 || i.mask.length > 0 || i.injection.length > 0 || i.maxChars !== null || i.maxTokens !== null;
      c = { version, guard, hasInput, hasOutput };
      this.compiled.set(domainId, c);
    }
    return { policy, guard: c.guard, hasInput: c.hasInput, hasOutput: c.hasOutput };
  }

  /** Whether the domain's policy has output rules (an answer must then be read before it is sent). */
  async hasOutputRules(domainId: string): Promise<boolean> {
    return (await this.guardFor(domainId)).hasOutput;
  }

  /** Records a violation of the caller's request (rule, domain, key, time; never the content) and counts it. */
  violation(ctx: RequestContext, rule: string, direction: 'input' | 'output'): void {
    const { domainId, key } = ctx.auth;
    this.deps.metrics.violations.labels(rule, direction).inc();
    this.deps.violations({ domain_id: domainId, key_id: key.id, rule, direction });
  }

  /**
   * Input guardrails, then rate limits. Token-array input is checked as its text when the engine
   * can detokenize it (`detokenize`, given ids already checked against the vocabulary); when it
   * cannot (upstream engines) and the domain has input rules, the request is refused.
   */
  async admit(
    ctx: RequestContext,
    a: { body: Record<string, any>; countTokens?: (s: string) => Promise<number>; detokenize?: (ids: readonly number[]) => Promise<string> },
  ): Promise<Admission> {
    const { domainId, key } = ctx.auth;
    const { policy, guard, hasInput, hasOutput } = await this.guardFor(domainId);
    if (hasInput && !a.detokenize && hasTokenInput(a.body)) {
      const param = 'prompt' in a.body ? 'prompt' : 'input';
      throw new ApiError(400, `This domain's input guardrails read text, and this model cannot turn token ids into text for them: send '${param}' as text.`, 'unsupported_value', param);
    }
    const slots = await textSlots(a.body, hasInput ? a.detokenize : undefined);
    const texts = slots.map((s) => s.get());
    // Exact tokens only when a token limit is set (it costs a tokenizer pass).
    let counted: ((s: string) => number) | undefined;
    if (guard.input.maxTokens !== null) {
      // The model's tokenizer when the engine has one here; otherwise ~4 characters a token.
      const counts = new Map<string, number>();
      for (const t of texts) counts.set(t, a.countTokens ? await a.countTokens(t) : Math.ceil(t.length / 4));
      counted = (s) => counts.get(s) ?? Math.ceil(s.length / 4);
    }
    const verdict = checkInput(guard, texts, counted);
    if (verdict.action === 'block') {
      this.violation(ctx, verdict.rule, 'input');
      const param = Array.isArray(a.body.messages) ? 'messages' : 'prompt' in a.body ? 'prompt' : 'input';
      throw new ApiError(400, `The request was blocked by this domain's content policy (rule: ${verdict.rule}).`, 'content_policy_violation', param);
    }
    if (verdict.action === 'mask') {
      verdict.texts.forEach((t, i) => slots[i]!.set(t));
      for (const rule of verdict.rules) this.violation(ctx, rule, 'input');
    }
    const finalTexts = verdict.action === 'mask' ? verdict.texts : texts;
    return this.limit(ctx, policy, hasOutput ? guard : null, estimateTokens(a.body, finalTexts));
  }

  /**
   * An encrypted request (docs/confidential.md): nothing here can read its text. A domain with input
   * rules refuses it; output rules are handed back (`outputRules`) for the engine host, which reads
   * the answer, to apply. The rate limits count its clear fields (max_tokens, n) and the size of its
   * ciphertext.
   */
  async admitSealed(ctx: RequestContext, a: { body: Record<string, unknown>; sealedBytes: number }): Promise<{ admission: Admission; outputRules: Policy['guardrails']['output'] | null }> {
    const { policy, hasInput, hasOutput } = await this.guardFor(ctx.auth.domainId);
    if (hasInput) {
      throw new ApiError(400, "This domain's input guardrails read the request's text, which an encrypted request hides from the gateway: send it in clear, or have an administrator remove the input rules.", 'encrypted_input_not_inspectable');
    }
    const admission = await this.limit(ctx, policy, null, estimateTokens(a.body, []) + Math.ceil(a.sealedBytes / 4));
    return { admission, outputRules: hasOutput ? policy.guardrails.output : null };
  }

  /**
   * A request of this key crashed its model's engine (it was the only one in flight): remembered, and
   * after a second crash within the ledger's window the key is refused that model for a while.
   */
  blameCrash(ctx: RequestContext): void {
    if (!ctx.model) return;
    const closed = this.crashes.blame(ctx.auth.key.id, ctx.model);
    this.deps.log.warn({ request_id: ctx.requestId, domain: ctx.auth.domainId, key_id: ctx.auth.key.id, model: ctx.model, refused: closed }, closed ? 'engine crashes blamed on this key: it is refused this model for a while' : 'engine crash blamed on this key');
  }

  /**
   * An admin API write (a key created, revoked or rotated) by a key that is not a superadmin's: at most
   * `perMinute` a minute per domain, all its admin keys together (CORDON_ADMIN_WRITES_PER_MINUTE; 0:
   * no limit), then a 429 with `Retry-After`. Each write is a commit with its fsync (on SQLite on the
   * writer thread, where it queues with every tenant's usage records), so a domain admin writing in
   * a loop would otherwise slow every tenant's accounting. Per domain, not
   * per key: a domain admin can mint admin keys (up to the domain's key cap), and a budget per key
   * would grow with each. Counted by the same limiter as the policies' limits (shared through Redis
   * when there is one), in buckets of their own.
   */
  async admitAdminWrite(ctx: RequestContext, perMinute: number): Promise<void> {
    const { key, domainId } = ctx.auth;
    if (perMinute <= 0 || key.role === 'superadmin') return;
    const result = await this.deps.limiter.acquire({
      keyId: `admin-writes:${key.id}`,
      domainId: `admin-writes:${domainId}`,
      limits: { key: { requests_per_minute: null, tokens_per_minute: null, concurrent_requests: null }, domain: { requests_per_minute: perMinute, tokens_per_minute: null, concurrent_requests: null } },
      onStoreFailure: 'open',
      estimatedTokens: 0,
    });
    if (!result.allowed) throw this.refusal(result, 'admin writes per minute');
    result.lease.release();
  }

  /** A refused admission as OpenAI answers it: a 429 with `Retry-After`, or a 503 when the limits cannot be read. */
  private refusal(result: Extract<AcquireResult, { allowed: false }>, what: string): ApiError {
    if (result.kind === 'unavailable') {
      return new ApiError(503, 'Rate limits cannot be checked right now; try again shortly.', 'rate_limiter_unavailable', null, { 'retry-after': String(result.retryAfterSeconds) });
    }
    this.deps.metrics.rateLimited.labels(result.scope).inc();
    return new ApiError(
      429,
      `Rate limit reached for ${what} (${result.scope}). Please try again in ${result.retryAfterSeconds}s.`,
      'rate_limit_exceeded',
      null,
      { 'retry-after': String(Math.max(1, Math.ceil(result.retryAfterSeconds))) },
      'rate_limit_error',
    );
  }

  /** Refused models (crash ledger, 403), rate limits (429 before the engine), then the admission: `guard` when the answer must be filtered. */
  private async limit(ctx: RequestContext, policy: Policy, guard: CompiledGuardrails | null, estimatedTokens: number): Promise<Admission> {
    const { domainId, key } = ctx.auth;
    const refused = ctx.model ? this.crashes.refusal(key.id, ctx.model) : null;
    if (refused) throw refused;
    const result = await this.deps.limiter.acquire({
      keyId: key.id,
      domainId,
      limits: { key: policy.limits.key, domain: policy.limits.domain },
      onStoreFailure: policy.limits.on_store_failure,
      estimatedTokens,
    });
    ctx.setHeaders(result.headers);
    if (!result.allowed) throw this.refusal(result, result.kind === 'concurrent' ? 'concurrent requests' : `${result.kind} per minute`);
    const lease: Lease = result.lease;
    let settled = false;
    ctx.onClose(() => {
      if (!settled) {
        settled = true;
        lease.release();
      }
    });
    return {
      filtersOutput: guard !== null,
      outputFilter: () => (guard ? createOutputFilter(guard) : null),
      settle(usage) {
        if (settled) return;
        settled = true;
        if (usage) lease.settle(usage.total_tokens);
        else lease.release();
      },
    };
  }
}
