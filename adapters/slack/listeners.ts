/**
 * Slack listeners: translate Slack payloads into bot.handle calls and answers into Block Kit.
 * No business logic lives here. Every listener runs inside `safely`, the adapter's one
 * catch-all, which logs the error (with its code, never a token) and tells the user politely.
 */
import type { AllMiddlewareArgs, App } from '@slack/bolt';
import type { Answer } from '../../src/answers/answer';
import type { ConversationContext } from '../../src/announce/commands';
import type { Bot, Incoming } from '../../src/bot';
import { errorCode, errorMessage } from '../../src/errors';
import type { Logger } from '../../src/logger';
import { decodeFeedback, decodeSelection } from '../../src/render/choice-value';
import { renderSlack, renderSlackHome, SLACK_ACTIONS } from '../../src/render/slack';
import type { Choice } from '../../src/resolver/resolution';
import { cleanText } from '../../src/text/normalise';
import type { RecentKeys } from '../shared/recent-keys';
import type { PostMessage } from './answer-poster';
import type { ThreadMemory } from './thread-memory';

export interface SlackDeps {
  readonly bot: Bot;
  readonly logger: Logger;
  readonly recent: RecentKeys;
  readonly threads: ThreadMemory;
  /** Our own user id, to tell a mention of us in a thread reply. */
  readonly botUserId: string | undefined;
  /** Posts answers (chat.postMessage). */
  readonly post: PostMessage;
  /** How long a slash command's answer may take to go in the acknowledgement (SLACK_ACK_BUDGET_MS). */
  readonly commandBudgetMs?: number;
}

/** How long a slash command may take before it is acknowledged empty (Slack allows 3 s). */
export const COMMAND_ANSWER_BUDGET_MS = 1500;

/** The buttons our messages carry (choices, share, feedback). */
const OUR_ACTIONS = new RegExp(`^(?:${SLACK_ACTIONS.choice}_\\d{1,2}|${SLACK_ACTIONS.share}|${SLACK_ACTIONS.feedbackUp}|${SLACK_ACTIONS.feedbackDown})$`);
export const OUR_EVENTS = /^(?:app_mention|app_home_opened)$/;

export const SORRY = 'Sorry, something went wrong while answering that. Please try again in a moment.';

/** Choices an answer offers, so a numbered reply in the thread can pick one. */
function offeredChoices(answer: Answer): readonly Choice[] {
  if (answer.kind === 'clarify') return answer.choices;
  if (answer.kind === 'unknown') return answer.suggestions;
  return [];
}

/** A bare number in a thread where we offered choices picks that choice. */
function incomingFor(text: string, choices: readonly Choice[] | undefined): Incoming {
  // Only a thread with choices on offer needs the cleaned text here; the bot cleans it anyway.
  if (choices && choices.length > 0) {
    const trimmed = cleanText(text).text;
    const pick = /^\d{1,2}$/.test(trimmed) ? choices[Number(trimmed) - 1] : undefined;
    if (pick) return { selection: pick };
  }
  return { text };
}

/** The key that identifies one delivery of a payload, the same across Slack's retries. */
function deliveryKey(body: Record<string, unknown>): string | undefined {
  if (typeof body.event_id === 'string') return `event:${body.event_id}`;
  if (typeof body.trigger_id === 'string') return `trigger:${body.trigger_id}`;
  return undefined;
}

export function registerListeners(app: App, deps: SlackDeps): void {
  const { bot, logger, recent, threads } = deps;

  const safely = async (what: string, work: () => Promise<void>, tell?: (text: string) => Promise<unknown>): Promise<void> => {
    try {
      await work();
    } catch (error) {
      logger.error({ component: 'slack', listener: what, code: errorCode(error), error: errorMessage(error) }, 'slack listener failed');
      if (tell) {
        await tell(SORRY).catch((sendError: unknown) =>
          logger.error({ component: 'slack', listener: what, code: errorCode(sendError), error: errorMessage(sendError) }, 'could not tell the user about the failure'),
        );
      }
    }
  };

  // Retries (same event_id) and replays (same trigger_id) are acknowledged and dropped.
  app.use(async (args) => {
    const { body, next } = args as AllMiddlewareArgs & { body: Record<string, unknown>; ack?: () => Promise<void> };
    const key = deliveryKey(body);
    if (key && recent.checkAndRemember(key)) {
      logger.info({ component: 'slack', key, retryNum: args.context.retryNum }, 'duplicate delivery ignored');
      const ack = (args as { ack?: () => Promise<void> }).ack;
      if (ack) await ack();
      return;
    }
    await next();
  });

  const context = (channel: string, user: string | undefined, label?: string): ConversationContext => ({ platform: 'slack', target: channel, label: label ?? null, user: user ?? null });

  const answerInThread = async (channel: string, threadTs: string, incoming: Incoming, user: string | undefined): Promise<void> => {
    const answer = await bot.reply(incoming, context(channel, user));
    const message = renderSlack(answer);
    // Remembered before posting: a quick reply in the thread may arrive before the post returns.
    threads.remember(channel, threadTs, offeredChoices(answer));
    await deps.post({ channel, thread_ts: threadTs, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false });
  };

  // Mentions and the Home tab share one event listener (see OUR_ACTIONS for why).
  app.event(OUR_EVENTS, async ({ event, client }) => {
    if (event.type === 'app_home_opened') {
      if (event.tab !== 'home') return;
      await safely('app_home_opened', async () => {
        const help = bot.handle({ text: 'help' });
        if (help.kind !== 'help') return;
        await client.views.publish({ user_id: event.user, view: renderSlackHome(help) });
      });
      return;
    }
    if (event.type !== 'app_mention') return;
    const threadTs = event.thread_ts ?? event.ts;
    await safely(
      'app_mention',
      () => answerInThread(event.channel, threadTs, incomingFor(event.text, threads.lookup(event.channel, threadTs)), event.user),
      (text) => deps.post({ channel: event.channel, thread_ts: threadTs, text }),
    );
  });

  app.message(async ({ message, say }) => {
    // Only plain user messages: no edits, joins, bot posts (ours included).
    if (message.subtype !== undefined || !('user' in message) || 'bot_id' in message) return;
    const text = typeof message.text === 'string' ? message.text : '';
    const threadTs = 'thread_ts' in message && typeof message.thread_ts === 'string' ? message.thread_ts : undefined;
    if (message.channel_type === 'im') {
      await safely(
        'message.im',
        async () => {
          const answer = await bot.reply(incomingFor(text, threadTs ? threads.lookup(message.channel, threadTs) : threads.lookup(message.channel, 'dm')), context(message.channel, message.user));
          const rendered = renderSlack(answer);
          threads.remember(message.channel, threadTs ?? 'dm', offeredChoices(answer));
          await deps.post({ channel: message.channel, ...(threadTs ? { thread_ts: threadTs } : {}), text: rendered.text, blocks: rendered.blocks, unfurl_links: false });
        },
        (t) => say(t),
      );
      return;
    }
    // In channels: follow-ups in a thread we answered, unless they mention us (app_mention answers those).
    if (!threadTs || (deps.botUserId && text.includes(`<@${deps.botUserId}>`))) return;
    const choices = threads.lookup(message.channel, threadTs);
    if (choices === undefined) return;
    await safely('thread follow-up', () => answerInThread(message.channel, threadTs, incomingFor(text, choices), message.user), (t) => say({ text: t, thread_ts: threadTs }));
  });

  app.command('/whoowns', async ({ command, ack, respond }) => {
    // A ready answer travels in the acknowledgement itself (no second request); one that takes
    // longer than the budget is acknowledged empty and follows through response_url.
    let acked = false;
    const ackNow = (): void => {
      acked = true;
      void ack().catch((error: unknown) => logger.error({ component: 'slack', code: errorCode(error), error: errorMessage(error) }, 'ack failed'));
    };
    // A budget of 0 acknowledges at once and always answers through response_url.
    const budgetMs = deps.commandBudgetMs ?? COMMAND_ANSWER_BUDGET_MS;
    if (budgetMs <= 0) ackNow();
    const ackEmpty = budgetMs > 0 ? setTimeout(ackNow, budgetMs) : undefined;
    await safely(
      'command',
      async () => {
        const answer = await bot.reply({ text: command.text }, context(command.channel_id, command.user_id, command.channel_name));
        const message = renderSlack(answer, { share: true });
        if (acked) {
          await respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
          return;
        }
        clearTimeout(ackEmpty);
        acked = true;
        await ack({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
      },
      async (text) => {
        clearTimeout(ackEmpty);
        if (acked) return respond({ response_type: 'ephemeral', text });
        acked = true;
        return ack({ response_type: 'ephemeral', text });
      },
    );
  });

  // One listener per payload kind: Bolt runs every registered listener's middleware for every
  // request (with a copy of the arguments each time), so our buttons share one action listener.
  app.action(OUR_ACTIONS, async ({ action, body, ack, respond }) => {
    await ack();
    const actionId = 'action_id' in action ? action.action_id : '';
    const value = 'value' in action ? action.value : undefined;
    if (actionId === SLACK_ACTIONS.share) {
      await safely(
        'share',
        async () => {
          const selection = decodeSelection(value);
          if (!selection) return;
          const message = renderSlack(bot.handle({ selection }));
          await respond({ response_type: 'in_channel', delete_original: true, text: message.text, blocks: message.blocks });
        },
        (text) => respond({ response_type: 'ephemeral', replace_original: false, text }),
      );
      return;
    }
    if (actionId === SLACK_ACTIONS.feedbackUp || actionId === SLACK_ACTIONS.feedbackDown) {
      await safely('feedback', async () => {
        const feedback = decodeFeedback(value);
        if (!feedback) return;
        logger.info({ component: 'slack', event: 'feedback', vote: feedback.vote, ...feedback.about, user: body.user.id, kbVersion: bot.kbVersion }, 'feedback');
        await bot.feedback(feedback.vote, feedback.about, { platform: 'slack', user: body.user.id });
        await respond({ response_type: 'ephemeral', replace_original: false, text: feedback.vote === 'up' ? 'Thanks, glad it helped.' : 'Thanks, noted. The maintainers review answers marked as not right.' });
      });
      return;
    }
    await safely(
      'choice',
      async () => {
        const selection = decodeSelection(value);
        if (!selection) {
          await respond({ response_type: 'ephemeral', replace_original: false, text: 'That button no longer works. Ask me again.' });
          return;
        }
        const answer = bot.handle({ selection });
        // A clarifying question is used up by its answer; other buttons add a private answer,
        // which can be shared. Rendered once, for the message it becomes.
        const fromClarify = 'block_id' in action && action.block_id === 'whoowns_clarify';
        const message = renderSlack(answer, { share: fromClarify ? isEphemeral(body) : true });
        await respond(
          fromClarify
            ? { replace_original: true, text: message.text, blocks: message.blocks }
            : { response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks },
        );
      },
      (text) => respond({ response_type: 'ephemeral', replace_original: false, text }),
    );
  });

  app.error(async (error) => {
    logger.error({ component: 'slack', code: (error as { code?: string }).code ?? errorCode(error), error: errorMessage(error) }, 'slack error');
  });
}

function isEphemeral(body: unknown): boolean {
  const container = (body as { container?: { is_ephemeral?: unknown } }).container;
  return container?.is_ephemeral === true;
}

