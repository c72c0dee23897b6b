/**
 * Answer -> Slack Block Kit. Pure: returns plain JSON, always with a `text` fallback, within
 * Slack's limits (see limits.ts). Types are our own so the core needs no Slack SDK.
 */
import type { Answer, InternalOwner, MatrixRow } from '../answers/answer';
import type { Owner } from '../knowledge/schema';
import type { Choice } from '../resolver/resolution';
import { answerSelection, encodeFeedback, encodeSelection } from './choice-value';
import { escapeSlack } from './escape';
import { SLACK, truncate } from './limits';
import { alternativesLine, footer, teamLine, OWNER_BADGE, OWNER_SHORT, responsibilityTitle, sourceLabel, summaryLine } from './wording';

export interface SlackText {
  type: 'plain_text' | 'mrkdwn';
  text: string;
  emoji?: boolean;
}
export interface SlackButton {
  type: 'button';
  text: SlackText;
  action_id: string;
  value: string;
  style?: 'primary' | 'danger';
}
export type SlackBlock =
  | { type: 'header'; text: SlackText }
  | { type: 'section'; text?: SlackText; fields?: SlackText[] }
  | { type: 'context'; elements: SlackText[] }
  | { type: 'actions'; block_id?: string; elements: SlackButton[] }
  | { type: 'divider' };

export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** action_ids the renderer makes; the adapter routes on them. Choices carry an index suffix. */
export const SLACK_ACTIONS = {
  choice: 'whoowns_choice',
  share: 'whoowns_share',
  feedbackUp: 'whoowns_feedback_up',
  feedbackDown: 'whoowns_feedback_down',
} as const;

export interface SlackRenderOptions {
  /** Add a "Share in channel" button: for answers only the asker sees (ephemeral). */
  readonly share?: boolean;
  /** Add 👍/👎 feedback buttons to answers. Default true. */
  readonly feedback?: boolean;
}

const EMOJI: Readonly<Record<Owner, string>> = { aws: ':cloud:', customer: ':bust_in_silhouette:', shared: ':handshake:' };

const mrkdwn = (text: string): SlackText => ({ type: 'mrkdwn', text: truncate(text, SLACK.sectionText) });
const field = (text: string): SlackText => ({ type: 'mrkdwn', text: truncate(text, SLACK.fieldText) });
const header = (text: string): SlackBlock => ({ type: 'header', text: { type: 'plain_text', text: truncate(text, SLACK.headerText), emoji: true } });
const section = (text: string): SlackBlock => ({ type: 'section', text: mrkdwn(text) });
const context = (...texts: string[]): SlackBlock => ({ type: 'context', elements: texts.slice(0, SLACK.contextElements).map(mrkdwn) });

function badge(owner: Owner): string {
  return `${EMOJI[owner]} *${OWNER_BADGE[owner]}*`;
}

function sourcesLine(urls: readonly string[]): string {
  // Only links from the knowledge base are made into links; they are https AWS URLs.
  return `Source: ${urls.slice(0, 3).map((u) => `<${u}|${sourceLabel(u)}>`).join(' · ')}`;
}

function buttons(choices: readonly Choice[], blockId: string): SlackBlock | undefined {
  if (choices.length === 0) return undefined;
  return {
    type: 'actions',
    block_id: blockId,
    elements: choices.slice(0, SLACK.elementsPerActions).map((choice, i) => ({
      type: 'button',
      text: { type: 'plain_text', text: truncate(choice.label, SLACK.buttonText), emoji: true },
      action_id: `${SLACK_ACTIONS.choice}_${i}`,
      value: encodeSelection(choice),
    })),
  };
}

function matrixFields(rows: readonly MatrixRow[]): SlackBlock[] {
  const fields = rows.map((row) => {
    const detail = row.byVariant.length > 0 ? row.byVariant.map((v) => `${v.variant}: ${OWNER_SHORT[v.owner]}`).join('; ') : OWNER_BADGE[row.owner];
    return field(`*${row.task.name}*\n${row.byVariant.length > 0 ? ':twisted_rightwards_arrows: ' : EMOJI[row.owner] + ' '}${detail}`);
  });
  const blocks: SlackBlock[] = [];
  for (let i = 0; i < fields.length; i += SLACK.fieldsPerSection) blocks.push({ type: 'section', fields: fields.slice(i, i + SLACK.fieldsPerSection) });
  return blocks;
}

function body(answer: Answer): SlackBlock[] {
  switch (answer.kind) {
    case 'responsibility':
    case 'general': {
      const title = answer.kind === 'responsibility' ? responsibilityTitle(answer) : `${answer.task.name} (general model)`;
      const blocks: Array<SlackBlock | undefined> = [
        header(title),
        section(`Owner: ${badge(answer.owner)}`),
        { type: 'section', fields: [field(`*What AWS does*\n${escapeSlack(answer.aws)}`), field(`*What you do*\n${escapeSlack(answer.customer)}`)] },
        answer.internalOwner ? section(internalOwnerText(answer.internalOwner)) : undefined,
        answer.condition ? section(`:information_source: *Condition:* ${escapeSlack(answer.condition)}`) : undefined,
        answer.kind === 'responsibility' && answer.basisNote ? context(`:warning: ${escapeSlack(answer.basisNote)}`) : undefined,
        answer.kind === 'responsibility' && answer.alternatives.length > 0 ? context(`:twisted_rightwards_arrows: ${escapeSlack(alternativesLine(answer.alternatives) ?? '')}`) : undefined,
        context(sourcesLine(answer.sources), footer({ kbVersion: answer.kbVersion, reviewed: answer.kind === 'responsibility' ? answer.reviewed : null })),
        context(asked(answer.query)),
        buttons(answer.actions, 'whoowns_next'),
      ];
      return blocks.filter((b): b is SlackBlock => b !== undefined);
    }
    case 'overview':
      return [
        header(`${answer.service.name}: who owns what`),
        section(escapeSlack(answer.summary)),
        ...matrixFields(answer.rows),
        context(sourcesLine(answer.sources), footer(answer)),
      ].slice(0, SLACK.maxBlocks);
    case 'clarify': {
      const blocks: Array<SlackBlock | undefined> = [section(`:thinking_face: ${escapeSlack(answer.question)}`), context(asked(answer.query)), buttons(answer.choices, 'whoowns_clarify')];
      return blocks.filter((b): b is SlackBlock => b !== undefined);
    }
    case 'unknown': {
      const blocks: Array<SlackBlock | undefined> = [
        section(escapeSlack(answer.message)),
        ...(answer.query ? [context(asked(answer.query))] : []),
        context(`Try: ${answer.examples.map((e) => `“${escapeSlack(e)}”`).join(' · ')}`),
        buttons(answer.suggestions, 'whoowns_suggest'),
      ];
      return blocks.filter((b): b is SlackBlock => b !== undefined);
    }
    case 'help':
      return [
        section(escapeSlack(answer.intro)),
        section(`*Ask me, for example:*\n${answer.examples.map((e) => `• ${e}`).join('\n')}`),
        section(`*Commands:*\n${answer.commands.map((c) => `• \`/whoowns ${c.usage}\` ${c.description}`).join('\n')}`),
        context(footer(answer)),
      ];
    case 'announcement': {
      const shown = answer.changes.slice(0, 40);
      const omitted = answer.omitted + (answer.changes.length - shown.length);
      const list = truncate(shown.map((c) => `• ${escapeSlack(c)}`).join('\n'), SLACK.sectionText - 100);
      return [
        header(answer.title),
        section(escapeSlack(answer.changelog)),
        section(list || 'No changes.'),
        ...(omitted > 0 ? [context(`…and ${omitted} more. See \`whoowns kb diff\` for the full list.`)] : []),
        context(footer(answer)),
      ];
    }
    case 'team':
      return [
        header(`${answer.owner.team}: what the team owns`),
        section(`:busts_in_silhouette: ${internalOwnerText(answer.owner)}`),
        section(answer.owns.length > 0 ? answer.owns.map((o) => `• ${escapeSlack(o)}`).join('\n') : 'No rule in the organisation file names this team.'),
        context(footer(answer)),
      ];
    case 'subscription-status':
      return [section(escapeSlack(answer.message)), ...(answer.subscriptions.length ? [section(answer.subscriptions.map((s) => `• ${escapeSlack(s)}`).join('\n'))] : [])];
  }
}

/** Share and feedback buttons, for answers that say who owns something. */
function metaButtons(answer: Answer, options: SlackRenderOptions): SlackBlock | undefined {
  const about = answerSelection(answer);
  if (!about) return undefined;
  const elements: SlackButton[] = [];
  if (options.share) {
    elements.push({ type: 'button', text: { type: 'plain_text', text: 'Share in channel', emoji: true }, action_id: SLACK_ACTIONS.share, value: encodeSelection(about), style: 'primary' });
  }
  if (options.feedback !== false && answer.kind !== 'overview') {
    elements.push(
      { type: 'button', text: { type: 'plain_text', text: ':thumbsup: Helpful', emoji: true }, action_id: SLACK_ACTIONS.feedbackUp, value: encodeFeedback('up', about) },
      { type: 'button', text: { type: 'plain_text', text: ':thumbsdown: Not right', emoji: true }, action_id: SLACK_ACTIONS.feedbackDown, value: encodeFeedback('down', about) },
    );
  }
  return elements.length > 0 ? { type: 'actions', block_id: 'whoowns_meta', elements } : undefined;
}

export function renderSlack(answer: Answer, options: SlackRenderOptions = {}): SlackMessage {
  const meta = metaButtons(answer, options);
  const blocks = [...body(answer).slice(0, SLACK.maxBlocks - (meta ? 1 : 0)), ...(meta ? [meta] : [])];
  return { text: truncate(summaryLine(answer), SLACK.fallbackText), blocks };
}

/** The App Home tab: what the bot does, example questions, the base's version. */
export function renderSlackHome(help: Extract<Answer, { kind: 'help' }>): { type: 'home'; blocks: SlackBlock[] } {
  return {
    type: 'home',
    blocks: [
      header('whoowns: who owns this task, AWS or us?'),
      section(escapeSlack(help.intro)),
      { type: 'divider' },
      section(`*Ask me in a channel (mention me), in a DM, or with \`/whoowns\`:*\n${help.examples.map((e) => `• ${escapeSlack(e)}`).join('\n')}`),
      section(`*Commands:*\n${help.commands.map((c) => `• \`/whoowns ${escapeSlack(c.usage)}\` ${escapeSlack(c.description)}`).join('\n')}`),
      context(`Answers come from the whoowns knowledge base v${help.kbVersion}; every entry cites AWS documentation.`),
    ],
  };
}

/** "In your organisation: *Platform SRE* · #platform-oncall · runbook link". */
function internalOwnerText(owner: InternalOwner): string {
  const runbook = owner.runbook ? ` · <${owner.runbook}|runbook>` : '';
  const teams = owner.teamsChannel ? ` · <${owner.teamsChannel}|Teams channel>` : '';
  return `*In ${escapeSlack(owner.organisation)}:* ${escapeSlack(teamLine(owner))}${runbook}${teams}`;
}

/** The question echoed back, escaped so it cannot ping anyone or carry a link. */
function asked(query: string): string {
  return `Asked: “${escapeSlack(truncate(query, 200))}”`;
}
