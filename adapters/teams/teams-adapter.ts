/**
 * Starts the Teams adapter: botbuilder's CloudAdapter at POST /api/messages on the shared
 * server. Every botbuilder import stays inside adapters/teams, so moving to the Microsoft 365
 * Agents SDK is this folder's work.
 */
import { CloudAdapter } from 'botbuilder';
import express from 'express';
import type { AdapterContext, StartedAdapter } from '../../src/adapter';
import type { Config } from '../../src/config';
import { errorCode, errorMessage } from '../../src/errors';
import { RecentKeys } from '../shared/recent-keys';
import { StoredConversationReferences, type ConversationReferenceStore } from './conversation-references';
import { createTeamsSender } from './teams-sender';
import { StrictBotFrameworkAuthentication } from './strict-authentication';
import { createTeamsLogic } from './teams-logic';

export const TEAMS_PATH = '/api/messages';
/** Teams activities are small; a submitted card is a few KB. */
export const TEAMS_BODY_LIMIT = '256kb';

export type TeamsMode = 'authenticated' | 'anonymous';

/**
 * With an app id every request is JWT-validated. Without one, botbuilder accepts anything and
 * replies to whatever serviceUrl it is given, so that is allowed only for local development.
 */
export function teamsMode(config: Config): TeamsMode | null {
  if (config.teams.appId) return 'authenticated';
  return config.nodeEnv === 'development' ? 'anonymous' : null;
}

export interface TeamsAdapter extends StartedAdapter {
  readonly mode: TeamsMode;
  readonly adapter: CloudAdapter;
  readonly references: ConversationReferenceStore;
}

export async function startTeamsAdapter(context: AdapterContext): Promise<TeamsAdapter | null> {
  const { bot, config, logger, http, store } = context;
  const mode = teamsMode(config);
  if (!mode) {
    if (config.teams.appPassword || config.teams.tenantId) logger.warn({ component: 'teams' }, 'Teams settings found but MicrosoftAppId is empty: /api/messages is not served');
    return null;
  }
  const auth = new StrictBotFrameworkAuthentication({
    MicrosoftAppId: config.teams.appId ?? '',
    MicrosoftAppPassword: config.teams.appPassword ?? '',
    MicrosoftAppType: config.teams.appType ?? (config.teams.appId ? 'MultiTenant' : ''),
    MicrosoftAppTenantId: config.teams.tenantId ?? '',
  });
  const adapter = new CloudAdapter(auth);
  const teamsLogger = logger.child({ component: 'teams' });
  if (mode === 'anonymous') {
    teamsLogger.warn('TEAMS ANONYMOUS MODE: MicrosoftAppId is empty and NODE_ENV=development, so /api/messages accepts unauthenticated requests. Never expose this server; set MicrosoftAppId for real use.');
  }

  // The adapter's one catch-all: log the error (code, no secrets) and tell the user politely.
  adapter.onTurnError = async (turn, error) => {
    teamsLogger.error({ code: errorCode(error), error: errorMessage(error), activityType: turn.activity.type }, 'teams turn failed');
    if (turn.activity.type === 'message') {
      await turn.sendActivity('Sorry, something went wrong while answering that. Please try again in a moment.').catch((sendError: unknown) => {
        teamsLogger.error({ code: errorCode(sendError), error: errorMessage(sendError) }, 'could not tell the user about the failure');
      });
    }
  };

  const references = new StoredConversationReferences(store, teamsLogger);
  const logic = createTeamsLogic({ bot, logger: teamsLogger, recent: new RecentKeys(), references });
  http.post(TEAMS_PATH, express.json({ limit: TEAMS_BODY_LIMIT, type: ['application/json', 'application/*+json'] }), async (req, res) => {
    // botbuilder answers 500 to a body that is not an activity; it is the sender's mistake.
    if (!isActivityShaped(req.body)) {
      res.status(400).json({ error: 'the body is not a Bot Framework activity' });
      return;
    }
    await adapter.process(req, res, logic);
  });
  teamsLogger.info({ mode }, 'teams adapter started');
  const sender = createTeamsSender(adapter, config.teams.appId ?? '', references);
  return { name: `teams (${mode})`, mode, adapter, references, sender, stop: () => references.close() };
}

/** The least an activity must have before botbuilder sees it. */
export function isActivityShaped(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const activity = body as Record<string, unknown>;
  return typeof activity.type === 'string' && activity.type.length > 0 && activity.type.length < 100;
}
