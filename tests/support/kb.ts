import path from 'node:path';
import { Bot } from '../../src/bot';
import { KnowledgeHolder } from '../../src/knowledge/holder';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base';
import { loadKnowledgeBaseOrThrow } from '../../src/knowledge/loader';
import { Resolver } from '../../src/resolver/resolver';

export const ROOT = path.resolve(__dirname, '..', '..');
export const KNOWLEDGE_DIR = path.join(ROOT, 'knowledge');

let cached: KnowledgeBase | undefined;

/** The shipped knowledge base, loaded once per test file. */
export function shippedKb(): KnowledgeBase {
  cached ??= loadKnowledgeBaseOrThrow(KNOWLEDGE_DIR);
  return cached;
}

export function shippedResolver(): Resolver {
  return new Resolver(shippedKb());
}

export function shippedBot(): Bot {
  return new Bot(new KnowledgeHolder(shippedKb()));
}
