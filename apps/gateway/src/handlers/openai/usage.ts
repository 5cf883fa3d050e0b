import type { Response } from 'express';
import type { EngineCallContext, Usage } from '../../engines/types.js';
import type { Admission } from '../../policy/enforcer.js';
import { callContext } from '../../http/call-context.js';
import { toApiError } from './errors.js';
import type { HandlerDeps } from '../deps.js';

/** One usage record per inference request, buffered off the request path by the platform. */
export function recordUsage(
  deps: HandlerDeps,
  res: Response,
  r: { domainId: string; keyId: string; model: string; endpoint: string; usage: Usage | null; status: number; streamed: boolean; startedAt: number },
): void {
  const input = r.usage?.prompt_tokens ?? 0;
  const output = r.usage?.completion_tokens ?? 0;
  deps.platform.usage.record({
    ts: Math.floor(Date.now() / 1000),
    domain_id: r.domainId,
    key_id: r.keyId,
    model: r.model,
    endpoint: r.endpoint,
    input_tokens: input,
    output_tokens: output,
    status: r.status,
    latency_ms: Date.now() - r.startedAt,
    streamed: r.streamed,
  });
  if (input) deps.metrics.countTokens(r.model, 'input', input);
  if (output) deps.metrics.countTokens(r.model, 'output', output);
  res.locals.usage = r.usage;
}

/**
 * The frame of one metered engine call: a call context (deadline, client abort), and whatever
 * happens, the context disposed, the admission settled and one usage record written. `work` sets
 * `m.usage` when the engine reports it; a thrown error becomes the OpenAI-shaped error and its
 * status is what gets recorded.
 */
export async function metered(
  deps: HandlerDeps,
  res: Response,
  m: { domainId: string; keyId: string; model: string; endpoint: string; streamed: boolean; startedAt: number; admission: Admission },
  work: (ctx: EngineCallContext, meter: { usage: Usage | null; status: number }) => Promise<void>,
): Promise<void> {
  const ctx = callContext(res, deps.config.requestTimeoutMs);
  const meter: { usage: Usage | null; status: number } = { usage: null, status: 200 };
  const tracked: { read: (() => Usage) | null } = { read: null };
  ctx.trackUsage = (read) => {
    tracked.read = read;
  };
  try {
    await work(ctx, meter);
  } catch (err) {
    const apiErr = toApiError(err);
    meter.status = apiErr.status;
    throw apiErr;
  } finally {
    ctx.dispose();
    // Cut short before the engine's usage event: what was generated until now still counts.
    if (!meter.usage && tracked.read) meter.usage = tracked.read();
    m.admission.settle(meter.usage);
    recordUsage(deps, res, { domainId: m.domainId, keyId: m.keyId, model: m.model, endpoint: m.endpoint, usage: meter.usage, status: meter.status, streamed: m.streamed, startedAt: m.startedAt });
  }
}
