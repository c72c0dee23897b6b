/** The whole matrix as rows, and as CSV, Markdown or JSON (`whoowns kb export`). */
import type { KnowledgeBase } from './knowledge-base';
import { internalTeam } from './org';

export interface MatrixExportRow {
  service: string;
  serviceName: string;
  category: string;
  task: string;
  taskName: string;
  variant: string;
  owner: string;
  aws: string;
  customer: string;
  condition: string;
  sources: string;
  reviewed: string;
  internalTeam: string;
  internalContact: string;
}

export function matrixRows(kb: KnowledgeBase): MatrixExportRow[] {
  const rows: MatrixExportRow[] = [];
  for (const service of [...kb.services.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    for (const r of service.responsibilities) {
      const task = kb.tasks.get(r.task);
      const team = (owner: string) => (kb.org && task && owner !== 'aws' ? internalTeam(kb.org, service, task) : null);
      const internal = (owner: string) => ({ internalTeam: team(owner)?.name ?? '', internalContact: team(owner)?.contact ?? team(owner)?.slackChannel ?? '' });
      const common = {
        service: service.id,
        serviceName: service.shortName,
        category: service.category,
        task: r.task,
        taskName: kb.tasks.get(r.task)?.name ?? r.task,
        sources: r.sources.join(' '),
        reviewed: r.reviewed,
      };
      rows.push({ ...common, variant: '', owner: r.owner, aws: r.aws, customer: r.customer, condition: r.condition ?? '', ...internal(r.owner) });
      for (const [variantId, part] of Object.entries(r.byVariant ?? {})) {
        const variant = service.variants?.find((v) => v.id === variantId)?.name ?? variantId;
        rows.push({ ...common, variant, owner: part.owner, aws: part.aws, customer: part.customer, condition: part.condition ?? r.condition ?? '', ...internal(part.owner) });
      }
    }
  }
  return rows;
}

const COLUMNS: ReadonlyArray<keyof MatrixExportRow> = ['service', 'serviceName', 'category', 'task', 'taskName', 'variant', 'owner', 'aws', 'customer', 'condition', 'sources', 'reviewed', 'internalTeam', 'internalContact'];

function csvCell(value: string): string {
  // Cells starting with = + - @ are neutralised so spreadsheets do not run them as formulas.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly MatrixExportRow[]): string {
  return [COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((c) => csvCell(row[c])).join(','))].join('\n') + '\n';
}

export function toMarkdown(rows: readonly MatrixExportRow[]): string {
  const cell = (v: string): string => v.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const head = ['Service', 'Task', 'Variant', 'Owner', 'AWS', 'Customer', 'Condition', 'Sources', 'Reviewed', 'Internal team'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows) {
    const sources = r.sources.split(' ').map((u, i) => `[${i + 1}](${u})`).join(' ');
    lines.push(`| ${[r.serviceName, r.taskName, r.variant, r.owner, r.aws, r.customer, r.condition].map(cell).join(' | ')} | ${sources} | ${r.reviewed} | ${cell(r.internalTeam)} |`);
  }
  return lines.join('\n') + '\n';
}
