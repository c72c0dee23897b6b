/**
 * The one storage interface (DESIGN.md §2): subscriptions, the last announced snapshot of the
 * base, the outbox of announcements, feedback and Teams conversation references. SQLite
 * (embedded, the default) and PostgreSQL implement it.
 */
import type { Owner } from '../knowledge/schema';
import type { KbSnapshot } from '../knowledge/snapshot';

export type Platform = 'slack' | 'teams';

export interface SubscriptionFilters {
  readonly services: readonly string[];
  readonly tasks: readonly string[];
  readonly owners: readonly Owner[];
}

export interface Subscription {
  readonly id: number;
  readonly platform: Platform;
  /** Slack channel id or Teams conversation id. */
  readonly target: string;
  /** What delivery needs besides the target: a Teams conversation reference (JSON). */
  readonly targetRef: string | null;
  readonly label: string | null;
  readonly filters: SubscriptionFilters;
  readonly createdBy: string | null;
  readonly createdAt: number;
  /** 'failing' once a delivery failed for good (channel gone, bot removed). */
  readonly status: 'active' | 'failing';
  readonly statusReason: string | null;
}

export type NewSubscription = Pick<Subscription, 'platform' | 'target' | 'targetRef' | 'label' | 'filters' | 'createdBy'>;

export interface OutboxRow {
  readonly id: number;
  readonly version: string;
  readonly subscriptionId: number;
  readonly platform: Platform;
  readonly target: string;
  readonly targetRef: string | null;
  /** The announcement to send, as JSON (an AnnouncementAnswer). */
  readonly payload: string;
  readonly status: 'pending' | 'sent' | 'failed';
  readonly attempts: number;
  readonly availableAt: number;
  readonly lastError: string | null;
}

export type NewOutboxRow = Pick<OutboxRow, 'subscriptionId' | 'platform' | 'target' | 'targetRef' | 'payload'>;

export interface OutboxCounts {
  readonly pending: number;
  readonly sent: number;
  readonly failed: number;
}

export interface FeedbackRecord {
  readonly platform: Platform;
  readonly user: string | null;
  readonly vote: 'up' | 'down';
  readonly service: string | null;
  readonly task: string | null;
  readonly variant: string | null;
  readonly kbVersion: string;
}

export interface ConversationReferenceRow {
  readonly conversationId: string;
  /** The platform's reference, as JSON. */
  readonly reference: string;
}

export interface Store {
  /** Creates or upgrades the schema; safe to run at every start and from several processes. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  /** Adds a subscription, or replaces the filters of the target's existing one. */
  subscribe(subscription: NewSubscription, now: number): Promise<Subscription>;
  unsubscribe(platform: Platform, target: string): Promise<boolean>;
  subscriptions(filter?: { platform?: Platform; target?: string }): Promise<Subscription[]>;
  flagSubscription(id: number, reason: string): Promise<void>;

  lastAnnounced(): Promise<KbSnapshot | null>;
  /**
   * In one transaction: records `snapshot` as the last announced base and enqueues `rows` for
   * its version. A row that exists already (same version and subscription) is not added again.
   * Returns how many rows were added.
   */
  announce(snapshot: KbSnapshot, rows: readonly NewOutboxRow[], now: number): Promise<number>;

  /**
   * Leases up to `limit` due rows to `worker` until `now + leaseMs`. A row leased by another
   * worker is not handed out until its lease has run out; two workers never get the same row.
   */
  claim(worker: string, now: number, leaseMs: number, limit: number): Promise<OutboxRow[]>;
  markSent(id: number, worker: string, now: number): Promise<void>;
  /** Gives the row back for another try at `availableAt` (after a 429, a 5xx or pacing). */
  markRetry(id: number, worker: string, availableAt: number, error: string | null, countAttempt: boolean): Promise<void>;
  markFailed(id: number, worker: string, reason: string, now: number): Promise<void>;
  outboxCounts(): Promise<OutboxCounts>;
  outbox(): Promise<OutboxRow[]>;

  recordFeedback(feedback: FeedbackRecord, now: number): Promise<void>;
  feedbackCount(): Promise<number>;

  saveConversationReference(platform: Platform, conversationId: string, reference: string, now: number): Promise<void>;
  /** Several references in one transaction (one disk flush), for callers that batch their writes. */
  saveConversationReferences(platform: Platform, references: readonly ConversationReferenceRow[], now: number): Promise<void>;
  conversationReference(platform: Platform, conversationId: string): Promise<string | null>;
}

export function splitList(value: string | null): string[] {
  return value ? value.split(',').filter(Boolean) : [];
}

export function joinList(values: readonly string[]): string {
  return [...new Set(values)].sort().join(',');
}
