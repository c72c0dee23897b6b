import nock from 'nock';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer, waitFor, type TestServer } from '../support/server';
import { changeOwner, copyKnowledge, raiseVersion } from '../support/knowledge-copy';
import { API_ORIGIN, signed, slackEnv, slashCommand } from '../support/slack';
import { messageActivity, SERVICE_ORIGIN } from '../support/teams';
import { allowOnlyLoopback, releaseNock } from '../support/nock-lifecycle';

interface Post {
  to: string;
  body: string;
}

describe('announcements end to end, across restarts', () => {
  const knowledgeDir = copyKnowledge();
  const database = path.join(mkdtempSync(path.join(os.tmpdir(), 'whoowns-e2e-')), 'whoowns.db');
  const env = { ...slackEnv, NODE_ENV: 'development', KNOWLEDGE_DIR: knowledgeDir, DATABASE_URL: database };
  let slackPosts: Post[] = [];
  let teamsPosts: Post[] = [];
  let server: TestServer | undefined;

  beforeAll(() => {
    allowOnlyLoopback();
    nock(API_ORIGIN)
      .persist()
      .post(/\/api\/.*/)
      .reply(function (uri, body) {
        if (uri.endsWith('auth.test')) return [200, { ok: true, user_id: 'UBOT', bot_id: 'BBOT' }];
        const form = new URLSearchParams(typeof body === 'string' ? body : '');
        const fields = typeof body === 'string' ? Object.fromEntries(form) : (body as Record<string, string>);
        slackPosts.push({ to: String(fields.channel), body: JSON.stringify(fields) });
        return [200, { ok: true, channel: fields.channel, ts: '1.2' }];
      });
    nock('https://hooks.slack.test').persist().post(/.*/).reply(200, 'ok');
    nock(SERVICE_ORIGIN)
      .persist()
      .post(/\/amer\/v3\/conversations\/.*/)
      .reply(function (uri, body) {
        teamsPosts.push({ to: decodeURIComponent(uri.split('/')[4] ?? ''), body: JSON.stringify(body) });
        return [200, { id: 'x' }];
      });
  });

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  afterAll(() => {
    releaseNock();
  });

  it('1. two Slack channels and one Teams conversation subscribe', async () => {
    server = await startTestServer(env);
    for (const channel of ['C0001', 'C0002']) {
      const res = await fetch(`${server.base}/slack/events`, { method: 'POST', ...signed(slashCommand('subscribe', undefined, channel).form, 'application/x-www-form-urlencoded') });
      expect(res.status).toBe(200);
    }
    await fetch(`${server.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(messageActivity('subscribe rds', { conversationId: 'a:teams-sub' })) });
    const app = server.app;
    await waitFor(() => teamsPosts.length === 1);
    const subscriptions = await app.store.subscriptions();
    expect(subscriptions.map((s) => `${s.platform}:${s.target}`).sort()).toEqual(['slack:C0001', 'slack:C0002', 'teams:a:teams-sub']);
    // The first start made the shipped base the baseline: nothing was announced.
    expect(await app.store.outboxCounts()).toEqual({ pending: 0, sent: 0, failed: 0 });
  });

  it('2. after an owner change and a new version, each subscriber gets exactly one card naming it', async () => {
    raiseVersion(knowledgeDir, '9.0.0', 'RDS backups are now the customer’s alone.');
    changeOwner(knowledgeDir, 'rds', 'backups', 'customer');
    slackPosts = [];
    teamsPosts = [];
    server = await startTestServer(env);
    await waitFor(() => slackPosts.length >= 2 && teamsPosts.length >= 1, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(slackPosts.map((p) => p.to).sort()).toEqual(['C0001', 'C0002']);
    expect(teamsPosts.map((p) => p.to)).toEqual(['a:teams-sub']);
    for (const post of [...slackPosts, ...teamsPosts]) {
      expect(post.body).toContain('Amazon RDS · Backups and restore: owner changed from shared to the customer');
      expect(post.body).toContain('v9.0.0');
    }
    expect(await server.app.store.outboxCounts()).toEqual({ pending: 0, sent: 3, failed: 0 });
  });

  it('3. a restart with the same base sends nothing more', async () => {
    slackPosts = [];
    teamsPosts = [];
    server = await startTestServer(env);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(slackPosts).toEqual([]);
    expect(teamsPosts).toEqual([]);
  });
});
