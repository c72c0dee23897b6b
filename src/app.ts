/**
 * Composition root of the server: settings -> database -> knowledge base -> bot -> adapters ->
 * HTTP server, plus the announcement check and the delivery worker.
 */
import type { Server } from 'node:http';
import type { AdapterStarter, StartedAdapter } from './adapter';
import { Announcer } from './announce/announcer';
import { SubscriptionCommands } from './announce/commands';
import { AnnouncementService } from './announce/service';
import { DeliveryWorker, type WorkerOptions } from './announce/worker';
import { Bot } from './bot';
import type { Config } from './config';
import { KnowledgeHolder } from './knowledge/holder';
import { loadKnowledgeBaseOrThrow } from './knowledge/loader';
import type { Logger } from './logger';
import { createHttpServer } from './server';
import { describeDatabase, openStore } from './store/open-store';
import type { Store } from './store/store';

export interface RunningApp {
  readonly bot: Bot;
  readonly adapters: readonly StartedAdapter[];
  readonly knowledge: KnowledgeHolder;
  readonly store: Store;
  readonly announcements: AnnouncementService;
  readonly worker: DeliveryWorker;
  readonly server: Server;
  close(): Promise<void>;
}

export interface AppOptions {
  readonly adapters?: readonly AdapterStarter[];
  readonly worker?: WorkerOptions;
  /** Watch KNOWLEDGE_DIR for changes (on by default in the server). */
  readonly watchKnowledge?: boolean;
}

export async function startApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<RunningApp> {
  const loadOptions = { orgFile: config.orgFile };
  const knowledge = new KnowledgeHolder(loadKnowledgeBaseOrThrow(config.knowledgeDir, loadOptions), loadOptions);
  const { kb } = knowledge.current;
  logger.info({ kbVersion: kb.version, services: kb.services.size, tasks: kb.tasks.size, organisation: kb.org?.organisation ?? null }, 'knowledge base loaded');

  const database = describeDatabase(config.databaseUrl);
  const store = await openStore(config.databaseUrl);
  logger.info({ database: database.kind, ...(database.kind === 'sqlite' ? { file: database.location } : {}) }, 'database ready');

  // The worker needs the adapters' senders, which need the bot; it is woken through this.
  const wakeWorker = { now: (): void => undefined };
  const announcements = new AnnouncementService(knowledge, new Announcer(store, logger), logger, () => wakeWorker.now());
  const commands = new SubscriptionCommands(store, knowledge, announcements, config.adminUsers);
  const bot = new Bot(knowledge, { commands, feedback: store });

  const http = createHttpServer(bot, logger);
  const started: StartedAdapter[] = [];
  for (const start of options.adapters ?? []) {
    const adapter = await start({ bot, config, logger, http: http.app, store });
    if (adapter) started.push(adapter);
  }
  if (started.length === 0) logger.info('no chat platform configured: serving /healthz only (set Slack or Teams settings, see .env.example)');
  else logger.info({ adapters: started.map((a) => a.name) }, 'chat adapters started');

  const worker = new DeliveryWorker(
    store,
    started.flatMap((a) => (a.sender ? [a.sender] : [])),
    logger.child({ component: 'delivery' }),
    { leaseMs: config.outboxLeaseMs, ...options.worker },
  );
  wakeWorker.now = () => worker.wake();
  await announcements.checkCurrent();
  worker.start();
  if (options.watchKnowledge) announcements.watch(config.knowledgeDir);

  const server = await http.listen(config.port, config.host);

  // SIGHUP reloads the base; a broken base is reported and the last good one keeps serving.
  const onHup = (): void => void announcements.reload('SIGHUP');
  process.on('SIGHUP', onHup);

  return {
    bot,
    adapters: started,
    knowledge,
    store,
    announcements,
    worker,
    server,
    close: async () => {
      process.off('SIGHUP', onHup);
      await announcements.close();
      await worker.stop();
      await Promise.all(started.map((a) => a.stop()));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await store.close();
    },
  };
}
