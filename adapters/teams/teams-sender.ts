/**
 * Delivers announcements to Teams conversations through the stored conversation reference.
 * 403 and 404 (bot removed, conversation gone) are permanent; the rest is retried by the
 * delivery worker.
 */
import { CardFactory, MessageFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { AnnouncementSender, DeliveryOutcome } from '../../src/announce/sender';
import type { AnnouncementAnswer } from '../../src/answers/answer';
import { errorMessage } from '../../src/errors';
import { renderTeams } from '../../src/render/teams';
import type { ConversationReferenceStore } from './conversation-references';

/** Teams allows about 7 messages a second to one conversation; stay under it. */
export const TEAMS_CONVERSATION_INTERVAL_MS = 150;

export function createTeamsSender(adapter: CloudAdapter, appId: string, references: ConversationReferenceStore): AnnouncementSender {
  return {
    platform: 'teams',
    minIntervalMs: TEAMS_CONVERSATION_INTERVAL_MS,
    async send(target, targetRef, announcement: AnnouncementAnswer): Promise<DeliveryOutcome> {
      const reference = (targetRef ? (JSON.parse(targetRef) as Partial<ConversationReference>) : undefined) ?? (await references.get(target));
      if (!reference?.serviceUrl) return { kind: 'permanent', reason: 'no conversation reference for this conversation' };
      const { text, card } = renderTeams(announcement);
      try {
        await adapter.continueConversationAsync(appId, reference, async (turn) => {
          await turn.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card), text));
        });
        return { kind: 'sent' };
      } catch (error) {
        return classify(error);
      }
    },
  };
}

export function classify(error: unknown): DeliveryOutcome {
  const e = error as { statusCode?: number; response?: { status?: number; headers?: { get?: (name: string) => string | undefined } } };
  const status = e.statusCode ?? e.response?.status;
  if (status === 403 || status === 404) return { kind: 'permanent', reason: `teams ${status}` };
  if (status === 429) {
    const seconds = Number(e.response?.headers?.get?.('retry-after'));
    return { kind: 'retry', reason: 'teams 429', ...(Number.isFinite(seconds) ? { retryAfterMs: seconds * 1000 } : {}) };
  }
  return { kind: 'retry', reason: status ? `teams ${status}` : errorMessage(error) };
}
