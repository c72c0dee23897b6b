import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startTestServer, waitFor, type TestServer } from '../support/server';
import { changeOwner, copyKnowledge, raiseVersion } from '../support/knowledge-copy';
import { shippedKb } from '../support/kb';

const SHIPPED = shippedKb().version;

async function subscribeAll(server: TestServer): Promise<void> {
  await server.app.store.subscribe({ platform: 'slack', target: 'C0001', targetRef: null, label: null, filters: { services: [], tasks: [], owners: [] }, createdBy: null }, Date.now());
}

describe('reloading the knowledge base', () => {
  let server: TestServer;
  let dir: string;

  beforeEach(async () => {
    dir = copyKnowledge();
    server = await startTestServer({ KNOWLEDGE_DIR: dir });
    await subscribeAll(server);
  });

  afterEach(async () => {
    await server.close();
  });

  it('refuses a half-written file: no announcement, same answers, no failed request', async () => {
    const before = server.app.bot.handle({ text: 'who patches RDS?' });
    raiseVersion(dir, '9.1.0', 'broken on purpose');
    const rds = path.join(dir, 'aws', 'rds.yaml');
    const text = readFileSync(rds, 'utf8');
    writeFileSync(rds, text.slice(0, Math.floor(text.length / 2)));

    const requests = Array.from({ length: 20 }, () => fetch(`${server.base}/healthz`).then((r) => r.status));
    const result = await server.app.announcements.reload('test');
    expect(result).toBeNull();
    expect(await Promise.all(requests)).toEqual(Array(20).fill(200));
    expect(server.app.knowledge.current.kb.version).toBe(before.kbVersion);
    expect(server.app.bot.handle({ text: 'who patches RDS?' })).toEqual(before);
    expect(await server.app.store.outboxCounts()).toEqual({ pending: 0, sent: 0, failed: 0 });
    expect(server.logs.some((l) => l.includes('knowledge base reload failed') && l.includes('aws/rds.yaml'))).toBe(true);
  });

  it('refuses a corrupted file (bytes that are not YAML) the same way', async () => {
    raiseVersion(dir, '9.2.0', 'corrupted on purpose');
    writeFileSync(path.join(dir, 'aws', 's3.yaml'), Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x3a, 0x5b]));
    expect(await server.app.announcements.reload('test')).toBeNull();
    expect(await server.app.store.outboxCounts()).toEqual({ pending: 0, sent: 0, failed: 0 });
  });

  it('announces a valid new version once, however often it is reloaded', async () => {
    raiseVersion(dir, '9.3.0', 'RDS backups change');
    changeOwner(dir, 'rds', 'backups', 'customer');
    const first = await server.app.announcements.reload('test');
    const second = await server.app.announcements.reload('test');
    expect(first).toMatchObject({ status: 'announced', from: SHIPPED, to: '9.3.0', recipients: 1, added: 1 });
    expect(second).toMatchObject({ status: 'unchanged' });
    expect(server.app.bot.handle({ text: 'who handles rds backups' })).toMatchObject({ owner: 'customer', kbVersion: '9.3.0' });
  });

  it('does not announce a change whose version was not raised', async () => {
    changeOwner(dir, 'rds', 'backups', 'customer');
    expect(await server.app.announcements.reload('test')).toMatchObject({ status: 'version-not-raised' });
    expect(await server.app.store.outboxCounts()).toEqual({ pending: 0, sent: 0, failed: 0 });
  });
});

describe('watching the knowledge folder', () => {
  it('reloads after files change', async () => {
    const dir = copyKnowledge();
    const server = await startTestServer({ KNOWLEDGE_DIR: dir }, { watchKnowledge: true });
    try {
      raiseVersion(dir, '9.4.0', 'watched');
      await waitFor(() => server.app.knowledge.current.kb.version === '9.4.0', 10_000);
    } finally {
      await server.close();
    }
  });
});
