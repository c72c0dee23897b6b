/**
 * A real crash: the server process is killed with SIGKILL in the middle of a broadcast and
 * started again. Every channel must end up with exactly one message (the one in flight at the
 * kill may arrive twice), and every outbox row must end up sent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Announcer } from '../../src/announce/announcer';
import { loadKnowledgeBaseOrThrow } from '../../src/knowledge/loader';
import { createLogger } from '../../src/logger';
import { openStore } from '../../src/store/open-store';
import { ROOT } from '../support/kb';
import { changeOwner, copyKnowledge, raiseVersion } from '../support/knowledge-copy';
import { waitFor } from '../support/server';
import { BOT_TOKEN, SIGNING_SECRET } from '../support/slack';

const CHANNELS = 100;
const KILL_AFTER = 40;

describe('a delivery process killed mid-broadcast', () => {
  const bin = path.join(ROOT, 'bin', 'whoowns.js');
  const posts = new Map<string, number>();
  let total = 0;
  let fakeSlack: Server;
  let apiUrl: string;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    if (!existsSync(path.join(ROOT, 'dist', 'src', 'cli.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does) before this test');
    // A stand-in for Slack's Web API on loopback: counts chat.postMessage per channel.
    fakeSlack = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const fields = Object.fromEntries(new URLSearchParams(body));
        res.setHeader('content-type', 'application/json');
        if (req.url?.endsWith('/auth.test')) {
          res.end(JSON.stringify({ ok: true, user_id: 'UBOT', bot_id: 'BBOT' }));
          return;
        }
        const channel = String(fields.channel);
        posts.set(channel, (posts.get(channel) ?? 0) + 1);
        total += 1;
        if (total === KILL_AFTER) child?.kill('SIGKILL');
        setTimeout(() => res.end(JSON.stringify({ ok: true, channel, ts: `${total}.0` })), 10);
      });
    });
    await new Promise<void>((resolve) => fakeSlack.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(fakeSlack.address() as AddressInfo).port}/api/`;
  });

  afterAll(async () => {
    child?.kill('SIGKILL');
    await new Promise((resolve) => fakeSlack.close(resolve));
  });

  it('resumes without re-sending what was sent', async () => {
    const knowledgeDir = copyKnowledge();
    const database = path.join(mkdtempSync(path.join(os.tmpdir(), 'whoowns-crash-')), 'whoowns.db');
    // The shipped base is the announced baseline; 100 channels subscribe; then a new version.
    const store = await openStore(database);
    await new Announcer(store, createLogger('silent')).check(loadKnowledgeBaseOrThrow(knowledgeDir));
    for (let i = 0; i < CHANNELS; i++) {
      await store.subscribe({ platform: 'slack', target: `C${String(i).padStart(4, '0')}`, targetRef: null, label: null, filters: { services: [], tasks: [], owners: [] }, createdBy: null }, Date.now());
    }
    raiseVersion(knowledgeDir, '9.9.0', 'RDS backups change');
    changeOwner(knowledgeDir, 'rds', 'backups', 'customer');

    const env = {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      KNOWLEDGE_DIR: knowledgeDir,
      DATABASE_URL: database,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: apiUrl,
      OUTBOX_LEASE_MS: '2000',
    };
    const start = (): ChildProcess => spawn(process.execPath, [bin, 'serve'], { env, stdio: 'ignore' });

    child = start();
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child?.once('exit', (_code, signal) => resolve(signal)));
    expect(await exited).toBe('SIGKILL');
    const afterKill = total;
    expect(afterKill).toBeGreaterThanOrEqual(KILL_AFTER);
    expect((await store.outboxCounts()).pending).toBeGreaterThan(0);

    child = start();
    await waitFor(() => posts.size === CHANNELS, 60_000);
    const deadline = Date.now() + 20_000;
    while ((await store.outboxCounts()).pending > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const stopped = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    await stopped;

    const counts = [...posts.values()];
    expect(posts.size).toBe(CHANNELS);
    expect(counts.filter((n) => n > 2)).toEqual([]);
    expect(counts.filter((n) => n === 2).length).toBeLessThanOrEqual(1);
    expect(await store.outboxCounts()).toEqual({ pending: 0, sent: CHANNELS, failed: 0 });
    await store.close();
  }, 90_000);
});
