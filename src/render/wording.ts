/** Words shared by all renderers, so Slack, Teams and text say the same thing. */
import type { Answer, InternalOwner, ResponsibilityAnswer } from '../answers/answer';
import type { Owner } from '../knowledge/schema';

export const OWNER_BADGE: Readonly<Record<Owner, string>> = {
  aws: 'AWS',
  customer: 'Customer (you)',
  shared: 'Shared (AWS and you)',
};

/** Short owner names for tables and lists. */
export const OWNER_SHORT: Readonly<Record<Owner, string>> = { aws: 'AWS', customer: 'Customer', shared: 'Shared' };

export function responsibilityTitle(a: ResponsibilityAnswer): string {
  const variant = a.variant ? ` · ${a.variant.name}` : '';
  return `${a.task.name} on ${a.service.name}${variant}`;
}

/** One line that says the whole answer: used as the notification text and the plain-text header. */
export function summaryLine(answer: Answer): string {
  switch (answer.kind) {
    case 'responsibility':
      return `${responsibilityTitle(answer)}: ${OWNER_BADGE[answer.owner]}`;
    case 'general':
      return `${answer.task.name}: ${OWNER_BADGE[answer.owner]}`;
    case 'overview':
      return `${answer.service.name}: who owns what`;
    case 'clarify':
      return answer.question;
    case 'unknown':
      return answer.message;
    case 'help':
      return answer.intro;
    case 'announcement':
      return answer.title;
    case 'subscription-status':
      return answer.message;
    case 'team':
      return `${answer.owner.team} (${answer.owner.organisation}) owns ${answer.owns.length} area${answer.owns.length === 1 ? '' : 's'}`;
  }
}

/** "Platform SRE · #platform-oncall · @platform-sre · platform@example.com": a team in one line. */
export function teamLine(owner: InternalOwner): string {
  return [owner.team, owner.slackChannel, owner.slackUserGroup, owner.contact].filter((x): x is string => Boolean(x)).join(' · ');
}

export function footer(answer: { kbVersion: string; reviewed?: string | null }): string {
  return answer.reviewed ? `whoowns knowledge base v${answer.kbVersion} · reviewed ${answer.reviewed}` : `whoowns knowledge base v${answer.kbVersion}`;
}

/** Labels already made: every answer shows its sources, and parsing a URL is not free. */
const sourceLabels = new Map<string, string>();
const MAX_SOURCE_LABELS = 5000;

/** Shortens a documentation URL to a readable link label. */
export function sourceLabel(url: string): string {
  const known = sourceLabels.get(url);
  if (known !== undefined) return known;
  let label: string;
  try {
    const u = new URL(url);
    const last = u.pathname.split('/').filter(Boolean).pop() ?? u.hostname;
    label = `${u.hostname}/…/${last}`.replace(/\.html$/, '');
  } catch {
    label = url;
  }
  // The URLs come from the knowledge base, a few hundred of them; the bound covers many reloads.
  if (sourceLabels.size >= MAX_SOURCE_LABELS) sourceLabels.clear();
  sourceLabels.set(url, label);
  return label;
}

/** "With RDS Custom: Customer (you)" lines for an answer given for one variant. */
export function alternativesLine(alternatives: ReadonlyArray<{ variant: string; owner: Owner }>): string | null {
  if (alternatives.length === 0) return null;
  return `Other setups: ${alternatives.map((a) => `${a.variant}: ${OWNER_SHORT[a.owner]}`).join('; ')}`;
}
