import nock from 'nock';
import { startTestServer, waitFor, type TestServer } from '../../support/server';
import { API_ORIGIN, eventCallback, now, signed, slackEnv } from '../../support/slack';
import { allowOnlyLoopback, releaseNock } from '../../support/nock-lifecycle';

describe('Slack Web API rate limits', () => {
  let server: TestServer;
  const posts: number[] = [];

  beforeAll(async () => {
    allowOnlyLoopback();
    nock(API_ORIGIN).post('/api/auth.test').reply(200, { ok: true, user_id: 'UBOT', bot_id: 'BBOT' });
    // The first post is rate limited; the client waits Retry-After and tries once more.
    nock(API_ORIGIN)
      .post('/api/chat.postMessage')
      .reply(() => {
        posts.push(Date.now());
        return [429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '1' }];
      })
      .post('/api/chat.postMessage')
      .reply(() => {
        posts.push(Date.now());
        return [200, { ok: true, channel: 'C0001', ts: '1.2' }];
      });
    server = await startTestServer(slackEnv);
  });

  afterAll(async () => {
    await server.close();
    releaseNock();
  });

  it('honours Retry-After and posts the answer once', async () => {
    const ts = `${now()}.000100`;
    const body = eventCallback({ type: 'app_mention', user: 'U0001', text: '<@UBOT> who patches RDS?', ts, channel: 'C0001', event_ts: ts });
    const res = await fetch(`${server.base}/slack/events`, { method: 'POST', ...signed(body, 'application/json') });
    expect(res.status).toBe(200);
    await waitFor(() => posts.length === 2, 10_000);
    expect((posts[1] ?? 0) - (posts[0] ?? 0)).toBeGreaterThanOrEqual(900);
    expect(nock.isDone()).toBe(true);
  });
});
