import nock from 'nock';
import { startTestServer, waitFor, type TestServer } from '../../support/server';
import { API_ORIGIN, now, RESPONSE_ORIGIN, signed, slackEnv, slashCommand } from '../../support/slack';
import { allowOnlyLoopback, releaseNock } from '../../support/nock-lifecycle';

/**
 * The slow path of /whoowns: an answer not ready within the acknowledgement budget is
 * acknowledged empty at once and follows through the command's response_url. A budget of 0 ms
 * (SLACK_ACK_BUDGET_MS) sends every answer this way, through the real receiver.
 */
let server: TestServer;
let responses: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  allowOnlyLoopback();
  nock(API_ORIGIN)
    .persist()
    .post(/\/api\/.*/)
    .reply((uri) => (uri.endsWith('auth.test') ? [200, { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T0001' }] : [200, { ok: true, ts: `${now()}.000100` }]));
  nock(RESPONSE_ORIGIN)
    .persist()
    .post(/.*/)
    .reply((_uri, body) => {
      responses.push((typeof body === 'string' ? JSON.parse(body) : body) as Record<string, unknown>);
      return [200, 'ok'];
    });
  server = await startTestServer({ ...slackEnv, SLACK_ACK_BUDGET_MS: '0' });
});

afterAll(async () => {
  await server.close();
  releaseNock();
});

beforeEach(() => {
  responses = [];
});

describe('Slack slash command: an answer slower than the acknowledgement budget', () => {
  it('acknowledges empty, then posts the private answer to response_url', async () => {
    const request = signed(slashCommand('who patches RDS?').form, 'application/x-www-form-urlencoded');
    const res = await fetch(`${server.base}/slack/events`, { method: 'POST', headers: request.headers, body: request.body });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    await waitFor(() => responses.length === 1);
    expect(responses[0]).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(responses[0]?.blocks)).toContain('Amazon RDS');
  });

  it('answers a 40,000-character command the same way, politely', async () => {
    const request = signed(slashCommand('x'.repeat(40_000)).form, 'application/x-www-form-urlencoded');
    const res = await fetch(`${server.base}/slack/events`, { method: 'POST', headers: request.headers, body: request.body });
    expect(res.status).toBe(200);
    await waitFor(() => responses.length === 1);
    expect(responses[0]).toMatchObject({ response_type: 'ephemeral' });
    expect(typeof responses[0]?.text).toBe('string');
  });
});
