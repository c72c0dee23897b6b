import path from 'node:path';
import nock from 'nock';
import { KNOWLEDGE_DIR } from '../support/kb';
import { startTestServer, waitFor, type TestServer } from '../support/server';
import { API_ORIGIN, RESPONSE_ORIGIN, signed, slackEnv, slashCommand } from '../support/slack';
import { cardOf, messageActivity, SERVICE_ORIGIN } from '../support/teams';
import { allowOnlyLoopback, releaseNock } from '../support/nock-lifecycle';

describe('with an organisation file, Slack and Teams cards name the internal team', () => {
  let server: TestServer;
  const slack: string[] = [];
  const teams: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    allowOnlyLoopback();
    nock(API_ORIGIN).persist().post(/.*/).reply(200, { ok: true, user_id: 'UBOT', bot_id: 'BBOT' });
    nock(RESPONSE_ORIGIN)
      .persist()
      .post(/.*/)
      .reply((_uri, body) => (slack.push(JSON.stringify(body)), [200, 'ok']));
    nock(SERVICE_ORIGIN)
      .persist()
      .post(/.*/)
      .reply((_uri, body) => (teams.push(body as Record<string, unknown>), [200, { id: 'x' }]));
    server = await startTestServer({ ...slackEnv, NODE_ENV: 'development', ORG_FILE: path.join(KNOWLEDGE_DIR, 'org.example.yaml') });
  });

  afterAll(async () => {
    await server.close();
    releaseNock();
  });

  it('Slack', async () => {
    const res = await fetch(`${server.base}/slack/events`, { method: 'POST', ...signed(slashCommand('who patches EC2?').form, 'application/x-www-form-urlencoded') });
    const answer = await res.text();
    expect(answer).toContain('Platform SRE');
    expect(answer).toContain('#platform-oncall');
    expect(slack).toHaveLength(0);
  });

  it('Teams', async () => {
    await fetch(`${server.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(messageActivity('who patches EC2?')) });
    await waitFor(() => teams.length === 1);
    expect(JSON.stringify(cardOf(teams[0] ?? {}))).toContain('In Example Corp: Platform SRE');
  });
});
