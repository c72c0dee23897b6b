import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KNOWLEDGE_DIR } from './kb';

/** A throwaway knowledge folder: the shipped model and tasks plus the given service files. */
export function fixtureKb(services: Record<string, string>, extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'whoowns-kb-'));
  mkdirSync(path.join(dir, 'aws'));
  copyFileSync(path.join(KNOWLEDGE_DIR, 'model.yaml'), path.join(dir, 'model.yaml'));
  copyFileSync(path.join(KNOWLEDGE_DIR, 'tasks.yaml'), path.join(dir, 'tasks.yaml'));
  for (const [name, text] of Object.entries(services)) writeFileSync(path.join(dir, 'aws', name), text);
  for (const [name, text] of Object.entries(extra)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/** A small valid service file; `patch` edits its text to break it on purpose. */
export function serviceYaml(id: string, overrides: { aliases?: string; owner?: string; task?: string; extra?: string } = {}): string {
  return `id: ${id}
name: Amazon Test ${id}
shortName: Test ${id}
aliases: [${overrides.aliases ?? `${id}`}]
category: abstracted
summary: A service used only by tests.
docs: https://docs.aws.amazon.com/test/${id}.html
responsibilities:
  - task: ${overrides.task ?? 'patching'}
    owner: ${overrides.owner ?? 'aws'}
    aws: Patches everything.
    customer: Nothing to patch.
    sources: [https://docs.aws.amazon.com/test/${id}.html]
    reviewed: 2026-11-23
${overrides.extra ?? ''}`;
}
