import type { OrgOverlay } from './org';
import type { Category, Model, Owner, Responsibility, Service, Task } from './schema';

/** The loaded, validated, read-only knowledge base. */
export interface KnowledgeBase {
  readonly dir: string;
  readonly version: string;
  readonly model: Model;
  readonly concepts: Readonly<Record<string, readonly string[]>>;
  readonly tasks: ReadonlyMap<string, Task>;
  readonly services: ReadonlyMap<string, Service>;
  /** The newest `reviewed` date in the base, shown on cards as the review date. */
  readonly reviewed: string;
  /** Which internal teams own the customer's side, when an organisation overlay is loaded. */
  readonly org: OrgOverlay | null;
}

export function findResponsibility(service: Service, taskId: string): Responsibility | undefined {
  return service.responsibilities.find((r) => r.task === taskId);
}

export function categoryDefault(task: Task, category: Category): Owner {
  return task.defaults[category];
}

export function childTasks(kb: KnowledgeBase, parentId: string): Task[] {
  return [...kb.tasks.values()].filter((t) => t.parent === parentId);
}
