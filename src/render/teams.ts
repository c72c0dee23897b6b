/**
 * Answer -> Microsoft Teams Adaptive Card 1.5. Pure: plain JSON, under 25 KB. User text is
 * echoed only through TextRun elements, which Teams never reads as markdown.
 */
import type { Answer, InternalOwner, MatrixRow } from '../answers/answer';
import type { Owner } from '../knowledge/schema';
import type { Choice } from '../resolver/resolution';
import { answerSelection } from './choice-value';
import { escapePlain, escapeTeamsMarkdown } from './escape';
import { TEAMS, truncate } from './limits';
import { alternativesLine, footer, teamLine, OWNER_BADGE, OWNER_SHORT, responsibilityTitle, sourceLabel, summaryLine } from './wording';

export type CardElement = Record<string, unknown> & { type: string };

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: CardElement[];
  actions?: CardElement[];
  msteams?: { width: 'Full' };
}

export interface TeamsMessage {
  /** Short summary shown in notifications and chat lists. */
  text: string;
  card: AdaptiveCard;
}

/** The keys under which a choice and feedback travel in Action.Submit data; the adapter reads them back. */
export const TEAMS_CHOICE_KEY = 'whoownsChoice';
export const TEAMS_FEEDBACK_KEY = 'whoownsFeedback';

export interface TeamsRenderOptions {
  /** Add 👍/👎 feedback actions to answers. Default true. */
  readonly feedback?: boolean;
}

const COLOR: Readonly<Record<Owner, string>> = { aws: 'Accent', customer: 'Warning', shared: 'Good' };

// Knowledge-base text is ours and is shown as written; user text goes through asked() or escapeTeamsMarkdown.
const text = (value: string, extra: Record<string, unknown> = {}): CardElement => ({ type: 'TextBlock', text: value, wrap: true, ...extra });
const heading = (value: string): CardElement => text(value, { size: 'Large', weight: 'Bolder', style: 'heading' });
const small = (value: string): CardElement => text(value, { size: 'Small', isSubtle: true, spacing: 'Small' });

function asked(query: string): CardElement {
  return {
    type: 'RichTextBlock',
    inlines: [
      { type: 'TextRun', text: 'Asked: ', isSubtle: true, size: 'Small' },
      { type: 'TextRun', text: escapePlain(truncate(query, 200)), isSubtle: true, size: 'Small', italic: true },
    ],
  };
}

function ownerBadge(owner: Owner): CardElement {
  return {
    type: 'Container',
    style: 'emphasis',
    bleed: false,
    items: [{ type: 'TextBlock', text: `Owner: ${OWNER_BADGE[owner]}`, weight: 'Bolder', size: 'Medium', color: COLOR[owner], wrap: true }],
  };
}

function sources(urls: readonly string[]): CardElement {
  // Links are made only from knowledge-base URLs, never from user text.
  return { type: 'TextBlock', text: `Source: ${urls.slice(0, 3).map((u) => `[${sourceLabel(u)}](${u})`).join(' · ')}`, wrap: true, size: 'Small' };
}

/** The organisation's team; its links come from the overlay file, which only allows https. */
function internalOwnerBlock(owner: InternalOwner): CardElement {
  const links = [owner.runbook ? `[Runbook](${owner.runbook})` : '', owner.teamsChannel ? `[Teams channel](${owner.teamsChannel})` : ''].filter(Boolean).join(' · ');
  return {
    type: 'Container',
    style: 'accent',
    items: [
      { type: 'TextBlock', text: `In ${owner.organisation}: ${teamLine(owner)}`, weight: 'Bolder', wrap: true },
      ...(links ? [{ type: 'TextBlock', text: links, wrap: true, size: 'Small', spacing: 'Small' }] : []),
    ],
  };
}

function submitActions(choices: readonly Choice[]): CardElement[] {
  return choices.slice(0, TEAMS.maxActions).map((choice) => ({
    type: 'Action.Submit',
    title: truncate(choice.label, TEAMS.actionTitle),
    data: { [TEAMS_CHOICE_KEY]: { ...(choice.service ? { service: choice.service } : {}), ...(choice.task ? { task: choice.task } : {}), ...(choice.variant ? { variant: choice.variant } : {}) } },
  }));
}

function twoColumns(left: string, leftBody: string, right: string, rightBody: string): CardElement {
  const column = (title: string, value: string): CardElement => ({
    type: 'Column',
    width: 'stretch',
    items: [text(title, { weight: 'Bolder' }), text(value, { spacing: 'Small' })],
  });
  return { type: 'ColumnSet', columns: [column(left, leftBody), column(right, rightBody)] };
}

function matrix(rows: readonly MatrixRow[]): CardElement {
  return {
    type: 'FactSet',
    facts: rows.map((row) => ({
      title: row.task.name,
      value: row.byVariant.length > 0 ? row.byVariant.map((v) => `${v.variant}: ${OWNER_SHORT[v.owner]}`).join('; ') : OWNER_BADGE[row.owner],
    })),
  };
}

function parts(answer: Answer): { body: CardElement[]; actions: CardElement[] } {
  switch (answer.kind) {
    case 'responsibility':
    case 'general': {
      const title = answer.kind === 'responsibility' ? responsibilityTitle(answer) : `${answer.task.name} (general model)`;
      const body: CardElement[] = [heading(title), ownerBadge(answer.owner), twoColumns('What AWS does', answer.aws, 'What you do', answer.customer)];
      if (answer.internalOwner) body.push(internalOwnerBlock(answer.internalOwner));
      if (answer.condition) body.push(text(`Condition: ${answer.condition}`, { color: 'Attention' }));
      if (answer.kind === 'responsibility' && answer.basisNote) body.push(small(answer.basisNote));
      const alternatives = answer.kind === 'responsibility' ? alternativesLine(answer.alternatives) : null;
      if (alternatives) body.push(small(alternatives));
      body.push(sources(answer.sources), small(footer({ kbVersion: answer.kbVersion, reviewed: answer.kind === 'responsibility' ? answer.reviewed : null })), asked(answer.query));
      return { body, actions: submitActions(answer.actions) };
    }
    case 'overview':
      return {
        body: [heading(`${answer.service.name}: who owns what`), text(answer.summary), matrix(answer.rows), sources(answer.sources), small(footer(answer))],
        actions: [],
      };
    case 'clarify':
      return { body: [text(answer.question, { weight: 'Bolder' }), asked(answer.query)], actions: submitActions(answer.choices) };
    case 'unknown':
      return {
        body: [text(answer.message), ...(answer.query ? [asked(answer.query)] : []), small(`Try: ${answer.examples.map((e) => `“${e}”`).join(' · ')}`)],
        actions: submitActions(answer.suggestions),
      };
    case 'help':
      return {
        body: [
          text(answer.intro),
          text('Ask me, for example:', { weight: 'Bolder' }),
          ...answer.examples.map((e) => text(`• ${e}`, { spacing: 'None' })),
          text('Commands:', { weight: 'Bolder' }),
          ...answer.commands.map((c) => text(`• ${c.usage}: ${c.description}`, { spacing: 'None' })),
          small(footer(answer)),
        ],
        actions: [],
      };
    case 'announcement': {
      const shown = answer.changes.slice(0, 30);
      const omitted = answer.omitted + (answer.changes.length - shown.length);
      return {
        body: [
          heading(answer.title),
          text(answer.changelog),
          ...shown.map((c) => text(`• ${c}`, { spacing: 'None' })),
          ...(omitted > 0 ? [small(`…and ${omitted} more. See whoowns kb diff for the full list.`)] : []),
          small(footer(answer)),
        ],
        actions: [],
      };
    }
    case 'team':
      return {
        body: [
          heading(`${answer.owner.team}: what the team owns`),
          internalOwnerBlock(answer.owner),
          ...(answer.owns.length > 0 ? answer.owns.map((o) => text(`• ${o}`, { spacing: 'None' })) : [text('No rule in the organisation file names this team.')]),
          small(footer(answer)),
        ],
        actions: [],
      };
    case 'subscription-status':
      return { body: [text(answer.message), ...answer.subscriptions.map((s) => text(`• ${escapeTeamsMarkdown(s)}`, { spacing: 'None' }))], actions: [] };
  }
}

function feedbackActions(answer: Answer): CardElement[] {
  const about = answerSelection(answer);
  if (!about || answer.kind === 'overview') return [];
  const data = (vote: 'up' | 'down'): Record<string, unknown> => ({ [TEAMS_FEEDBACK_KEY]: { vote, ...about } });
  return [
    { type: 'Action.Submit', title: '👍 Helpful', data: data('up') },
    { type: 'Action.Submit', title: '👎 Not right', data: data('down') },
  ];
}

export function renderTeams(answer: Answer, options: TeamsRenderOptions = {}): TeamsMessage {
  const { body, actions: own } = parts(answer);
  const actions = [...own, ...(options.feedback === false ? [] : feedbackActions(answer))];
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: TEAMS.version,
    body,
    ...(actions.length > 0 ? { actions } : {}),
    msteams: { width: 'Full' },
  };
  // Guard the size limit: drop trailing body elements (never the heading) until it fits.
  while (Buffer.byteLength(JSON.stringify(card), 'utf8') > TEAMS.maxCardBytes && card.body.length > 2) {
    card.body.splice(card.body.length - 2, 1);
  }
  return { text: truncate(summaryLine(answer), 500), card };
}
