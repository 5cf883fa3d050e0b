/**
 * Stored Responses-API objects (`store: true`), per domain, with an expiry. Everything is keyed by
 * (domain, id): another domain's id is simply not found, and cannot be overwritten. Expired rows
 * are never returned and are deleted periodically, in small batches.
 *
 * Bounded like OpenAI's store: one response may hold at most `maxBytes` (larger: 400), and a domain
 * keeps at most `maxPerDomain` responses and `maxBytesPerDomain` bytes; beyond either, its oldest
 * responses are evicted when a new one is stored.
 *
 * Every write (store, evict, delete, purge) is a writeBatch: on SQLite it commits on the writer
 * thread, so that copying a response of megabytes into the database, freeing a large row's pages
 * and the fsync never hold the event loop (a put of 8 MB held it about 68 ms when it committed on
 * the main connection). Reads take only the columns their caller needs: a retrieve reads the
 * stored body as text and sends it as it is; a continuation parses only the conversation.
 */
import { ApiError } from '@cordon/server-kit';
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
  /** Bytes stored (body, input items and conversation, as JSON). */
  size_bytes: number;
}

/** What put() takes: the defaults are empty input items, nulls, now and now + the store's TTL. */
export type NewStoredResponse = Pick<StoredResponse, 'id' | 'domain_id' | 'body' | 'conversation'> &
  Partial<Pick<StoredResponse, 'input_items' | 'previous_response_id' | 'key_id' | 'model'>> & { ttl_seconds?: number };

export interface ResponsesStoreOptions {
  /** How long a stored response lives (default 30 days). */
  ttlSeconds?: number;
  /** How often expired rows are deleted (default hourly; 0: never automatically). */
  purgeIntervalMs?: number;
  /** Responses a domain keeps (default 10,000); the oldest are evicted beyond it. */
  maxPerDomain?: number;
  /** Bytes a domain keeps (default 1 GiB); the oldest are evicted beyond it. */
  maxBytesPerDomain?: number;
  /** Bytes of one stored response (default 16 MiB); larger: 400 response_too_large. */
  maxBytes?: number;
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
  size_bytes: number;
}

const ALL_COLUMNS = ['id', 'domain_id', 'key_id', 'model', 'previous_response_id', 'created_at', 'expires_at', 'body', 'input_items', 'conversation', 'size_bytes'] as const;
const COLUMNS = ALL_COLUMNS.join(', ');
/** A domain's response by id that has not expired (params: domain, id, now). */
const LIVE = 'domain_id = ? AND id = ? AND expires_at > ?';
const DAY = 86_400;
/** Rows deleted per statement when purging (rows can be large): each statement stays short. */
const BATCH = 100;
const MAX_EVICTED_PER_PUT = 1000;

const UPSERT = `INSERT INTO stored_responses (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (domain_id, id) DO UPDATE SET key_id = excluded.key_id, model = excluded.model,
    previous_response_id = excluded.previous_response_id, expires_at = excluded.expires_at,
    body = excluded.body, input_items = excluded.input_items, conversation = excluded.conversation,
    size_bytes = excluded.size_bytes`;
/**
 * The domain's oldest responses but one (`keep`) past either cap, at most MAX_EVICTED_PER_PUT of
 * them (a domain far over caps that were lowered shrinks a batch a put): ranked newest first, a
 * response goes when more than `maxPerDomain - 1` others are newer or as new, or when it and the
 * others newer than it hold more than the byte cap less `keep`'s size. That is what deleting the
 * oldest until both caps hold leaves. Params: domain, domain, keep, count room, byte room, limit.
 */
const EVICT = `DELETE FROM stored_responses WHERE domain_id = ? AND id IN (
  SELECT id FROM (
    SELECT id,
      ROW_NUMBER() OVER (ORDER BY created_at DESC, id DESC) AS newer,
      SUM(size_bytes) OVER (ORDER BY created_at DESC, id DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS bytes_newer
    FROM stored_responses WHERE domain_id = ? AND id <> ?
  ) ranked
  WHERE newer > ? OR bytes_newer > ?
  ORDER BY newer DESC LIMIT ?
)`;

/**
 * A stored field as JSON. A request may carry, in a field the contract does not describe, arrays or
 * objects nested thousands deep (JSON.parse reads them); JSON.stringify runs out of stack on them:
 * that is the client's 400, not a server error.
 */
function storedJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch (err) {
    if (err instanceof RangeError) throw invalid('The request nests too deeply to be stored (a field holds thousands of nested arrays or objects).', 'input');
    throw err;
  }
}

export class ResponsesStore {
  private purgeTimer: NodeJS.Timeout | null = null;
  private readonly ttlSeconds: number;
  readonly maxPerDomain: number;
  readonly maxBytesPerDomain: number;
  /** The most one stored response may hold, bytes. */
  readonly maxBytes: number;

  constructor(
    private readonly store: Store,
    private readonly opts: ResponsesStoreOptions = {},
  ) {
    this.ttlSeconds = opts.ttlSeconds ?? 30 * DAY;
    this.maxPerDomain = Math.max(1, opts.maxPerDomain ?? 10_000);
    this.maxBytesPerDomain = Math.max(1, opts.maxBytesPerDomain ?? 1024 ** 3);
    this.maxBytes = Math.min(this.maxBytesPerDomain, Math.max(1, opts.maxBytes ?? 16 * 1024 ** 2));
    const every = opts.purgeIntervalMs ?? 3_600_000;
    if (every > 0) {
      this.purgeTimer = setInterval(() => {
        this.purge().catch((err) => this.opts.log?.warn({ err: errField(err) }, 'purging expired stored responses failed'));
      }, every);
      this.purgeTimer.unref();
    }
  }

  /** 400 when a response of about `bytes` could not be stored (checked before a model runs). */
  assertFits(bytes: number): void {
    if (bytes > this.maxBytes) throw tooLarge(bytes, this.maxBytes);
  }

  /**
   * Store (or replace, within the same domain) a response; then, if the domain holds more than its
   * caps allow, evict its oldest responses (never this one).
   */
  async put(r: NewStoredResponse): Promise<StoredResponse> {
    if (typeof r?.id !== 'string' || r.id === '' || r.id.length > 256) throw invalid('A stored response needs an id.', 'id');
    if (typeof r.domain_id !== 'string' || r.domain_id === '') throw invalid('A stored response needs a domain.', 'domain_id');
    const ttl = r.ttl_seconds ?? this.ttlSeconds;
    if (!Number.isSafeInteger(ttl) || ttl <= 0) throw invalid("'ttl_seconds' must be a positive integer.", 'ttl_seconds');
    const body = storedJson(r.body);
    const inputItems = storedJson(r.input_items ?? []);
    const conversation = storedJson(r.conversation);
    const size = Buffer.byteLength(body) + Buffer.byteLength(inputItems) + Buffer.byteLength(conversation);
    this.assertFits(size);
    const t = now();
    const row: StoredResponse = {
      id: r.id,
      domain_id: r.domain_id,
      body: r.body,
      conversation: r.conversation,
      input_items: r.input_items ?? [],
      previous_response_id: r.previous_response_id ?? null,
      key_id: r.key_id ?? null,
      model: r.model ?? null,
      created_at: t,
      expires_at: t + ttl,
      size_bytes: size,
    };
    await this.store.writeBatch(UPSERT, [[r.id, r.domain_id, row.key_id, row.model, row.previous_response_id, t, t + ttl, body, inputItems, conversation, size]]);
    const { changes: evicted } = await this.store.writeBatch(EVICT, [
      [r.domain_id, r.domain_id, r.id, this.maxPerDomain - 1, this.maxBytesPerDomain - size, MAX_EVICTED_PER_PUT],
    ]);
    if (evicted > 0) this.opts.log?.info({ domain: r.domain_id, evicted }, 'stored responses over the domain cap: oldest evicted');
    return row;
  }

  /**
   * The columns `columns` of the domain's response `id` if it has not expired; undefined otherwise
   * (also for ids that are not strings). Each reader takes only what it needs: the columns are large.
   */
  private live<K extends keyof ResponseRow>(columns: readonly K[], id: string, domainId: string): Promise<Pick<ResponseRow, K> | undefined> {
    if (typeof id !== 'string' || typeof domainId !== 'string') return Promise.resolve(undefined);
    return this.store.get<Pick<ResponseRow, K>>(`SELECT ${columns.join(', ')} FROM stored_responses WHERE ${LIVE}`, [domainId, id, now()]);
  }

  /** The response if it belongs to the domain and has not expired; null otherwise. */
  async get(id: string, domainId: string): Promise<StoredResponse | null> {
    const row = await this.live(ALL_COLUMNS, id, domainId);
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
      size_bytes: Number(row.size_bytes),
    };
  }

  /** The stored Response object as the JSON text it was stored as (sent as it is); null as get() would be. */
  async bodyText(id: string, domainId: string): Promise<string | null> {
    return (await this.live(['body'], id, domainId))?.body ?? null;
  }

  /** What a continuation (previous_response_id) needs: the conversation so far and the bytes stored; null as get() would be. */
  async conversation(id: string, domainId: string): Promise<Pick<StoredResponse, 'conversation' | 'size_bytes'> | null> {
    const row = await this.live(['conversation', 'size_bytes'], id, domainId);
    return row ? { conversation: JSON.parse(row.conversation), size_bytes: Number(row.size_bytes) } : null;
  }

  /** Delete the domain's response; false when it has none with that id (or it had expired). */
  async delete(id: string, domainId: string): Promise<boolean> {
    if (typeof id !== 'string' || typeof domainId !== 'string') return false;
    const r = await this.store.writeBatch(`DELETE FROM stored_responses WHERE ${LIVE}`, [[domainId, id, now()]]);
    return r.changes > 0;
  }

  /** Delete every expired response, a batch at a time (each its own commit, between other batches); returns how many. */
  async purge(): Promise<number> {
    const t = now();
    let total = 0;
    for (;;) {
      if (this.store.closed) return total;
      const { changes } = await this.store.writeBatch(
        `DELETE FROM stored_responses WHERE (domain_id, id) IN (SELECT domain_id, id FROM stored_responses WHERE expires_at <= ? ORDER BY expires_at LIMIT ?)`,
        [[t, BATCH]],
      );
      total += changes;
      if (changes < BATCH) return total;
    }
  }

  close(): void {
    if (this.purgeTimer) clearInterval(this.purgeTimer);
    this.purgeTimer = null;
  }
}

function tooLarge(bytes: number, limit: number): ApiError {
  return new ApiError(
    400,
    `This response is too large to store (about ${bytes} bytes; the limit is ${limit}). Send the request with "store": false, or start a new conversation.`,
    'response_too_large',
    'store',
  );
}
