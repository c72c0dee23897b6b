import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixtureKb } from './fixture-kb';
import { ROOT } from './kb';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'kb-diff');
const read = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');

/** Sets the base's version and adds the maintainers' changelog line for it. */
export function setVersion(dir: string, version: string, summary: string): void {
  const file = path.join(dir, 'model.yaml');
  const text = readFileSync(file, 'utf8').replace(/^version: .*$/m, `version: ${version}`).replace(/^changelog:\n/m, `changelog:\n  - version: ${version}\n    date: 2026-11-20\n    summary: ${summary}\n`);
  writeFileSync(file, text);
}

/** Version 1.0.0: widget and doohickey. */
export function oldFixture(): string {
  return fixtureKb({ 'widget.yaml': read('old-widget.yaml'), 'doohickey.yaml': read('doohickey.yaml') });
}

/** Version 9.1.0: widget changed, doohickey removed, gadget added. */
export function newFixture(): string {
  const dir = fixtureKb({ 'widget.yaml': read('new-widget.yaml'), 'gadget.yaml': read('gadget.yaml') });
  setVersion(dir, '9.1.0', 'Widget patching is now shared; Gadget added; Doohickey retired.');
  return dir;
}
