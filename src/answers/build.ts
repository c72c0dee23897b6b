/** Turns a Resolution into the platform-neutral Answer. Pure: same input, same answer. */
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { internalTeam, ruleRank, type OrgOverlay, type Team } from '../knowledge/org';
import type { Owner, Service, Task } from '../knowledge/schema';
import type { Choice, Resolution } from '../resolver/resolution';
import type { Answer, HelpAnswer, InternalOwner, MatrixRow, Meta, OverviewAnswer } from './answer';

export const EXAMPLE_QUESTIONS: readonly string[] = [
  'who patches RDS?',
  'who configures security groups on EC2?',
  'is encryption at rest on S3 our job or AWS?',
  'who patches the OS on ECS Fargate?',
  'who rotates KMS keys?',
  'who handles physical security of the data centers?',
];

function matrixAction(service: Service): Choice {
  return { label: `Full matrix for ${service.shortName}`, service: service.id };
}

const ref = (x: { id: string; name: string }): { id: string; name: string } => ({ id: x.id, name: x.name });

export function buildOverview(service: Service, meta: Meta, taskName: (id: string) => string): OverviewAnswer {
  const variantName = new Map((service.variants ?? []).map((v) => [v.id, v.name]));
  const rows: MatrixRow[] = service.responsibilities.map((r) => ({
    task: { id: r.task, name: taskName(r.task) },
    owner: r.owner,
    byVariant: Object.entries(r.byVariant ?? {}).map(([id, part]) => ({ variant: variantName.get(id) ?? id, owner: part.owner })),
  }));
  return {
    ...meta,
    kind: 'overview',
    service: { id: service.id, name: service.shortName, category: service.category },
    summary: service.summary,
    rows,
    sources: [service.docs],
    actions: [],
  };
}

export function internalOwnerOf(team: Team, org: OrgOverlay): InternalOwner {
  return {
    team: team.name,
    organisation: org.organisation,
    slackChannel: team.slackChannel ?? null,
    slackUserGroup: team.slackUserGroup ?? null,
    teamsChannel: team.teamsChannel ?? null,
    contact: team.contact ?? null,
    runbook: team.runbook ?? null,
  };
}

/** The organisation's team for the customer's side, when the customer has a side. */
function internalOwnerFor(kb: KnowledgeBase, service: Service | null, task: Task, owner: Owner): InternalOwner | null {
  if (!kb.org || owner === 'aws') return null;
  const team = internalTeam(kb.org, service, task);
  return team ? internalOwnerOf(team, kb.org) : null;
}

const OWNER_WORD: Readonly<Record<Owner, string>> = { aws: "AWS's", customer: 'yours', shared: 'shared' };

/** Why the owner is one side of the entry (`what`: "Patching on Amazon RDS"), or null when it is the entry's own. */
function partNoteFor(resolution: Extract<Resolution, { kind: 'responsibility' }>, what: string): string | null {
  const { part } = resolution;
  if (!part) return null;
  if (resolution.onByDefault) return `${what} is shared overall, but AWS's part is on by default: nothing to switch on. Your part is optional.`;
  if (resolution.aspect) {
    const scope = resolution.aspectVariants ? ` (${resolution.aspectVariants.join(', ')})` : '';
    return `${what} is ${OWNER_WORD[resolution.owner]} overall; “${resolution.aspect}” is ${OWNER_WORD[part]}${scope}.`;
  }
  return `${what} is shared; this question is about ${part === 'aws' ? "AWS's" : 'your'} part.`;
}

export function buildAnswer(resolution: Resolution, query: string, kb: KnowledgeBase): Answer {
  const meta: Meta = { kbVersion: kb.version, query, confidence: round(resolution.confidence) };
  switch (resolution.kind) {
    case 'responsibility': {
      const { service, task, entryTask } = resolution;
      let basisNote: string | null = null;
      if (resolution.basis === 'category') {
        basisNote = `whoowns has no entry of its own for ${task.name.toLowerCase()} on ${service.shortName}; this is the usual owner for ${service.category} services. Check the service's security documentation.`;
      } else if (entryTask.id !== task.id) {
        basisNote = `From ${service.shortName}'s entry for ${entryTask.name.toLowerCase()}.`;
      }
      if (resolution.serviceImplied) {
        const impliedNote = `You named no service; this is ${service.shortName}'s entry, the service your question points to.`;
        basisNote = basisNote ? `${impliedNote} ${basisNote}` : impliedNote;
      }
      // A shared entry asked about one side's part answers with that side, and says so.
      const owner = resolution.part ?? resolution.owner;
      const partNote = partNoteFor(resolution, `${task.name} on ${service.shortName}`);
      if (partNote) basisNote = basisNote ? `${partNote} ${basisNote}` : partNote;

      // Written out, not spread from meta: see Resolver.fromEntry for why.
      return {
        kbVersion: meta.kbVersion,
        query: meta.query,
        confidence: meta.confidence,
        kind: 'responsibility',
        service: { id: service.id, name: service.shortName },
        task: ref(entryTask.id === task.id || resolution.basis === 'category' ? task : entryTask),
        variant: resolution.variant ? ref(resolution.variant) : null,
        owner,
        aws: resolution.aws,
        customer: resolution.customer,
        condition: resolution.condition ?? null,
        basisNote,
        alternatives: resolution.alternatives.map((a) => ({ variant: a.variant.name, owner: a.owner })),
        sources: resolution.sources,
        reviewed: resolution.reviewed ?? null,
        internalOwner: internalOwnerFor(kb, service, task, owner),
        actions: [matrixAction(service)],
      };
    }
    case 'general':
      return {
        kbVersion: meta.kbVersion,
        query: meta.query,
        confidence: meta.confidence,
        kind: 'general',
        task: ref(resolution.task),
        owner: resolution.owner,
        aws: resolution.aws,
        customer: resolution.customer,
        condition: resolution.condition ?? null,
        sources: resolution.sources,
        internalOwner: internalOwnerFor(kb, null, resolution.task, resolution.owner),
        actions: [],
      };
    case 'overview':
      return buildOverview(resolution.service, meta, (id) => kb.tasks.get(id)?.name ?? id);
    case 'clarify':
      return {
        ...meta,
        kind: 'clarify',
        question: resolution.question,
        service: resolution.service ? { id: resolution.service.id, name: resolution.service.shortName } : null,
        task: resolution.task ? ref(resolution.task) : null,
        choices: resolution.choices,
      };
    case 'unknown':
      return { ...meta, kind: 'unknown', message: unknownMessage(resolution.reason, resolution.service), examples: EXAMPLE_QUESTIONS.slice(0, 3), suggestions: resolution.suggestions };
  }
}

function unknownMessage(reason: Extract<Resolution, { kind: 'unknown' }>['reason'], service: Service | undefined): string {
  switch (reason) {
    case 'empty':
      return 'Ask me who owns a security or operations task for an AWS service.';
    case 'off-topic':
      return 'I only answer who owns a security or operations task under the AWS Shared Responsibility Model, not pricing or other topics.';
    case 'instruction':
      return "I don't take instructions, I only answer who owns a security or operations task for an AWS service.";
    case 'service-only':
      return `I know ${service?.shortName ?? 'that service'}, but not what you are asking about it. Name a task such as patching, encryption, backups or access control.`;
    case 'no-match':
      return "I couldn't match that to an AWS service or a security task I know.";
  }
}

export function buildHelp(kb: KnowledgeBase): HelpAnswer {
  return {
    kind: 'help',
    kbVersion: kb.version,
    query: 'help',
    confidence: 1,
    intro: `I tell you who owns a security or operations task for an AWS service under the AWS Shared Responsibility Model: AWS, you, or both. I know ${kb.services.size} services and ${kb.tasks.size} tasks.`,
    examples: EXAMPLE_QUESTIONS,
    commands: [
      { usage: '<question>', description: 'who owns a task, e.g. "who patches RDS?"' },
      { usage: 'service <name>', description: "the service's whole responsibility matrix" },
      { usage: 'team <name>', description: 'what an internal team owns (with an organisation file)' },
      { usage: 'subscribe [filters]', description: 'announce changes of the model here' },
      { usage: 'unsubscribe', description: 'stop announcements here' },
      { usage: 'subscriptions', description: "this conversation's subscriptions" },
      { usage: 'help', description: 'this message' },
    ],
  };
}

function round(n: number): number {
  return Math.round(Math.max(0, Math.min(1, n)) * 100) / 100;
}

/** What a team owns, in words, from the overlay's rules (for `team <name>`). */
export function buildTeam(kb: KnowledgeBase, name: string, query: string): Answer | null {
  const org = kb.org;
  if (!org) return null;
  const wanted = name.trim().toLowerCase().replace(/^[@#]/, '');
  const team = [...org.teams.values()].find((t) => t.id === wanted || t.name.toLowerCase() === wanted || t.slackChannel === `#${wanted}` || t.slackUserGroup === `@${wanted}`);
  if (!team) return null;
  const serviceName = (id: string): string => kb.services.get(id)?.shortName ?? id;
  const taskName = (id: string): string => kb.tasks.get(id)?.name ?? id;
  const owns = [...org.rules]
    .filter((r) => r.team === team.id)
    .sort((a, b) => ruleRank(b) - ruleRank(a))
    .map((r) => {
      const what = r.service && r.task ? `${taskName(r.task)} on ${serviceName(r.service)}` : r.task ? `${taskName(r.task)}, on every service` : r.service ? `the customer's side of everything on ${serviceName(r.service)}` : r.taskGroup ? `all ${r.taskGroup} tasks` : `${r.serviceCategory ?? ''} services`;
      return r.note ? `${what} (${r.note})` : what;
    });
  if (org.defaultTeam?.id === team.id) owns.push('anything no other rule covers (the default team)');
  return { kind: 'team', kbVersion: kb.version, query, confidence: 1, owner: internalOwnerOf(team, org), owns };
}
