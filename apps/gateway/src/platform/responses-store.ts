/** Stored Responses-API objects, per domain, with expiry. Another domain's id is simply not found. */
import type { Store } from './store/types.js';
import { now } from './errors.js';

export interface StoredResponse {
  id: string;
  domain_id: string;
  body: Record<string, unknown>;
  /** The whole conversation up to and including this response (as chat messages), to continue it. */
  conversation: unknown[];
}

export class ResponsesStore {
  private purgeTimer: NodeJS.Timeout;

  constructor(
    private readonly store: Store,
    private readonly ttlSeconds = 30 * 24 * 3600,
  ) {
    this.purgeTimer = setInterval(() => void this.purge(), 3600_000);
    this.purgeTimer.unref();
  }

  async put(r: StoredResponse): Promise<void> {
    const t = now();
    await this.store.run(
      'INSERT INTO stored_responses (id, domain_id, created_at, expires_at, body, conversation) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body, conversation = excluded.conversation',
      [r.id, r.domain_id, t, t + this.ttlSeconds, JSON.stringify(r.body), JSON.stringify(r.conversation)],
    );
  }

  async get(id: string, domainId: string): Promise<StoredResponse | null> {
    const row = await this.store.get<{ id: string; domain_id: string; body: string; conversation: string }>(
      'SELECT * FROM stored_responses WHERE id = ? AND domain_id = ? AND expires_at > ?',
      [id, domainId, now()],
    );
    return row ? { id: row.id, domain_id: row.domain_id, body: JSON.parse(row.body), conversation: JSON.parse(row.conversation) } : null;
  }

  async delete(id: string, domainId: string): Promise<boolean> {
    return (await this.store.run('DELETE FROM stored_responses WHERE id = ? AND domain_id = ?', [id, domainId])).changes > 0;
  }

  async purge(): Promise<number> {
    return (await this.store.run('DELETE FROM stored_responses WHERE expires_at <= ?', [now()])).changes;
  }

  close(): void {
    clearInterval(this.purgeTimer);
  }
}
