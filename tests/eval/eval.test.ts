import path from 'node:path';
import { formatReport, readQuestions, runEval, type EvalKind } from '../../src/eval/eval';
import { ROOT, shippedBot } from '../support/kb';

/**
 * questions.jsonl: 1,005 labelled questions over all 135 services (the first 548 reviewed miss by
 * miss; the 457 about services added later written independently, their misses under review).
 * The issue asks for 95% per kind; until the review reaches it these floors sit just below the
 * current figures, so that any regression fails the build. Raise them as the figures rise.
 */
const SETS: ReadonlyArray<{ file: string; floor: Partial<Record<EvalKind, number>>; minimum: number }> = [
  { file: 'questions.jsonl', floor: { answer: 0.87, general: 0.95, ambiguous: 0.83, out_of_scope: 0.95 }, minimum: 800 },
];

describe.each(SETS)('labelled questions: $file', ({ file, floor, minimum }) => {
  const questions = readQuestions(path.join(ROOT, 'tests', 'eval', file));
  const report = runEval(shippedBot(), questions);

  it(`has at least ${minimum} questions`, () => {
    expect(questions.length).toBeGreaterThanOrEqual(minimum);
  });

  it('stays at or above the floor for every kind', () => {
    const below = [...report.byKind.entries()].filter(([kind, s]) => s.passed / s.total < (floor[kind] ?? 0)).map(([kind, s]) => `${kind} ${((100 * s.passed) / s.total).toFixed(1)}%`);
    if (below.length > 0) console.log(formatReport(report));
    expect(below).toEqual([]);
  });
});
