/**
 * The local playground at `/`: a page where a person asks a question and sees the answer as a
 * Teams Adaptive Card (drawn by Microsoft's adaptivecards renderer), a Slack Block Kit preview
 * and plain text, through the same bot as the chat adapters. Needs no credentials.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type Request, type Response } from 'express';
import type { AdapterContext, StartedAdapter } from '../../src/adapter';
import { toAskJson } from '../../src/answers/json';
import { decodeSelection } from '../../src/render/choice-value';
import { renderSlack } from '../../src/render/slack';
import { renderTeams } from '../../src/render/teams';
import { renderText } from '../../src/render/text';
import type { Bot } from '../../src/bot';
import { projectRoot } from '../../src/paths';

/** Questions longer than this are refused: nobody types a page into a question box. */
export const PLAYGROUND_MAX_CHARS = 2000;
const PUBLIC_DIR = path.join(projectRoot(), 'adapters', 'web', 'public');

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

function sendFile(res: Response, file: string, type: string): void {
  res.set(SECURITY_HEADERS).type(type).set('cache-control', 'no-cache').send(readFileSync(file));
}

/** The answer in every rendering the page shows. */
export function playgroundPayload(bot: Bot, body: unknown): { status: number; json: unknown } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { status: 400, json: { error: 'send a JSON object: {"text": "..."} or {"selection": {...}}' } };
  const { text, selection } = body as { text?: unknown; selection?: unknown };
  let answer;
  if (selection !== undefined) {
    const decoded = decodeSelection(selection);
    if (!decoded) return { status: 400, json: { error: 'that choice is not valid' } };
    answer = bot.handle({ selection: decoded });
  } else if (typeof text === 'string') {
    if (text.length > PLAYGROUND_MAX_CHARS) return { status: 413, json: { error: `questions are limited to ${PLAYGROUND_MAX_CHARS} characters` } };
    answer = bot.handle({ text });
  } else {
    return { status: 400, json: { error: 'send {"text": "your question"}' } };
  }
  return { status: 200, json: { answer: toAskJson(answer), slack: renderSlack(answer), teams: renderTeams(answer), text: renderText(answer) } };
}

export function mountPlayground(http: Express, bot: Bot): void {
  const adaptiveCardsJs = require.resolve('adaptivecards/dist/adaptivecards.min.js');
  http.get('/', (_req: Request, res: Response) => sendFile(res, path.join(PUBLIC_DIR, 'index.html'), 'html'));
  http.get('/playground.js', (_req, res) => sendFile(res, path.join(PUBLIC_DIR, 'playground.js'), 'application/javascript'));
  http.get('/playground.css', (_req, res) => sendFile(res, path.join(PUBLIC_DIR, 'playground.css'), 'text/css'));
  http.get('/vendor/adaptivecards.js', (_req, res) => sendFile(res, adaptiveCardsJs, 'application/javascript'));
  http.post('/api/playground/ask', express.json({ limit: '16kb' }), (req: Request, res: Response) => {
    const { status, json } = playgroundPayload(bot, req.body);
    res.status(status).json(json);
  });
}

export async function startPlayground(context: AdapterContext): Promise<StartedAdapter | null> {
  if (!context.config.playground) return null;
  mountPlayground(context.http, context.bot);
  return { name: 'playground', stop: async () => undefined };
}
