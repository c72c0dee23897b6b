import type { AddressInfo } from 'node:net';
import { startApp, type RunningApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';

describe('HTTP server', () => {
  let app: RunningApp;
  let base: string;

  beforeAll(async () => {
    const config = loadConfig({ DATABASE_URL: ':memory:' }, { port: 0, host: '127.0.0.1' });
    app = await startApp(config, createLogger('silent'));
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers /healthz with the knowledge base version', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', kbVersion: app.knowledge.current.kb.version });
  });

  it('answers 404 for unknown paths', async () => {
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });
});
