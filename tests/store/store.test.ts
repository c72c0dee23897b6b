import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import type { KbSnapshot } from '../../src/knowledge/snapshot';
import { openFresh, PG_TEST_URL, STORE_KINDS } from '../support/stores';

const snapshot = (version: string): KbSnapshot => ({ version, changelog: `v${version}`, tasks: {}, services: {} });

if (!PG_TEST_URL) {
  // Said once, plainly: the PostgreSQL half of these tests needs a server.
  console.info('store tests: PG_TEST_URL not set, PostgreSQL store tests skipped (.ci/run starts a server)');
}

describe.each(STORE_KINDS)('$name store', (kind) => {
  let store: Store;
  let url: string;

  beforeEach(async () => {
    ({ store, url } = await openFresh(kind));
  });

  afterEach(async () => {
    await store.close();
  });

  it('migrates twice without harm', async () => {
    await store.migrate();
    const again = await openStore(url);
    await again.close();
  });

  it('keeps one subscription per conversation and replaces its filters', async () => {
    await store.subscribe({ platform: 'slack', target: 'C1', targetRef: null, label: 'ops', filters: { services: ['rds'], tasks: [], owners: [] }, createdBy: 'U1' }, 1000);
    const again = await store.subscribe({ platform: 'slack', target: 'C1', targetRef: null, label: 'ops', filters: { services: ['s3', 'ec2'], tasks: ['patching'], owners: ['aws'] }, createdBy: 'U2' }, 2000);
    expect(again.filters).toEqual({ services: ['ec2', 's3'], tasks: ['patching'], owners: ['aws'] });
    expect(await store.subscriptions()).toHaveLength(1);
    expect(await store.unsubscribe('slack', 'C1')).toBe(true);
    expect(await store.unsubscribe('slack', 'C1')).toBe(false);
  });

  it('enqueues once per version and subscription, with the snapshot in the same transaction', async () => {
    const a = await store.subscribe({ platform: 'slack', target: 'C1', targetRef: null, label: null, filters: { services: [], tasks: [], owners: [] }, createdBy: null }, 1);
    const b = await store.subscribe({ platform: 'teams', target: 'a:1', targetRef: '{"serviceUrl":"x"}', label: null, filters: { services: [], tasks: [], owners: [] }, createdBy: null }, 1);
    expect(await store.lastAnnounced()).toBeNull();
    const rows = [a, b].map((s) => ({ subscriptionId: s.id, platform: s.platform, target: s.target, targetRef: s.targetRef, payload: '{}' }));
    expect(await store.announce(snapshot('1.1.0'), rows, 100)).toBe(2);
    expect(await store.announce(snapshot('1.1.0'), rows, 200)).toBe(0);
    expect((await store.lastAnnounced())?.version).toBe('1.1.0');
    expect(await store.outboxCounts()).toEqual({ pending: 2, sent: 0, failed: 0 });
  });

  it('leases rows so two workers never get the same one, and gives expired leases back', async () => {
    const s = await store.subscribe({ platform: 'slack', target: 'C1', targetRef: null, label: null, filters: { services: [], tasks: [], owners: [] }, createdBy: null }, 1);
    await store.announce(snapshot('2.0.0'), [{ subscriptionId: s.id, platform: 'slack', target: 'C1', targetRef: null, payload: '{}' }], 100);
    const first = await store.claim('w1', 1000, 5000, 10);
    const second = await store.claim('w2', 1000, 5000, 10);
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(0);
    // w1 died: after the lease, w2 gets the row; w1's late "sent" no longer counts.
    const later = await store.claim('w2', 7000, 5000, 10);
    expect(later.map((r) => r.id)).toEqual(first.map((r) => r.id));
    await store.markSent(first[0]?.id ?? 0, 'w1', 7100);
    expect((await store.outboxCounts()).sent).toBe(0);
    await store.markSent(first[0]?.id ?? 0, 'w2', 7200);
    expect(await store.outboxCounts()).toEqual({ pending: 0, sent: 1, failed: 0 });
  });

  it('holds a row back until its retry time and counts attempts', async () => {
    const s = await store.subscribe({ platform: 'slack', target: 'C1', targetRef: null, label: null, filters: { services: [], tasks: [], owners: [] }, createdBy: null }, 1);
    await store.announce(snapshot('3.0.0'), [{ subscriptionId: s.id, platform: 'slack', target: 'C1', targetRef: null, payload: '{}' }], 100);
    const [row] = await store.claim('w1', 1000, 5000, 10);
    await store.markRetry(row?.id ?? 0, 'w1', 4000, 'ratelimited', true);
    expect(await store.claim('w1', 3999, 5000, 10)).toHaveLength(0);
    const [again] = await store.claim('w1', 4000, 5000, 10);
    expect(again).toMatchObject({ attempts: 1, lastError: 'ratelimited' });
    await store.markFailed(again?.id ?? 0, 'w1', 'channel_not_found', 4100);
    await store.flagSubscription(s.id, 'channel_not_found');
    expect((await store.subscriptions())[0]).toMatchObject({ status: 'failing', statusReason: 'channel_not_found' });
    expect(await store.outboxCounts()).toEqual({ pending: 0, sent: 0, failed: 1 });
  });

  it('records feedback and conversation references', async () => {
    await store.recordFeedback({ platform: 'slack', user: 'U1', vote: 'up', service: 'rds', task: 'patching', variant: null, kbVersion: '1.0.0' }, 1);
    expect(await store.feedbackCount()).toBe(1);
    await store.saveConversationReference('teams', 'a:1', '{"v":1}', 1);
    await store.saveConversationReference('teams', 'a:1', '{"v":2}', 2);
    expect(await store.conversationReference('teams', 'a:1')).toBe('{"v":2}');
    expect(await store.conversationReference('teams', 'a:2')).toBeNull();
  });

  it('saves conversation references in batches, the last one for a conversation winning', async () => {
    await store.saveConversationReference('teams', 'a:1', '{"v":1}', 1);
    await store.saveConversationReferences('teams', [], 2);
    await store.saveConversationReferences(
      'teams',
      [
        { conversationId: 'a:1', reference: '{"v":2}' },
        { conversationId: 'a:2', reference: '{"w":1}' },
        { conversationId: 'a:2', reference: '{"w":2}' },
      ],
      3,
    );
    expect(await store.conversationReference('teams', 'a:1')).toBe('{"v":2}');
    expect(await store.conversationReference('teams', 'a:2')).toBe('{"w":2}');
  });
});

describe('DATABASE_URL', () => {
  it('refuses URLs it cannot use, without echoing them', async () => {
    await expect(openStore('mysql://user:secret@host/db')).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
    await expect(openStore('mysql://user:secret@host/db')).rejects.not.toThrow(/secret/);
  });
});
