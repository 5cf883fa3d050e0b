/**
 * The pass-through path: a request body forwarded as it is to the model's engine (an upstream's own
 * audio endpoint; a sealed request to its engine host), the answer's status, headers and body
 * relayed as they come, read only as fast as the client reads, and metered like any inference call.
 * The usage comes from what the answer says in clear (`usageTap`), when it says it.
 */
import type { ApiResponse } from '@cordon/server-kit';
import type { Engine, ForwardBody, ModelEntry, Usage } from '../engines/types.js';
import type { HandlerDeps } from '../handlers/deps.js';
import type { RequestContext } from '../http/request-context.js';
import { drained } from '../http/sse.js';
import type { Admission } from '../policy/enforcer.js';
import { metered } from './meter.js';

/** Reads an answer's bytes as they are relayed; `usage()` says what they reported, at the end. */
export interface UsageTap {
  push(chunk: Buffer): void;
  usage(): Usage | null;
}

export interface Forwarded {
  endpoint: string;
  streamed: boolean;
  admission: Admission;
  path: string;
  headers: Record<string, string>;
  body: ForwardBody;
  usageTap?: UsageTap;
}

/** `forwardBody`: the model's engine's, bound to it. */
export async function forwardAsIs(deps: HandlerDeps, res: ApiResponse<unknown>, ctx: RequestContext, model: ModelEntry, forwardBody: NonNullable<Engine['forwardBody']>, f: Forwarded): Promise<void> {
  await metered(deps, ctx, { endpoint: f.endpoint, streamed: f.streamed, admission: f.admission }, async (meter) => {
    const forwarded = await forwardBody(model, f.path, f.headers, f.body, ctx);
    meter.status = forwarded.status;
    res.statusCode = forwarded.status;
    for (const [k, v] of Object.entries(forwarded.headers)) res.setHeader(k, v);
    ctx.stampOverhead();
    for await (const chunk of forwarded.body) {
      f.usageTap?.push(chunk);
      if (!res.write(chunk)) await drained(res, deps.config.streams.writeTimeoutMs, deps.log, ctx.requestId);
    }
    if (f.usageTap) meter.usage = f.usageTap.usage();
    meter.record();
    res.end();
  });
}
