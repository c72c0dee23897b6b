/**
 * The embedded store: one SQLite file through better-sqlite3. WAL lets readers and one writer
 * work at once; synchronous=FULL makes a committed outbox row survive a power cut; every
 * write that decides who sends what runs in an IMMEDIATE transaction, so two processes on one
 * file take turns instead of both handing out the same row.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { KbSnapshot } from '../knowledge/snapshot';
import { toOutboxRow, toSubscription } from './rows';
import { migrations } from './schema-sql';
import { joinList, type ConversationReferenceRow, type FeedbackRecord, type NewOutboxRow, type NewSubscription, type OutboxCounts, type OutboxRow, type Platform, type Store, type Subscription } from './store';

type Row = Record<string, unknown>;

export class SqliteStore implements Store {
  private readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 10000');
  }

  async migrate(): Promise<void> {
    const steps = migrations('sqlite');
    this.db
      .transaction(() => {
        this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
        const done = (this.db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as Row).v as number;
        steps.forEach((sql, index) => {
          if (index + 1 <= done) return;
          this.db.exec(sql);
          this.db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(index + 1, Date.now());
        });
      })
      .immediate();
  }

  async close(): Promise<void> {
    this.db.close();
  }

  async subscribe(s: NewSubscription, now: number): Promise<Subscription> {
    const row = this.db
      .prepare(
        `INSERT INTO subscriptions (platform, target, target_ref, label, services, tasks, owners, created_by, created_at)
         VALUES (@platform, @target, @targetRef, @label, @services, @tasks, @owners, @createdBy, @now)
         ON CONFLICT (platform, target) DO UPDATE SET target_ref = excluded.target_ref, label = excluded.label, services = excluded.services,
           tasks = excluded.tasks, owners = excluded.owners, created_by = excluded.created_by, created_at = excluded.created_at,
           status = 'active', status_reason = NULL
         RETURNING *`,
      )
      .get({ platform: s.platform, target: s.target, targetRef: s.targetRef, label: s.label, services: joinList(s.filters.services), tasks: joinList(s.filters.tasks), owners: joinList(s.filters.owners), createdBy: s.createdBy, now }) as Row;
    return toSubscription(row);
  }

  async unsubscribe(platform: Platform, target: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM subscriptions WHERE platform = ? AND target = ?').run(platform, target).changes > 0;
  }

  async subscriptions(filter: { platform?: Platform; target?: string } = {}): Promise<Subscription[]> {
    const rows = this.db
      .prepare('SELECT * FROM subscriptions WHERE (@platform IS NULL OR platform = @platform) AND (@target IS NULL OR target = @target) ORDER BY id')
      .all({ platform: filter.platform ?? null, target: filter.target ?? null }) as Row[];
    return rows.map(toSubscription);
  }

  async flagSubscription(id: number, reason: string): Promise<void> {
    this.db.prepare("UPDATE subscriptions SET status = 'failing', status_reason = ? WHERE id = ?").run(reason, id);
  }

  async lastAnnounced(): Promise<KbSnapshot | null> {
    const row = this.db.prepare('SELECT snapshot FROM kb_snapshot WHERE id = 1').get() as Row | undefined;
    return row ? (JSON.parse(String(row.snapshot)) as KbSnapshot) : null;
  }

  async announce(snapshot: KbSnapshot, rows: readonly NewOutboxRow[], now: number): Promise<number> {
    const insert = this.db.prepare(
      `INSERT INTO outbox (version, subscription_id, platform, target, target_ref, payload, available_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (version, subscription_id) DO NOTHING`,
    );
    return this.db
      .transaction(() => {
        let added = 0;
        for (const r of rows) added += insert.run(snapshot.version, r.subscriptionId, r.platform, r.target, r.targetRef, r.payload, now, now).changes;
        this.db
          .prepare('INSERT INTO kb_snapshot (id, version, snapshot, updated_at) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET version = excluded.version, snapshot = excluded.snapshot, updated_at = excluded.updated_at')
          .run(snapshot.version, JSON.stringify(snapshot), now);
        return added;
      })
      .immediate();
  }

  async claim(worker: string, now: number, leaseMs: number, limit: number): Promise<OutboxRow[]> {
    return this.db
      .transaction(() => {
        const rows = this.db
          .prepare(
            `UPDATE outbox SET lease_owner = ?, lease_until = ?
             WHERE id IN (SELECT id FROM outbox WHERE status = 'pending' AND available_at <= ? AND (lease_until IS NULL OR lease_until <= ?) ORDER BY available_at, id LIMIT ?)
             RETURNING *`,
          )
          .all(worker, now + leaseMs, now, now, limit) as Row[];
        return rows.map(toOutboxRow).sort((a, b) => a.availableAt - b.availableAt || a.id - b.id);
      })
      .immediate();
  }

  async markSent(id: number, worker: string, now: number): Promise<void> {
    this.db.prepare("UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?").run(now, id, worker);
  }

  async markRetry(id: number, worker: string, availableAt: number, error: string | null, countAttempt: boolean): Promise<void> {
    this.db
      .prepare('UPDATE outbox SET available_at = ?, last_error = COALESCE(?, last_error), attempts = attempts + ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?')
      .run(availableAt, error, countAttempt ? 1 : 0, id, worker);
  }

  async markFailed(id: number, worker: string, reason: string, now: number): Promise<void> {
    this.db.prepare("UPDATE outbox SET status = 'failed', last_error = ?, attempts = attempts + 1, sent_at = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?").run(reason, now, id, worker);
  }

  async outboxCounts(): Promise<OutboxCounts> {
    const rows = this.db.prepare('SELECT status, COUNT(*) AS n FROM outbox GROUP BY status').all() as Row[];
    const count = (status: string): number => Number(rows.find((r) => r.status === status)?.n ?? 0);
    return { pending: count('pending'), sent: count('sent'), failed: count('failed') };
  }

  async outbox(): Promise<OutboxRow[]> {
    return (this.db.prepare('SELECT * FROM outbox ORDER BY id').all() as Row[]).map(toOutboxRow);
  }

  async recordFeedback(f: FeedbackRecord, now: number): Promise<void> {
    this.db
      .prepare('INSERT INTO feedback (platform, user_id, vote, service, task, variant, kb_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(f.platform, f.user, f.vote, f.service, f.task, f.variant, f.kbVersion, now);
  }

  async feedbackCount(): Promise<number> {
    return Number((this.db.prepare('SELECT COUNT(*) AS n FROM feedback').get() as Row).n);
  }

  async saveConversationReference(platform: Platform, conversationId: string, reference: string, now: number): Promise<void> {
    await this.saveConversationReferences(platform, [{ conversationId, reference }], now);
  }

  async saveConversationReferences(platform: Platform, references: readonly ConversationReferenceRow[], now: number): Promise<void> {
    if (references.length === 0) return;
    const upsert = this.db.prepare(
      'INSERT INTO conversation_refs (platform, conversation_id, reference, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (platform, conversation_id) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at',
    );
    // One transaction: with synchronous=FULL every commit waits for the disk, so one per batch.
    this.db.transaction(() => {
      for (const r of references) upsert.run(platform, r.conversationId, r.reference, now);
    })();
  }

  async conversationReference(platform: Platform, conversationId: string): Promise<string | null> {
    const row = this.db.prepare('SELECT reference FROM conversation_refs WHERE platform = ? AND conversation_id = ?').get(platform, conversationId) as Row | undefined;
    return row ? String(row.reference) : null;
  }
}
