import { slackMode, SLACK_RETRY } from '../../../adapters/slack/slack-adapter';
import { loadConfig } from '../../../src/config';
import { startTestServer } from '../../support/server';
import { BOT_TOKEN, SIGNING_SECRET } from '../../support/slack';

describe('Slack settings', () => {
  it('starts nothing when no Slack setting is present', () => {
    expect(slackMode(loadConfig({}))).toBeNull();
  });

  it('uses HTTP with a signing secret and a bot token, Socket Mode with an app token', () => {
    expect(slackMode(loadConfig({ SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: BOT_TOKEN }))).toBe('http');
    expect(slackMode(loadConfig({ SLACK_APP_TOKEN: 'xapp-1-A1-1-abc', SLACK_BOT_TOKEN: BOT_TOKEN }))).toBe('socket');
  });

  it.each([
    [{ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: '' }, /non-empty SLACK_SIGNING_SECRET/],
    [{ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: '   ' }, /non-empty SLACK_SIGNING_SECRET/],
    [{ SLACK_SIGNING_SECRET: SIGNING_SECRET }, /SLACK_BOT_TOKEN/],
    [{ SLACK_APP_TOKEN: 'xapp-1-A1-1-abc' }, /SLACK_BOT_TOKEN/],
  ])('refuses incomplete settings %#', (env, message) => {
    expect(() => slackMode(loadConfig(env))).toThrow(message);
  });

  it('refuses to start the server with an empty signing secret, without echoing the token', async () => {
    const attempt = startTestServer({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: '' });
    await expect(attempt).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
    await expect(attempt).rejects.not.toThrow(BOT_TOKEN);
  });

  it('bounds Web API retries', () => {
    expect(SLACK_RETRY.retries).toBeLessThanOrEqual(3);
    expect(SLACK_RETRY.maxRetryTime).toBeLessThanOrEqual(30_000);
  });
});
