/**
 * A knowledge base reduced to what announcements compare: plain JSON, stored in the database
 * as "the last announced base", so a new base can be compared with it after any restart.
 */
import type { KnowledgeBase } from './knowledge-base';
import { internalTeam } from './org';
import type { Owner } from './schema';

export interface SnapshotPart {
  readonly owner: Owner;
  readonly aws: string;
  readonly customer: string;
  readonly condition: string | null;
}

export interface SnapshotEntry extends SnapshotPart {
  readonly byVariant: Readonly<Record<string, SnapshotPart>>;
  readonly sources: readonly string[];
  /** The organisation's team for the customer's side (organisation overlay), if any. */
  readonly team?: string | null;
  /** Pieces one side owns alone; absent in snapshots stored before aspects existed. */
  readonly aspects?: ReadonlyArray<{ readonly owner: 'aws' | 'customer'; readonly about: readonly string[] }>;
}

export interface SnapshotService {
  readonly name: string;
  readonly variants: Readonly<Record<string, string>>;
  readonly entries: Readonly<Record<string, SnapshotEntry>>;
}

export interface KbSnapshot {
  /** The base's version, plus "+org.<n>" when an organisation overlay is loaded. */
  readonly version: string;
  /** The maintainers' changelog line for this version. */
  readonly changelog: string;
  readonly tasks: Readonly<Record<string, string>>;
  readonly services: Readonly<Record<string, SnapshotService>>;
}

export function snapshotOf(kb: KnowledgeBase): KbSnapshot {
  const services: Record<string, SnapshotService> = {};
  for (const s of kb.services.values()) {
    const entries: Record<string, SnapshotEntry> = {};
    for (const r of s.responsibilities) {
      const byVariant: Record<string, SnapshotPart> = {};
      for (const [variant, part] of Object.entries(r.byVariant ?? {})) {
        byVariant[variant] = { owner: part.owner, aws: part.aws, customer: part.customer, condition: part.condition ?? null };
      }
      const task = kb.tasks.get(r.task);
      const team = kb.org && task && r.owner !== 'aws' ? (internalTeam(kb.org, s, task)?.name ?? null) : null;
      const aspects = (r.aspects ?? []).map((a) => ({ owner: a.owner, about: [...a.about] }));
      entries[r.task] = { owner: r.owner, aws: r.aws, customer: r.customer, condition: r.condition ?? null, byVariant, sources: [...r.sources], ...(kb.org ? { team } : {}), ...(aspects.length ? { aspects } : {}) };
    }
    services[s.id] = { name: s.shortName, variants: Object.fromEntries((s.variants ?? []).map((v) => [v.id, v.name])), entries };
  }
  return {
    version: kb.org ? `${kb.version}+org.${kb.org.version}` : kb.version,
    changelog: kb.model.changelog.find((c) => c.version === kb.version)?.summary ?? '',
    tasks: Object.fromEntries([...kb.tasks.values()].map((t) => [t.id, t.name])),
    services,
  };
}
