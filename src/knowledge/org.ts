/**
 * The organisation overlay: which internal team owns the customer's side of a task. Optional;
 * ORG_FILE, or knowledge/org.yaml when it exists. Validated like the base (file, field, reason).
 *
 * Precedence, most specific first: a (service, task) pair, then a task, then a service, then a
 * task group, then a service category, then the default team.
 */
import { z } from 'zod';
import type { KbIssue } from './issues';
import { formatPath } from './issues';
import { CATEGORIES, type Category, type Service, type Task } from './schema';

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single dashes');
const https = z
  .string()
  .url('must be a URL')
  .refine((s) => s.startsWith('https://'), 'must be an https link');

const teamSchema = z.strictObject({
  id,
  name: z.string().trim().min(1).max(80),
  slackChannel: z.string().regex(/^#[a-z0-9._-]{1,80}$/, 'must look like #channel-name').optional(),
  slackUserGroup: z.string().regex(/^@[a-z0-9._-]{1,80}$/, 'must look like @group-handle').optional(),
  teamsChannel: https.optional(),
  contact: z.string().trim().min(1).max(200).optional(),
  runbook: https.optional(),
});
export type Team = z.infer<typeof teamSchema>;

const ruleSchema = z
  .strictObject({
    team: id,
    service: id.optional(),
    task: id.optional(),
    taskGroup: id.optional(),
    serviceCategory: z.enum(CATEGORIES).optional(),
    note: z.string().max(300).optional(),
  })
  .refine((r) => {
    const kinds = [r.service && r.task ? 'pair' : r.service ? 'service' : r.task ? 'task' : null, r.taskGroup ? 'taskGroup' : null, r.serviceCategory ? 'serviceCategory' : null].filter(Boolean);
    return kinds.length === 1;
  }, 'a rule names exactly one of: service and task, task, service, taskGroup, serviceCategory');

export const orgSchema = z.strictObject({
  version: z.coerce.string().regex(/^\d+(?:\.\d+){0,2}$/, 'must be a version like 3 or 1.2'),
  organisation: z.string().trim().min(1).max(120),
  teams: z.array(teamSchema).min(1),
  rules: z.array(ruleSchema),
  default: id.optional(),
});
export type OrgFile = z.infer<typeof orgSchema>;
export type OrgRule = OrgFile['rules'][number];

export interface OrgOverlay {
  readonly file: string;
  readonly version: string;
  readonly organisation: string;
  readonly teams: ReadonlyMap<string, Team>;
  readonly rules: readonly OrgRule[];
  readonly defaultTeam: Team | null;
}

/** How specific a rule is; higher wins. */
export function ruleRank(rule: OrgRule): number {
  if (rule.service && rule.task) return 5;
  if (rule.task) return 4;
  if (rule.service) return 3;
  if (rule.taskGroup) return 2;
  return 1;
}

function matches(rule: OrgRule, service: Service | null, task: Task): boolean {
  if (rule.service && rule.task) return rule.service === service?.id && rule.task === task.id;
  if (rule.task) return rule.task === task.id;
  if (rule.service) return rule.service === service?.id;
  if (rule.taskGroup) return rule.taskGroup === task.group;
  return rule.serviceCategory !== undefined && rule.serviceCategory === (service?.category as Category | undefined);
}

/** The team that owns the customer's side of `task` on `service` (null: general question). */
export function internalTeam(org: OrgOverlay, service: Service | null, task: Task): Team | null {
  let best: OrgRule | undefined;
  for (const rule of org.rules) {
    if (matches(rule, service, task) && (!best || ruleRank(rule) > ruleRank(best))) best = rule;
  }
  return best ? (org.teams.get(best.team) ?? null) : org.defaultTeam;
}

/** Cross-checks the overlay against the base: every id must exist. */
export function checkOrg(file: string, org: OrgFile, services: ReadonlyMap<string, Service>, tasks: ReadonlyMap<string, Task>): KbIssue[] {
  const issues: KbIssue[] = [];
  const teams = new Set<string>();
  org.teams.forEach((team, i) => {
    if (teams.has(team.id)) issues.push({ file, path: formatPath(['teams', i, 'id']), message: `duplicate team id "${team.id}"` });
    teams.add(team.id);
  });
  const groups = new Set([...tasks.values()].map((t) => t.group));
  org.rules.forEach((rule, i) => {
    if (!teams.has(rule.team)) issues.push({ file, path: formatPath(['rules', i, 'team']), message: `unknown team "${rule.team}"` });
    if (rule.service && !services.has(rule.service)) issues.push({ file, path: formatPath(['rules', i, 'service']), message: `unknown service "${rule.service}"` });
    if (rule.task && !tasks.has(rule.task)) issues.push({ file, path: formatPath(['rules', i, 'task']), message: `unknown task "${rule.task}"` });
    if (rule.taskGroup && !groups.has(rule.taskGroup)) issues.push({ file, path: formatPath(['rules', i, 'taskGroup']), message: `unknown task group "${rule.taskGroup}" (groups: ${[...groups].sort().join(', ')})` });
  });
  if (org.default && !teams.has(org.default)) issues.push({ file, path: 'default', message: `unknown team "${org.default}"` });
  return issues;
}

export function toOverlay(file: string, org: OrgFile): OrgOverlay {
  const teams = new Map(org.teams.map((t) => [t.id, t]));
  return { file, version: org.version, organisation: org.organisation, teams, rules: org.rules, defaultTeam: org.default ? (teams.get(org.default) ?? null) : null };
}
