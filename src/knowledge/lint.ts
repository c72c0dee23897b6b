/**
 * `whoowns kb lint`: review checks beyond validity. Errors make the base untrustworthy and fail
 * `npm test`; warnings are for the maintainers' review list.
 */
import { expandSynonym } from '../resolver/lexicon';
import { STOPWORDS } from '../resolver/words';
import { stemAll } from '../text/stem';
import { toWords } from '../text/normalise';
import type { KnowledgeBase } from './knowledge-base';
import { aliasKey } from './validate';
import type { Category } from './schema';

export interface LintFinding {
  readonly level: 'error' | 'warning';
  readonly where: string;
  readonly message: string;
}

/** Tasks every service of a category should say something about. */
export const CORE_TASKS: Readonly<Record<Category, readonly string[]>> = {
  infrastructure: ['patching', 'iam', 'security-groups', 'network-config', 'encryption-at-rest', 'backups'],
  container: ['patching', 'iam', 'encryption-at-rest'],
  abstracted: ['patching', 'iam'],
  saas: ['patching'],
};

const STALE_DAYS = 365;

export function lintKnowledgeBase(kb: KnowledgeBase, today: Date = new Date()): LintFinding[] {
  const findings: LintFinding[] = [];
  const error = (where: string, message: string): void => void findings.push({ level: 'error', where, message });
  const warn = (where: string, message: string): void => void findings.push({ level: 'warning', where, message });

  // Tasks: every task needs synonyms; one synonym must not point at two tasks.
  const owners = new Map<string, string>();
  for (const task of kb.tasks.values()) {
    if (task.synonyms.length === 0) error(`tasks.yaml: ${task.id}`, 'has no synonyms');
    for (const synonym of task.synonyms) {
      for (const phrase of expandSynonym(synonym, kb.concepts)) {
        const key = [...new Set(stemAll(toWords(phrase)))].sort().join(' ');
        const other = owners.get(key);
        if (other && other !== task.id) error(`tasks.yaml: ${task.id}`, `synonym "${phrase}" also belongs to task "${other}"`);
        else owners.set(key, task.id);
      }
    }
  }

  // A part that stands for a service must not be another service's name: it is only consulted
  // when no service is named, and a name would then never be seen.
  const aliasOwner = new Map<string, string>();
  for (const service of kb.services.values()) for (const alias of service.aliases) aliasOwner.set(aliasKey(alias), service.id);
  for (const service of kb.services.values()) {
    for (const phrase of service.impliedBy ?? []) {
      const owner = aliasOwner.get(aliasKey(phrase));
      if (owner) error(`aws/${service.id}.yaml: impliedBy`, `"${phrase}" is an alias of ${owner === service.id ? 'this service' : `"${owner}"`}`);
    }
  }

  for (const service of kb.services.values()) {
    const file = `aws/${service.id}.yaml`;
    const tasks = new Set(service.responsibilities.map((r) => r.task));
    const missing = CORE_TASKS[service.category].filter((t) => !tasks.has(t));
    if (missing.length > 0) warn(file, `no entry for core ${service.category} task(s): ${missing.join(', ')} (the category default answers)`);
    if (service.responsibilities.length < 4) warn(file, `only ${service.responsibilities.length} responsibilities`);
    const variants = (service.variants ?? []).map((v) => v.id);
    const serviceNames = [service.shortName, service.id].map((name) => stemAll(toWords(name)).filter((w) => !STOPWORDS.has(w)));
    service.responsibilities.forEach((r, i) => {
      const where = `${file}: responsibilities[${i}] (${r.task})`;
      if (!kb.tasks.has(r.task)) error(where, `dangling task id "${r.task}"`);
      if (r.sources.length === 0) error(where, 'has no sources');
      const age = (today.getTime() - Date.parse(r.reviewed)) / 86_400_000;
      if (age > STALE_DAYS) warn(where, `reviewed ${r.reviewed}, more than 12 months ago`);
      if (age < -1) error(where, `reviewed ${r.reviewed} is in the future`);
      (r.aspects ?? []).forEach((aspect, k) => {
        // With variants an aspect of the entry's own owner still says something: it holds for every variant.
        if (aspect.owner === r.owner && !r.byVariant) error(`${where}: aspects[${k}]`, `owner "${aspect.owner}" is the entry's own owner; an aspect names what the other side owns`);
        for (const v of aspect.variants ?? []) if (!variants.includes(v)) error(`${where}: aspects[${k}]`, `unknown variant "${v}"`);
        for (const phrase of aspect.about) {
          const words = new Set(stemAll(toWords(phrase)));
          if ([...words].every((w) => STOPWORDS.has(w))) error(`${where}: aspects[${k}]`, `"${phrase}" has only small words`);
          // Questions about the service name it anyway, so those words add nothing to the phrase.
          const named = serviceNames.find((name) => name.length > 0 && name.every((w) => words.has(w)));
          if (named) warn(`${where}: aspects[${k}]`, `"${phrase}" contains the service's name "${named.join(' ')}", which every question about it holds`);
        }
      });
      const given = Object.keys(r.byVariant ?? {});
      if (given.length > 0 && given.length < variants.length) warn(where, `byVariant covers ${given.join(', ')} but not ${variants.filter((v) => !given.includes(v)).join(', ')}`);
    });
  }
  return findings;
}

export interface KbStats {
  readonly version: string;
  readonly services: number;
  readonly tasks: number;
  readonly responsibilities: number;
  readonly conditions: number;
  readonly variantEntries: number;
  readonly sources: number;
  readonly byCategory: ReadonlyArray<{ category: string; services: number; responsibilities: number }>;
  readonly byOwner: Readonly<Record<'aws' | 'customer' | 'shared', number>>;
}

export function kbStats(kb: KnowledgeBase): KbStats {
  const services = [...kb.services.values()];
  const responsibilities = services.flatMap((s) => s.responsibilities);
  const byOwner = { aws: 0, customer: 0, shared: 0 };
  for (const r of responsibilities) byOwner[r.owner] += 1;
  const categories = [...new Set(services.map((s) => s.category))].sort();
  return {
    version: kb.version,
    services: services.length,
    tasks: kb.tasks.size,
    responsibilities: responsibilities.length,
    conditions: responsibilities.filter((r) => r.condition).length + responsibilities.flatMap((r) => Object.values(r.byVariant ?? {})).filter((p) => p.condition).length,
    variantEntries: responsibilities.filter((r) => r.byVariant && Object.keys(r.byVariant).length > 0).length,
    sources: new Set(responsibilities.flatMap((r) => r.sources)).size,
    byCategory: categories.map((category) => {
      const inCategory = services.filter((s) => s.category === category);
      return { category, services: inCategory.length, responsibilities: inCategory.reduce((n, s) => n + s.responsibilities.length, 0) };
    }),
    byOwner,
  };
}
