import type { AddressInfo } from 'node:net';
import { platformAdapters } from '../../adapters';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, type AppOptions, type RunningApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';

export interface TestServer {
  readonly app: RunningApp;
  readonly base: string;
  /** Every log line the server wrote, as raw JSON text. */
  readonly logs: string[];
  close(): Promise<void>;
}

/** The real server with the real adapters on a loopback port, logging at debug into memory. */
export async function startTestServer(env: Record<string, string>, options: Omit<AppOptions, 'adapters'> = {}): Promise<TestServer> {
  const logs: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void logs.push(line) });
  // Each server gets its own database unless the test names one.
  const database = env.DATABASE_URL ?? path.join(mkdtempSync(path.join(os.tmpdir(), 'whoowns-db-')), 'test.db');
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'debug', ...env, DATABASE_URL: database }, { port: 0, host: '127.0.0.1' });
  const app = await startApp(config, logger, { adapters: platformAdapters, ...options });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return { app, base, logs, close: () => app.close() };
}

export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting for condition');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
