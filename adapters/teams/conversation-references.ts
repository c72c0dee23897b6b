/**
 * Teams conversation references, kept in the database so the bot can write to a conversation
 * later (announcements), also after a restart.
 *
 * Every incoming activity refreshes its conversation's reference, but the database is written
 * behind, in batches: the newest reference per conversation is kept in memory and saved with
 * the others in one transaction a moment later. Saving each one as it came cost one synchronous
 * disk flush (SQLite, synchronous=FULL) on the event loop per Teams message, about a fifth of
 * the Teams path's CPU under load. A crash loses at most the last second of refreshes: the
 * conversation's next message saves its reference again, and subscriptions keep their own copy
 * (target_ref), written at once.
 */
import type { ConversationReference } from 'botbuilder';
import { errorMessage } from '../../src/errors';
import type { Logger } from '../../src/logger';
import type { Store } from '../../src/store/store';

export interface ConversationReferenceStore {
  save(reference: Partial<ConversationReference>): Promise<void>;
  get(conversationId: string): Promise<Partial<ConversationReference> | undefined>;
}

export interface WriteBehindOptions {
  /** How long a new reference waits in memory before its batch is written. */
  readonly flushDelayMs?: number;
  /** A batch this large is written at once, whatever the delay: memory stays bounded. */
  readonly maxPending?: number;
}

export class StoredConversationReferences implements ConversationReferenceStore {
  /** Newest unsaved reference per conversation id. */
  private pending = new Map<string, Partial<ConversationReference>>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private readonly flushDelayMs: number;
  private readonly maxPending: number;

  constructor(
    private readonly store: Store,
    private readonly logger?: Logger,
    options: WriteBehindOptions = {},
  ) {
    this.flushDelayMs = options.flushDelayMs ?? 1000;
    this.maxPending = options.maxPending ?? 1000;
  }

  async save(reference: Partial<ConversationReference>): Promise<void> {
    const id = reference.conversation?.id;
    if (!id) return;
    this.pending.set(id, reference);
    if (this.pending.size >= this.maxPending) {
      await this.flush();
      return;
    }
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.flushDelayMs);
      // Pending references never keep a finished process alive; close() writes them.
      this.timer.unref();
    }
  }

  async get(conversationId: string): Promise<Partial<ConversationReference> | undefined> {
    const unsaved = this.pending.get(conversationId);
    if (unsaved) return unsaved;
    const json = await this.store.conversationReference('teams', conversationId);
    return json ? (JSON.parse(json) as Partial<ConversationReference>) : undefined;
  }

  /** Writes every pending reference now (one transaction); resolves when it is written. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    // Batches are written one after another, so an older batch never lands after a newer one.
    this.flushing = this.flushing.then(() => this.writePending());
    return this.flushing;
  }

  /** Writes what is pending and stops the timer; for shutdown. */
  close(): Promise<void> {
    return this.flush();
  }

  private async writePending(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const rows = [...batch].map(([conversationId, reference]) => ({ conversationId, reference: JSON.stringify(reference) }));
    try {
      await this.store.saveConversationReferences('teams', rows, Date.now());
    } catch (error) {
      // Kept for the next batch unless a newer reference arrived meanwhile; still bounded.
      const merged = new Map([...batch].filter(([id]) => !this.pending.has(id)));
      for (const [id, reference] of this.pending) merged.set(id, reference);
      for (const id of merged.keys()) {
        if (merged.size <= this.maxPending) break;
        merged.delete(id);
      }
      this.pending = merged;
      this.logger?.error({ component: 'teams', code: 'STORE_WRITE', error: errorMessage(error), references: batch.size }, 'could not save conversation references; will retry');
      if (!this.timer) {
        this.timer = setTimeout(() => void this.flush(), this.flushDelayMs);
        this.timer.unref();
      }
    }
  }
}
