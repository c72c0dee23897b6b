import nock from 'nock';
import { APP_ID, APP_PASSWORD, channelClaims, mockBotFrameworkAuthority, newKey, signToken } from '../../support/bot-framework-auth';
import { startTestServer, waitFor, type TestServer } from '../../support/server';
import { cardOf, messageActivity, SERVICE_ORIGIN, SERVICE_URL } from '../../support/teams';
import { allowOnlyLoopback, releaseNock } from '../../support/nock-lifecycle';

describe('Teams with an app id: every request is JWT-validated', () => {
  const key = newKey();
  const otherKey = newKey();
  let server: TestServer;
  let replies: Array<{ body: Record<string, unknown>; authorization: string | undefined }> = [];
  // botbuilder reports refused requests with console.error, outside our logger: captured here
  // to keep the test output clean and to check it leaks nothing either.
  const consoleErrors: string[] = [];
  let consoleSpy: jest.SpyInstance;

  beforeAll(async () => {
    consoleSpy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      consoleErrors.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(' '));
    });
    allowOnlyLoopback();
    mockBotFrameworkAuthority(key);
    nock(SERVICE_ORIGIN)
      .persist()
      .post(/\/amer\/v3\/conversations\/.*/)
      .reply(function (_uri, body) {
        replies.push({ body: body as Record<string, unknown>, authorization: this.req.headers.authorization as string | undefined });
        return [200, { id: 'reply' }];
      });
    server = await startTestServer({ NODE_ENV: 'production', MicrosoftAppId: APP_ID, MicrosoftAppPassword: APP_PASSWORD, MicrosoftAppType: 'MultiTenant' });
  });

  afterAll(async () => {
    consoleSpy.mockRestore();
    await server.close();
    releaseNock();
  });

  beforeEach(() => {
    replies = [];
  });

  const send = (authorization: string | undefined, text = 'who patches RDS?'): Promise<Response> =>
    fetch(`${server.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(messageActivity(text)),
    });

  it('answers a request signed by the Bot Framework, calling back with its own token', async () => {
    const res = await send(`Bearer ${signToken(key, channelClaims(SERVICE_URL))}`);
    expect(res.status).toBe(200);
    await waitFor(() => replies.length === 1, 10_000);
    expect(JSON.stringify(cardOf(replies[0]?.body ?? {}))).toContain('Owner: AWS');
    expect(replies[0]?.authorization).toBe('Bearer outbound-access-token');
  });

  it.each([
    ['missing Authorization header', () => undefined],
    ['a signature from another key', () => `Bearer ${signToken(otherKey, channelClaims(SERVICE_URL))}`],
    ['the wrong audience', () => `Bearer ${signToken(key, channelClaims(SERVICE_URL, { aud: 'someone-else' }))}`],
    ['an expired token', () => `Bearer ${signToken(key, channelClaims(SERVICE_URL, { exp: Math.floor(Date.now() / 1000) - 3600, nbf: Math.floor(Date.now() / 1000) - 7200 }))}`],
    ['the wrong issuer', () => `Bearer ${signToken(key, channelClaims(SERVICE_URL, { iss: 'https://evil.example' }))}`],
    ['a token for another serviceUrl', () => `Bearer ${signToken(key, channelClaims('https://evil.example/'))}`],
    ['garbage', () => 'Bearer not.a.jwt'],
  ])('refuses %s without running bot logic', async (_name, authorization) => {
    const res = await send(authorization());
    expect(res.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(replies).toHaveLength(0);
  });

  it('never logs the app password or a bearer token', () => {
    expect(consoleErrors.length).toBeGreaterThan(0);
    const all = [...server.logs, ...consoleErrors].join('\n');
    expect(all).not.toContain(APP_PASSWORD);
    expect(all).not.toContain('outbound-access-token');
    expect(all).not.toMatch(/Bearer ey/);
  });
});
