/**
 * The schema, written once for both databases. Differences (auto ids, integer sizes) are filled
 * in per dialect. Migrations are numbered and only ever added to.
 */
export type Dialect = 'sqlite' | 'postgres';

export function migrations(dialect: Dialect): readonly string[] {
  const id = dialect === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'BIGSERIAL PRIMARY KEY';
  const int = dialect === 'sqlite' ? 'INTEGER' : 'BIGINT';
  return [
    `CREATE TABLE subscriptions (
      id ${id},
      platform TEXT NOT NULL,
      target TEXT NOT NULL,
      target_ref TEXT,
      label TEXT,
      services TEXT NOT NULL DEFAULT '',
      tasks TEXT NOT NULL DEFAULT '',
      owners TEXT NOT NULL DEFAULT '',
      created_by TEXT,
      created_at ${int} NOT NULL,
      status TEXT NOT NULL DEFAULT 'active',
      status_reason TEXT,
      UNIQUE (platform, target)
    );
    CREATE TABLE kb_snapshot (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      version TEXT NOT NULL,
      snapshot TEXT NOT NULL,
      updated_at ${int} NOT NULL
    );
    CREATE TABLE outbox (
      id ${id},
      version TEXT NOT NULL,
      subscription_id ${int} NOT NULL,
      platform TEXT NOT NULL,
      target TEXT NOT NULL,
      target_ref TEXT,
      payload TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'pending',
      attempts INTEGER NOT NULL DEFAULT 0,
      available_at ${int} NOT NULL,
      lease_owner TEXT,
      lease_until ${int},
      last_error TEXT,
      sent_at ${int},
      created_at ${int} NOT NULL,
      UNIQUE (version, subscription_id)
    );
    CREATE INDEX outbox_due ON outbox (status, available_at);
    CREATE TABLE feedback (
      id ${id},
      platform TEXT NOT NULL,
      user_id TEXT,
      vote TEXT NOT NULL,
      service TEXT,
      task TEXT,
      variant TEXT,
      kb_version TEXT NOT NULL,
      created_at ${int} NOT NULL
    );
    CREATE TABLE conversation_refs (
      platform TEXT NOT NULL,
      conversation_id TEXT NOT NULL,
      reference TEXT NOT NULL,
      updated_at ${int} NOT NULL,
      PRIMARY KEY (platform, conversation_id)
    );`,
  ];
}
