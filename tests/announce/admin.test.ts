import nock from 'nock';
import { startTestServer, waitFor, type TestServer } from '../support/server';
import { changeOwner, copyKnowledge, raiseVersion } from '../support/knowledge-copy';
import { shippedKb } from '../support/kb';

const SHIPPED = shippedKb().version;
import { API_ORIGIN, RESPONSE_ORIGIN, signed, slackEnv, slashCommand } from '../support/slack';
import { allowOnlyLoopback, releaseNock } from '../support/nock-lifecycle';

describe('announce, for administrators', () => {
  let server: TestServer;
  const replies: string[] = [];
  const dir = copyKnowledge();

  beforeAll(async () => {
    allowOnlyLoopback();
    nock(API_ORIGIN).persist().post(/.*/).reply(200, { ok: true, user_id: 'UBOT', bot_id: 'BBOT', channel: 'C1', ts: '1.0' });
    nock(RESPONSE_ORIGIN)
      .persist()
      .post(/.*/)
      .reply(function (_uri, body) {
        replies.push(JSON.stringify(body));
        return [200, 'ok'];
      });
    server = await startTestServer({ ...slackEnv, KNOWLEDGE_DIR: dir, ADMIN_USERS: 'UADMIN' });
    await server.app.store.subscribe({ platform: 'slack', target: 'C0009', targetRef: null, label: null, filters: { services: ['rds'], tasks: [], owners: [] }, createdBy: null }, Date.now());
    raiseVersion(dir, '9.5.0', 'RDS backups are the customer’s');
    changeOwner(dir, 'rds', 'backups', 'customer');
  });

  afterAll(async () => {
    await server.close();
    releaseNock();
  });

  const command = async (text: string, user: string): Promise<string> => {
    const before = replies.length;
    const res = await fetch(`${server.base}/slack/events`, { method: 'POST', ...signed(slashCommand(text, undefined, 'C0001', user).form, 'application/x-www-form-urlencoded') });
    const ack = await res.text();
    if (ack.startsWith('{')) return ack;
    await waitFor(() => replies.length > before);
    return replies[replies.length - 1] ?? '';
  };

  it('refuses anyone not in ADMIN_USERS', async () => {
    expect(await command('announce', 'U0001')).toContain('Only the administrators');
    expect(await server.app.store.outboxCounts()).toEqual({ pending: 0, sent: 0, failed: 0 });
  });

  it('shows a dry run without sending or loading anything', async () => {
    const reply = await command('announce --dry-run', 'UADMIN');
    expect(reply).toContain(`Dry run: v${SHIPPED} → v9.5.0`);
    expect(reply).toContain('1 subscription(s)');
    expect(server.app.knowledge.current.kb.version).toBe(SHIPPED);
    expect(await server.app.store.outboxCounts()).toEqual({ pending: 0, sent: 0, failed: 0 });
  });

  it('reloads and announces', async () => {
    const reply = await command('announce', 'UADMIN');
    expect(reply).toContain(`Announced v${SHIPPED} → v9.5.0`);
    expect(server.app.knowledge.current.kb.version).toBe('9.5.0');
    const outbox = await server.app.store.outbox();
    expect(outbox.map((r) => r.target)).toEqual(['C0009']);
  });
});
