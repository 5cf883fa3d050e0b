/**
 * Guardrail violations: which rule fired, for which key, in which direction; never the text that
 * made it fire. Buffered and written off the request path like usage records.
 */
import type { Store } from './store/types.js';
import type { PlatformLog } from './log.js';
import { BatchWriter } from './batch-writer.js';
import { whereWindow } from './store/sql.js';
import { now, uuidv7 } from './util.js';

export interface GuardrailViolation {
  /** Unix seconds; now when absent. */
  ts?: number;
  domain_id: string;
  key_id: string;
  /** The rule's name (a blocked term list, a pattern's name, 'pii.email', 'injection'...). */
  rule: string;
  direction: 'input' | 'output';
}

export interface ViolationCount {
  rule: string;
  direction: 'input' | 'output';
  count: number;
}

const INSERT = 'INSERT INTO guardrail_violations (id, ts, domain_id, key_id, rule, direction) VALUES (?, ?, ?, ?, ?, ?)';

export class ViolationLog {
  private readonly writer: BatchWriter<Required<GuardrailViolation>>;

  constructor(
    private readonly store: Store,
    opts: { log?: PlatformLog; batchSize?: number; intervalMs?: number } = {},
  ) {
    this.writer = new BatchWriter(store, {
      ...opts,
      what: 'guardrail violations',
      insert: INSERT,
      params: (v) => [uuidv7(), v.ts, v.domain_id, v.key_id, v.rule, v.direction],
    });
  }

  /** Synchronous and cheap. Never throws. */
  record(v: GuardrailViolation): void {
    this.writer.push({
      ts: Number.isFinite(v?.ts) ? Math.floor(v.ts!) : now(),
      domain_id: String(v?.domain_id ?? ''),
      key_id: String(v?.key_id ?? ''),
      rule: String(v?.rule ?? '').slice(0, 200),
      direction: v?.direction === 'output' ? 'output' : 'input',
    });
  }

  /** How often each rule fired in a domain (after writing what is buffered). */
  async counts(q: { domain_id: string; start?: number; end?: number }): Promise<ViolationCount[]> {
    await this.writer.flush();
    const where = whereWindow({ domain_id: q.domain_id }, q);
    const rows = await this.store.all<{ rule: string; direction: 'input' | 'output'; n: unknown }>(
      `SELECT rule, direction, COUNT(*) AS n FROM guardrail_violations${where.sql} GROUP BY rule, direction ORDER BY rule, direction`,
      where.params,
    );
    return rows.map((r) => ({ rule: r.rule, direction: r.direction, count: Number(r.n) }));
  }

  flush(): Promise<void> {
    return this.writer.flush();
  }

  close(): Promise<void> {
    return this.writer.close();
  }
}
