import path from 'node:path';
import { formatReport, readQuestions, runEval } from '../../src/eval/eval';
import { ROOT, shippedBot } from '../support/kb';

describe('labelled questions', () => {
  const questions = readQuestions(path.join(ROOT, 'tests', 'eval', 'questions.jsonl'));
  const report = runEval(shippedBot(), questions);

  it('has at least 400 questions of the four kinds', () => {
    expect(questions.length).toBeGreaterThanOrEqual(400);
    for (const kind of ['answer', 'general', 'ambiguous', 'out_of_scope'] as const) expect(report.byKind.get(kind)?.total ?? 0).toBeGreaterThan(20);
  });

  it('stays at 90% or better for every kind', () => {
    const below = [...report.byKind.entries()].filter(([, s]) => s.passed / s.total < 0.9).map(([kind]) => kind);
    if (below.length > 0) console.log(formatReport(report));
    expect(below).toEqual([]);
  });
});
