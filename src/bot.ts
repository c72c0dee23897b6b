/**
 * The one entry point every adapter uses: an incoming message (text or a button's selection)
 * becomes an Answer. Commands are routed here; questions go to the resolver.
 */
import type { AnnouncementCommand, ConversationContext, SubscriptionCommands } from './announce/commands';
import { parseCommand } from './announce/commands';
import type { Answer } from './answers/answer';
import { buildAnswer, buildHelp, buildTeam } from './answers/build';
import type { KnowledgeHolder } from './knowledge/holder';
import type { Selection } from './resolver/resolution';
import type { FeedbackRecord, Platform } from './store/store';
import { cleanText, normalise } from './text/normalise';

export interface Incoming {
  /** What the user typed, mentions and all; adapters pass it as received. */
  readonly text?: string;
  /** A button or numbered choice; wins over text. */
  readonly selection?: Selection;
}

export interface FeedbackSink {
  recordFeedback(feedback: FeedbackRecord, now: number): Promise<void>;
}

export interface BotOptions {
  /** Subscriptions and announcements; without them those commands say they are not set up. */
  readonly commands?: SubscriptionCommands;
  readonly feedback?: FeedbackSink;
}

const HELP_WORDS = new Set(['help', '?', 'hi', 'hello', 'hey', 'start', 'usage', 'commands']);

export class Bot {
  constructor(
    private readonly knowledge: KnowledgeHolder,
    private readonly options: BotOptions = {},
  ) {}

  get kbVersion(): string {
    return this.knowledge.current.kb.version;
  }

  /**
   * What adapters call: commands that need the conversation (subscribe, announce…) run here,
   * everything else is `handle`.
   */
  async reply(incoming: Incoming, conversation?: ConversationContext): Promise<Answer> {
    const command = incoming.selection ? null : parseCommand(incoming.text);
    if (command && this.options.commands && conversation) return this.options.commands.run(command.name, command.args, conversation);
    return this.handle(incoming);
  }

  /** Answers a question or a selection. Pure apart from reading the current knowledge base. */
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
    const command = parseCommand(raw);
    if (command) return notSetUp(command.name, kb.version, query);
    if (first === 'team' && words.length >= 2) {
      const name = words.slice(1).join(' ');
      const team = buildTeam(kb, name, query) ?? buildTeam(kb, words.slice(1).join('-'), query);
      if (team) return team;
      return {
        kind: 'unknown',
        kbVersion: kb.version,
        query,
        confidence: 0,
        message: kb.org ? `No team called "${name}" in ${kb.org.organisation}'s organisation file.` : 'No organisation file is loaded, so I know no internal teams (set ORG_FILE or add knowledge/org.yaml).',
        examples: [],
        suggestions: [],
      };
    }
    // "service rds" / "matrix lambda" ask for the matrix; "service software updates on our
    // OpenSearch domain…" is a question that happens to start with the word, and is answered as one.
    if ((first === 'service' || first === 'matrix') && words.length >= 2) {
      const resolution = resolver.resolve(words.slice(1).join(' '));
      if (resolution.kind === 'overview') return buildAnswer(resolver.select({ service: resolution.service.id }), query, kb);
      if (resolution.kind !== 'responsibility') return buildAnswer(resolution, query, kb);
    }
    return buildAnswer(resolver.resolve(raw), query, kb);
  }

  /** Records a 👍/👎 on an answer, when a database is configured. */
  async feedback(vote: 'up' | 'down', about: Selection, who: { platform: Platform; user: string | null }): Promise<void> {
    await this.options.feedback?.recordFeedback(
      { platform: who.platform, user: who.user, vote, service: about.service ?? null, task: about.task ?? null, variant: about.variant ?? null, kbVersion: this.kbVersion },
      Date.now(),
    );
  }
}

function notSetUp(name: AnnouncementCommand, kbVersion: string, query: string): Answer {
  return {
    kind: 'subscription-status',
    kbVersion,
    query,
    confidence: 1,
    message: `Announcements are not set up here, so "${name}" does nothing: run the bot server (npm start) with a database to subscribe channels to changes of the responsibility model.`,
    subscriptions: [],
  };
}

function describeSelection(selection: Selection): string {
  return [selection.service, selection.task, selection.variant].filter(Boolean).join(' ');
}
