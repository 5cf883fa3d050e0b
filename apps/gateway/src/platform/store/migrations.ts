/**
 * Schema migrations, numbered, applied in order at start, each inside its own transaction and
 * recorded in `schema_migrations`. Never edit one that has shipped: add the next number.
 *
 * The SQL is portable (SQLite and PostgreSQL): TEXT ids, BIGINT unix seconds, INTEGER 0/1 flags,
 * JSON as TEXT, named indexes, no AUTOINCREMENT.
 */
export interface Migration {
  id: number;
  name: string;
  statements: string[];
}

export const migrations: Migration[] = [
  {
    id: 1,
    name: 'core schema',
    statements: [
      `CREATE TABLE domains (
         id TEXT PRIMARY KEY,
         name TEXT NOT NULL,
         disabled INTEGER NOT NULL DEFAULT 0,
         created_at BIGINT NOT NULL
       )`,
      // Personal access tokens. The secret is never stored: only its SHA-256 (hex).
      //   secret_kind 'token':  cdn_<id>_<random>; found by id, then the hashes are compared in constant time.
      //   secret_kind 'opaque': any other secret (CORDON_ADMIN_KEY); found by its hash (indexed).
      `CREATE TABLE api_keys (
         id TEXT PRIMARY KEY,
         domain_id TEXT NOT NULL REFERENCES domains(id),
         name TEXT NOT NULL,
         role TEXT NOT NULL CHECK (role IN ('member', 'admin', 'superadmin')),
         prefix TEXT NOT NULL,
         secret_kind TEXT NOT NULL CHECK (secret_kind IN ('token', 'opaque')),
         secret_hash TEXT NOT NULL,
         bootstrap INTEGER NOT NULL DEFAULT 0,
         created_at BIGINT NOT NULL,
         expires_at BIGINT,
         last_used_at BIGINT,
         revoked_at BIGINT
       )`,
      `CREATE INDEX api_keys_secret_hash ON api_keys (secret_hash)`,
      // No two live keys share a secret (a revoked one may share it with a live one: an old
      // CORDON_ADMIN_KEY that is configured again).
      `CREATE UNIQUE INDEX api_keys_live_secret ON api_keys (secret_hash) WHERE revoked_at IS NULL`,
      `CREATE INDEX api_keys_domain ON api_keys (domain_id)`,
      `CREATE TABLE models (
         id TEXT PRIMARY KEY,
         engine TEXT NOT NULL,
         settings TEXT NOT NULL,
         capabilities TEXT NOT NULL,
         owned_by TEXT NOT NULL,
         created BIGINT NOT NULL,
         domains TEXT
       )`,
      `CREATE TABLE policies (
         domain_id TEXT PRIMARY KEY REFERENCES domains(id),
         policy TEXT NOT NULL,
         updated_at BIGINT NOT NULL
       )`,
      `CREATE TABLE usage_records (
         id TEXT NOT NULL PRIMARY KEY,
         ts BIGINT NOT NULL,
         domain_id TEXT NOT NULL,
         key_id TEXT NOT NULL,
         model TEXT NOT NULL,
         endpoint TEXT NOT NULL,
         input_tokens BIGINT NOT NULL,
         output_tokens BIGINT NOT NULL,
         status INTEGER NOT NULL,
         latency_ms BIGINT NOT NULL,
         streamed INTEGER NOT NULL
       )`,
      `CREATE INDEX usage_records_domain_ts ON usage_records (domain_id, ts)`,
      `CREATE INDEX usage_records_ts ON usage_records (ts)`,
      // Responses-API objects kept for GET /v1/responses/{id} and previous_response_id. The primary
      // key includes the domain: one domain can never read or overwrite another's.
      //   body:         the Response object as returned;
      //   input_items:  this turn's input, as items;
      //   conversation: the whole conversation up to and including this response, as chat
      //                 messages, which is what a continuation sends to the model.
      `CREATE TABLE stored_responses (
         domain_id TEXT NOT NULL,
         id TEXT NOT NULL,
         key_id TEXT,
         model TEXT,
         previous_response_id TEXT,
         created_at BIGINT NOT NULL,
         expires_at BIGINT NOT NULL,
         body TEXT NOT NULL,
         input_items TEXT NOT NULL,
         conversation TEXT NOT NULL,
         PRIMARY KEY (domain_id, id)
       )`,
      `CREATE INDEX stored_responses_expires ON stored_responses (expires_at)`,
      // Which rule fired, never the text that made it fire.
      `CREATE TABLE guardrail_violations (
         id TEXT NOT NULL PRIMARY KEY,
         ts BIGINT NOT NULL,
         domain_id TEXT NOT NULL,
         key_id TEXT NOT NULL,
         rule TEXT NOT NULL,
         direction TEXT NOT NULL
       )`,
      `CREATE INDEX guardrail_violations_domain_ts ON guardrail_violations (domain_id, ts)`,
    ],
  },
  {
    id: 2,
    name: 'bounded storage',
    statements: [
      // Usage reports and retention use usage_records_domain_ts and usage_records_ts (migration 1).
      // Retention prunes violations by time.
      `CREATE INDEX guardrail_violations_ts ON guardrail_violations (ts)`,
      // Per-domain caps on stored responses: their size, and the oldest first.
      `ALTER TABLE stored_responses ADD COLUMN size_bytes BIGINT NOT NULL DEFAULT 0`,
      `UPDATE stored_responses SET size_bytes = LENGTH(body) + LENGTH(input_items) + LENGTH(conversation)`,
      `CREATE INDEX stored_responses_domain_created ON stored_responses (domain_id, created_at, size_bytes)`,
    ],
  },
  {
    id: 3,
    name: 'keys listed by page, dead keys pruned',
    statements: [
      // The admin API lists a domain's keys a page at a time, oldest first (created_at, id).
      `CREATE INDEX api_keys_domain_created ON api_keys (domain_id, created_at, id)`,
      // Its first column serves what api_keys_domain served (the cap's count of a domain's keys).
      `DROP INDEX api_keys_domain`,
      // Retention deletes keys revoked or expired longer ago than CORDON_DEAD_KEYS_RETENTION_DAYS.
      `CREATE INDEX api_keys_revoked_at ON api_keys (revoked_at)`,
      `CREATE INDEX api_keys_expires_at ON api_keys (expires_at)`,
    ],
  },
  {
    id: 4,
    name: 'stored responses evicted by one statement',
    statements: [
      // A put's eviction ranks the domain's responses newest first by (created_at, id) with their
      // sizes: read from this index alone, never from the rows (which hold the large columns).
      `CREATE INDEX stored_responses_domain_order ON stored_responses (domain_id, created_at, id, size_bytes)`,
      `DROP INDEX stored_responses_domain_created`,
    ],
  },
];
