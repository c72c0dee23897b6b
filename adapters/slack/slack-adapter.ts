/**
 * Starts the Slack adapter: Socket Mode when SLACK_APP_TOKEN is set, otherwise the HTTP
 * Events API at /slack/events on the shared server. Translation only; see listeners.ts.
 */
import { App, ExpressReceiver, webApi } from '@slack/bolt';
import { Router } from 'express';
import type { AdapterContext } from '../../src/adapter';
import type { AnnouncementSender } from '../../src/announce/sender';
import type { Config } from '../../src/config';
import { errorMessage, WhoownsError } from '../../src/errors';
import { createAnswerPoster } from './answer-poster';
import { boltLevel, boltLogger } from './bolt-logger';
import { registerListeners } from './listeners';
import { RecentKeys } from '../shared/recent-keys';
import { MAX_BODY_BYTES, slackRequestGuard } from './request-guard';
import { createSlackFetch } from './slack-fetch';
import { createSlackSender } from './slack-sender';
import { ThreadMemory } from './thread-memory';

export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * Bounded retries for Web API calls: the client's default can re-send one post up to ten times
 * over half an hour. A 429's Retry-After is honoured and counts as one of these tries.
 */
export const SLACK_RETRY: webApi.RetryOptions = { retries: 3, factor: 2, minTimeout: 1000, maxTimeout: 10_000, maxRetryTime: 30_000, randomize: true };

export type SlackMode = 'http' | 'socket';

export interface SlackIdentity {
  readonly botId: string;
  readonly botUserId: string;
}

export interface SlackAdapter {
  readonly mode: SlackMode;
  readonly app: App;
  readonly sender: AnnouncementSender;
  stop(): Promise<void>;
}

export interface SlackAdapterOptions extends AdapterContext {
  /** Known bot ids skip the start-up auth.test call. */
  readonly identity?: SlackIdentity;
}

/** Which transport the settings ask for, or null when Slack is not configured at all. */
export function slackMode(config: Config): SlackMode | null {
  const { botToken, signingSecret, appToken } = config.slack;
  if (!botToken && !signingSecret && !appToken) return null;
  if (appToken) {
    if (!botToken) throw new WhoownsError('CONFIG_INVALID', 'Slack Socket Mode needs SLACK_BOT_TOKEN as well as SLACK_APP_TOKEN');
    return 'socket';
  }
  if (!signingSecret) throw new WhoownsError('CONFIG_INVALID', 'Slack over HTTP needs a non-empty SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN for Socket Mode)');
  if (!botToken) throw new WhoownsError('CONFIG_INVALID', 'Slack needs SLACK_BOT_TOKEN');
  return 'http';
}

async function whoAmI(token: string, apiUrl: string | undefined, fetch: webApi.FetchFunction): Promise<SlackIdentity> {
  const client = new webApi.WebClient(token, { ...(apiUrl ? { slackApiUrl: apiUrl } : {}), retryConfig: SLACK_RETRY, fetch });
  try {
    const result = await client.auth.test();
    if (typeof result.bot_id !== 'string' || typeof result.user_id !== 'string') throw new Error('auth.test returned no bot id; is SLACK_BOT_TOKEN a bot token (xoxb-)?');
    return { botId: result.bot_id, botUserId: result.user_id };
  } catch (error) {
    throw new WhoownsError('CONFIG_INVALID', `Slack auth.test failed: ${errorMessage(error)} (check SLACK_BOT_TOKEN and SLACK_API_URL)`, { cause: error });
  }
}

export async function startSlackAdapter(options: SlackAdapterOptions): Promise<SlackAdapter | null> {
  const { bot, config, logger, http } = options;
  const mode = slackMode(config);
  if (!mode) return null;
  const { botToken, signingSecret, appToken, apiUrl } = config.slack;
  const token = botToken as string;
  // One keep-alive transport for every outbound call: Web API, response_url, announcements.
  const transport = createSlackFetch();
  const identity = options.identity ?? (await whoAmI(token, apiUrl, transport.fetch));
  const common = {
    token,
    botId: identity.botId,
    botUserId: identity.botUserId,
    logger: boltLogger(logger),
    logLevel: boltLevel(config.logLevel),
    clientOptions: { ...(apiUrl ? { slackApiUrl: apiUrl } : {}), retryConfig: SLACK_RETRY, fetch: transport.fetch },
    ignoreSelf: true,
    // Bolt's default conversation store keeps per-conversation state with timers; unused here.
    convoStore: false as const,
  };

  let app: App;
  if (mode === 'socket') {
    app = new App({ ...common, appToken: appToken as string, socketMode: true });
  } else {
    // Our guard runs first on the same router, so bad requests never reach Bolt's body reader.
    const router = Router();
    router.use(SLACK_EVENTS_PATH, slackRequestGuard());
    const receiver = new ExpressReceiver({
      signingSecret: signingSecret as string,
      endpoints: SLACK_EVENTS_PATH,
      router,
      bodyLimit: MAX_BODY_BYTES,
      processBeforeResponse: false,
      logger: common.logger,
      // A verified body Bolt cannot process (not a Slack payload) is the sender's mistake: 400, not 500.
      processEventErrorHandler: async ({ error, response }) => {
        logger.warn({ component: 'slack', code: 'BAD_PAYLOAD', error: errorMessage(error) }, 'slack payload could not be processed');
        if (!response.headersSent) {
          response.writeHead(400, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ error: 'not a Slack payload this app handles' }));
        }
        return false;
      },
    });
    app = new App({ ...common, receiver });
    http.use(router);
  }

  const post = createAnswerPoster({ token, ...(apiUrl ? { apiUrl } : {}), fetch: transport.fetch, retry: SLACK_RETRY });
  registerListeners(app, { bot, logger, recent: new RecentKeys(), threads: new ThreadMemory(), botUserId: identity.botUserId, post, commandBudgetMs: config.slack.ackBudgetMs });
  if (mode === 'socket') await app.start();
  logger.info({ component: 'slack', mode, botUserId: identity.botUserId }, 'slack adapter started');
  return {
    mode,
    app,
    sender: createSlackSender(token, apiUrl, transport.fetch),
    stop: async () => {
      if (mode === 'socket') await app.stop();
      await transport.close();
    },
  };
}
