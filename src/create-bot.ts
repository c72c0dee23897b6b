import { Bot } from './bot';
import { KnowledgeHolder } from './knowledge/holder';
import { loadKnowledgeBaseOrThrow, type LoadOptions } from './knowledge/loader';

/** A bot over the knowledge base in `knowledgeDir`; throws KB_INVALID naming every problem. */
export function createBot(knowledgeDir: string, options: LoadOptions = {}): { bot: Bot; knowledge: KnowledgeHolder } {
  const knowledge = new KnowledgeHolder(loadKnowledgeBaseOrThrow(knowledgeDir, options), options);
  return { bot: new Bot(knowledge), knowledge };
}
