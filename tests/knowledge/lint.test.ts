import { kbStats, lintKnowledgeBase } from '../../src/knowledge/lint';
import { loadKnowledgeBaseOrThrow } from '../../src/knowledge/loader';
import { fixtureKb, serviceYaml } from '../support/fixture-kb';
import { shippedKb } from '../support/kb';

describe('kb lint', () => {
  it('finds no errors in the shipped base', () => {
    expect(lintKnowledgeBase(shippedKb()).filter((f) => f.level === 'error')).toEqual([]);
  });

  it('warns about stale reviews and missing core tasks, and errs on dates in the future', () => {
    const stale = serviceYaml('old').replace('reviewed: 2026-11-23', 'reviewed: 2024-01-01');
    const future = serviceYaml('future').replace('reviewed: 2026-11-23', 'reviewed: 2031-01-01');
    const kb = loadKnowledgeBaseOrThrow(fixtureKb({ 'old.yaml': stale, 'future.yaml': future }));
    const findings = lintKnowledgeBase(kb, new Date('2026-11-23'));
    expect(findings).toEqual(
      expect.arrayContaining([
        { level: 'warning', where: 'aws/old.yaml: responsibilities[0] (patching)', message: 'reviewed 2024-01-01, more than 12 months ago' },
        { level: 'warning', where: 'aws/old.yaml', message: 'no entry for core abstracted task(s): iam (the category default answers)' },
        { level: 'error', where: 'aws/future.yaml: responsibilities[0] (patching)', message: 'reviewed 2031-01-01 is in the future' },
      ]),
    );
  });

  it('errs when one synonym points at two tasks', () => {
    const kb = shippedKb();
    const tasks = new Map(kb.tasks);
    const iam = tasks.get('iam');
    if (!iam) throw new Error('iam task missing');
    tasks.set('iam', { ...iam, synonyms: [...iam.synonyms, 'physical security'] });
    const findings = lintKnowledgeBase({ ...kb, tasks });
    const clash = findings.filter((f) => f.level === 'error' && f.message.startsWith('synonym "physical security" also belongs to task'));
    expect(clash).toHaveLength(1);
    expect(`${clash[0]?.where} ${clash[0]?.message}`).toMatch(/physical-security.*"iam"|iam.*"physical-security"/);
  });
});

describe('kb lint: aspects', () => {
  it('errs on an aspect that gives the entry its own owner, or has only small words', () => {
    const extra = '    aspects:\n      - owner: aws\n        about: [the nodes]\n      - owner: customer\n        about: [of the]\n';
    const text = serviceYaml('asp').replace('    sources:', `${extra}    sources:`);
    const findings = lintKnowledgeBase(loadKnowledgeBaseOrThrow(fixtureKb({ 'asp.yaml': text })));
    const errors = findings.filter((f) => f.level === 'error').map((f) => f.message);
    expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(/is the entry's own owner/), expect.stringMatching(/"of the" has only small words/)]));
  });
});

describe('kb stats', () => {
  it('counts services, responsibilities and owners', () => {
    const stats = kbStats(shippedKb());
    expect(stats.services).toBe(shippedKb().services.size);
    expect(stats.byOwner.aws + stats.byOwner.customer + stats.byOwner.shared).toBe(stats.responsibilities);
    expect(stats.byCategory.reduce((n, c) => n + c.services, 0)).toBe(stats.services);
  });
});
