import type { AnnouncementSender, DeliveryOutcome } from '../../src/announce/sender';
import { DeliveryWorker } from '../../src/announce/worker';
import type { KbSnapshot } from '../../src/knowledge/snapshot';
import { createLogger } from '../../src/logger';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { openFresh, STORE_KINDS } from '../support/stores';

const logger = createLogger('silent');
const payload = JSON.stringify({ kind: 'announcement', kbVersion: '2.0.0', query: '', confidence: 1, title: 'Changed', changelog: 'x', changes: ['Amazon RDS · Patching: owner changed.'], omitted: 0 });
const snapshot: KbSnapshot = { version: '2.0.0', changelog: 'x', tasks: {}, services: {} };

async function fill(store: Store, targets: readonly string[]): Promise<void> {
  const rows = [];
  for (const target of targets) {
    const s = await store.subscribe({ platform: 'slack', target, targetRef: null, label: null, filters: { services: [], tasks: [], owners: [] }, createdBy: null }, 1);
    rows.push({ subscriptionId: s.id, platform: s.platform, target, targetRef: null, payload });
  }
  await store.announce(snapshot, rows, 0);
}

function recordingSender(outcomes: (target: string, call: number) => DeliveryOutcome = () => ({ kind: 'sent' }), minIntervalMs = 0): AnnouncementSender & { calls: Array<{ target: string; at: number }> } {
  const calls: Array<{ target: string; at: number }> = [];
  let n = 0;
  return {
    platform: 'slack',
    minIntervalMs,
    calls,
    async send(target) {
      calls.push({ target, at: Date.now() });
      await new Promise((resolve) => setTimeout(resolve, 1));
      return outcomes(target, ++n);
    },
  };
}

describe.each(STORE_KINDS)('delivery worker on $name', (kind) => {
  it('two workers on one database never send a row twice', async () => {
    const { store, url } = await openFresh(kind);
    const other = await openStore(url);
    const targets = Array.from({ length: 120 }, (_, i) => `C${i}`);
    await fill(store, targets);
    const sender = recordingSender();
    const a = new DeliveryWorker(store, [sender], logger, { batch: 7, workerId: 'a' });
    const b = new DeliveryWorker(other, [sender], logger, { batch: 7, workerId: 'b' });
    const drain = async (w: DeliveryWorker): Promise<void> => {
      while ((await w.runOnce()) > 0);
    };
    await Promise.all([drain(a), drain(b), drain(a), drain(b)]);
    expect(sender.calls).toHaveLength(120);
    expect(new Set(sender.calls.map((c) => c.target)).size).toBe(120);
    expect(await store.outboxCounts()).toEqual({ pending: 0, sent: 120, failed: 0 });
    await other.close();
    await store.close();
  });

  it('sends nothing to a destination before the Retry-After of a 429', async () => {
    const { store } = await openFresh(kind);
    await fill(store, ['C1']);
    let clock = 10_000;
    const sender = recordingSender((_t, call) => (call === 1 ? { kind: 'retry', reason: 'ratelimited', retryAfterMs: 3000 } : { kind: 'sent' }));
    const worker = new DeliveryWorker(store, [sender], logger, { now: () => clock });
    expect(await worker.runOnce()).toBe(1);
    expect(sender.calls).toHaveLength(1);
    clock = 12_999;
    expect(await worker.runOnce()).toBe(0);
    expect(sender.calls).toHaveLength(1);
    clock = 13_000;
    expect(await worker.runOnce()).toBe(1);
    expect(sender.calls).toHaveLength(2);
    expect((await store.outbox())[0]).toMatchObject({ status: 'sent', attempts: 2 });
    await store.close();
  });

  it('marks a permanent failure failed, with the reason, and flags the subscription', async () => {
    const { store } = await openFresh(kind);
    await fill(store, ['C404']);
    const worker = new DeliveryWorker(store, [recordingSender(() => ({ kind: 'permanent', reason: 'channel_not_found' }))], logger);
    await worker.runOnce();
    expect((await store.outbox())[0]).toMatchObject({ status: 'failed', lastError: 'channel_not_found' });
    expect((await store.subscriptions())[0]).toMatchObject({ status: 'failing', statusReason: 'channel_not_found' });
    await store.close();
  });

  it('backs off on 5xx and gives up after the last attempt', async () => {
    const { store } = await openFresh(kind);
    await fill(store, ['C500']);
    let clock = 0;
    const sender = recordingSender(() => ({ kind: 'retry', reason: 'http 503' }));
    const worker = new DeliveryWorker(store, [sender], logger, { now: () => clock, maxAttempts: 3 });
    for (let i = 0; i < 3; i++) {
      await worker.runOnce();
      clock += 10 * 60 * 1000;
    }
    expect(sender.calls).toHaveLength(3);
    expect((await store.outbox())[0]).toMatchObject({ status: 'failed' });
    expect((await store.outbox())[0]?.lastError).toMatch(/gave up after 3 attempts: http 503/);
    await store.close();
  });
});

describe('pacing', () => {
  it('waits the platform interval between two messages to one channel', async () => {
    const { store } = await openFresh(STORE_KINDS[0] as (typeof STORE_KINDS)[number]);
    const s1 = await store.subscribe({ platform: 'slack', target: 'C1', targetRef: null, label: null, filters: { services: [], tasks: [], owners: [] }, createdBy: null }, 1);
    await store.announce({ ...snapshot, version: '2.0.0' }, [{ subscriptionId: s1.id, platform: 'slack', target: 'C1', targetRef: null, payload }], 0);
    await store.announce({ ...snapshot, version: '2.1.0' }, [{ subscriptionId: s1.id, platform: 'slack', target: 'C1', targetRef: null, payload }], 0);
    const sender = recordingSender(() => ({ kind: 'sent' }), 1100);
    const waits: number[] = [];
    let clock = 50_000;
    const worker = new DeliveryWorker(store, [sender], logger, {
      now: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    });
    await worker.runOnce();
    expect(sender.calls).toHaveLength(2);
    expect(waits).toEqual([1100]);
    await store.close();
  });
});
