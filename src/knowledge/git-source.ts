/**
 * Loads a knowledge base from a directory or from a git ref ("main", "v1.2.0", "HEAD~1"): the
 * ref's copy of the knowledge folder is written to a temporary directory and loaded from there.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WhoownsError } from '../errors';

const REF = /^[A-Za-z0-9._/~^@{}-]{1,200}$/;

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A directory holding the knowledge base named by `spec`: the directory itself, or a git ref's copy. */
export function knowledgeDirFor(spec: string, knowledgeDir: string): string {
  if (existsSync(spec) && statSync(spec).isDirectory()) return path.resolve(spec);
  if (!REF.test(spec) || spec.startsWith('-')) throw new WhoownsError('USAGE', `"${spec}" is neither a directory nor a git ref`);
  const dir = path.resolve(knowledgeDir);
  let top: string;
  try {
    top = git(dir, ['rev-parse', '--show-toplevel']).trim();
  } catch (error) {
    throw new WhoownsError('USAGE', `"${spec}" is not a directory, and ${dir} is not inside a git repository`, { cause: error });
  }
  const relative = path.relative(top, dir).split(path.sep).join('/');
  let files: string[];
  try {
    files = git(top, ['ls-tree', '-r', '--name-only', spec, '--', relative]).split('\n').filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'));
  } catch (error) {
    throw new WhoownsError('USAGE', `git does not know the ref "${spec}"`, { cause: error });
  }
  if (files.length === 0) throw new WhoownsError('KB_NOT_FOUND', `no knowledge files under ${relative}/ at ${spec}`);
  const out = mkdtempSync(path.join(os.tmpdir(), 'whoowns-ref-'));
  for (const file of files) {
    const target = path.join(out, path.relative(relative, file));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, git(top, ['show', `${spec}:${file}`]));
  }
  return out;
}
