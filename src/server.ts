/**
 * The one HTTP server (DESIGN.md §6): /healthz now; the Slack, Teams and playground issues mount
 * their routes on the same app.
 */
import type { Server } from 'node:http';
import express, { type Express } from 'express';
import type { Bot } from './bot';
import type { Logger } from './logger';

export interface HttpServer {
  readonly app: Express;
  listen(port: number, host?: string): Promise<Server>;
}

export function createHttpServer(bot: Bot, logger: Logger): HttpServer {
  const app = express();
  app.disable('x-powered-by');
  const started = Date.now();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', kbVersion: bot.kbVersion, uptimeSeconds: Math.round((Date.now() - started) / 1000) });
  });

  app.get('/', (_req, res) => {
    res.type('text/plain').send(`whoowns is running (knowledge base v${bot.kbVersion}). Health: /healthz\n`);
  });

  return {
    app,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        const server = app.listen(port, host ?? '0.0.0.0', (error?: Error) => {
          if (error) {
            reject(error);
            return;
          }
          const address = server.address();
          logger.info({ port: typeof address === 'object' && address ? address.port : port }, 'http server listening');
          resolve(server);
        });
      });
    },
  };
}
