/**
 * Where Teams conversation references are kept, so the bot can write to a conversation later
 * (announcements). In memory until the database arrives; the interface is what callers use.
 */
import type { ConversationReference } from 'botbuilder';
import { BoundedMap } from '../shared/bounded-map';

export interface ConversationReferenceStore {
  save(reference: Partial<ConversationReference>): Promise<void>;
  get(conversationId: string): Promise<Partial<ConversationReference> | undefined>;
  list(): Promise<Array<Partial<ConversationReference>>>;
}

export class InMemoryConversationReferences implements ConversationReferenceStore {
  private readonly references: BoundedMap<string, Partial<ConversationReference>>;

  constructor(max = 10_000) {
    this.references = new BoundedMap(max);
  }

  async save(reference: Partial<ConversationReference>): Promise<void> {
    const id = reference.conversation?.id;
    if (id) this.references.set(id, reference);
  }

  async get(conversationId: string): Promise<Partial<ConversationReference> | undefined> {
    return this.references.get(conversationId);
  }

  async list(): Promise<Array<Partial<ConversationReference>>> {
    return [...this.references.values()];
  }
}
