/** Rules that span files: task ids, variants, parents, concepts and alias collisions. */
import { stemAll } from '../text/stem';
import { toWords } from '../text/normalise';
import type { KbIssue } from './issues';
import type { Model, Service, TasksFile } from './schema';

export function aliasKey(alias: string): string {
  return stemAll(toWords(alias)).join('');
}

export function crossValidate(model: Model, tasksFile: TasksFile, services: ReadonlyArray<{ file: string; service: Service }>): KbIssue[] {
  const issues: KbIssue[] = [];
  const taskIds = new Map<string, number>();
  tasksFile.tasks.forEach((task, i) => {
    if (taskIds.has(task.id)) issues.push({ file: 'tasks.yaml', path: `tasks[${i}].id`, message: `duplicate task id "${task.id}"` });
    taskIds.set(task.id, i);
  });
  tasksFile.tasks.forEach((task, i) => {
    if (task.parent !== undefined && !taskIds.has(task.parent)) {
      issues.push({ file: 'tasks.yaml', path: `tasks[${i}].parent`, message: `unknown task "${task.parent}"` });
    }
    task.synonyms.forEach((synonym, j) => {
      for (const word of synonym.split(/\s+/)) {
        if (word.startsWith('@') && !(word.slice(1) in tasksFile.concepts)) {
          issues.push({ file: 'tasks.yaml', path: `tasks[${i}].synonyms[${j}]`, message: `unknown concept "${word}"` });
        }
      }
    });
  });

  if (!model.changelog.some((entry) => entry.version === model.version)) {
    issues.push({ file: 'model.yaml', path: 'changelog', message: `has no entry for the current version ${model.version}` });
  }

  const aliasOwner = new Map<string, string>();
  const serviceIds = new Set<string>();
  for (const { file, service } of services) {
    const expected = `${service.id}.yaml`;
    if (!file.endsWith(`/${expected}`) && file !== expected) {
      issues.push({ file, path: 'id', message: `"${service.id}" does not match the file name (expected aws/${expected})` });
    }
    if (serviceIds.has(service.id)) issues.push({ file, path: 'id', message: `duplicate service id "${service.id}"` });
    serviceIds.add(service.id);

    service.aliases.forEach((alias, i) => {
      const key = aliasKey(alias);
      const owner = aliasOwner.get(key);
      if (owner !== undefined && owner !== service.id) {
        issues.push({ file, path: `aliases[${i}]`, message: `alias "${alias}" is already claimed by service "${owner}"` });
      } else if (key === '') {
        issues.push({ file, path: `aliases[${i}]`, message: 'alias has no letters or digits' });
      }
      aliasOwner.set(key, service.id);
    });

    const variantIds = new Set<string>();
    (service.variants ?? []).forEach((variant, i) => {
      if (variantIds.has(variant.id)) issues.push({ file, path: `variants[${i}].id`, message: `duplicate variant id "${variant.id}"` });
      variantIds.add(variant.id);
    });

    if (service.defaultVariant !== undefined && !variantIds.has(service.defaultVariant)) {
      issues.push({ file, path: 'defaultVariant', message: `unknown variant "${service.defaultVariant}"` });
    }

    const seenTasks = new Set<string>();
    service.responsibilities.forEach((r, i) => {
      if (!taskIds.has(r.task)) issues.push({ file, path: `responsibilities[${i}].task`, message: `unknown task "${r.task}" (not in tasks.yaml)` });
      if (seenTasks.has(r.task)) issues.push({ file, path: `responsibilities[${i}].task`, message: `task "${r.task}" appears twice` });
      seenTasks.add(r.task);
      for (const variantId of Object.keys(r.byVariant ?? {})) {
        if (!variantIds.has(variantId)) {
          issues.push({ file, path: `responsibilities[${i}].byVariant.${variantId}`, message: `unknown variant "${variantId}" (the service lists: ${[...variantIds].join(', ') || 'none'})` });
        }
      }
    });
  }
  return issues;
}
