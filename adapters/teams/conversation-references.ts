/**
 * Teams conversation references, kept in the database so the bot can write to a conversation
 * later (announcements), also after a restart.
 */
import type { ConversationReference } from 'botbuilder';
import type { Store } from '../../src/store/store';

export interface ConversationReferenceStore {
  save(reference: Partial<ConversationReference>): Promise<void>;
  get(conversationId: string): Promise<Partial<ConversationReference> | undefined>;
}

export class StoredConversationReferences implements ConversationReferenceStore {
  constructor(private readonly store: Store) {}

  async save(reference: Partial<ConversationReference>): Promise<void> {
    const id = reference.conversation?.id;
    if (id) await this.store.saveConversationReference('teams', id, JSON.stringify(reference), Date.now());
  }

  async get(conversationId: string): Promise<Partial<ConversationReference> | undefined> {
    const json = await this.store.conversationReference('teams', conversationId);
    return json ? (JSON.parse(json) as Partial<ConversationReference>) : undefined;
  }
}
