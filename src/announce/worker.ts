/**
 * Delivers the outbox. Rows are leased (so a crash mid-broadcast resumes without re-sending
 * what was marked sent, and two processes never send one row), paced per destination, and
 * retried with Retry-After or backoff; permanent failures mark the row failed and flag the
 * subscription.
 */
import { randomUUID } from 'node:crypto';
import { errorMessage } from '../errors';
import type { Logger } from '../logger';
import type { OutboxRow, Platform, Store } from '../store/store';
import { parseAnnouncement } from './announcement';
import type { AnnouncementSender, DeliveryOutcome } from './sender';

export interface WorkerOptions {
  readonly workerId?: string;
  /** How long a claimed row stays ours; a crashed worker's rows come back after this. */
  readonly leaseMs?: number;
  readonly pollMs?: number;
  readonly batch?: number;
  readonly maxAttempts?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const MAX_BACKOFF_MS = 5 * 60 * 1000;

export class DeliveryWorker {
  readonly id: string;
  private readonly senders: ReadonlyMap<Platform, AnnouncementSender>;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly batch: number;
  private readonly maxAttempts: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Per destination: the earliest time the next message may go (pacing and Retry-After). */
  private readonly nextAllowed = new Map<string, number>();
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;

  constructor(
    private readonly store: Store,
    senders: readonly AnnouncementSender[],
    private readonly logger: Logger,
    options: WorkerOptions = {},
  ) {
    this.id = options.workerId ?? `worker-${randomUUID()}`;
    this.senders = new Map(senders.map((s) => [s.platform, s]));
    this.leaseMs = options.leaseMs ?? 30_000;
    this.pollMs = options.pollMs ?? 1000;
    this.batch = options.batch ?? 20;
    this.maxAttempts = options.maxAttempts ?? 12;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
  }

  /** New rows were enqueued: look now instead of at the next poll. */
  wake(): void {
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let handled = 0;
      try {
        handled = await this.runOnce();
      } catch (error) {
        this.logger.error({ code: 'INTERNAL', worker: this.id, error: errorMessage(error) }, 'delivery round failed');
      }
      if (handled === 0 && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.pollMs);
          this.wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wakeUp = undefined;
      }
    }
  }

  /** One round: claim due rows and deliver them in order. Returns how many rows it handled. */
  async runOnce(): Promise<number> {
    const rows = await this.store.claim(this.id, this.now(), this.leaseMs, this.batch);
    const leaseEnds = this.now() + this.leaseMs;
    for (const row of rows) {
      if (!this.running && this.loop !== undefined) {
        await this.store.markRetry(row.id, this.id, this.now(), null, false);
        continue;
      }
      await this.deliver(row, leaseEnds);
    }
    return rows.length;
  }

  private async deliver(row: OutboxRow, leaseEnds: number): Promise<void> {
    const sender = this.senders.get(row.platform);
    if (!sender) {
      // Another process may have this platform configured; leave the row for it.
      await this.store.markRetry(row.id, this.id, this.now() + 60_000, `no ${row.platform} adapter in this process`, false);
      return;
    }
    const destination = `${row.platform}:${row.target}`;
    const allowedAt = this.nextAllowed.get(destination) ?? 0;
    if (allowedAt > this.now()) {
      const wait = allowedAt - this.now();
      if (this.now() + wait >= leaseEnds - 1000) {
        await this.store.markRetry(row.id, this.id, allowedAt, null, false);
        return;
      }
      await this.sleep(wait);
    }

    let outcome: DeliveryOutcome;
    try {
      outcome = await sender.send(row.target, row.targetRef, parseAnnouncement(row.payload));
    } catch (error) {
      outcome = { kind: 'retry', reason: errorMessage(error) };
    }
    const now = this.now();
    switch (outcome.kind) {
      case 'sent':
        this.nextAllowed.set(destination, now + sender.minIntervalMs);
        await this.store.markSent(row.id, this.id, now);
        this.logger.info({ outboxId: row.id, platform: row.platform, target: row.target, version: row.version }, 'announcement sent');
        return;
      case 'permanent':
        await this.store.markFailed(row.id, this.id, outcome.reason, now);
        await this.store.flagSubscription(row.subscriptionId, outcome.reason);
        this.logger.warn({ outboxId: row.id, platform: row.platform, target: row.target, reason: outcome.reason }, 'announcement failed for good; subscription flagged');
        return;
      case 'retry': {
        if (row.attempts + 1 >= this.maxAttempts) {
          await this.store.markFailed(row.id, this.id, `gave up after ${row.attempts + 1} attempts: ${outcome.reason}`, now);
          this.logger.warn({ outboxId: row.id, platform: row.platform, target: row.target, reason: outcome.reason }, 'announcement given up');
          return;
        }
        const backoff = Math.min(MAX_BACKOFF_MS, 2000 * 2 ** row.attempts) * (0.75 + Math.random() * 0.5);
        const delay = Math.round(outcome.retryAfterMs ?? backoff);
        // A 429 holds back the whole destination, not only this row.
        if (outcome.retryAfterMs !== undefined) this.nextAllowed.set(destination, now + delay);
        await this.store.markRetry(row.id, this.id, now + delay, outcome.reason, true);
        this.logger.info({ outboxId: row.id, platform: row.platform, target: row.target, reason: outcome.reason, retryInMs: Math.round(delay) }, 'announcement will be retried');
        return;
      }
    }
  }
}
