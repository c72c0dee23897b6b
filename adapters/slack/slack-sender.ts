/**
 * Delivers announcements to Slack channels with chat.postMessage. The client does not retry on
 * its own: the delivery worker decides (Retry-After for 429, backoff for 5xx), and errors that
 * will never go away mark the subscription.
 */
import { webApi } from '@slack/bolt';
import type { AnnouncementSender, DeliveryOutcome } from '../../src/announce/sender';
import type { AnnouncementAnswer } from '../../src/answers/answer';
import { errorMessage } from '../../src/errors';
import { renderSlack } from '../../src/render/slack';

/** Slack's documented limit: about one message per second per channel. */
export const SLACK_CHANNEL_INTERVAL_MS = 1100;

/** Errors that mean this channel will never take our messages. */
const PERMANENT = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'account_inactive', 'invalid_auth', 'token_revoked', 'missing_scope', 'restricted_action', 'team_access_not_granted', 'ekm_access_denied']);

export function createSlackSender(token: string, apiUrl: string | undefined, fetch?: webApi.FetchFunction): AnnouncementSender {
  const client = new webApi.WebClient(token, { ...(apiUrl ? { slackApiUrl: apiUrl } : {}), retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, ...(fetch ? { fetch } : {}) });
  return {
    platform: 'slack',
    minIntervalMs: SLACK_CHANNEL_INTERVAL_MS,
    async send(target, _targetRef, announcement: AnnouncementAnswer): Promise<DeliveryOutcome> {
      const message = renderSlack(announcement);
      try {
        await client.chat.postMessage({ channel: target, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false });
        return { kind: 'sent' };
      } catch (error) {
        return classify(error);
      }
    },
  };
}

export function classify(error: unknown): DeliveryOutcome {
  const e = error as { code?: string; retryAfter?: number; data?: { error?: string }; statusCode?: number };
  if (e.code === webApi.ErrorCode.RateLimitedError) return { kind: 'retry', reason: 'ratelimited', retryAfterMs: (e.retryAfter ?? 1) * 1000 };
  if (e.code === webApi.ErrorCode.PlatformError) {
    const code = e.data?.error ?? 'unknown_error';
    return PERMANENT.has(code) ? { kind: 'permanent', reason: code } : { kind: 'retry', reason: code };
  }
  if (e.code === webApi.ErrorCode.HTTPError) return { kind: 'retry', reason: `http ${e.statusCode ?? '?'}` };
  return { kind: 'retry', reason: errorMessage(error) };
}
