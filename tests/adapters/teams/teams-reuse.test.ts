import { AuthenticationConstants, ClaimsIdentity, ConnectorClient, ConnectorFactory, MicrosoftAppCredentials } from 'botframework-connector';
import { ConnectorCache } from '../../../adapters/teams/connector-cache';
import { StoredConversationReferences } from '../../../adapters/teams/conversation-references';
import { openStore } from '../../../src/store/open-store';
import type { Store } from '../../../src/store/store';
import { sqliteFile } from '../../support/stores';

const reference = (conversation: string, activityId: string) => ({ activityId, channelId: 'msteams', serviceUrl: 'https://smba.example/amer/', conversation: { id: conversation, isGroup: false, conversationType: 'personal', name: '' }, bot: { id: '28:bot', name: 'whoowns' } });

describe('Teams conversation references, written behind', () => {
  let store: Store;
  let batches: number[];

  beforeEach(async () => {
    store = await openStore(sqliteFile());
    batches = [];
    const save = store.saveConversationReferences.bind(store);
    store.saveConversationReferences = async (platform, rows, now) => {
      batches.push(rows.length);
      await save(platform, rows, now);
    };
  });
  afterEach(() => store.close());

  it('writes many messages in a few conversations as one batch, newest reference each', async () => {
    const references = new StoredConversationReferences(store, undefined, { flushDelayMs: 10_000 });
    for (let i = 0; i < 300; i++) await references.save(reference(`a:${i % 3}`, `m${i}`));
    expect(batches).toEqual([]);
    // Read-your-writes before the batch is written.
    expect(await references.get('a:1')).toMatchObject({ activityId: 'm298' });
    await references.close();
    expect(batches).toEqual([3]);
    expect(JSON.parse((await store.conversationReference('teams', 'a:2')) ?? '{}')).toMatchObject({ activityId: 'm299', conversation: { id: 'a:2' } });
  });

  it('writes after the delay without being asked', async () => {
    const references = new StoredConversationReferences(store, undefined, { flushDelayMs: 20 });
    await references.save(reference('a:late', 'm1'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(batches).toEqual([1]);
    expect(await store.conversationReference('teams', 'a:late')).not.toBeNull();
  });

  it('writes at once when the batch is full, so memory stays bounded', async () => {
    const references = new StoredConversationReferences(store, undefined, { flushDelayMs: 10_000, maxPending: 10 });
    for (let i = 0; i < 25; i++) await references.save(reference(`a:${i}`, 'm'));
    expect(batches).toEqual([10, 10]);
    await references.close();
    expect(batches).toEqual([10, 10, 5]);
  });

  it('keeps a batch the database refused and writes it on the next try', async () => {
    const references = new StoredConversationReferences(store, undefined, { flushDelayMs: 10_000 });
    const save = store.saveConversationReferences;
    store.saveConversationReferences = async () => {
      throw new Error('database is locked');
    };
    await references.save(reference('a:retry', 'm1'));
    await references.flush();
    expect(await store.conversationReference('teams', 'a:retry')).toBeNull();
    store.saveConversationReferences = save;
    await references.close();
    expect(await store.conversationReference('teams', 'a:retry')).not.toBeNull();
  });
});

describe('Bot Connector clients, reused across turns', () => {
  class CountingFactory extends ConnectorFactory {
    made: string[] = [];
    override async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
      this.made.push(`${serviceUrl} ${audience ?? ''}`);
      return new ConnectorClient(new MicrosoftAppCredentials('', ''), { baseUri: serviceUrl });
    }
  }
  const claims = (appId: string): ClaimsIdentity => new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: appId }], true);

  it('builds one client per app id, serviceUrl and audience', async () => {
    const cache = new ConnectorCache();
    const factory = new CountingFactory();
    const first = await cache.connectorFactory(factory, claims('app-1')).create('https://smba.example/amer/', 'aud');
    // A later turn gets a factory of its own from botbuilder; the client is still reused.
    const again = await cache.connectorFactory(new CountingFactory(), claims('app-1')).create('https://smba.example/amer/', 'aud');
    expect(again).toBe(first);
    await cache.connectorFactory(factory, claims('app-1')).create('https://smba.example/emea/', 'aud');
    await cache.connectorFactory(factory, claims('app-2')).create('https://smba.example/amer/', 'aud');
    expect(factory.made).toEqual(['https://smba.example/amer/ aud', 'https://smba.example/emea/ aud', 'https://smba.example/amer/ aud']);
  });

  it('does not keep a failed client', async () => {
    const cache = new ConnectorCache();
    let fail = true;
    const factory = new (class extends CountingFactory {
      override async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        if (fail) throw new Error('no credentials');
        return super.create(serviceUrl, audience);
      }
    })();
    await expect(cache.connectorFactory(factory, claims('app-1')).create('https://smba.example/amer/')).rejects.toThrow('no credentials');
    fail = false;
    await expect(cache.connectorFactory(factory, claims('app-1')).create('https://smba.example/amer/')).resolves.toBeInstanceOf(ConnectorClient);
  });
});
