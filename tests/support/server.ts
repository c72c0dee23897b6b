import type { AddressInfo } from 'node:net';
import { platformAdapters } from '../../adapters';
import { startApp, type RunningApp } from '../../src/app';
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
export async function startTestServer(env: Record<string, string>): Promise<TestServer> {
  const logs: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void logs.push(line) });
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'debug', ...env }, { port: 0, host: '127.0.0.1' });
  const app = await startApp(config, logger, platformAdapters);
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
