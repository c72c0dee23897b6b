import nock from 'nock';
import type { TeamsAdapter } from '../../../adapters/teams/teams-adapter';
import { startTestServer, waitFor, type TestServer } from '../../support/server';
import { BOT_ID, cardOf, messageActivity, replyPath, SERVICE_ORIGIN, SERVICE_URL } from '../../support/teams';
import { allowOnlyLoopback, releaseNock } from '../../support/nock-lifecycle';

interface Reply {
  path: string;
  body: Record<string, unknown>;
}

let replies: Reply[] = [];
let server: TestServer;

function mockConnector(): void {
  nock(SERVICE_ORIGIN)
    .persist()
    .post(/\/amer\/v3\/conversations\/.*/)
    .reply(function (uri, body) {
      replies.push({ path: uri, body: body as Record<string, unknown> });
      return [200, { id: `reply-${replies.length}` }];
    });
}

async function send(activity: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) });
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 300));

beforeAll(async () => {
  allowOnlyLoopback();
  server = await startTestServer({ NODE_ENV: 'development' });
});

afterAll(async () => {
  await server.close();
  releaseNock();
});

beforeEach(() => {
  replies = [];
  nock.cleanAll();
  mockConnector();
});

describe('Teams in development (anonymous) mode', () => {
  it('says loudly that it accepts unauthenticated requests', () => {
    expect(server.logs.some((l) => l.includes('TEAMS ANONYMOUS MODE'))).toBe(true);
  });

  it('replies to "who patches RDS?" at the serviceUrl with an Adaptive Card naming AWS', async () => {
    const activity = messageActivity('who patches RDS?');
    const res = await send(activity);
    expect(res.status).toBe(200);
    await waitFor(() => replies.length === 1);
    expect(replies[0]?.path).toBe(replyPath(activity));
    const reply = replies[0]?.body ?? {};
    expect(reply.type).toBe('message');
    expect(reply.text).toMatch(/Amazon RDS.*AWS/);
    const card = cardOf(reply);
    expect(card.version).toBe('1.5');
    const json = JSON.stringify(card);
    expect(json).toContain('Owner: AWS');
    expect(json).toContain('What AWS does');
    expect(json).toContain('What you do');
    expect(json).toMatch(/\]\(https:\/\/docs\.aws\.amazon\.com\//);
  });

  it('removes the @mention in a channel before answering', async () => {
    const activity = messageActivity('who configures security groups on EC2?', { conversationType: 'channel' });
    await send(activity);
    await waitFor(() => replies.length === 1);
    expect(replies[0]?.path).toBe(replyPath(activity));
    expect(JSON.stringify(cardOf(replies[0]?.body ?? {}))).toContain('Owner: Customer (you)');
  });

  it('answers group chats', async () => {
    await send(messageActivity('who handles physical security?', { conversationType: 'groupChat', conversationId: '19:group@thread.v2' }));
    await waitFor(() => replies.length === 1);
    expect(String(replies[0]?.body.text)).toMatch(/Physical and environmental security: AWS/);
  });

  it('asks a clarifying question with Action.Submit choices and answers the submitted choice', async () => {
    await send(messageActivity('who patches ECS?'));
    await waitFor(() => replies.length === 1);
    const actions = cardOf(replies[0]?.body ?? {}).actions ?? [];
    const fargate = actions.find((a) => /Fargate/.test(a.title));
    expect(fargate?.data).toEqual({ whoownsChoice: { service: 'ecs', task: 'patching', variant: 'fargate' } });
    await send(messageActivity('', { value: fargate?.data }));
    await waitFor(() => replies.length === 2);
    expect(JSON.stringify(cardOf(replies[1]?.body ?? {}))).toContain('Owner: AWS');
  });

  it('shows the full matrix from its button', async () => {
    await send(messageActivity('', { value: { whoownsChoice: { service: 'rds' } } }));
    await waitFor(() => replies.length === 1);
    expect(JSON.stringify(cardOf(replies[0]?.body ?? {}))).toContain('Amazon RDS: who owns what');
  });

  it('records feedback', async () => {
    await send(messageActivity('', { value: { whoownsFeedback: { vote: 'up', service: 'rds', task: 'patching' } } }));
    await waitFor(() => replies.length === 1);
    expect(String(replies[0]?.body.text)).toMatch(/Thanks/);
    expect(server.logs.some((l) => l.includes('"event":"feedback"') && l.includes('"vote":"up"'))).toBe(true);
    expect(await server.app.store.feedbackCount()).toBe(1);
  });

  it('subscribes a conversation and keeps its reference for delivery', async () => {
    await send(messageActivity('subscriptions', { conversationId: 'a:subscriber' }));
    await waitFor(() => replies.length === 1);
    expect(String(replies[0]?.body.text)).toMatch(/no subscription/);
    await send(messageActivity('subscribe lambda', { conversationId: 'a:subscriber' }));
    await waitFor(() => replies.length === 2);
    expect(String(replies[1]?.body.text)).toMatch(/^Subscribed/);
    const [subscription] = await server.app.store.subscriptions({ platform: 'teams', target: 'a:subscriber' });
    expect(subscription?.filters.services).toEqual(['lambda']);
    expect(JSON.parse(subscription?.targetRef ?? '{}')).toMatchObject({ serviceUrl: SERVICE_URL, conversation: { id: 'a:subscriber' } });
  });

  it('answers help with the commands', async () => {
    await send(messageActivity('help'));
    await waitFor(() => replies.length === 1);
    expect(JSON.stringify(replies[0]?.body)).toContain('service <name>');
  });

  it('handles a duplicate activity id once', async () => {
    const activity = messageActivity('who patches RDS?');
    await send(activity);
    await send(activity);
    await waitFor(() => replies.length >= 1);
    await settle();
    expect(replies).toHaveLength(1);
  });

  it('greets a conversation it is added to', async () => {
    const update = { ...messageActivity(''), type: 'conversationUpdate', text: undefined, membersAdded: [{ id: BOT_ID }] };
    await send(update);
    await waitFor(() => replies.length === 1);
    expect(String(replies[0]?.body.text)).toMatch(/who owns a security or operations task/);
  });

  it('answers an invoke activity at once with 200', async () => {
    const res = await send({ ...messageActivity(''), type: 'invoke', name: 'composeExtension/query', value: {} });
    expect(res.status).toBe(200);
    expect(replies).toHaveLength(0);
  });

  it('stores the conversation reference for later messages', async () => {
    await send(messageActivity('who patches RDS?', { conversationId: 'a:remember-me' }));
    await waitFor(() => replies.length === 1);
    const teams = server.app.adapters.find((a) => a.name.startsWith('teams')) as TeamsAdapter | undefined;
    const reference = await teams?.references.get('a:remember-me');
    expect(reference).toMatchObject({ serviceUrl: SERVICE_URL, channelId: 'msteams', conversation: { id: 'a:remember-me' }, bot: { id: BOT_ID } });
  });

  it('retries 429, 412, 502 and 504 from the connector and replies once', async () => {
    nock.cleanAll();
    const activity = messageActivity('who patches RDS?');
    const attempts: number[] = [];
    nock(SERVICE_ORIGIN)
      .post(replyPath(activity))
      .reply(() => (attempts.push(429), [429, { error: { code: 'Throttled' } }, { 'Retry-After': '0' }]))
      .post(replyPath(activity))
      .reply(() => (attempts.push(412), [412, { error: { code: 'PreconditionFailed' } }]))
      .post(replyPath(activity))
      .reply(() => (attempts.push(502), [502, 'bad gateway']))
      .post(replyPath(activity))
      .reply((_uri, body) => {
        attempts.push(200);
        replies.push({ path: replyPath(activity), body: body as Record<string, unknown> });
        return [200, { id: 'ok' }];
      });
    await send(activity);
    await waitFor(() => replies.length === 1, 15_000);
    expect(attempts.at(-1)).toBe(200);
    expect(attempts.filter((a) => a === 200)).toHaveLength(1);
    expect(attempts).toEqual(expect.arrayContaining([429, 412, 502]));
  });

  it('refuses malformed and oversized bodies and keeps serving', async () => {
    const bad = await fetch(`${server.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).not.toMatch(/at .*\.js/);
    const big = await fetch(`${server.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...messageActivity('x'), value: { blob: 'x'.repeat(1024 * 1024) } }) });
    expect(big.status).toBe(413);
    await send(messageActivity('who patches RDS?'));
    await waitFor(() => replies.length === 1);
  });
});

describe('Teams without an app id outside development', () => {
  let production: TestServer;

  beforeAll(async () => {
    production = await startTestServer({ NODE_ENV: 'production' });
  });

  afterAll(async () => {
    await production.close();
  });

  it('does not serve /api/messages and makes no outgoing call', async () => {
    const res = await fetch(`${production.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(messageActivity('who patches RDS?')) });
    expect(res.status).toBe(404);
    await settle();
    expect(replies).toHaveLength(0);
  });
});

