/** Schema migrations, applied in order at start inside one transaction each. Never edit a shipped one: add a new one. */
export const migrations: Array<{ id: number; name: string; sql: string[] }> = [
  {
    id: 1,
    name: 'platform core',
    sql: [
      `CREATE TABLE domains (
         id TEXT PRIMARY KEY,
         name TEXT NOT NULL,
         disabled INTEGER NOT NULL DEFAULT 0,
         created_at INTEGER NOT NULL
       )`,
      `CREATE TABLE api_keys (
         id TEXT PRIMARY KEY,
         domain_id TEXT NOT NULL REFERENCES domains(id),
         name TEXT NOT NULL,
         role TEXT NOT NULL,
         prefix TEXT NOT NULL,
         secret_hash TEXT NOT NULL UNIQUE,
         bootstrap INTEGER NOT NULL DEFAULT 0,
         created_at INTEGER NOT NULL,
         expires_at INTEGER,
         last_used_at INTEGER,
         revoked_at INTEGER
       )`,
      `CREATE INDEX api_keys_domain ON api_keys(domain_id)`,
      `CREATE TABLE models (
         id TEXT PRIMARY KEY,
         engine TEXT NOT NULL,
         settings TEXT NOT NULL,
         capabilities TEXT NOT NULL,
         owned_by TEXT NOT NULL,
         created INTEGER NOT NULL,
         domains TEXT
       )`,
      `CREATE TABLE policies (
         domain_id TEXT PRIMARY KEY REFERENCES domains(id),
         policy TEXT NOT NULL,
         updated_at INTEGER NOT NULL
       )`,
      `CREATE TABLE usage_records (
         id INTEGER PRIMARY KEY AUTOINCREMENT,
         ts INTEGER NOT NULL,
         domain_id TEXT NOT NULL,
         key_id TEXT NOT NULL,
         model TEXT NOT NULL,
         endpoint TEXT NOT NULL,
         input_tokens INTEGER NOT NULL,
         output_tokens INTEGER NOT NULL,
         status INTEGER NOT NULL,
         latency_ms INTEGER NOT NULL,
         streamed INTEGER NOT NULL
       )`,
      `CREATE INDEX usage_domain_ts ON usage_records(domain_id, ts)`,
      `CREATE TABLE stored_responses (
         id TEXT PRIMARY KEY,
         domain_id TEXT NOT NULL,
         created_at INTEGER NOT NULL,
         expires_at INTEGER NOT NULL,
         body TEXT NOT NULL,
         conversation TEXT NOT NULL
       )`,
      `CREATE INDEX stored_responses_expiry ON stored_responses(expires_at)`,
      `CREATE TABLE guardrail_violations (
         id INTEGER PRIMARY KEY AUTOINCREMENT,
         ts INTEGER NOT NULL,
         domain_id TEXT NOT NULL,
         key_id TEXT NOT NULL,
         rule TEXT NOT NULL,
         direction TEXT NOT NULL
       )`,
    ],
  },
];
