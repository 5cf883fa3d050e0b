/**
 * GET /readyz: 200 while the store is open and the gateway is not draining; 503 from the moment
 * shutdown starts (SIGTERM, SIGINT or shutdown()), so a load balancer stops sending new traffic
 * while in-flight requests finish. GET /healthz stays 200 until the process stops.
 */
import type { RequestHandler } from 'express';

const draining = new WeakSet<object>();

/** From now on this gateway (keyed by its HandlerDeps) reports not ready. */
export function startDraining(deps: object): void {
  draining.add(deps);
}

export function isDraining(deps: object): boolean {
  return draining.has(deps);
}

export function readinessHandler(deps: { platform: { isReady(): boolean } }): RequestHandler {
  return (_req, res) => {
    const drain = isDraining(deps);
    const ready = !drain && deps.platform.isReady();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : drain ? 'draining' : 'not_ready' });
  };
}
