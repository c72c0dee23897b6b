/**
 * Hostile requests against the running server: each gets a 4xx or a polite answer, the process
 * stays up and the next valid request succeeds.
 */
import fc from 'fast-check';
import nock from 'nock';
import { startTestServer, waitFor, type TestServer } from '../support/server';
import { API_ORIGIN, RESPONSE_ORIGIN, signed, slackEnv, slashCommand } from '../support/slack';
import { messageActivity, SERVICE_ORIGIN } from '../support/teams';
import { allowOnlyLoopback, releaseNock } from '../support/nock-lifecycle';

describe('hostile input over HTTP', () => {
  let server: TestServer;
  let slackReplies: string[] = [];
  let teamsReplies: string[] = [];

  beforeAll(async () => {
    allowOnlyLoopback();
    nock(API_ORIGIN).persist().post(/.*/).reply(200, { ok: true, user_id: 'UBOT', bot_id: 'BBOT', ts: '1.1' });
    nock(RESPONSE_ORIGIN)
      .persist()
      .post(/.*/)
      .reply((_u, body) => (slackReplies.push(JSON.stringify(body)), [200, 'ok']));
    nock(SERVICE_ORIGIN)
      .persist()
      .post(/.*/)
      .reply((_u, body) => (teamsReplies.push(JSON.stringify(body)), [200, { id: 'x' }]));
    server = await startTestServer({ ...slackEnv, NODE_ENV: 'development' });
  });

  afterAll(async () => {
    await server.close();
    releaseNock();
  });

  beforeEach(() => {
    slackReplies = [];
    teamsReplies = [];
  });

  const slack = (body: string, type: string, extra: Record<string, string> = {}): Promise<Response> =>
    fetch(`${server.base}/slack/events`, { method: 'POST', ...signed(body, type, undefined, extra) });
  const teams = (body: string, type = 'application/json'): Promise<Response> => fetch(`${server.base}/api/messages`, { method: 'POST', headers: { 'content-type': type }, body });

  async function stillServing(): Promise<void> {
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
    const before = slackReplies.length;
    const res = await slack(slashCommand('who patches RDS?').form, 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    const text = await res.text();
    if (!text.includes('Owner')) await waitFor(() => slackReplies.length > before);
  }

  it('answers a 40,000-character slash command politely', async () => {
    const res = await slack(slashCommand(`who patches rds ${'x'.repeat(40_000)}`).form, 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/Owner|match|know/);
    await stillServing();
  });

  it('refuses a 1 MB Adaptive Card submit value', async () => {
    const res = await teams(JSON.stringify(messageActivity('', { value: { whoownsChoice: { service: 'x'.repeat(1024 * 1024) } } })));
    expect(res.status).toBe(413);
    await stillServing();
  });

  it('refuses deeply nested JSON bodies', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect((await slack(deep, 'application/json')).status).toBeGreaterThanOrEqual(400);
    expect((await teams(`{"type":"message","value":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`)).status).toBeLessThan(500);
    await stillServing();
  });

  it('refuses wrong content types and empty bodies', async () => {
    for (const res of [
      await slack('hello', 'text/plain'),
      await slack('', 'application/json'),
      await slack('', 'application/x-www-form-urlencoded'),
      await teams('', 'application/json'),
      await teams('<xml/>', 'application/xml'),
      await teams('{}'),
    ]) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    await stillServing();
  });

  it('never answers a signed Slack request or a Teams activity of any shape with a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => {
        const body = JSON.stringify(value) ?? 'null';
        // Bolt holds a payload no listener claims for 3 s before answering 404, so runs are few.
        const [a, b] = await Promise.all([slack(body, 'application/json'), teams(body)]);
        expect(a.status).toBeLessThan(500);
        expect(b.status).toBeLessThan(500);
      }),
      { numRuns: 12 },
    );
    await stillServing();
  }, 90_000);
});
