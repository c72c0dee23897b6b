/** `npm run eval`: accuracy per kind of question over tests/eval/questions.jsonl, with the misses. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { toAskJson, type AskJson } from '../answers/json';
import type { Bot } from '../bot';
import { ownerSchema } from '../knowledge/schema';

/**
 * Held-out sets kept honest: their misses are never read to choose a fix, so `whoowns eval`
 * prints only their figures unless one is named with --file.
 */
export const FIGURE_ONLY_SETS: readonly string[] = ['holdout-2.jsonl', 'holdout-4.jsonl'];

export const KINDS = ['answer', 'general', 'ambiguous', 'out_of_scope', 'overview'] as const;
export type EvalKind = (typeof KINDS)[number];

const questionSchema = z.object({
  q: z.string(),
  kind: z.enum(KINDS),
  service: z.string().nullable().optional(),
  task: z.string().nullable().optional(),
  owners: z.array(ownerSchema).default([]),
  /**
   * Other services the question names whose entry also answers it correctly ("EC2 instances on an
   * Outpost: who patches the OS?" is answered by EC2's entry). Set only in review, with a note.
   */
  alsoServices: z.array(z.string()).default([]),
  /** Why a label was changed or widened in review. */
  review: z.string().optional(),
});
export type EvalQuestion = z.infer<typeof questionSchema>;

export interface EvalMiss {
  readonly question: EvalQuestion;
  readonly got: AskJson;
}

export interface EvalReport {
  readonly total: number;
  readonly byKind: ReadonlyMap<EvalKind, { passed: number; total: number }>;
  readonly misses: readonly EvalMiss[];
}

export function readQuestions(file: string): EvalQuestion[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), i }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, i }) => {
      const parsed = questionSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message ?? 'invalid question'}`);
      return parsed.data;
    });
}

export function passes(q: EvalQuestion, got: AskJson): boolean {
  switch (q.kind) {
    case 'answer':
      return got.status === 'answered' && got.service !== null && (got.service.id === q.service || q.alsoServices.includes(got.service.id)) && got.owner !== null && q.owners.includes(got.owner);
    case 'general':
      return got.status === 'answered' && got.service === null && got.owner !== null && q.owners.includes(got.owner);
    case 'ambiguous':
      return got.status === 'clarify';
    case 'out_of_scope':
      return got.status === 'unknown';
    case 'overview':
      return got.status === 'overview' && got.service?.id === q.service;
  }
}

export function runEval(bot: Bot, questions: readonly EvalQuestion[]): EvalReport {
  const byKind = new Map<EvalKind, { passed: number; total: number }>();
  const misses: EvalMiss[] = [];
  for (const q of questions) {
    const got = toAskJson(bot.handle({ text: q.q }));
    const stats = byKind.get(q.kind) ?? { passed: 0, total: 0 };
    stats.total += 1;
    if (passes(q, got)) stats.passed += 1;
    else misses.push({ question: q, got });
    byKind.set(q.kind, stats);
  }
  return { total: questions.length, byKind, misses };
}

export function formatReport(report: EvalReport, showMisses = true): string {
  const lines: string[] = [];
  if (showMisses && report.misses.length > 0) {
    lines.push(`misses (${report.misses.length}):`);
    for (const { question: q, got } of report.misses) {
      const expected = q.kind === 'answer' || q.kind === 'general' ? `${q.service ?? '-'} ${q.owners.join('|')}` : q.kind;
      lines.push(`  [${q.kind}] ${JSON.stringify(q.q)}\n      expected ${expected}; got ${got.status} ${got.service?.id ?? '-'} ${got.task?.id ?? '-'} ${got.owner ?? '-'}`);
    }
    lines.push('');
  }
  lines.push(`questions: ${report.total}`);
  for (const kind of KINDS) {
    const s = report.byKind.get(kind);
    if (!s) continue;
    lines.push(`${kind.padEnd(13)} ${((100 * s.passed) / s.total).toFixed(1).padStart(5)}%  (${s.passed}/${s.total})`);
  }
  const passed = [...report.byKind.values()].reduce((n, s) => n + s.passed, 0);
  lines.push(`overall       ${((100 * passed) / Math.max(1, report.total)).toFixed(1).padStart(5)}%  (${passed}/${report.total})`);
  return lines.join('\n');
}
