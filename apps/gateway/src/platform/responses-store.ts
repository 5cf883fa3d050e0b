/**
 * Stored Responses-API objects (`store: true`), per domain, with an expiry. Everything is keyed by
 * (domain, id): another domain's id is simply not found, and cannot be overwritten. Expired rows
 * are never returned and are deleted periodically.
 */
import type { Store } from './store/types.js';
import { invalid } from './errors.js';
import { errField, type PlatformLog } from './log.js';
import { now } from './util.js';

export interface StoredResponse {
  id: string;
  domain_id: string;
  /** The Response object, as returned to the client. */
  body: Record<string, unknown>;
  /** The whole conversation up to and including this response, as chat messages: what a continuation sends. */
  conversation: unknown[];
  /** This turn's input, as Responses-API input items. */
  input_items: unknown[];
  previous_response_id: string | null;
  key_id: string | null;
  model: string | null;
  created_at: number;
  expires_at: number;
}

/** What put() takes: the defaults are empty input items, nulls, now and now + the store's TTL. */
export type NewStoredResponse = Pick<StoredResponse, 'id' | 'domain_id' | 'body' | 'conversation'> &
  Partial<Pick<StoredResponse, 'input_items' | 'previous_response_id' | 'key_id' | 'model'>> & { ttl_seconds?: number };

export interface ResponsesStoreOptions {
  /** How long a stored response lives (default 30 days). */
  ttlSeconds?: number;
  /** How often expired rows are deleted (default hourly; 0: never automatically). */
  purgeIntervalMs?: number;
  log?: PlatformLog;
}

interface ResponseRow {
  id: string;
  domain_id: string;
  key_id: string | null;
  model: string | null;
  previous_response_id: string | null;
  created_at: number;
  expires_at: number;
  body: string;
  input_items: string;
  conversation: string;
}

const COLUMNS = 'id, domain_id, key_id, model, previous_response_id, created_at, expires_at, body, input_items, conversation';
const DAY = 86_400;

export class ResponsesStore {
  private purgeTimer: NodeJS.Timeout | null = null;
  private readonly ttlSeconds: number;

  constructor(
    private readonly store: Store,
    private readonly opts: ResponsesStoreOptions = {},
  ) {
    this.ttlSeconds = opts.ttlSeconds ?? 30 * DAY;
    const every = opts.purgeIntervalMs ?? 3_600_000;
    if (every > 0) {
      this.purgeTimer = setInterval(() => {
        this.purge().catch((err) => this.opts.log?.warn({ err: errField(err) }, 'purging expired stored responses failed'));
      }, every);
      this.purgeTimer.unref();
    }
  }

  /** Store (or replace, within the same domain) a response. */
  async put(r: NewStoredResponse): Promise<StoredResponse> {
    if (typeof r?.id !== 'string' || r.id === '' || r.id.length > 256) throw invalid('A stored response needs an id.', 'id');
    if (typeof r.domain_id !== 'string' || r.domain_id === '') throw invalid('A stored response needs a domain.', 'domain_id');
    const ttl = r.ttl_seconds ?? this.ttlSeconds;
    if (!Number.isSafeInteger(ttl) || ttl <= 0) throw invalid("'ttl_seconds' must be a positive integer.", 'ttl_seconds');
    const t = now();
    await this.store.run(
      `INSERT INTO stored_responses (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (domain_id, id) DO UPDATE SET key_id = excluded.key_id, model = excluded.model,
         previous_response_id = excluded.previous_response_id, expires_at = excluded.expires_at,
         body = excluded.body, input_items = excluded.input_items, conversation = excluded.conversation`,
      [
        r.id,
        r.domain_id,
        r.key_id ?? null,
        r.model ?? null,
        r.previous_response_id ?? null,
        t,
        t + ttl,
        JSON.stringify(r.body),
        JSON.stringify(r.input_items ?? []),
        JSON.stringify(r.conversation),
      ],
    );
    return (await this.get(r.id, r.domain_id))!;
  }

  /** The response if it belongs to the domain and has not expired; null otherwise. */
  async get(id: string, domainId: string): Promise<StoredResponse | null> {
    if (typeof id !== 'string' || typeof domainId !== 'string') return null;
    const row = await this.store.get<ResponseRow>(`SELECT ${COLUMNS} FROM stored_responses WHERE domain_id = ? AND id = ? AND expires_at > ?`, [
      domainId,
      id,
      now(),
    ]);
    if (!row) return null;
    return {
      id: row.id,
      domain_id: row.domain_id,
      body: JSON.parse(row.body),
      conversation: JSON.parse(row.conversation),
      input_items: JSON.parse(row.input_items),
      previous_response_id: row.previous_response_id,
      key_id: row.key_id,
      model: row.model,
      created_at: Number(row.created_at),
      expires_at: Number(row.expires_at),
    };
  }

  /** Delete the domain's response; false when it has none with that id (or it had expired). */
  async delete(id: string, domainId: string): Promise<boolean> {
    if (typeof id !== 'string' || typeof domainId !== 'string') return false;
    const r = await this.store.run('DELETE FROM stored_responses WHERE domain_id = ? AND id = ? AND expires_at > ?', [domainId, id, now()]);
    return r.changes > 0;
  }

  /** Delete every expired response; returns how many. */
  async purge(): Promise<number> {
    if (this.store.closed) return 0;
    return (await this.store.run('DELETE FROM stored_responses WHERE expires_at <= ?', [now()])).changes;
  }

  close(): void {
    if (this.purgeTimer) clearInterval(this.purgeTimer);
    this.purgeTimer = null;
  }
}
