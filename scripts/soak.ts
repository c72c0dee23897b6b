/**
 * `npm run soak` (not in CI): mixed Slack and Teams load for SOAK_SECONDS (default 600) with a
 * knowledge reload (SIGHUP) every minute and a new version (an announcement to every
 * subscribed channel) every two minutes. Prints RSS drift, event-loop delay p99 and duplicate or
 * missed announcements (target 0).
 */
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Announcer } from '../src/announce/announcer';
import { loadKnowledgeBaseOrThrow } from '../src/knowledge/loader';
import { createLogger } from '../src/logger';
import { projectRoot } from '../src/paths';
import { openStore } from '../src/store/open-store';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const RATE = Number(process.env.SOAK_RATE ?? 40);
const CHANNELS = 20;
const SECRET = 'soak-signing-secret';

function sign(body: string, ts: number): string {
  return `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
}

async function main(): Promise<void> {
  const root = projectRoot();
  const work = mkdtempSync(path.join(os.tmpdir(), 'whoowns-soak-'));
  const knowledge = path.join(work, 'knowledge');
  cpSync(path.join(root, 'knowledge'), knowledge, { recursive: true });
  const database = path.join(work, 'soak.db');

  // Announcements received, per channel and version.
  const received = new Map<string, number>();
  const sink = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.url?.endsWith('/chat.postMessage')) {
        const fields = Object.fromEntries(new URLSearchParams(body));
        const version = /→ v(\d+\.\d+\.\d+)/.exec(String(fields.text))?.[1];
        if (version) received.set(`${fields.channel}@${version}`, (received.get(`${fields.channel}@${version}`) ?? 0) + 1);
      }
      res.setHeader('content-type', 'application/json');
      res.end(req.url?.endsWith('/auth.test') ? '{"ok":true,"user_id":"USOAK","bot_id":"BSOAK"}' : '{"ok":true,"ts":"1.1","id":"x"}');
    });
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;

  const store = await openStore(database);
  await new Announcer(store, createLogger('silent')).check(loadKnowledgeBaseOrThrow(knowledge));
  for (let i = 0; i < CHANNELS; i++) await store.subscribe({ platform: 'slack', target: `CSOAK${i}`, targetRef: null, label: null, filters: { services: [], tasks: [], owners: [] }, createdBy: null }, Date.now());
  await store.close();

  const port = 3985;
  const child = spawn(process.execPath, [path.join(root, 'bin', 'whoowns.js'), 'serve'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'development', LOG_LEVEL: 'error', KNOWLEDGE_DIR: knowledge, DATABASE_URL: database, SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-soak', SLACK_API_URL: `${sinkUrl}/api/`, PLAYGROUND: 'off' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    try {
      await fetch(`${base}/healthz`);
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  const health = async (): Promise<{ rssMb: number; eventLoopDelayP99Ms: number; kbVersion: string }> => (await fetch(`${base}/healthz`)).json() as Promise<{ rssMb: number; eventLoopDelayP99Ms: number; kbVersion: string }>;
  const samples: Array<{ t: number; rss: number; lag: number }> = [];
  let sent = 0;
  let failed = 0;
  let n = 0;
  const versions: string[] = [];
  const started = Date.now();
  const modelFile = path.join(knowledge, 'model.yaml');

  const load = setInterval(() => {
    for (let k = 0; k < RATE / 10; k++) {
      n += 1;
      const ts = Math.floor(Date.now() / 1000);
      const request =
        n % 3 === 0
          ? fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', id: `s${n}`, serviceUrl: `${sinkUrl}/teams/`, channelId: 'msteams', from: { id: 'u' }, conversation: { id: `a:${n % 7}` }, recipient: { id: 'b' }, text: 'who patches rds?' }) })
          : (() => {
              const body = new URLSearchParams({ command: '/whoowns', text: n % 2 ? 'who patches ECS?' : 'who configures security groups on ec2', channel_id: 'C1', user_id: 'U1', response_url: `${sinkUrl}/r/${n}`, trigger_id: `${n}.soak` }).toString();
              return fetch(`${base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(body, ts) }, body });
            })();
      request.then(
        (res) => (res.ok ? (sent += 1) : (failed += 1)),
        () => (failed += 1),
      );
    }
  }, 100);

  let minute = 0;
  const tick = setInterval(() => {
    minute += 1;
    // No new version in the last half minute: each one gets time to be delivered.
    if (minute % 2 === 0 && (Date.now() - started) / 1000 < SECONDS - 30) {
      const version = `1.${minute}.0`;
      versions.push(version);
      const text = readFileSync(modelFile, 'utf8').replace(/^version: .*$/m, `version: ${version}`).replace(/^changelog:\n/m, `changelog:\n  - version: ${version}\n    date: 2026-11-23\n    summary: soak ${version}\n`);
      // A real change in the base (RDS backups flip between customer and shared), so there is
      // something to announce: a new version without changes announces nothing.
      const rds = path.join(knowledge, 'aws', 'rds.yaml');
      writeFileSync(rds, readFileSync(rds, 'utf8').replace(/(- task: backups\n\s+owner: )\w+/, `$1${minute % 4 === 2 ? 'customer' : 'shared'}`));
      writeFileSync(modelFile, text);
    }
    child.kill('SIGHUP');
  }, 60_000);

  const sampler = setInterval(() => {
    void health().then((h) => samples.push({ t: Date.now() - started, rss: h.rssMb, lag: h.eventLoopDelayP99Ms }));
  }, 10_000);

  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  clearInterval(load);
  clearInterval(tick);
  clearInterval(sampler);
  await new Promise((resolve) => setTimeout(resolve, 15_000));

  const settled = samples.filter((s) => s.t > 60_000);
  const first = settled[0] ?? samples[0];
  const last = samples[samples.length - 1];
  const lags = samples.map((s) => s.lag).sort((a, b) => a - b);
  let duplicates = 0;
  let missed = 0;
  for (const version of versions) {
    for (let i = 0; i < CHANNELS; i++) {
      const count = received.get(`CSOAK${i}@${version}`) ?? 0;
      if (count === 0) missed += 1;
      if (count > 1) duplicates += count - 1;
    }
  }
  console.log(`soak: ${SECONDS} s, about ${RATE} requests/s, ${versions.length} new versions, ${Math.floor(SECONDS / 60)} reloads, ${CHANNELS} subscribed channels`);
  console.log(`requests: ${sent} ok, ${failed} failed`);
  console.log(`RSS: ${first?.rss ?? '?'} MB after the first minute -> ${last?.rss ?? '?'} MB at the end (drift ${first && last ? last.rss - first.rss : '?'} MB)`);
  console.log(`event-loop delay p99 (highest of the ${samples.length} samples): ${lags[lags.length - 1] ?? '?'} ms; median sample ${lags[Math.floor(lags.length / 2)] ?? '?'} ms`);
  console.log(`announcements: ${versions.length * CHANNELS} expected, ${missed} missed, ${duplicates} duplicates`);
  child.kill('SIGTERM');
  sink.close();
}

main().catch((error: unknown) => {
  console.error(`soak: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
