import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret-8f1c2e';
export const BOT_TOKEN = 'xoxb-111-222-testtokenvalue';
export const API_ORIGIN = 'https://slack.test';
export const API_URL = `${API_ORIGIN}/api/`;
export const RESPONSE_ORIGIN = 'https://hooks.slack.test';

export const slackEnv = { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: API_URL };

/** Slack's v0 request signature: HMAC-SHA256 of "v0:<timestamp>:<body>". */
export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export function now(): number {
  return Math.floor(Date.now() / 1000);
}

export interface SlackRequest {
  body: string;
  headers: Record<string, string>;
}

export function signed(body: string, contentType: string, timestamp = now(), extra: Record<string, string> = {}): SlackRequest {
  return {
    body,
    headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': sign(body, timestamp), ...extra },
  };
}

let counter = 0;
const unique = (): string => `${Date.now()}x${++counter}`;

/** A slash command exactly as Slack posts it (form-encoded). */
export function slashCommand(text: string, responsePath = `/commands/T0001/${unique()}/abc`, channel = 'C0001', user = 'U0001'): { form: string; responseUrl: string; responsePath: string } {
  const responseUrl = `${RESPONSE_ORIGIN}${responsePath}`;
  const form = new URLSearchParams({
    token: 'verification-token-unused',
    team_id: 'T0001',
    team_domain: 'example',
    channel_id: channel,
    channel_name: 'platform',
    user_id: user,
    user_name: 'alex',
    command: '/whoowns',
    text,
    api_app_id: 'A0001',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: `${unique()}.1.abcdef`,
  }).toString();
  return { form, responseUrl, responsePath };
}

/** An Events API event_callback wrapping `event`. */
export function eventCallback(event: Record<string, unknown>, eventId = `Ev${unique()}`): string {
  return JSON.stringify({
    token: 'verification-token-unused',
    team_id: 'T0001',
    api_app_id: 'A0001',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: now(),
    authorizations: [{ enterprise_id: null, team_id: 'T0001', user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  });
}

/** A block_actions interaction (form-encoded `payload`). */
export function blockAction(action: { action_id: string; block_id: string; value: string }, options: { ephemeral?: boolean; responsePath?: string } = {}): { form: string; responsePath: string } {
  const responsePath = options.responsePath ?? `/actions/T0001/${unique()}/xyz`;
  const payload = {
    type: 'block_actions',
    user: { id: 'U0001', username: 'alex', team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'verification-token-unused',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0001', is_ephemeral: options.ephemeral ?? false },
    trigger_id: `${unique()}.2.abcdef`,
    team: { id: 'T0001', domain: 'example' },
    channel: { id: 'C0001', name: 'platform' },
    response_url: `${RESPONSE_ORIGIN}${responsePath}`,
    actions: [{ ...action, type: 'button', action_ts: `${now()}.000200`, text: { type: 'plain_text', text: 'x' } }],
  };
  return { form: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), responsePath };
}
