/**
 * The turn logic: a Teams activity becomes a bot.handle call and the Answer an Adaptive Card.
 * Translation only. Mentions of the bot are removed before the text reaches the resolver.
 */
import { ActivityTypes, CardFactory, MessageFactory, TurnContext, type Activity } from 'botbuilder';
import type { ConversationContext } from '../../src/announce/commands';
import type { Bot, Incoming } from '../../src/bot';
import type { Logger } from '../../src/logger';
import { decodeFeedback, decodeSelection } from '../../src/render/choice-value';
import { renderTeams, TEAMS_CHOICE_KEY, TEAMS_FEEDBACK_KEY } from '../../src/render/teams';
import type { RecentKeys } from '../shared/recent-keys';
import type { ConversationReferenceStore } from './conversation-references';
import { withConnectorRetry } from './retry';

export interface TeamsDeps {
  readonly bot: Bot;
  readonly logger: Logger;
  readonly recent: RecentKeys;
  readonly references: ConversationReferenceStore;
}

/** Submitted card data, as far as we read it: everything else in `value` is ignored. */
function submitted(value: unknown): { selection?: Incoming['selection']; feedback?: ReturnType<typeof decodeFeedback> } {
  if (typeof value !== 'object' || value === null) return {};
  const record = value as Record<string, unknown>;
  if (TEAMS_CHOICE_KEY in record) {
    const selection = decodeSelection(record[TEAMS_CHOICE_KEY]);
    return selection ? { selection } : {};
  }
  if (TEAMS_FEEDBACK_KEY in record) return { feedback: decodeFeedback(record[TEAMS_FEEDBACK_KEY]) };
  return {};
}

/** The conversation a command was typed in, as subscriptions need it. */
function conversationOf(activity: Activity): ConversationContext {
  return {
    platform: 'teams',
    target: activity.conversation.id,
    targetRef: JSON.stringify(TurnContext.getConversationReference(activity)),
    label: activity.conversation.name ?? null,
    user: activity.from?.aadObjectId ?? activity.from?.id ?? null,
  };
}

async function reply(context: TurnContext, deps: TeamsDeps, incoming: Incoming): Promise<void> {
  const { text, card } = renderTeams(await deps.bot.reply(incoming, conversationOf(context.activity)));
  await withConnectorRetry(() => context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card), text)));
}

async function onMessage(context: TurnContext, deps: TeamsDeps): Promise<void> {
  const activity = context.activity;
  if (activity.value !== undefined && activity.value !== null) {
    const { selection, feedback } = submitted(activity.value);
    if (feedback) {
      const user = activity.from?.aadObjectId ?? activity.from?.id ?? null;
      deps.logger.info({ component: 'teams', event: 'feedback', vote: feedback.vote, ...feedback.about, user, kbVersion: deps.bot.kbVersion }, 'feedback');
      await deps.bot.feedback(feedback.vote, feedback.about, { platform: 'teams', user });
      await withConnectorRetry(() => context.sendActivity(feedback.vote === 'up' ? 'Thanks, glad it helped.' : 'Thanks, noted. The maintainers review answers marked as not right.'));
      return;
    }
    if (selection) {
      await reply(context, deps, { selection });
      return;
    }
    if (!activity.text) {
      await withConnectorRetry(() => context.sendActivity('That button no longer works. Ask me again.'));
      return;
    }
  }
  // "@whoowns who patches RDS?" -> "who patches RDS?"; other <at> tags are dropped by normalisation.
  const text = TurnContext.removeRecipientMention(activity) ?? activity.text ?? '';
  await reply(context, deps, { text });
}

async function onMembersAdded(context: TurnContext, deps: TeamsDeps): Promise<void> {
  const botId = context.activity.recipient?.id;
  const added = context.activity.membersAdded ?? [];
  if (added.some((member) => member.id === botId)) await reply(context, deps, { text: 'help' });
}

export function createTeamsLogic(deps: TeamsDeps): (context: TurnContext) => Promise<void> {
  return async (context) => {
    const activity: Activity = context.activity;
    const key = activity.id ? `${activity.conversation?.id ?? ''}:${activity.id}` : undefined;
    if (key && deps.recent.checkAndRemember(key)) {
      deps.logger.info({ component: 'teams', activityId: activity.id }, 'duplicate activity ignored');
      if (activity.type === ActivityTypes.Invoke) await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200 } });
      return;
    }
    await deps.references.save(TurnContext.getConversationReference(activity));
    switch (activity.type) {
      case ActivityTypes.Message:
        await onMessage(context, deps);
        return;
      case ActivityTypes.ConversationUpdate:
        await onMembersAdded(context, deps);
        return;
      case ActivityTypes.Invoke:
        // Answered at once (Teams waits at most 5 seconds); whoowns uses no invoke features.
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: {} } });
        return;
      default:
        return;
    }
  };
}
