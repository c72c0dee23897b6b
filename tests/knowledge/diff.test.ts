import { main } from '../../src/cli';
import { diffSnapshots, selectChanges } from '../../src/knowledge/diff';
import { loadKnowledgeBaseOrThrow } from '../../src/knowledge/loader';
import { snapshotOf } from '../../src/knowledge/snapshot';
import { newFixture, oldFixture } from '../support/diff-fixtures';
import { shippedKb } from '../support/kb';

const before = snapshotOf(loadKnowledgeBaseOrThrow(oldFixture()));
const after = snapshotOf(loadKnowledgeBaseOrThrow(newFixture()));

describe('the semantic diff of two bases', () => {
  it('says what changed, in words, word for word', () => {
    expect(diffSnapshots(before, after).map((c) => c.text)).toEqual([
      'Service removed: Amazon Doohickey.',
      'New service: Amazon Gadget (2 responsibilities).',
      'Amazon Widget · Backups and restore: condition is now “Backups are on by default”.',
      'Amazon Widget · Encryption at rest (Large widgets): owner changed from AWS to shared.',
      "Amazon Widget · Encryption at rest (Large widgets): the customer's part reworded.",
      'Amazon Widget · Logging and audit: entry removed (was the customer); the category default applies.',
      'Amazon Widget · Monitoring and alerting: new entry, owner the customer.',
      'Amazon Widget · Patching and updates: owner changed from AWS to shared.',
      "Amazon Widget · Patching and updates: the customer's part reworded.",
      'Amazon Widget · Patching and updates: sources changed (1 added).',
    ]);
  });

  it('finds nothing between a base and itself', () => {
    expect(diffSnapshots(after, after)).toEqual([]);
  });

  it('lets a subscription pick its changes by service, task and owner', () => {
    const changes = diffSnapshots(before, after);
    expect(selectChanges(changes, { services: ['gadget'], tasks: [], owners: [] }).map((c) => c.kind)).toEqual(['service-added']);
    expect(selectChanges(changes, { services: ['widget'], tasks: ['patching'], owners: [] })).toHaveLength(3);
    expect(selectChanges(changes, { services: [], tasks: [], owners: ['aws'] }).map((c) => c.text)).toEqual([
      'Amazon Widget · Encryption at rest (Large widgets): owner changed from AWS to shared.',
      'Amazon Widget · Patching and updates: owner changed from AWS to shared.',
    ]);
    expect(selectChanges(changes, { services: ['rds'], tasks: [], owners: [] })).toEqual([]);
  });
});

describe('the semantic diff: aspects', () => {
  it('says when the owner of a piece of an entry changes', () => {
    const entry = after.services.widget?.entries.patching;
    if (!entry || !after.services.widget) throw new Error('fixture changed');
    const withAspect = { ...after, services: { ...after.services, widget: { ...after.services.widget, entries: { ...after.services.widget.entries, patching: { ...entry, aspects: [{ owner: 'customer' as const, about: ['plugins'] }] } } } } };
    expect(diffSnapshots(after, withAspect).map((c) => [c.kind, c.text])).toEqual([['aspects-changed', 'Amazon Widget · Patching and updates: who owns which piece changed (the customer: plugins).']]);
    expect(diffSnapshots(withAspect, after).map((c) => c.text)).toEqual(['Amazon Widget · Patching and updates: who owns which piece changed (as for the entry: plugins).']);
    const many = { ...after, services: { ...after.services, widget: { ...after.services.widget, entries: { ...after.services.widget.entries, patching: { ...entry, aspects: [{ owner: 'aws' as const, about: ['hosts', 'hypervisor', 'firmware', 'racks', 'cabling'] }] } } } } };
    expect(diffSnapshots(after, many).map((c) => c.text)).toEqual(['Amazon Widget · Patching and updates: who owns which piece changed (AWS: hosts, hypervisor, firmware and 2 more).']);
  });
});

describe('whoowns kb diff', () => {
  it('prints the changes between two directories', async () => {
    const out: string[] = [];
    const code = await main(['kb', 'diff', oldFixture(), newFixture()], { out: (s) => out.push(s), err: (s) => out.push(s), stdin: process.stdin });
    expect(code).toBe(0);
    expect(out[0]).toBe(`knowledge base ${shippedKb().version} -> 9.1.0: 10 changes`);
    expect(out).toContain('  - Amazon Widget · Patching and updates: owner changed from AWS to shared.');
  });

  it('compares git refs of the knowledge folder', async () => {
    const out: string[] = [];
    const code = await main(['kb', 'diff', 'HEAD', 'HEAD'], { out: (s) => out.push(s), err: (s) => out.push(s), stdin: process.stdin });
    if (code !== 0) throw new Error(out.join('\n'));
    expect(out[0]).toMatch(/^knowledge base \d+\.\d+\.\d+ -> \d+\.\d+\.\d+: no changes$/);
  });

  it('refuses something that is neither a directory nor a ref', async () => {
    const err: string[] = [];
    const code = await main(['kb', 'diff', '--upload-pack=evil', 'HEAD'], { out: () => undefined, err: (s) => err.push(s), stdin: process.stdin });
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/neither a directory nor a git ref/);
  });
});
