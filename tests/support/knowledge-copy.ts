import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KNOWLEDGE_DIR } from './kb';

/** A writable copy of the shipped knowledge folder. */
export function copyKnowledge(): string {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'whoowns-knowledge-')), 'knowledge');
  cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
  return dir;
}

/** Raises the base's version and adds the maintainers' changelog line, as a maintainer would. */
export function raiseVersion(dir: string, version: string, summary: string): void {
  const file = path.join(dir, 'model.yaml');
  const text = readFileSync(file, 'utf8').replace(/^version: .*$/m, `version: ${version}`).replace(/^changelog:\n/m, `changelog:\n  - version: ${version}\n    date: 2026-11-23\n    summary: ${summary}\n`);
  writeFileSync(file, text);
}

/** Changes the owner of one service's responsibility in place. */
export function changeOwner(dir: string, service: string, task: string, owner: string): void {
  const file = path.join(dir, 'aws', `${service}.yaml`);
  const text = readFileSync(file, 'utf8');
  const pattern = new RegExp(`(- task: ${task}\\n\\s+owner: )\\w+`);
  if (!pattern.test(text)) throw new Error(`no ${task} entry with a plain owner in ${service}.yaml`);
  writeFileSync(file, text.replace(pattern, `$1${owner}`));
}
