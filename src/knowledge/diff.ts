/**
 * What changed between two knowledge bases, in words: owner changes, services and tasks added
 * or removed, changed conditions, parts and sources. Each change carries the service, task and
 * owners it concerns, so subscriptions can pick the changes they asked for.
 */
import type { KbSnapshot, SnapshotEntry, SnapshotPart } from './snapshot';
import type { Owner } from './schema';

export type ChangeKind =
  | 'owner-changed'
  | 'service-added'
  | 'service-removed'
  | 'task-added'
  | 'task-removed'
  | 'entry-added'
  | 'entry-removed'
  | 'condition-changed'
  | 'parts-changed'
  | 'sources-changed'
  | 'team-changed'
  | 'aspects-changed';

export interface Change {
  readonly kind: ChangeKind;
  readonly service: string | null;
  readonly task: string | null;
  /** Owners before and after, where the change has any (for owner filters). */
  readonly owners: readonly Owner[];
  readonly text: string;
}

const OWNER_WORD: Readonly<Record<Owner, string>> = { aws: 'AWS', customer: 'the customer', shared: 'shared' };

function quote(text: string | null): string {
  return text ? `“${text.replace(/\.$/, '')}”` : 'none';
}

function compareParts(where: string, service: string, task: string, before: SnapshotPart, after: SnapshotPart): Change[] {
  const changes: Change[] = [];
  const base = { service, task };
  if (before.owner !== after.owner) {
    changes.push({ ...base, kind: 'owner-changed', owners: [before.owner, after.owner], text: `${where}: owner changed from ${OWNER_WORD[before.owner]} to ${OWNER_WORD[after.owner]}.` });
  }
  if (before.condition !== after.condition) {
    const text = after.condition === null ? `${where}: condition removed.` : before.condition === null ? `${where}: new condition: ${quote(after.condition)}.` : `${where}: condition is now ${quote(after.condition)}.`;
    changes.push({ ...base, kind: 'condition-changed', owners: [after.owner], text });
  }
  const sides = [before.aws !== after.aws ? "AWS's part" : null, before.customer !== after.customer ? "the customer's part" : null].filter((x): x is string => x !== null);
  if (sides.length > 0) changes.push({ ...base, kind: 'parts-changed', owners: [after.owner], text: `${where}: ${sides.join(' and ')} reworded.` });
  return changes;
}

const ASPECTS_NAMED = 3;

/** Each aspect phrase with its owner: "parameter groups" -> customer. */
function aspectOwners(entry: SnapshotEntry): Map<string, 'aws' | 'customer'> {
  return new Map((entry.aspects ?? []).flatMap((a) => a.about.map((phrase) => [phrase, a.owner] as const)));
}

function compareAspects(where: string, service: string, task: string, before: SnapshotEntry, after: SnapshotEntry): Change[] {
  const b = aspectOwners(before);
  const a = aspectOwners(after);
  // Grouped by the side that now owns each changed piece, a few named per side, so that a
  // base adding hundreds of phrases still makes a readable announcement.
  const bySide = new Map<string, string[]>();
  const add = (side: string, phrase: string): void => void bySide.set(side, [...(bySide.get(side) ?? []), phrase]);
  for (const [phrase, owner] of a) if (b.get(phrase) !== owner) add(OWNER_WORD[owner], phrase);
  for (const phrase of b.keys()) if (!a.has(phrase)) add('as for the entry', phrase);
  if (bySide.size === 0) return [];
  const said = [...bySide].map(([side, phrases]) => `${side}: ${phrases.slice(0, ASPECTS_NAMED).join(', ')}${phrases.length > ASPECTS_NAMED ? ` and ${phrases.length - ASPECTS_NAMED} more` : ''}`);
  const owners = [...new Set([after.owner, ...a.values()])];
  return [{ kind: 'aspects-changed', service, task, owners, text: `${where}: who owns which piece changed (${said.join('; ')}).` }];
}

function compareEntries(serviceName: string, variants: Readonly<Record<string, string>>, service: string, task: string, taskName: string, before: SnapshotEntry, after: SnapshotEntry): Change[] {
  const where = `${serviceName} · ${taskName}`;
  const changes = compareParts(where, service, task, before, after);
  const variantIds = [...new Set([...Object.keys(before.byVariant), ...Object.keys(after.byVariant)])].sort();
  for (const variant of variantIds) {
    const b = before.byVariant[variant];
    const a = after.byVariant[variant];
    const label = `${where} (${variants[variant] ?? variant})`;
    if (b && a) changes.push(...compareParts(label, service, task, b, a));
    else if (a) changes.push({ kind: 'owner-changed', service, task, owners: [a.owner], text: `${label}: now answered separately, owner ${OWNER_WORD[a.owner]}.` });
    else if (b) changes.push({ kind: 'owner-changed', service, task, owners: [b.owner, after.owner], text: `${label}: no longer answered separately; owner ${OWNER_WORD[after.owner]} as for the service.` });
  }
  const teamBefore = before.team ?? null;
  const teamAfter = after.team ?? null;
  if (teamBefore !== teamAfter) {
    const text = teamAfter === null ? `${where}: no internal team is named any more.` : teamBefore === null ? `${where}: internal owner is now ${teamAfter}.` : `${where}: internal owner changed from ${teamBefore} to ${teamAfter}.`;
    changes.push({ kind: 'team-changed', service, task, owners: [after.owner], text });
  }
  changes.push(...compareAspects(where, service, task, before, after));
  const added = after.sources.filter((s) => !before.sources.includes(s));
  const removed = before.sources.filter((s) => !after.sources.includes(s));
  if (added.length > 0 || removed.length > 0) {
    const parts = [added.length ? `${added.length} added` : '', removed.length ? `${removed.length} removed` : ''].filter(Boolean).join(', ');
    changes.push({ kind: 'sources-changed', service, task, owners: [after.owner], text: `${where}: sources changed (${parts}).` });
  }
  return changes;
}

export function diffSnapshots(before: KbSnapshot, after: KbSnapshot): Change[] {
  const changes: Change[] = [];
  const taskName = (id: string): string => after.tasks[id] ?? before.tasks[id] ?? id;

  for (const id of Object.keys(after.tasks).sort()) {
    if (!(id in before.tasks)) changes.push({ kind: 'task-added', service: null, task: id, owners: [], text: `New task: ${after.tasks[id]}.` });
  }
  for (const id of Object.keys(before.tasks).sort()) {
    if (!(id in after.tasks)) changes.push({ kind: 'task-removed', service: null, task: id, owners: [], text: `Task removed: ${before.tasks[id]}.` });
  }

  const serviceIds = [...new Set([...Object.keys(before.services), ...Object.keys(after.services)])].sort();
  for (const service of serviceIds) {
    const b = before.services[service];
    const a = after.services[service];
    if (!b && a) {
      const count = Object.keys(a.entries).length;
      changes.push({ kind: 'service-added', service, task: null, owners: [], text: `New service: ${a.name} (${count} responsibilit${count === 1 ? 'y' : 'ies'}).` });
      continue;
    }
    if (b && !a) {
      changes.push({ kind: 'service-removed', service, task: null, owners: [], text: `Service removed: ${b.name}.` });
      continue;
    }
    if (!a || !b) continue;
    const tasks = [...new Set([...Object.keys(b.entries), ...Object.keys(a.entries)])].sort();
    for (const task of tasks) {
      const eb = b.entries[task];
      const ea = a.entries[task];
      const where = `${a.name} · ${taskName(task)}`;
      if (!eb && ea) changes.push({ kind: 'entry-added', service, task, owners: [ea.owner], text: `${where}: new entry, owner ${OWNER_WORD[ea.owner]}.` });
      else if (eb && !ea) changes.push({ kind: 'entry-removed', service, task, owners: [eb.owner], text: `${where}: entry removed (was ${OWNER_WORD[eb.owner]}); the category default applies.` });
      else if (eb && ea) changes.push(...compareEntries(a.name, { ...b.variants, ...a.variants }, service, task, taskName(task), eb, ea));
    }
  }
  return changes;
}

export interface ChangeFilter {
  readonly services: readonly string[];
  readonly tasks: readonly string[];
  readonly owners: readonly Owner[];
}

/** The changes a subscription's filters select; empty filter lists select everything. */
export function selectChanges(changes: readonly Change[], filter: ChangeFilter): Change[] {
  return changes.filter(
    (c) =>
      (filter.services.length === 0 || (c.service !== null && filter.services.includes(c.service))) &&
      (filter.tasks.length === 0 || (c.task !== null && filter.tasks.includes(c.task))) &&
      (filter.owners.length === 0 || c.owners.some((o) => filter.owners.includes(o))),
  );
}
