/** Mapping database rows (snake_case, numbers that may arrive as strings) to store types. */
import type { Owner } from '../knowledge/schema';
import { splitList, type OutboxRow, type Platform, type Subscription } from './store';

type Row = Record<string, unknown>;

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export function toSubscription(row: Row): Subscription {
  return {
    id: num(row.id),
    platform: String(row.platform) as Platform,
    target: String(row.target),
    targetRef: str(row.target_ref),
    label: str(row.label),
    filters: { services: splitList(str(row.services)), tasks: splitList(str(row.tasks)), owners: splitList(str(row.owners)) as Owner[] },
    createdBy: str(row.created_by),
    createdAt: num(row.created_at),
    status: row.status === 'failing' ? 'failing' : 'active',
    statusReason: str(row.status_reason),
  };
}

export function toOutboxRow(row: Row): OutboxRow {
  return {
    id: num(row.id),
    version: String(row.version),
    subscriptionId: num(row.subscription_id),
    platform: String(row.platform) as Platform,
    target: String(row.target),
    targetRef: str(row.target_ref),
    payload: String(row.payload),
    status: row.status === 'sent' ? 'sent' : row.status === 'failed' ? 'failed' : 'pending',
    attempts: num(row.attempts),
    availableAt: num(row.available_at),
    lastError: str(row.last_error),
  };
}
