/**
 * The platform-neutral answer. Renderers turn it into Slack blocks, an Adaptive Card or text;
 * nothing in it is specific to a platform.
 */
import type { Owner } from '../knowledge/schema';
import type { Choice } from '../resolver/resolution';

export interface Ref {
  readonly id: string;
  readonly name: string;
}

export interface Meta {
  readonly kbVersion: string;
  /** The question as the user typed it, cleaned; renderers escape it before echoing. */
  readonly query: string;
  readonly confidence: number;
}

/** The internal team that owns the customer's side (organisation overlay). */
export interface InternalOwner {
  readonly team: string;
  readonly organisation: string;
  readonly slackChannel: string | null;
  readonly slackUserGroup: string | null;
  readonly teamsChannel: string | null;
  readonly contact: string | null;
  readonly runbook: string | null;
}

export interface ResponsibilityAnswer extends Meta {
  readonly kind: 'responsibility';
  readonly service: Ref;
  readonly task: Ref;
  readonly variant: Ref | null;
  readonly owner: Owner;
  readonly aws: string;
  readonly customer: string;
  readonly condition: string | null;
  /** A sentence on where the owner comes from when it is not the service's own entry. */
  readonly basisNote: string | null;
  /** The owner under the service's other variants, e.g. "RDS Custom: customer". */
  readonly alternatives: ReadonlyArray<{ readonly variant: string; readonly owner: Owner }>;
  readonly sources: readonly string[];
  readonly reviewed: string | null;
  /** Set when the owner is the customer or shared and the organisation maps the task to a team. */
  readonly internalOwner: InternalOwner | null;
  readonly actions: readonly Choice[];
}

export interface GeneralAnswer extends Meta {
  readonly kind: 'general';
  readonly task: Ref;
  readonly owner: Owner;
  readonly aws: string;
  readonly customer: string;
  readonly condition: string | null;
  readonly sources: readonly string[];
  readonly internalOwner: InternalOwner | null;
  readonly actions: readonly Choice[];
}

export interface MatrixRow {
  readonly task: Ref;
  readonly owner: Owner;
  /** Owner per variant name when the answer depends on the variant. */
  readonly byVariant: ReadonlyArray<{ readonly variant: string; readonly owner: Owner }>;
}

export interface OverviewAnswer extends Meta {
  readonly kind: 'overview';
  readonly service: Ref & { readonly category: string };
  readonly summary: string;
  readonly rows: readonly MatrixRow[];
  readonly sources: readonly string[];
  readonly actions: readonly Choice[];
}

export interface ClarifyAnswer extends Meta {
  readonly kind: 'clarify';
  readonly question: string;
  readonly service: Ref | null;
  readonly task: Ref | null;
  readonly choices: readonly Choice[];
}

export interface UnknownAnswer extends Meta {
  readonly kind: 'unknown';
  readonly message: string;
  readonly examples: readonly string[];
  readonly suggestions: readonly Choice[];
}

export interface HelpAnswer extends Meta {
  readonly kind: 'help';
  readonly intro: string;
  readonly examples: readonly string[];
  readonly commands: ReadonlyArray<{ readonly usage: string; readonly description: string }>;
}

export interface AnnouncementAnswer extends Meta {
  readonly kind: 'announcement';
  readonly title: string;
  readonly changelog: string;
  readonly changes: readonly string[];
  /** How many changes were left out to stay within a platform's limits. */
  readonly omitted: number;
}

/** What one internal team owns, from the organisation overlay (`team <name>`). */
export interface TeamAnswer extends Meta {
  readonly kind: 'team';
  readonly owner: InternalOwner;
  readonly owns: readonly string[];
}

export interface SubscriptionStatusAnswer extends Meta {
  readonly kind: 'subscription-status';
  readonly message: string;
  readonly subscriptions: readonly string[];
}

export type Answer =
  | ResponsibilityAnswer
  | GeneralAnswer
  | OverviewAnswer
  | ClarifyAnswer
  | UnknownAnswer
  | HelpAnswer
  | AnnouncementAnswer
  | SubscriptionStatusAnswer
  | TeamAnswer;
