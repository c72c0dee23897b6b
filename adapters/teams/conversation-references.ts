/**
 * Where Teams conversation references are kept, so the bot can write to a conversation later
 * (announcements). In memory until the database arrives; the interface is what callers use.
 */
import type { ConversationReference } from 'botbuilder';

export interface ConversationReferenceStore {
  save(reference: Partial<ConversationReference>): Promise<void>;
  get(conversationId: string): Promise<Partial<ConversationReference> | undefined>;
  list(): Promise<Array<Partial<ConversationReference>>>;
}

export class InMemoryConversationReferences implements ConversationReferenceStore {
  private readonly references = new Map<string, Partial<ConversationReference>>();

  constructor(private readonly max = 10_000) {}

  async save(reference: Partial<ConversationReference>): Promise<void> {
    const id = reference.conversation?.id;
    if (!id) return;
    this.references.delete(id);
    this.references.set(id, reference);
    while (this.references.size > this.max) {
      const oldest = this.references.keys().next().value;
      if (oldest === undefined) break;
      this.references.delete(oldest);
    }
  }

  async get(conversationId: string): Promise<Partial<ConversationReference> | undefined> {
    return this.references.get(conversationId);
  }

  async list(): Promise<Array<Partial<ConversationReference>>> {
    return [...this.references.values()];
  }
}
