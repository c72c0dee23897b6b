/**
 * The PostgreSQL store, for teams that run several bot processes or already run PostgreSQL.
 * Claims use FOR UPDATE SKIP LOCKED, so concurrent workers never lease the same row.
 */
import { Pool, type PoolClient } from 'pg';
import type { KbSnapshot } from '../knowledge/snapshot';
import { toOutboxRow, toSubscription } from './rows';
import { migrations } from './schema-sql';
import { joinList, type ConversationReferenceRow, type FeedbackRecord, type NewOutboxRow, type NewSubscription, type OutboxCounts, type OutboxRow, type Platform, type Store, type Subscription } from './store';

type Row = Record<string, unknown>;

/** An arbitrary constant: the advisory lock that serialises migrations across processes. */
const MIGRATION_LOCK = 724_901_337;

export class PostgresStore implements Store {
  private readonly pool: Pool;

  constructor(connectionString: string) {
    this.pool = new Pool({ connectionString, max: 5 });
  }

  private async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async migrate(): Promise<void> {
    await this.transaction(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
      const done = Number((await c.query('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations')).rows[0]?.v ?? 0);
      const steps = migrations('postgres');
      for (let i = done; i < steps.length; i++) {
        await c.query(steps[i] as string);
        await c.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [i + 1, Date.now()]);
      }
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  async subscribe(s: NewSubscription, now: number): Promise<Subscription> {
    const { rows } = await this.pool.query(
      `INSERT INTO subscriptions (platform, target, target_ref, label, services, tasks, owners, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (platform, target) DO UPDATE SET target_ref = EXCLUDED.target_ref, label = EXCLUDED.label, services = EXCLUDED.services,
         tasks = EXCLUDED.tasks, owners = EXCLUDED.owners, created_by = EXCLUDED.created_by, created_at = EXCLUDED.created_at,
         status = 'active', status_reason = NULL
       RETURNING *`,
      [s.platform, s.target, s.targetRef, s.label, joinList(s.filters.services), joinList(s.filters.tasks), joinList(s.filters.owners), s.createdBy, now],
    );
    return toSubscription(rows[0] as Row);
  }

  async unsubscribe(platform: Platform, target: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM subscriptions WHERE platform = $1 AND target = $2', [platform, target])).rowCount ?? 0) > 0;
  }

  async subscriptions(filter: { platform?: Platform; target?: string } = {}): Promise<Subscription[]> {
    const { rows } = await this.pool.query('SELECT * FROM subscriptions WHERE ($1::text IS NULL OR platform = $1) AND ($2::text IS NULL OR target = $2) ORDER BY id', [filter.platform ?? null, filter.target ?? null]);
    return (rows as Row[]).map(toSubscription);
  }

  async flagSubscription(id: number, reason: string): Promise<void> {
    await this.pool.query("UPDATE subscriptions SET status = 'failing', status_reason = $1 WHERE id = $2", [reason, id]);
  }

  async lastAnnounced(): Promise<KbSnapshot | null> {
    const { rows } = await this.pool.query('SELECT snapshot FROM kb_snapshot WHERE id = 1');
    return rows[0] ? (JSON.parse(String((rows[0] as Row).snapshot)) as KbSnapshot) : null;
  }

  async announce(snapshot: KbSnapshot, rows: readonly NewOutboxRow[], now: number): Promise<number> {
    return this.transaction(async (c) => {
      let added = 0;
      for (const r of rows) {
        const result = await c.query(
          `INSERT INTO outbox (version, subscription_id, platform, target, target_ref, payload, available_at, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (version, subscription_id) DO NOTHING`,
          [snapshot.version, r.subscriptionId, r.platform, r.target, r.targetRef, r.payload, now],
        );
        added += result.rowCount ?? 0;
      }
      await c.query(
        'INSERT INTO kb_snapshot (id, version, snapshot, updated_at) VALUES (1, $1, $2, $3) ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, snapshot = EXCLUDED.snapshot, updated_at = EXCLUDED.updated_at',
        [snapshot.version, JSON.stringify(snapshot), now],
      );
      return added;
    });
  }

  async claim(worker: string, now: number, leaseMs: number, limit: number): Promise<OutboxRow[]> {
    const { rows } = await this.pool.query(
      `UPDATE outbox SET lease_owner = $1, lease_until = $2
       WHERE id IN (SELECT id FROM outbox WHERE status = 'pending' AND available_at <= $3 AND (lease_until IS NULL OR lease_until <= $3)
                    ORDER BY available_at, id LIMIT $4 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [worker, now + leaseMs, now, limit],
    );
    return (rows as Row[]).map(toOutboxRow).sort((a, b) => a.availableAt - b.availableAt || a.id - b.id);
  }

  async markSent(id: number, worker: string, now: number): Promise<void> {
    await this.pool.query("UPDATE outbox SET status = 'sent', sent_at = $1, attempts = attempts + 1, lease_owner = NULL, lease_until = NULL WHERE id = $2 AND lease_owner = $3", [now, id, worker]);
  }

  async markRetry(id: number, worker: string, availableAt: number, error: string | null, countAttempt: boolean): Promise<void> {
    await this.pool.query(
      'UPDATE outbox SET available_at = $1, last_error = COALESCE($2, last_error), attempts = attempts + $3, lease_owner = NULL, lease_until = NULL WHERE id = $4 AND lease_owner = $5',
      [availableAt, error, countAttempt ? 1 : 0, id, worker],
    );
  }

  async markFailed(id: number, worker: string, reason: string, now: number): Promise<void> {
    await this.pool.query("UPDATE outbox SET status = 'failed', last_error = $1, attempts = attempts + 1, sent_at = $2, lease_owner = NULL, lease_until = NULL WHERE id = $3 AND lease_owner = $4", [reason, now, id, worker]);
  }

  async outboxCounts(): Promise<OutboxCounts> {
    const { rows } = await this.pool.query('SELECT status, COUNT(*) AS n FROM outbox GROUP BY status');
    const count = (status: string): number => Number((rows as Row[]).find((r) => r.status === status)?.n ?? 0);
    return { pending: count('pending'), sent: count('sent'), failed: count('failed') };
  }

  async outbox(): Promise<OutboxRow[]> {
    return ((await this.pool.query('SELECT * FROM outbox ORDER BY id')).rows as Row[]).map(toOutboxRow);
  }

  async recordFeedback(f: FeedbackRecord, now: number): Promise<void> {
    await this.pool.query('INSERT INTO feedback (platform, user_id, vote, service, task, variant, kb_version, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
      f.platform,
      f.user,
      f.vote,
      f.service,
      f.task,
      f.variant,
      f.kbVersion,
      now,
    ]);
  }

  async feedbackCount(): Promise<number> {
    return Number(((await this.pool.query('SELECT COUNT(*) AS n FROM feedback')).rows[0] as Row).n);
  }

  async saveConversationReference(platform: Platform, conversationId: string, reference: string, now: number): Promise<void> {
    await this.saveConversationReferences(platform, [{ conversationId, reference }], now);
  }

  async saveConversationReferences(platform: Platform, references: readonly ConversationReferenceRow[], now: number): Promise<void> {
    if (references.length === 0) return;
    // One statement for the batch; the last reference for a conversation wins, as with single saves.
    const latest = new Map(references.map((r) => [r.conversationId, r.reference]));
    const ids = [...latest.keys()];
    await this.pool.query(
      `INSERT INTO conversation_refs (platform, conversation_id, reference, updated_at)
       SELECT $1, id, ref, $4 FROM UNNEST($2::text[], $3::text[]) AS t (id, ref)
       ON CONFLICT (platform, conversation_id) DO UPDATE SET reference = EXCLUDED.reference, updated_at = EXCLUDED.updated_at`,
      [platform, ids, ids.map((id) => latest.get(id)), now],
    );
  }

  async conversationReference(platform: Platform, conversationId: string): Promise<string | null> {
    const { rows } = await this.pool.query('SELECT reference FROM conversation_refs WHERE platform = $1 AND conversation_id = $2', [platform, conversationId]);
    return rows[0] ? String((rows[0] as Row).reference) : null;
  }
}
