/**
 * subscribe [filters], unsubscribe, subscriptions and (for ADMIN_USERS) announce [--dry-run]:
 * the chat commands for announcements, the same on every platform.
 */
import type { SubscriptionStatusAnswer } from '../answers/answer';
import type { KnowledgeHolder } from '../knowledge/holder';
import { OWNERS, type Owner } from '../knowledge/schema';
import type { Platform, Store, Subscription, SubscriptionFilters } from '../store/store';
import { WhoownsError } from '../errors';
import type { AnnounceResult } from './announcer';

export const ANNOUNCEMENT_COMMANDS = ['subscribe', 'unsubscribe', 'subscriptions', 'announce'] as const;
export type AnnouncementCommand = (typeof ANNOUNCEMENT_COMMANDS)[number];

/** Where a command was typed: the conversation a subscription would deliver to. */
export interface ConversationContext {
  readonly platform: Platform;
  /** Slack channel id, Teams conversation id. */
  readonly target: string;
  /** What delivery needs besides the target (a Teams conversation reference, as JSON). */
  readonly targetRef?: string | null;
  readonly label?: string | null;
  readonly user?: string | null;
}

export interface AnnouncementControl {
  announceNow(dryRun: boolean): Promise<AnnounceResult>;
}

/** Words that add nothing to a filter ("subscribe to all changes please"). */
const FILLER = new Set(['all', 'any', 'every', 'everything', 'changes', 'change', 'updates', 'to', 'for', 'me', 'us', 'please', 'pls', 'the', 'of', 'this', 'channel', 'here', 'and', 'on', 'about']);

const OWNER_ALIASES: Readonly<Record<string, Owner>> = { aws: 'aws', amazon: 'aws', customer: 'customer', us: 'customer', we: 'customer', you: 'customer', shared: 'shared', both: 'shared' };

export function parseCommand(text: string | undefined): { name: AnnouncementCommand; args: string } | null {
  const match = /^\s*\/?(subscribe|unsubscribe|subscriptions|announce)\b(.{0,500})$/i.exec((text ?? '').replace(/<@[^>]{1,40}>|<at>[^<]{0,80}<\/at>/g, ' ').trim());
  if (!match) return null;
  return { name: (match[1] as string).toLowerCase() as AnnouncementCommand, args: (match[2] ?? '').trim() };
}

export function describeFilters(filters: SubscriptionFilters, knowledge: KnowledgeHolder): string {
  const { kb } = knowledge.current;
  const parts = [
    ...filters.services.map((id) => kb.services.get(id)?.shortName ?? id),
    ...filters.tasks.map((id) => kb.tasks.get(id)?.name ?? id),
    ...filters.owners.map((o) => `owner ${o}`),
  ];
  return parts.length === 0 ? 'every change' : `changes to ${parts.join(', ')}`;
}

export class SubscriptionCommands {
  constructor(
    private readonly store: Store,
    private readonly knowledge: KnowledgeHolder,
    private readonly control: AnnouncementControl,
    private readonly adminUsers: readonly string[],
    private readonly now: () => number = Date.now,
  ) {}

  /** Parses "rds patching", "service:rds owner:aws" into filters; unknown words are reported. */
  parseFilters(args: string): { filters: SubscriptionFilters; unknown: string[] } {
    const services = new Set<string>();
    const tasks = new Set<string>();
    const owners = new Set<Owner>();
    const unknown: string[] = [];
    const free: string[] = [];
    const { kb, resolver } = this.knowledge.current;
    for (const word of args.split(/[\s,]+/).filter(Boolean).slice(0, 40)) {
      const [key, value] = word.includes(':') ? (word.toLowerCase().split(':', 2) as [string, string]) : ['', ''];
      if (key === 'owner' && OWNER_ALIASES[value]) owners.add(OWNER_ALIASES[value] as Owner);
      else if (key === 'service' && kb.services.has(value)) services.add(value);
      else if (key === 'task' && kb.tasks.has(value)) tasks.add(value);
      else if (key) unknown.push(word);
      else if ((OWNERS as readonly string[]).includes(word.toLowerCase())) owners.add(word.toLowerCase() as Owner);
      else if (!FILLER.has(word.toLowerCase())) free.push(word);
    }
    if (free.length > 0) {
      const found = resolver.mentions(free.join(' '));
      found.services.forEach((s) => services.add(s));
      found.tasks.forEach((t) => tasks.add(t));
      if (found.services.length === 0 && found.tasks.length === 0) unknown.push(free.join(' '));
    }
    return { filters: { services: [...services], tasks: [...tasks], owners: [...owners] }, unknown };
  }

  async run(name: AnnouncementCommand, args: string, context: ConversationContext): Promise<SubscriptionStatusAnswer> {
    const answer = (message: string, subscriptions: readonly string[] = []): SubscriptionStatusAnswer => ({
      kind: 'subscription-status',
      kbVersion: this.knowledge.current.kb.version,
      query: `${name} ${args}`.trim(),
      confidence: 1,
      message,
      subscriptions,
    });
    switch (name) {
      case 'subscribe': {
        const { filters, unknown } = this.parseFilters(args);
        if (unknown.length > 0) {
          return answer(`I couldn't match "${unknown.join(', ')}" to a service, a task or an owner. Try: subscribe rds, subscribe lambda patching, subscribe owner:aws.`);
        }
        const saved = await this.store.subscribe(
          { platform: context.platform, target: context.target, targetRef: context.targetRef ?? null, label: context.label ?? null, filters, createdBy: context.user ?? null },
          this.now(),
        );
        return answer(`Subscribed. This conversation will get one announcement for each new version of the responsibility model, showing ${describeFilters(saved.filters, this.knowledge)}. Current version: v${this.knowledge.current.kb.version}. Stop with "unsubscribe".`);
      }
      case 'unsubscribe': {
        const removed = await this.store.unsubscribe(context.platform, context.target);
        return answer(removed ? 'Unsubscribed. This conversation will get no more announcements.' : 'This conversation has no subscription.');
      }
      case 'subscriptions': {
        const mine = await this.store.subscriptions({ platform: context.platform, target: context.target });
        if (mine.length === 0) return answer('This conversation has no subscription. Subscribe with "subscribe" (all changes) or "subscribe <service or task>".');
        return answer('This conversation is subscribed to announcements:', mine.map((s) => this.describe(s)));
      }
      case 'announce': {
        if (!context.user || !this.adminUsers.includes(context.user)) return answer('Only the administrators named in ADMIN_USERS can announce.');
        const dryRun = /(^|\s)(--dry-run|dry-run|dryrun|--dryrun)(\s|$)/i.test(args);
        let result: AnnounceResult;
        try {
          result = await this.control.announceNow(dryRun);
        } catch (error) {
          if (error instanceof WhoownsError && error.code === 'KB_INVALID') return answer(`Not announced: ${error.message}.`);
          throw error;
        }
        const head =
          result.status === 'dry-run'
            ? `Dry run: v${result.from ?? '?'} → v${result.to}, ${result.changes.length} change(s) for ${result.recipients} subscription(s). Nothing was sent.`
            : result.status === 'announced'
              ? `Announced v${result.from ?? '?'} → v${result.to}: ${result.changes.length} change(s) to ${result.recipients} subscription(s) (${result.added} new).`
              : result.status === 'version-not-raised'
                ? `The knowledge base changed but its version (v${result.to}) was not raised: nothing announced.`
                : `Nothing to announce: v${result.to} is the announced version.`;
        return answer(head, result.changes.slice(0, 20).map((c) => c.text));
      }
    }
  }

  private describe(s: Subscription): string {
    const since = new Date(s.createdAt).toISOString().slice(0, 10);
    const failing = s.status === 'failing' ? ` (deliveries failing: ${s.statusReason ?? 'unknown reason'})` : '';
    return `${describeFilters(s.filters, this.knowledge)}, since ${since}${s.createdBy ? ` by ${s.createdBy}` : ''}${failing}`;
  }
}
