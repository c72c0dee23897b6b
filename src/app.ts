/** Composition root: settings -> knowledge base -> bot -> HTTP server. */
import type { Server } from 'node:http';
import type { AdapterStarter, StartedAdapter } from './adapter';
import type { Bot } from './bot';
import type { Config } from './config';
import { createBot } from './create-bot';
import type { KnowledgeHolder } from './knowledge/holder';
import { formatIssue } from './knowledge/issues';
import type { Logger } from './logger';
import { createHttpServer } from './server';

export interface RunningApp {
  readonly bot: Bot;
  readonly adapters: readonly StartedAdapter[];
  readonly knowledge: KnowledgeHolder;
  readonly server: Server;
  close(): Promise<void>;
}

export async function startApp(config: Config, logger: Logger, adapters: readonly AdapterStarter[] = []): Promise<RunningApp> {
  const { bot, knowledge } = createBot(config.knowledgeDir);
  const { kb } = knowledge.current;
  logger.info({ kbVersion: kb.version, services: kb.services.size, tasks: kb.tasks.size }, 'knowledge base loaded');

  const http = createHttpServer(bot, logger);
  const started: StartedAdapter[] = [];
  for (const start of adapters) {
    const adapter = await start({ bot, config, logger, http: http.app });
    if (adapter) started.push(adapter);
  }
  if (started.length === 0) logger.info('no chat platform configured: serving /healthz only (set Slack or Teams settings, see .env.example)');
  else logger.info({ adapters: started.map((a) => a.name) }, 'chat adapters started');
  const server = await http.listen(config.port, config.host);

  // SIGHUP reloads the base; a broken base is reported and the last good one keeps serving.
  const onHup = (): void => {
    const result = knowledge.reload(config.knowledgeDir);
    if (result.ok) logger.info({ from: result.previous.version, to: knowledge.current.kb.version }, 'knowledge base reloaded');
    else logger.error({ code: 'KB_INVALID', issues: result.issues.map(formatIssue) }, 'knowledge base reload failed; still serving the last good base');
  };
  process.on('SIGHUP', onHup);

  return {
    bot,
    adapters: started,
    knowledge,
    server,
    close: async () => {
      process.off('SIGHUP', onHup);
      await Promise.all(started.map((a) => a.stop()));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
