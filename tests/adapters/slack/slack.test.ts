import nock from 'nock';
import { startTestServer, waitFor, type TestServer } from '../../support/server';
import { API_ORIGIN, blockAction, BOT_TOKEN, eventCallback, now, RESPONSE_ORIGIN, sign, signed, SIGNING_SECRET, slackEnv, slashCommand, type SlackRequest } from '../../support/slack';
import { allowOnlyLoopback, releaseNock } from '../../support/nock-lifecycle';

interface Captured {
  path: string;
  body: Record<string, unknown>;
}

/** Every Web API call the adapter makes, in order. */
let webApi: Captured[] = [];
/** Every post to a response_url, in order. */
let responses: Captured[] = [];
/** When set, Slack refuses the next chat.postMessage that carries blocks with this error. */
let refuseNextAnswer: string | undefined;
let server: TestServer;

function parse(body: unknown): Record<string, unknown> {
  if (typeof body === 'string') {
    try {
      return JSON.parse(body) as Record<string, unknown>;
    } catch {
      return Object.fromEntries(new URLSearchParams(body));
    }
  }
  return body as Record<string, unknown>;
}

function blocksOf(message: Record<string, unknown>): unknown[] {
  const blocks = message.blocks;
  return typeof blocks === 'string' ? (JSON.parse(blocks) as unknown[]) : (blocks as unknown[]);
}

function mockSlack(): void {
  nock(API_ORIGIN)
    .persist()
    .post(/\/api\/.*/)
    .reply(function (uri, body) {
      const path = uri.replace('/api/', '');
      webApi.push({ path, body: parse(body) });
      if (path === 'auth.test') return [200, { ok: true, url: 'https://example.slack.com/', team: 'Example', user: 'whoowns', team_id: 'T0001', user_id: 'UBOT', bot_id: 'BBOT' }];
      if (path === 'chat.postMessage' && refuseNextAnswer && parse(body).blocks !== undefined) {
        const error = refuseNextAnswer;
        refuseNextAnswer = undefined;
        return [200, { ok: false, error }];
      }
      return [200, { ok: true, channel: 'C0001', ts: `${now()}.000300` }];
    });
  nock(RESPONSE_ORIGIN)
    .persist()
    .post(/.*/)
    .reply(function (uri, body) {
      responses.push({ path: uri, body: parse(body) });
      return [200, 'ok'];
    });
}

async function post(request: SlackRequest): Promise<Response> {
  const res = await fetch(`${server.base}/slack/events`, { method: 'POST', headers: request.headers, body: request.body });
  // A ready slash-command answer comes back in the acknowledgement itself: record it like a reply.
  const text = await res.clone().text();
  if (res.status === 200 && text.startsWith('{') && request.body.includes('command=')) responses.push({ path: 'ack', body: JSON.parse(text) as Record<string, unknown> });
  return res;
}

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 300));

beforeAll(async () => {
  allowOnlyLoopback();
  mockSlack();
  server = await startTestServer(slackEnv);
});

afterAll(async () => {
  await server.close();
  releaseNock();
});

beforeEach(() => {
  webApi = [];
  responses = [];
});

describe('Slack over HTTP: the slash command', () => {
  it('answers "/whoowns who patches RDS?" privately, naming AWS with both parts and a source', async () => {
    const command = slashCommand('who patches RDS?');
    const res = await post(signed(command.form, FORM));
    expect(res.status).toBe(200);
    await waitFor(() => responses.length === 1);
    const [reply] = responses;
    expect(reply?.path).toBe('ack');
    expect(reply?.body.response_type).toBe('ephemeral');
    const text = JSON.stringify(reply?.body.blocks);
    expect(text).toContain('Owner: :cloud: *AWS*');
    expect(text).toContain('What AWS does');
    expect(text).toContain('What you do');
    expect(text).toMatch(/Source: <https:\/\/docs\.aws\.amazon\.com\//);
    expect(text).toContain('Share in channel');
    expect(reply?.body.text).toMatch(/Amazon RDS.*AWS/);
  });

  it('answers in the acknowledgement itself when the answer is ready, with no second request', async () => {
    const command = slashCommand('who patches ECS on Fargate?');
    const res = await post(signed(command.form, FORM));
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain('Fargate');
    await settle();
    expect(responses.filter((r) => r.path !== 'ack')).toHaveLength(0);
  });

  it('acts on a replayed slash command only once', async () => {
    const request = signed(slashCommand('who patches RDS?').form, FORM);
    expect((await post(request)).status).toBe(200);
    expect((await post(request)).status).toBe(200);
    await waitFor(() => responses.length >= 1);
    await settle();
    expect(responses).toHaveLength(1);
  });

  it('shows help', async () => {
    await post(signed(slashCommand('help').form, FORM));
    await waitFor(() => responses.length === 1);
    expect(JSON.stringify(responses[0]?.body)).toContain('/whoowns service');
  });

  it('subscribes the channel, lists and removes the subscription', async () => {
    await post(signed(slashCommand('subscribe rds').form, FORM));
    await waitFor(() => responses.length === 1);
    expect(JSON.stringify(responses[0]?.body)).toContain('Subscribed');
    expect(JSON.stringify(responses[0]?.body)).toContain('changes to Amazon RDS');
    await post(signed(slashCommand('subscriptions').form, FORM));
    await waitFor(() => responses.length === 2);
    expect(JSON.stringify(responses[1]?.body)).toContain('changes to Amazon RDS');
    expect(await server.app.store.subscriptions({ platform: 'slack', target: 'C0001' })).toHaveLength(1);
    await post(signed(slashCommand('unsubscribe').form, FORM));
    await waitFor(() => responses.length === 3);
    expect(JSON.stringify(responses[2]?.body)).toContain('Unsubscribed');
    expect(await server.app.store.subscriptions({ platform: 'slack' })).toHaveLength(0);
  });

  it('keeps announce for administrators', async () => {
    await post(signed(slashCommand('announce --dry-run').form, FORM));
    await waitFor(() => responses.length === 1);
    expect(JSON.stringify(responses[0]?.body)).toContain('Only the administrators');
  });

  it('shows a whole matrix with "service <name>"', async () => {
    await post(signed(slashCommand('service ec2').form, FORM));
    await waitFor(() => responses.length === 1);
    expect(JSON.stringify(responses[0]?.body.blocks)).toContain('Amazon EC2: who owns what');
  });
});

describe('Slack over HTTP: conversations', () => {
  it('answers a mention once in its thread, even when Slack retries the event', async () => {
    const ts = `${now()}.000100`;
    const body = eventCallback({ type: 'app_mention', user: 'U0001', text: '<@UBOT> who configures security groups on EC2?', ts, channel: 'C0001', event_ts: ts }, 'EvRETRY1');
    expect((await post(signed(body, JSON_TYPE))).status).toBe(200);
    expect((await post(signed(body, JSON_TYPE, now(), { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' }))).status).toBe(200);
    await waitFor(() => webApi.some((c) => c.path === 'chat.postMessage'));
    await settle();
    const posts = webApi.filter((c) => c.path === 'chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toMatchObject({ channel: 'C0001', thread_ts: ts });
    expect(JSON.stringify(blocksOf(posts[0]?.body ?? {}))).toContain('Customer (you)');
  });

  it('tells the thread politely when Slack refuses the answer, and logs the error with its code', async () => {
    refuseNextAnswer = 'invalid_blocks';
    const ts = `${now()}.000150`;
    await post(signed(eventCallback({ type: 'app_mention', user: 'U0001', text: '<@UBOT> who patches RDS?', ts, channel: 'C0001', event_ts: ts }), JSON_TYPE));
    await waitFor(() => webApi.filter((c) => c.path === 'chat.postMessage').length >= 2);
    const [refused, apology] = webApi.filter((c) => c.path === 'chat.postMessage');
    expect(refused?.body.blocks).toBeDefined();
    expect(apology?.body).toMatchObject({ channel: 'C0001', thread_ts: ts, text: expect.stringContaining('Sorry, something went wrong') });
    expect(apology?.body.blocks).toBeUndefined();
    expect(server.logs.some((l) => l.includes('"listener":"app_mention"') && l.includes('"code":"slack_webapi_platform_error"'))).toBe(true);
  });

  it('answers a direct message in the DM', async () => {
    const ts = `${now()}.000500`;
    await post(signed(eventCallback({ type: 'message', channel_type: 'im', channel: 'D0001', user: 'U0001', text: 'who handles physical security of data centers?', ts, event_ts: ts }), JSON_TYPE));
    await waitFor(() => webApi.some((c) => c.path === 'chat.postMessage'));
    const post0 = webApi.find((c) => c.path === 'chat.postMessage');
    expect(post0?.body.channel).toBe('D0001');
    expect(String(post0?.body.text)).toMatch(/Physical and environmental security: AWS/);
  });

  it('takes a numbered reply in the thread as the answer to its clarifying question', async () => {
    const ts = `${now()}.000700`;
    await post(signed(eventCallback({ type: 'app_mention', user: 'U0001', text: '<@UBOT> who patches ECS?', ts, channel: 'C0002', event_ts: ts }), JSON_TYPE));
    await waitFor(() => webApi.some((c) => c.path === 'chat.postMessage'));
    const clarify = JSON.stringify(blocksOf(webApi[0]?.body ?? {}));
    expect(clarify).toContain('launch type');
    const blocks = blocksOf(webApi[0]?.body ?? {}) as Array<{ type: string; elements?: Array<{ text: { text: string } }> }>;
    const buttons = blocks.find((b) => b.type === 'actions')?.elements ?? [];
    const fargate = buttons.findIndex((b) => /Fargate/.test(b.text.text)) + 1;
    expect(fargate).toBeGreaterThan(0);
    webApi = [];
    const replyTs = `${now()}.000800`;
    await post(signed(eventCallback({ type: 'message', channel_type: 'channel', channel: 'C0002', user: 'U0001', text: String(fargate), ts: replyTs, thread_ts: ts, event_ts: replyTs }), JSON_TYPE));
    await waitFor(() => webApi.some((c) => c.path === 'chat.postMessage'));
    expect(String(webApi[0]?.body.text)).toMatch(/Fargate.*AWS/);
    expect(webApi[0]?.body.thread_ts).toBe(ts);
  });

  it('ignores other messages in channels and its own posts, but still acknowledges them', async () => {
    const ts = `${now()}.000900`;
    expect((await post(signed(eventCallback({ type: 'message', channel_type: 'channel', channel: 'C0003', user: 'U0002', text: 'lunch?', ts, event_ts: ts }), JSON_TYPE))).status).toBe(200);
    expect((await post(signed(eventCallback({ type: 'message', subtype: 'bot_message', channel_type: 'im', channel: 'D0001', bot_id: 'BBOT', text: 'x', ts, event_ts: ts }), JSON_TYPE))).status).toBe(200);
    expect((await post(signed(eventCallback({ type: 'reaction_added', user: 'U0001', reaction: 'thumbsup', item: { type: 'message', channel: 'C0001', ts }, event_ts: ts }), JSON_TYPE))).status).toBe(200);
    await settle();
    expect(webApi.filter((c) => c.path === 'chat.postMessage')).toHaveLength(0);
  });

  it('publishes the App Home tab', async () => {
    await post(signed(eventCallback({ type: 'app_home_opened', user: 'U0001', channel: 'D0001', tab: 'home', event_ts: `${now()}.1` }), JSON_TYPE));
    await waitFor(() => webApi.some((c) => c.path === 'views.publish'));
    const call = webApi.find((c) => c.path === 'views.publish');
    expect(call?.body.user_id).toBe('U0001');
    expect(String(call?.body.view)).toContain('who patches RDS?');
  });

  it('answers url_verification with the challenge', async () => {
    const res = await post(signed(JSON.stringify({ token: 'x', challenge: 'c-123', type: 'url_verification' }), JSON_TYPE));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('c-123');
  });
});

describe('Slack over HTTP: buttons', () => {
  it('replaces a clarifying question with the answer to the chosen option', async () => {
    const action = blockAction({ action_id: 'whoowns_choice_1', block_id: 'whoowns_clarify', value: JSON.stringify({ service: 'ecs', task: 'patching', variant: 'fargate' }) });
    expect((await post(signed(action.form, FORM))).status).toBe(200);
    await waitFor(() => responses.length === 1);
    expect(responses[0]?.path).toBe(action.responsePath);
    expect(responses[0]?.body.replace_original).toBe(true);
    expect(JSON.stringify(responses[0]?.body.blocks)).toContain('Owner: :cloud: *AWS*');
  });

  it('shares an ephemeral answer in the channel', async () => {
    const action = blockAction({ action_id: 'whoowns_share', block_id: 'whoowns_meta', value: JSON.stringify({ service: 'rds', task: 'patching' }) }, { ephemeral: true });
    await post(signed(action.form, FORM));
    await waitFor(() => responses.length === 1);
    expect(responses[0]?.body).toMatchObject({ response_type: 'in_channel', delete_original: true });
    expect(JSON.stringify(responses[0]?.body.blocks)).not.toContain('Share in channel');
  });

  it('records feedback', async () => {
    const action = blockAction({ action_id: 'whoowns_feedback_down', block_id: 'whoowns_meta', value: JSON.stringify({ vote: 'down', service: 'rds', task: 'patching' }) });
    await post(signed(action.form, FORM));
    await waitFor(() => responses.length === 1);
    expect(server.logs.some((l) => l.includes('"event":"feedback"') && l.includes('"vote":"down"') && l.includes('"service":"rds"'))).toBe(true);
    expect(await server.app.store.feedbackCount()).toBe(1);
  });

  it('answers a forged button value politely', async () => {
    const action = blockAction({ action_id: 'whoowns_choice_0', block_id: 'whoowns_next', value: '{"service":"<!channel>"}' });
    await post(signed(action.form, FORM));
    await waitFor(() => responses.length === 1);
    expect(String(responses[0]?.body.text)).toMatch(/no longer works/);
  });
});

describe('Slack over HTTP: refused requests make no Web API call', () => {
  const command = (): string => slashCommand('who patches RDS?').form;

  it.each([
    ['tampered body', () => ({ ...signed(command(), FORM), body: command().replace('RDS', 'EC2') })],
    ['wrong secret', () => ({ body: command(), headers: { 'content-type': FORM, 'x-slack-request-timestamp': String(now()), 'x-slack-signature': sign(command(), now(), 'not-the-secret') } })],
    ['10 minutes old', () => signed(command(), FORM, now() - 600)],
    ['1 hour in the future', () => signed(command(), FORM, now() + 3600)],
    ['no signature', () => ({ body: command(), headers: { 'content-type': FORM, 'x-slack-request-timestamp': String(now()) } })],
    ['wrong content type', () => ({ ...signed(command(), 'text/plain'), headers: { ...signed(command(), 'text/plain').headers } })],
  ])('%s -> 4xx', async (_name, make) => {
    const res = await post(make());
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    await settle();
    expect(webApi).toHaveLength(0);
    expect(responses).toHaveLength(0);
  });

  it('refuses a 5 MB body with 413 from its Content-Length, without reading it', async () => {
    const big = `text=${'a'.repeat(5 * 1024 * 1024)}`;
    const res = await post(signed(big, FORM));
    expect(res.status).toBe(413);
    expect(webApi).toHaveLength(0);
  });

  it('refuses a body over the limit sent without Content-Length', async () => {
    const big = 'a'.repeat(2 * 1024 * 1024);
    const headers = signed(big, FORM).headers;
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const res = await fetch(`${server.base}/slack/events`, { method: 'POST', headers, body: stream, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('keeps serving after bad requests', async () => {
    await post({ body: '{', headers: { 'content-type': JSON_TYPE } });
    const command2 = slashCommand('who patches RDS?');
    expect((await post(signed(command2.form, FORM))).status).toBe(200);
    await waitFor(() => responses.length === 1);
  });
});

describe('Slack logs', () => {
  it('never contain the bot token or the signing secret', () => {
    expect(server.logs.length).toBeGreaterThan(10);
    const all = server.logs.join('\n');
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(SIGNING_SECRET);
  });
});
