/**
 * The one HTTP server (DESIGN.md §6): /healthz now; the Slack, Teams and playground issues mount
 * their routes on the same app.
 */
import type { Server } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
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
  // Event-loop delay, for operators and `npm run soak`: a stalled loop shows here first.
  const loopDelay = monitorEventLoopDelay({ resolution: 20 });
  loopDelay.enable();

  app.get('/healthz', (_req, res) => {
    res.json({
      status: 'ok',
      kbVersion: bot.kbVersion,
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
      rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
      eventLoopDelayP99Ms: Math.round(loopDelay.percentile(99) / 1e6),
    });
  });

  return {
    app,
    listen(port, host) {
      // Registered last, after every adapter's routes: malformed or oversized bodies get a short
      // JSON error, never a stack trace.
      app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
        if (res.headersSent) {
          next(error);
          return;
        }
        const status = httpStatusOf(error);
        if (status >= 500) logger.error({ code: 'INTERNAL', error: error instanceof Error ? error.message : String(error) }, 'request failed');
        else logger.warn({ status, error: error instanceof Error ? error.message : String(error) }, 'request refused');
        res.status(status).json({ error: status === 413 ? 'request body too large' : status >= 500 ? 'internal error' : 'invalid request' });
      });
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

/** The HTTP status an error from a body parser or handler asks for (400-599), else 500. */
function httpStatusOf(error: unknown): number {
  const status = (error as { status?: unknown; statusCode?: unknown })?.status ?? (error as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}
