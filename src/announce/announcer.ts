/**
 * Compares a base with the last announced one and enqueues one outbox row per subscription
 * whose filters select at least one change. The snapshot and the rows are written in one
 * transaction, under a unique (version, subscription) key, so a restart never enqueues twice.
 */
import { diffSnapshots, selectChanges, type Change } from '../knowledge/diff';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { snapshotOf } from '../knowledge/snapshot';
import type { Logger } from '../logger';
import type { NewOutboxRow, Store } from '../store/store';
import { announcementFor } from './announcement';

export type AnnounceStatus = 'first-snapshot' | 'unchanged' | 'version-not-raised' | 'announced' | 'dry-run';

export interface AnnounceResult {
  readonly status: AnnounceStatus;
  readonly from: string | null;
  readonly to: string;
  readonly changes: readonly Change[];
  /** Subscriptions whose filters select at least one change. */
  readonly recipients: number;
  /** Outbox rows actually added (0 when they existed already). */
  readonly added: number;
}

export class Announcer {
  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async check(kb: KnowledgeBase, options: { dryRun?: boolean } = {}): Promise<AnnounceResult> {
    const current = snapshotOf(kb);
    const last = await this.store.lastAnnounced();
    if (!last) {
      if (!options.dryRun) await this.store.announce(current, [], this.now());
      this.logger.info({ kbVersion: current.version }, 'first start: the current knowledge base is the announced baseline; nothing to announce');
      return { status: options.dryRun ? 'dry-run' : 'first-snapshot', from: null, to: current.version, changes: [], recipients: 0, added: 0 };
    }
    const changes = diffSnapshots(last, current);
    if (changes.length === 0 && last.version === current.version) return { status: 'unchanged', from: last.version, to: current.version, changes, recipients: 0, added: 0 };
    if (last.version === current.version) {
      // Announcements are keyed by version: content changed without a new version is not announced.
      this.logger.warn({ kbVersion: current.version, changes: changes.length }, 'knowledge base changed but its version was not raised; raise version in model.yaml to announce');
      return { status: 'version-not-raised', from: last.version, to: current.version, changes, recipients: 0, added: 0 };
    }

    const rows: NewOutboxRow[] = [];
    for (const subscription of await this.store.subscriptions()) {
      const selected = selectChanges(changes, subscription.filters);
      if (selected.length === 0) continue;
      rows.push({
        subscriptionId: subscription.id,
        platform: subscription.platform,
        target: subscription.target,
        targetRef: subscription.targetRef,
        payload: JSON.stringify(announcementFor(current, last.version, selected)),
      });
    }
    if (options.dryRun) return { status: 'dry-run', from: last.version, to: current.version, changes, recipients: rows.length, added: 0 };
    const added = await this.store.announce(current, rows, this.now());
    this.logger.info({ from: last.version, to: current.version, changes: changes.length, recipients: rows.length, added }, 'knowledge base change announced');
    return { status: 'announced', from: last.version, to: current.version, changes, recipients: rows.length, added };
  }
}
