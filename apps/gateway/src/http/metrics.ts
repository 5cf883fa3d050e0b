/**
 * Prometheus metrics: requests by route, status and model; latency histograms; guardrail violations;
 * engine host starts and exits.
 * /metrics answers only a superadmin key or the metrics token (CORDON_METRICS_TOKEN, held as its
 * SHA-256 and compared in constant time): route names, models and counts are not for members.
 */
import client from 'prom-client';
import type { RequestHandler } from 'express';
import { ApiError } from '@cordon/server-kit';
import { unauthorized } from './auth.js';
import { sameDigest, secretDigest } from '../secret-digest.js';

export interface MetricsAccess {
  /** SHA-256 (hex) of the metrics token, if one is configured. */
  tokenHash?: string;
  /** The role of the key with this secret, or null when it is not a live key. */
  roleOf(secret: string): Promise<string | null>;
}

const BEARER = /^Bearer[ ]+(\S+)\s*$/i;

/** One label set's figures: a counter's total, or a histogram's observations by bucket. */
class Series {
  value = 0;
  count = 0;
  constructor(
    readonly labels: Readonly<Record<string, string>>,
    /** Upper bounds, ascending (a histogram); empty for a counter. */
    private readonly bounds: readonly number[],
    /** Observations per bucket (not cumulative); the last one is +Inf's own. */
    readonly buckets: number[] = bounds.length ? new Array<number>(bounds.length + 1).fill(0) : [],
  ) {}

  /** A counter: adds `n`. A histogram: observes `n` (value holds the sum). */
  add(n: number): void {
    this.value += n;
    if (this.bounds.length === 0) return;
    this.count++;
    let i = 0;
    while (i < this.bounds.length && n > this.bounds[i]!) i++;
    this.buckets[i]!++;
  }
}

interface HotMetricOptions {
  name: string;
  help: string;
  labelNames: readonly string[];
  /** A histogram's upper bounds, ascending; none: a counter. */
  buckets?: readonly number[];
}

/** Label sets one metric keeps; past this, observations go to one series labelled `_other`. */
const MAX_SERIES = 20_000;

/** Prometheus's text format: a label value's escapes, and HELP's. */
const labelValue = (v: string | number) => String(v).replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const helpText = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
const sample = (name: string, labels: readonly (readonly [string, string | number])[], value: number) =>
  `${name}${labels.length ? `{${labels.map(([k, v]) => `${k}="${labelValue(v)}"`).join(',')}}` : ''} ${value}`;

/**
 * A labelled counter or histogram for the request path: a lookup by a key string and an addition;
 * the text is made only when /metrics is scraped, as prom-client's own Counter and Histogram write
 * theirs (same lines, same order). prom-client's labelled metrics hash and validate the label object
 * on every inc() and observe(), a child from labels() too: the request thread spent about 6 µs a
 * request on the two request metrics (docs/benchmarks.md, session 16). Bounded: MAX_SERIES label
 * sets.
 */
class HotMetric {
  private readonly byKey = new Map<string, Series>();
  private overflow: Series | null = null;

  /** `all`: the list /metrics writes; this metric adds itself to it. */
  constructor(
    all: HotMetric[],
    private readonly o: HotMetricOptions,
  ) {
    all.push(this);
  }

  /** The series of `key` (its label values joined unambiguously), if it has been made. */
  at(key: string): Series | undefined {
    return this.byKey.get(key);
  }

  /** Makes the series of `key`, labelled `values` (`_other` once MAX_SERIES are made). */
  create(key: string, values: readonly string[]): Series {
    if (this.byKey.size >= MAX_SERIES) return (this.overflow ??= this.make(this.o.labelNames.map(() => '_other')));
    const s = this.make(values);
    this.byKey.set(key, s);
    return s;
  }

  private make(values: readonly string[]): Series {
    return new Series(Object.fromEntries(this.o.labelNames.map((n, i) => [n, values[i] ?? ''])), this.o.buckets ?? []);
  }

  /** The metric in Prometheus's text format (no trailing newline). */
  render(): string {
    const { name, buckets: bounds } = this.o;
    const lines = [`# HELP ${name} ${helpText(this.o.help)}`, `# TYPE ${name} ${bounds ? 'histogram' : 'counter'}`];
    for (const s of [...this.byKey.values(), ...(this.overflow ? [this.overflow] : [])]) {
      const labels = Object.entries(s.labels);
      if (!bounds) {
        lines.push(sample(name, labels, s.value));
        continue;
      }
      let cumulative = 0;
      bounds.forEach((le, i) => {
        cumulative += s.buckets[i]!;
        lines.push(sample(`${name}_bucket`, [['le', le], ...labels], cumulative));
      });
      lines.push(sample(`${name}_bucket`, [['le', '+Inf'], ...labels], s.count), sample(`${name}_sum`, labels, s.value), sample(`${name}_count`, labels, s.count));
    }
    return lines.join('\n');
  }
}

export class Metrics {
  readonly registry = new client.Registry();
  /** The request path's metrics (HotMetric), in the order /metrics writes them. */
  private readonly hot: HotMetric[] = [];
  readonly requests = new HotMetric(this.hot, {
    name: 'cordon_http_requests_total',
    help: 'HTTP requests by route (operationId), method, status and model.',
    labelNames: ['route', 'method', 'status', 'model'],
  });
  readonly latency = new HotMetric(this.hot, {
    name: 'cordon_http_request_duration_seconds',
    help: 'HTTP request latency by route and model (until the last byte of the response).',
    labelNames: ['route', 'model'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  });
  readonly tokens = new HotMetric(this.hot, {
    name: 'cordon_tokens_total',
    help: 'Tokens processed by model and direction (input, output).',
    labelNames: ['model', 'direction'],
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

  /** Adds tokens for a model, direction 'input' or 'output'. */
  countTokens(model: string, direction: 'input' | 'output', n: number): void {
    const key = `${model}\u0000${direction}`;
    (this.tokens.at(key) ?? this.tokens.create(key, [model, direction])).add(n);
  }

  constructor() {
    client.collectDefaultMetrics({ register: this.registry, prefix: 'cordon_' });
  }

  /** Records one finished request. */
  observe(route: string, method: string, status: number, model: string, seconds: number): void {
    // The label values' array is made only for a new series.
    const rk = `${route}\u0000${method}\u0000${status}\u0000${model}`;
    (this.requests.at(rk) ?? this.requests.create(rk, [route, method, String(status), model])).add(1);
    const lk = `${route}\u0000${model}`;
    (this.latency.at(lk) ?? this.latency.create(lk, [route, model])).add(seconds);
  }

  /** All metrics in Prometheus's text format: prom-client's registry, then the request path's own. */
  async text(): Promise<string> {
    return `${await this.registry.metrics()}\n${this.hot.map((m) => m.render()).join('\n\n')}\n`;
  }

  /** GET /metrics for the metrics token or a superadmin key; errors go to the error handler (OpenAI shape). */
  handler(access: MetricsAccess): RequestHandler {
    const token = access.tokenHash ? Buffer.from(access.tokenHash, 'hex') : null;
    return async (req, res, next) => {
      try {
        const m = BEARER.exec(req.headers.authorization ?? '');
        if (!m) throw unauthorized("You didn't provide an API key. /metrics needs a superadmin key or the metrics token (Authorization: Bearer ...).");
        const secret = m[1]!;
        if (!(token && sameDigest(secretDigest(secret), token))) {
          const role = await access.roleOf(secret);
          if (role === null) throw unauthorized();
          if (role !== 'superadmin') throw new ApiError(403, '/metrics needs a superadmin key or the metrics token.', 'insufficient_role');
        }
        res.setHeader('content-type', this.registry.contentType);
        res.setHeader('cache-control', 'no-store');
        res.end(await this.text());
      } catch (err) {
        next(err);
      }
    };
  }
}
