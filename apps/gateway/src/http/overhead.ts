/**
 * `x-cordon-overhead-ms`: the time spent in the gateway itself, i.e. the request's time so far minus
 * the time spent waiting on the engine. For streams it is the time before the engine was called
 * (headers leave with the first event).
 */
import type { Response } from 'express';

export const HEADER = 'x-cordon-overhead-ms';

export function startClockOn(res: { locals: Record<string, any> }): void {
  res.locals.t0 = performance.now();
  res.locals.engineMs = 0;
}

/** Wraps an engine wait; its time is not the gateway's. */
export async function engineTime<T>(res: Response, work: () => Promise<T>): Promise<T> {
  const t = performance.now();
  try {
    return await work();
  } finally {
    res.locals.engineMs = (res.locals.engineMs ?? 0) + (performance.now() - t);
  }
}

export function setOverhead(res: Response): void {
  if (res.headersSent || res.locals.t0 === undefined) return;
  const ms = performance.now() - res.locals.t0 - (res.locals.engineMs ?? 0);
  res.setHeader(HEADER, Math.max(0, ms).toFixed(3));
}
