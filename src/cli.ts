/**
 * The `whoowns` command: ask, chat, kb validate|export, serve, eval. Exit codes: 0 ok,
 * 1 a check failed, 2 wrong usage or a broken setup.
 */
import { createInterface } from 'node:readline';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { ConsoleAdapter } from '../adapters/console/console-adapter';
import { toAskJson } from './answers/json';
import { createBot } from './create-bot';
import { loadConfig } from './config';
import { errorCode, errorMessage, WhoownsError } from './errors';
import { FIGURE_ONLY_SETS, formatReport, readQuestions, runEval } from './eval/eval';
import { matrixRows, toCsv, toMarkdown } from './knowledge/export';
import { formatIssue } from './knowledge/issues';
import { diffSnapshots } from './knowledge/diff';
import { knowledgeDirFor } from './knowledge/git-source';
import { kbStats, lintKnowledgeBase } from './knowledge/lint';
import { loadKnowledgeBase, loadKnowledgeBaseOrThrow } from './knowledge/loader';
import { snapshotOf } from './knowledge/snapshot';
import { Announcer } from './announce/announcer';
import { createLogger } from './logger';
import { describeDatabase, openStore } from './store/open-store';
import { projectRoot } from './paths';
import { renderText } from './render/text';

const USAGE = `whoowns: who owns a security or operations task for an AWS service

Usage:
  whoowns ask "<question>"          answer as text
  whoowns ask --json "<question>"   answer as one JSON object
  whoowns ask --json                read questions from stdin, one per line; one JSON object per line
  whoowns ask --explain "<question>"  show what the resolver saw (words, services, task scores)
  whoowns chat                      talk to the bot in the terminal
  whoowns serve [--port N]          run the HTTP server (what npm start runs)
  whoowns kb validate [dir]         check the knowledge base
  whoowns kb lint [--warnings]      review checks; errors fail npm test
  whoowns kb stats                  counts by category and owner
  whoowns kb export [--format csv|md|json]   print the whole responsibility matrix
  whoowns kb diff <old> <new> [--json]  what changed between two bases (directories or git refs)
  whoowns announce [--dry-run]      compare the base with the last announced one and queue announcements
  whoowns teams package [--app-id ID] [--out whoowns-teams.zip]   the Teams app package to upload
  whoowns eval [--file F] [--quiet] accuracy over the labelled questions
  whoowns help

Settings come from the environment or .env (see .env.example).`;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  stdin: NodeJS.ReadableStream;
}

function flag(args: string[], name: string): boolean {
  const i = args.indexOf(name);
  if (i === -1) return false;
  args.splice(i, 1);
  return true;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new WhoownsError('USAGE', `${name} needs a value`);
  args.splice(i, 2);
  return value;
}

async function forEachLine(stdin: NodeJS.ReadableStream, fn: (line: string) => void): Promise<void> {
  const rl = createInterface({ input: stdin, crlfDelay: Infinity });
  for await (const line of rl) fn(line);
}

/** The bot over the knowledge base (and organisation overlay) the settings name. */
function botFromSettings(): ReturnType<typeof createBot> {
  const config = loadConfig();
  return createBot(config.knowledgeDir, { orgFile: config.orgFile });
}

async function ask(args: string[], io: Io): Promise<number> {
  const json = flag(args, '--json');
  const explain = flag(args, '--explain');
  const { bot, knowledge } = botFromSettings();
  if (explain) {
    io.out(JSON.stringify(knowledge.current.resolver.explain(args.join(' ')), null, 2));
    return 0;
  }
  const answerOne = (question: string): string => {
    const answer = bot.handle({ text: question });
    return json ? JSON.stringify(toAskJson(answer)) : renderText(answer);
  };
  if (args.length > 0) {
    io.out(answerOne(args.join(' ')));
    return 0;
  }
  await forEachLine(io.stdin, (line) => {
    if (line.trim() === '') return;
    io.out(json ? answerOne(line) : `${answerOne(line)}\n`);
  });
  return 0;
}

async function chat(io: Io): Promise<number> {
  const { bot } = botFromSettings();
  const adapter = new ConsoleAdapter(bot);
  io.out(`whoowns (knowledge base v${bot.kbVersion}). Ask who owns what, e.g. "who patches RDS?". Type a number to pick a choice, "help" for help, "quit" to leave.`);
  const rl = createInterface({ input: io.stdin, output: process.stdout, prompt: 'you> ', terminal: process.stdin.isTTY === true });
  rl.prompt();
  for await (const line of rl) {
    if (/^\s*(quit|exit|bye)\s*$/i.test(line)) break;
    if (line.trim()) io.out(`\n${adapter.push(line).output}\n`);
    rl.prompt();
  }
  rl.close();
  return 0;
}

function kb(args: string[], io: Io): number {
  const sub = args.shift();
  if (sub === 'validate') {
    const dir = path.resolve(args[0] ?? loadConfig().knowledgeDir);
    const result = loadKnowledgeBase(dir, { orgFile: loadConfig().orgFile });
    if (!result.ok) {
      io.err(`knowledge base in ${dir} is invalid (${result.issues.length} problem${result.issues.length === 1 ? '' : 's'}):`);
      for (const issue of result.issues) io.err(`  ${formatIssue(issue)}`);
      return 1;
    }
    const responsibilities = [...result.kb.services.values()].reduce((n, s) => n + s.responsibilities.length, 0);
    io.out(`knowledge base v${result.kb.version} is valid: ${result.kb.services.size} services, ${result.kb.tasks.size} tasks, ${responsibilities} responsibilities`);
    return 0;
  }
  if (sub === 'export') {
    const format = option(args, '--format') ?? 'csv';
    const dir = path.resolve(option(args, '--dir') ?? loadConfig().knowledgeDir);
    const result = loadKnowledgeBase(dir, { orgFile: loadConfig().orgFile });
    if (!result.ok) throw new WhoownsError('KB_INVALID', result.issues.map(formatIssue).join('\n'));
    const rows = matrixRows(result.kb);
    if (format === 'csv') io.out(toCsv(rows).trimEnd());
    else if (format === 'md') io.out(toMarkdown(rows).trimEnd());
    else if (format === 'json') io.out(JSON.stringify({ kbVersion: result.kb.version, rows }, null, 2));
    else throw new WhoownsError('USAGE', `unknown format "${format}" (csv, md or json)`);
    return 0;
  }
  if (sub === 'diff') {
    const json = flag(args, '--json');
    const [oldSpec, newSpec] = args;
    if (!oldSpec || !newSpec) throw new WhoownsError('USAGE', 'kb diff needs two knowledge bases: directories or git refs');
    const knowledgeDir = loadConfig().knowledgeDir;
    const before = loadKnowledgeBaseOrThrow(knowledgeDirFor(oldSpec, knowledgeDir));
    const after = loadKnowledgeBaseOrThrow(knowledgeDirFor(newSpec, knowledgeDir));
    const changes = diffSnapshots(snapshotOf(before), snapshotOf(after));
    if (json) {
      io.out(JSON.stringify({ from: before.version, to: after.version, changes }, null, 2));
    } else {
      io.out(`knowledge base ${before.version} -> ${after.version}: ${changes.length === 0 ? 'no changes' : `${changes.length} change${changes.length === 1 ? '' : 's'}`}`);
      for (const change of changes) io.out(`  - ${change.text}`);
    }
    return 0;
  }
  if (sub === 'lint' || sub === 'stats') {
    const dir = path.resolve(args.find((a) => !a.startsWith('--')) ?? loadConfig().knowledgeDir);
    const kbNow = loadKnowledgeBaseOrThrow(dir, { orgFile: loadConfig().orgFile });
    if (sub === 'stats') {
      const s = kbStats(kbNow);
      io.out(`knowledge base v${s.version}: ${s.services} services, ${s.tasks} tasks, ${s.responsibilities} responsibilities, ${s.variantEntries} with per-variant answers, ${s.conditions} conditions, ${s.sources} distinct AWS sources`);
      io.out(`owners: aws ${s.byOwner.aws}, customer ${s.byOwner.customer}, shared ${s.byOwner.shared}`);
      for (const c of s.byCategory) io.out(`  ${c.category.padEnd(15)} ${String(c.services).padStart(4)} services ${String(c.responsibilities).padStart(5)} responsibilities`);
      return 0;
    }
    const findings = lintKnowledgeBase(kbNow);
    const errors = findings.filter((f) => f.level === 'error');
    const showWarnings = flag(args, '--warnings');
    for (const f of showWarnings ? findings : errors) (f.level === 'error' ? io.err : io.out)(`${f.level}: ${f.where}: ${f.message}`);
    const warnings = findings.length - errors.length;
    io.out(`kb lint: ${errors.length} error(s), ${warnings} warning(s)${warnings > 0 && !showWarnings ? ' (--warnings lists them)' : ''}`);
    return errors.length > 0 ? 1 : 0;
  }
  throw new WhoownsError('USAGE', 'kb needs a subcommand: validate, lint, stats, export or diff');
}

async function serve(args: string[], io: Io): Promise<number> {
  const port = option(args, '--port');
  const config = loadConfig(process.env, port !== undefined ? { port: Number(port) } : {});
  const logger = createLogger(config.logLevel);
  // Loaded here so that `ask` and `kb` do not pay for loading the HTTP stack.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startApp } = require('./app') as typeof import('./app');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { platformAdapters } = require('../adapters') as typeof import('../adapters');
  const app = await startApp(config, logger, { adapters: platformAdapters, watchKnowledge: true });
  const address = app.server.address();
  io.err(`whoowns listening on http://localhost:${typeof address === 'object' && address ? address.port : config.port} (health: /healthz)`);
  const stop = (signal: string): void => {
    logger.info({ signal }, 'shutting down');
    void app.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  return new Promise<number>(() => undefined);
}

function evaluate(args: string[], io: Io): number {
  const quiet = flag(args, '--quiet');
  const single = option(args, '--file');
  const dir = path.join(projectRoot(), 'tests', 'eval');
  const files = single ? [single] : readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => path.join(dir, f));
  const { bot } = botFromSettings();
  files.forEach((file, i) => {
    // A figure-only set keeps its misses unread unless asked for by name (--file).
    const blind = !single && FIGURE_ONLY_SETS.includes(path.basename(file));
    if (files.length > 1) io.out(`${i > 0 ? '\n' : ''}== ${path.relative(projectRoot(), file)}${blind ? ' (figure only: misses not shown)' : ''}`);
    io.out(formatReport(runEval(bot, readQuestions(file)), !quiet && !blind));
  });
  return 0;
}

async function announce(args: string[], io: Io): Promise<number> {
  const dryRun = flag(args, '--dry-run');
  const config = loadConfig();
  const kbNow = loadKnowledgeBaseOrThrow(config.knowledgeDir);
  const store = await openStore(config.databaseUrl);
  try {
    const result = await new Announcer(store, createLogger('warn')).check(kbNow, { dryRun });
    const where = describeDatabase(config.databaseUrl);
    io.out(`database: ${where.kind === 'sqlite' ? where.location : 'postgres'}`);
    if (result.status === 'first-snapshot') io.out(`first run: v${result.to} is now the announced baseline; nothing to announce`);
    else if (result.status === 'unchanged') io.out(`nothing to announce: v${result.to} is the announced version`);
    else if (result.status === 'version-not-raised') io.out(`the knowledge base changed but its version (v${result.to}) was not raised: nothing announced`);
    else {
      io.out(`${dryRun ? 'would announce' : 'announced'} v${result.from ?? '?'} -> v${result.to}: ${result.changes.length} change(s) for ${result.recipients} subscription(s)${dryRun ? '' : `, ${result.added} new outbox row(s); the running server delivers them`}`);
      for (const change of result.changes) io.out(`  - ${change.text}`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

function teams(args: string[], io: Io): number {
  if (args.shift() !== 'package') throw new WhoownsError('USAGE', 'teams needs a subcommand: package');
  const appId = option(args, '--app-id') ?? loadConfig().teams.appId ?? '';
  const out = option(args, '--out') ?? 'whoowns-teams.zip';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { writeTeamsPackage } = require('../adapters/teams/package') as typeof import('../adapters/teams/package');
  io.out(`wrote ${writeTeamsPackage(appId, out)}: upload it in Teams (Apps > Manage your apps > Upload an app)`);
  return 0;
}

export async function main(argv: string[], io: Io = { out: (s) => console.log(s), err: (s) => console.error(s), stdin: process.stdin }): Promise<number> {
  loadDotenv({ quiet: true });
  const args = [...argv];
  const command = args.shift();
  try {
    switch (command) {
      case 'ask':
        return await ask(args, io);
      case 'chat':
        return await chat(io);
      case 'kb':
        return kb(args, io);
      case 'serve':
        return await serve(args, io);
      case 'eval':
        return evaluate(args, io);
      case 'teams':
        return teams(args, io);
      case 'announce':
        return await announce(args, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return 0;
      default:
        throw new WhoownsError('USAGE', `unknown command "${command}"`);
    }
  } catch (error) {
    const code = errorCode(error);
    io.err(`whoowns: ${errorMessage(error)}`);
    if (code === 'USAGE') io.err('\n' + USAGE);
    return error instanceof WhoownsError ? 2 : 1;
  }
}
