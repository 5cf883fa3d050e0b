/**
 * Metering: one usage record per inference request (to the usage sink: the gateway's platform
 * buffers it off the request path; an engine host drops it), and the frame of a metered engine call.
 */
import type { ApiError } from '@cordon/server-kit';
import { EngineError, type Usage } from '../engines/types.js';
import type { Admission } from '../policy/enforcer.js';
import type { RequestContext } from '../http/request-context.js';
import { toApiError } from './errors.js';
import type { HandlerDeps } from '../handlers/deps.js';

/** What one inference request is metered as. */
export interface MeterFrame {
  endpoint: string;
  streamed: boolean;
  admission: Admission;
}

/** Records the request's usage (tokens, status, latency) for its domain, key and model. */
export function recordUsage(deps: HandlerDeps, ctx: RequestContext, r: { endpoint: string; usage: Usage | null; status: number; streamed: boolean }): void {
  const input = r.usage?.prompt_tokens ?? 0;
  const output = r.usage?.completion_tokens ?? 0;
  const auth = ctx.auth;
  const model = ctx.model ?? '';
  deps.platform.usage.record({
    ts: Math.floor(Date.now() / 1000),
    domain_id: auth.domainId,
    key_id: auth.key.id,
    model,
    endpoint: r.endpoint,
    input_tokens: input,
    output_tokens: output,
    status: r.status,
    latency_ms: Date.now() - ctx.startedAt,
    streamed: r.streamed,
  }, ctx.requestId);
  if (input) deps.metrics.countTokens(model, 'input', input);
  if (output) deps.metrics.countTokens(model, 'output', output);
}

/** What a metered call's work sees: the usage so far and the status, and the record made now. */
export interface Meter {
  usage: Usage | null;
  status: number;
  /**
   * Settles the admission and writes the usage record now, with the usage and status as they are
   * (once; later calls do nothing). Called just before an answer's last bytes are written, so that
   * the record of an answered request is made (and spooled) before the client has the answer.
   */
  record(): void;
  /**
   * The call failed with `err` (called once: by metered() for what `work` throws, by `work` for a
   * failure it answers itself): its status is what gets recorded, and a crash of the engine that
   * this request caused is blamed on its key. Returns the OpenAI-shaped error.
   */
  failed(err: unknown): ApiError;
}

/**
 * The frame of one metered engine call: the call armed (deadline, client abort), and whatever
 * happens, the call disarmed, the admission settled and one usage record written. `work` sets
 * `m.usage` when the engine reports it and calls `record()` before its final write; a thrown error
 * becomes the OpenAI-shaped error and its status is what gets recorded.
 */
export async function metered(deps: HandlerDeps, ctx: RequestContext, m: MeterFrame, work: (meter: Meter) => Promise<void>): Promise<void> {
  const disarm = ctx.startEngineCall(deps.config.requestTimeoutMs);
  let recorded = false;
  const meter: Meter = {
    usage: null,
    status: 200,
    record() {
      if (recorded) return;
      recorded = true;
      m.admission.settle(meter.usage);
      recordUsage(deps, ctx, { endpoint: m.endpoint, usage: meter.usage, status: meter.status, streamed: m.streamed });
    },
    failed(err) {
      if (err instanceof EngineError && err.blamesCaller) deps.enforcer.blameCrash(ctx);
      const apiErr = toApiError(err);
      meter.status = apiErr.status;
      return apiErr;
    },
  };
  try {
    await work(meter);
  } catch (err) {
    throw meter.failed(err);
  } finally {
    disarm();
    if (!recorded) {
      // Cut short before the engine's usage event: what was generated until now still counts.
      meter.usage ??= await ctx.usageSoFar();
      meter.record();
    }
  }
}
