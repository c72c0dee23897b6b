/** Composition root: settings -> knowledge base -> bot -> HTTP server. */
import type { Server } from 'node:http';
import type { Bot } from './bot';
import type { Config } from './config';
import { createBot } from './create-bot';
import type { KnowledgeHolder } from './knowledge/holder';
import { formatIssue } from './knowledge/issues';
import type { Logger } from './logger';
import { createHttpServer } from './server';

export interface RunningApp {
  readonly bot: Bot;
  readonly knowledge: KnowledgeHolder;
  readonly server: Server;
  close(): Promise<void>;
}

export async function startApp(config: Config, logger: Logger): Promise<RunningApp> {
  const { bot, knowledge } = createBot(config.knowledgeDir);
  const { kb } = knowledge.current;
  logger.info({ kbVersion: kb.version, services: kb.services.size, tasks: kb.tasks.size }, 'knowledge base loaded');

  const http = createHttpServer(bot, logger);
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
    knowledge,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        process.off('SIGHUP', onHup);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
