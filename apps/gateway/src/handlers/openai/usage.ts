import type { Response } from 'express';
import type { Usage } from '../../engines/types.js';
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
  if (input) deps.metrics.tokens.labels(r.model, 'input').inc(input);
  if (output) deps.metrics.tokens.labels(r.model, 'output').inc(output);
  res.locals.usage = r.usage;
}
