/**
 * Prometheus metrics: requests by route, status and model; latency histograms; guardrail violations;
 * engine host starts and exits.
 * /metrics answers only a superadmin key or the metrics token (CORDON_METRICS_TOKEN, held as its
 * SHA-256 and compared in constant time): route names, models and counts are not for members.
 */
import client from 'prom-client';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { ApiError } from '@cordon/server-kit';
import { unauthorized } from './auth.js';

export interface MetricsAccess {
  /** SHA-256 (hex) of the metrics token, if one is configured. */
  tokenHash?: string;
  /** The role of the key with this secret, or null when it is not a live key. */
  roleOf(secret: string): Promise<string | null>;
}

const BEARER = /^Bearer[ ]+(\S+)\s*$/i;

function sameToken(secret: string, hashHex: string): boolean {
  const a = createHash('sha256').update(secret, 'utf8').digest();
  const b = Buffer.from(hashHex, 'hex');
  return b.length === a.length && timingSafeEqual(a, b);
}

export class Metrics {
  readonly registry = new client.Registry();
  readonly requests = new client.Counter({
    name: 'cordon_http_requests_total',
    help: 'HTTP requests by route (operationId), method, status and model.',
    labelNames: ['route', 'method', 'status', 'model'] as const,
    registers: [this.registry],
  });
  readonly latency = new client.Histogram({
    name: 'cordon_http_request_duration_seconds',
    help: 'HTTP request latency by route and model (until the last byte of the response).',
    labelNames: ['route', 'model'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });
  readonly tokens = new client.Counter({
    name: 'cordon_tokens_total',
    help: 'Tokens processed by model and direction (input, output).',
    labelNames: ['model', 'direction'] as const,
    registers: [this.registry],
  });
  readonly violations = new client.Counter({
    name: 'cordon_guardrail_violations_total',
    help: 'Guardrail violations by rule and direction.',
    labelNames: ['rule', 'direction'] as const,
    registers: [this.registry],
  });
  readonly engineHostExits = new client.Counter({
    name: 'cordon_engine_host_exits_total',
    help: 'Engine host processes that exited without being asked to, by model and reason (a signal name like SIGKILL, code_<n>, or start_timeout).',
    labelNames: ['model', 'reason'] as const,
    registers: [this.registry],
  });
  readonly engineHostStarts = new client.Counter({
    name: 'cordon_engine_host_starts_total',
    help: 'Engine host processes started, by model (the first start and every restart).',
    labelNames: ['model'] as const,
    registers: [this.registry],
  });
  readonly rateLimited = new client.Counter({
    name: 'cordon_rate_limited_total',
    help: 'Requests refused by a rate limit, by scope.',
    labelNames: ['scope'] as const,
    registers: [this.registry],
  });

  /** Label children by metric and label values: the hot path does no label hashing. Bounded. */
  private children = new Map<string, any>();

  private child<T>(key: string, make: () => T): T {
    let c = this.children.get(key) as T | undefined;
    if (c === undefined) {
      c = make();
      if (this.children.size < 20_000) this.children.set(key, c);
    }
    return c;
  }

  /** Adds tokens for a model, direction 'input' or 'output'. */
  countTokens(model: string, direction: 'input' | 'output', n: number): void {
    this.child(`t\u0000${model}\u0000${direction}`, () => this.tokens.labels(model, direction)).inc(n);
  }

  constructor() {
    client.collectDefaultMetrics({ register: this.registry, prefix: 'cordon_' });
  }

  /** Records one finished request; label children are cached so the hot path does no label hashing. */
  observe(route: string, method: string, status: number, model: string, seconds: number): void {
    this.child(`r\u0000${route}\u0000${method}\u0000${status}\u0000${model}`, () => this.requests.labels(route, method, String(status), model)).inc();
    this.child(`l\u0000${route}\u0000${model}`, () => this.latency.labels(route, model)).observe(seconds);
  }

  /** GET /metrics for the metrics token or a superadmin key; errors go to the error handler (OpenAI shape). */
  handler(access: MetricsAccess): RequestHandler {
    return async (req, res, next) => {
      try {
        const m = BEARER.exec(req.headers.authorization ?? '');
        if (!m) throw unauthorized("You didn't provide an API key. /metrics needs a superadmin key or the metrics token (Authorization: Bearer ...).");
        const secret = m[1]!;
        if (!(access.tokenHash && sameToken(secret, access.tokenHash))) {
          const role = await access.roleOf(secret);
          if (role === null) throw unauthorized();
          if (role !== 'superadmin') throw new ApiError(403, '/metrics needs a superadmin key or the metrics token.', 'insufficient_role');
        }
        res.setHeader('content-type', this.registry.contentType);
        res.setHeader('cache-control', 'no-store');
        res.end(await this.registry.metrics());
      } catch (err) {
        next(err);
      }
    };
  }
}
