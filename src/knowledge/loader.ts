/**
 * Reads knowledge/ from disk, checks every file against the schema and the cross-file rules,
 * and returns either a complete KnowledgeBase or the full list of problems (file, field, reason).
 * It never returns half a base.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { WhoownsError } from '../errors';
import { formatIssue, formatPath, type KbIssue } from './issues';
import type { KnowledgeBase } from './knowledge-base';
import { checkOrg, orgSchema, toOverlay, type OrgOverlay } from './org';
import { modelSchema, serviceSchema, tasksFileSchema, type Service } from './schema';
import { crossValidate } from './validate';

export type LoadResult = { ok: true; kb: KnowledgeBase } | { ok: false; issues: KbIssue[] };

/** Largest knowledge file we read: a service file is a few KB; anything huge is a mistake. */
const MAX_FILE_BYTES = 512 * 1024;

function readYaml(dir: string, relative: string, issues: KbIssue[], full = path.join(dir, relative)): unknown {
  if (!existsSync(full)) {
    issues.push({ file: relative, path: '', message: 'file is missing' });
    return undefined;
  }
  const size = statSync(full).size;
  if (size > MAX_FILE_BYTES) {
    issues.push({ file: relative, path: '', message: `file is ${size} bytes; the limit is ${MAX_FILE_BYTES}` });
    return undefined;
  }
  const doc = parseDocument(readFileSync(full, 'utf8'), { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const where = error.linePos?.[0] ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}` : '';
      issues.push({ file: relative, path: where, message: `YAML syntax: ${error.message.split('\n')[0] ?? error.code}` });
    }
    return undefined;
  }
  return doc.toJS() as unknown;
}

function check<T>(schema: z.ZodType<T>, value: unknown, file: string, issues: KbIssue[]): T | undefined {
  if (value === undefined) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      // One line per unknown field, with the field in the path: easier to find than a list.
      for (const key of issue.keys) issues.push({ file, path: formatPath([...issue.path, key]), message: 'unknown field (check the spelling against knowledge/README.md)' });
    } else {
      issues.push({ file, path: formatPath(issue.path), message: issue.message });
    }
  }
  return undefined;
}

export interface LoadOptions {
  /** The organisation overlay (ORG_FILE); without it, <dir>/org.yaml is used when it exists. */
  readonly orgFile?: string | undefined;
}

export function loadKnowledgeBase(dir: string, options: LoadOptions = {}): LoadResult {
  const issues: KbIssue[] = [];
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return { ok: false, issues: [{ file: dir, path: '', message: 'knowledge folder not found' }] };
  }
  const model = check(modelSchema, readYaml(dir, 'model.yaml', issues), 'model.yaml', issues);
  const tasksFile = check(tasksFileSchema, readYaml(dir, 'tasks.yaml', issues), 'tasks.yaml', issues);

  const services: Array<{ file: string; service: Service }> = [];
  const awsDir = path.join(dir, 'aws');
  const serviceFiles = existsSync(awsDir) ? readdirSync(awsDir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort() : [];
  if (serviceFiles.length === 0) issues.push({ file: 'aws/', path: '', message: 'no service files found' });
  for (const name of serviceFiles) {
    const file = `aws/${name}`;
    const service = check(serviceSchema, readYaml(dir, file, issues), file, issues);
    if (service) services.push({ file, service });
  }

  if (model && tasksFile) issues.push(...crossValidate(model, tasksFile, services));

  // The organisation overlay, checked against the base it refers to.
  const orgPath = options.orgFile ? path.resolve(options.orgFile) : path.join(dir, 'org.yaml');
  const orgLabel = options.orgFile ? options.orgFile : 'org.yaml';
  let org: OrgOverlay | null = null;
  if (options.orgFile || existsSync(orgPath)) {
    const orgFile = check(orgSchema, readYaml(dir, orgLabel, issues, orgPath), orgLabel, issues);
    if (orgFile && tasksFile) {
      const orgIssues = checkOrg(orgLabel, orgFile, new Map(services.map(({ service }) => [service.id, service])), new Map(tasksFile.tasks.map((t) => [t.id, t])));
      issues.push(...orgIssues);
      if (orgIssues.length === 0) org = toOverlay(orgLabel, orgFile);
    }
  }
  if (issues.length > 0 || !model || !tasksFile) return { ok: false, issues };

  const reviewed = services
    .flatMap(({ service }) => service.responsibilities.map((r) => r.reviewed))
    .reduce((latest, date) => (date > latest ? date : latest), model.released);

  const kb: KnowledgeBase = {
    dir,
    version: model.version,
    model,
    concepts: tasksFile.concepts,
    tasks: new Map(tasksFile.tasks.map((t) => [t.id, t])),
    services: new Map(services.map(({ service }) => [service.id, service])),
    reviewed,
    org,
  };
  return { ok: true, kb };
}

/** For start-up paths where a bad base must stop the program with a clear message. */
export function loadKnowledgeBaseOrThrow(dir: string, options: LoadOptions = {}): KnowledgeBase {
  const result = loadKnowledgeBase(dir, options);
  if (result.ok) return result.kb;
  const shown = result.issues.slice(0, 50).map(formatIssue).join('\n  ');
  const more = result.issues.length > 50 ? `\n  … and ${result.issues.length - 50} more` : '';
  throw new WhoownsError('KB_INVALID', `knowledge base in ${dir} is invalid:\n  ${shown}${more}`);
}
