/** The per-request engine context: an AbortSignal that fires when the client goes away or the deadline passes. */
import type { Response } from 'express';
import type { EngineCallContext } from '../engines/types.js';

export function callContext(res: Response, timeoutMs: number): EngineCallContext & { dispose(): void } {
  const controller = new AbortController();
  const onClose = () => {
    if (!res.writableFinished) controller.abort(new Error('client closed the connection'));
  };
  res.on('close', onClose);
  const timer = setTimeout(() => controller.abort(new Error('request deadline exceeded')), timeoutMs);
  timer.unref();
  return {
    signal: controller.signal,
    requestId: String(res.locals.requestId ?? ''),
    deadline: Date.now() + timeoutMs,
    dispose() {
      clearTimeout(timer);
      res.off('close', onClose);
    },
  };
}
