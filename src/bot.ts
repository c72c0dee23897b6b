/**
 * The one entry point every adapter uses: an incoming message (text or a button's selection)
 * becomes an Answer. Commands are routed here; questions go to the resolver.
 */
import type { Answer } from './answers/answer';
import { buildAnswer, buildHelp } from './answers/build';
import type { KnowledgeHolder } from './knowledge/holder';
import type { Selection } from './resolver/resolution';
import { cleanText, normalise } from './text/normalise';

export interface Incoming {
  /** What the user typed, mentions and all; adapters pass it as received. */
  readonly text?: string;
  /** A button or numbered choice; wins over text. */
  readonly selection?: Selection;
}

const HELP_WORDS = new Set(['help', '?', 'hi', 'hello', 'hey', 'start', 'usage', 'commands']);
const ANNOUNCEMENT_COMMANDS = new Set(['subscribe', 'unsubscribe', 'subscriptions']);

export class Bot {
  constructor(private readonly knowledge: KnowledgeHolder) {}

  get kbVersion(): string {
    return this.knowledge.current.kb.version;
  }

  handle(incoming: Incoming): Answer {
    const { kb, resolver } = this.knowledge.current;
    if (incoming.selection) {
      return buildAnswer(resolver.select(incoming.selection), describeSelection(incoming.selection), kb);
    }
    const raw = incoming.text ?? '';
    const query = cleanText(raw).text;
    const words = normalise(raw).words;
    const first = words[0] ?? '';

    if (words.length === 0 || (words.length <= 2 && HELP_WORDS.has(first)) || query === '?') return { ...buildHelp(kb), query };
    if (ANNOUNCEMENT_COMMANDS.has(first) && words.length <= 12) {
      return {
        kind: 'subscription-status',
        kbVersion: kb.version,
        query,
        confidence: 1,
        message: 'Announcements are not set up yet: subscribing channels to changes of the responsibility model is coming in a later release.',
        subscriptions: [],
      };
    }
    if ((first === 'service' || first === 'matrix') && words.length >= 2) {
      const resolution = resolver.resolve(words.slice(1).join(' '));
      if (resolution.kind === 'overview' || resolution.kind === 'responsibility') {
        return buildAnswer(resolver.select({ service: resolution.service.id }), query, kb);
      }
      return buildAnswer(resolution, query, kb);
    }
    return buildAnswer(resolver.resolve(raw), query, kb);
  }
}

function describeSelection(selection: Selection): string {
  return [selection.service, selection.task, selection.variant].filter(Boolean).join(' ');
}
