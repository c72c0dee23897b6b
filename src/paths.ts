import { existsSync } from 'node:fs';
import path from 'node:path';

/** The folder that holds package.json, found from this file so the CLI works from any cwd. */
export function projectRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'knowledge'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

export function defaultKnowledgeDir(): string {
  return path.join(projectRoot(), 'knowledge');
}
