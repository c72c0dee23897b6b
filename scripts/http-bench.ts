/**
 * `npm run bench:http`: autocannon on loopback against our /slack/events (validly signed slash
 * commands and events, each one fresh) and /api/messages (development mode), and against a bare
 * Bolt app answering the same signed requests. Prints requests/s, p50/p99 latency and errors for
 * each, and last `ratio ours/bare: 0.NN` (Slack endpoint throughput).
 *
 * Also printed, for reading the ratio: each server's CPU time per request (Linux, from /proc),
 * and a second bare app that answers like a minimal bot (a fixed text in the acknowledgement, a
 * fixed say() reply to each mention), so the cost of answering at all is separated from the cost
 * of our answers. The server reads a frozen copy of knowledge/, so edits during a run reload nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { projectRoot } from '../src/paths';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECRET = 'bench-signing-secret';
const QUESTIONS = ['who patches RDS?', 'who configures security groups on EC2?', 'who rotates KMS keys?', 'who patches ECS on fargate', 'is s3 encryption at rest our job?', 'who handles physical security?'];

let counter = 0;

function sign(body: string, ts: number): string {
  return `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
}

/** A fresh, validly signed Slack request: every request has its own trigger or event id. */
function slackRequest(sink: string): { body: string; headers: Record<string, string> } {
  const n = ++counter;
  const ts = Math.floor(Date.now() / 1000);
  const question = QUESTIONS[n % QUESTIONS.length] as string;
  if (n % 2 === 0) {
    const body = new URLSearchParams({ token: 'x', team_id: 'T1', channel_id: 'C1', channel_name: 'bench', user_id: 'U1', command: '/whoowns', text: question, api_app_id: 'A1', response_url: `${sink}/response/${n}`, trigger_id: `${n}.${ts}.bench` }).toString();
    return { body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(body, ts) } };
  }
  const event = { type: 'app_mention', user: 'U1', text: `<@UBENCH> ${question}`, ts: `${ts}.${n}`, channel: 'C1', event_ts: `${ts}.${n}` };
  const body = JSON.stringify({ token: 'x', team_id: 'T1', api_app_id: 'A1', event, type: 'event_callback', event_id: `Ev${n}x${ts}`, event_time: ts });
  return { body, headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(body, ts) } };
}

function teamsRequest(sink: string): { body: string; headers: Record<string, string> } {
  const n = ++counter;
  const body = JSON.stringify({
    type: 'message',
    id: `bench-${n}`,
    serviceUrl: `${sink}/teams/`,
    channelId: 'msteams',
    from: { id: '29:bench' },
    conversation: { id: `a:bench-${n % 50}`, conversationType: 'personal' },
    recipient: { id: '28:bench' },
    text: QUESTIONS[n % QUESTIONS.length],
  });
  return { body, headers: { 'content-type': 'application/json' } };
}

async function waitForPort(url: string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch {
      if (Date.now() - started > timeoutMs) throw new Error(`${url} did not come up`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

interface Figures {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** CPU time the server process used per request, when /proc tells it. */
  cpuMsPerRequest: number | undefined;
}

/** User plus system CPU time of a process in milliseconds (Linux), or undefined elsewhere. */
function cpuMs(pid: number | undefined): number | undefined {
  const file = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(file)) return undefined;
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const stat = readFileSync(file, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

async function load(label: string, url: string, server: ChildProcess, make: () => { body: string; headers: Record<string, string> }): Promise<Figures> {
  const cpuBefore = cpuMs(server.pid);
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    method: 'POST',
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const { body, headers } = make();
          return { ...request, body, headers: { ...request.headers, ...headers } };
        },
      },
    ],
  });
  const cpuAfter = cpuMs(server.pid);
  const cpuMsPerRequest = cpuBefore !== undefined && cpuAfter !== undefined && result.requests.total > 0 ? (cpuAfter - cpuBefore) / result.requests.total : undefined;
  return { label, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx, cpuMsPerRequest };
}

function print(f: Figures): void {
  console.log(`${f.label.padEnd(34)} ${f.rps.toFixed(0).padStart(7)} req/s   p50 ${String(f.p50).padStart(4)} ms   p99 ${String(f.p99).padStart(4)} ms   errors ${f.errors}   non-2xx ${f.non2xx}${f.cpuMsPerRequest === undefined ? '' : `   cpu ${f.cpuMsPerRequest.toFixed(2)} ms/req`}`);
}

function start(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function main(): Promise<void> {
  const root = projectRoot();
  const sinkPort = 3980;
  const ourPort = 3981;
  const barePort = 3982;
  const sinkProcess = start([path.join(root, 'dist', 'scripts', 'bench-sink.js')], { PORT: String(sinkPort) });
  const sink = { url: `http://127.0.0.1:${sinkPort}` };
  await waitForPort(`${sink.url}/up`);
  // A frozen copy: the server watches its knowledge folder and reloads on every edit.
  const knowledgeDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'whoowns-bench-kb-')), 'knowledge');
  cpSync(path.join(root, 'knowledge'), knowledgeDir, { recursive: true });
  const ours = start([path.join(root, 'bin', 'whoowns.js'), 'serve'], {
    KNOWLEDGE_DIR: knowledgeDir,
    PORT: String(ourPort),
    HOST: '127.0.0.1',
    NODE_ENV: 'development',
    LOG_LEVEL: 'error',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: 'xoxb-bench-token',
    SLACK_API_URL: `${sink.url}/api/`,
    DATABASE_URL: path.join(mkdtempSync(path.join(os.tmpdir(), 'whoowns-bench-')), 'bench.db'),
    PLAYGROUND: 'off',
  });
  const bare = start([path.join(root, 'dist', 'scripts', 'bare-bolt.js')], { PORT: String(barePort), SLACK_SIGNING_SECRET: SECRET });
  const answeringPort = 3983;
  const answering = start([path.join(root, 'dist', 'scripts', 'bare-bolt.js')], { PORT: String(answeringPort), SLACK_SIGNING_SECRET: SECRET, BARE_ANSWERS: 'on', SLACK_API_URL: `${sink.url}/api/` });
  try {
    await waitForPort(`${sink.url}/up`);
    await waitForPort(`http://127.0.0.1:${ourPort}/healthz`);
    await waitForPort(`http://127.0.0.1:${barePort}/slack/events`);
    await waitForPort(`http://127.0.0.1:${answeringPort}/slack/events`);
    console.log(`node ${process.version}, ${os.cpus().length} cores, ${CONNECTIONS} connections, ${SECONDS} s per run, loopback`);
    const slack = await load('ours  /slack/events', `http://127.0.0.1:${ourPort}/slack/events`, ours, () => slackRequest(sink.url));
    print(slack);
    const teams = await load('ours  /api/messages (development)', `http://127.0.0.1:${ourPort}/api/messages`, ours, () => teamsRequest(sink.url));
    print(teams);
    const replying = await load('bare Bolt, fixed replies (for reading)', `http://127.0.0.1:${answeringPort}/slack/events`, answering, () => slackRequest(sink.url));
    print(replying);
    const baseline = await load('bare Bolt /slack/events', `http://127.0.0.1:${barePort}/slack/events`, bare, () => slackRequest(sink.url));
    print(baseline);
    console.log(`ratio ours/bare with fixed replies: ${(slack.rps / replying.rps).toFixed(2)} (for reading; the target is the next line)`);
    console.log(`ratio ours/bare: ${(slack.rps / baseline.rps).toFixed(2)}`);
  } finally {
    ours.kill('SIGTERM');
    bare.kill('SIGTERM');
    answering.kill('SIGTERM');
    sinkProcess.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(`bench:http: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
