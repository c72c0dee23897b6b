/**
 * `npm run screenshots`: PNGs of the playground and of each kind of answer, drawn by the real
 * renderers in Debian's chromium, into docs/. Needs chromium (apt-get install chromium).
 */
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { platformAdapters } from '../adapters';
import { startApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { projectRoot } from '../src/paths';
import { chromiumPath, launchChromium } from './chromium';

const SHOTS: ReadonlyArray<{ file: string; question: string }> = [
  { file: 'playground.png', question: 'who patches RDS?' },
  { file: 'answer-responsibility.png', question: 'who configures security groups on EC2?' },
  { file: 'answer-clarify.png', question: 'who patches ECS?' },
  { file: 'answer-overview.png', question: 'lambda' },
  { file: 'answer-general.png', question: 'who handles physical security of the data centers?' },
  { file: 'answer-unknown.png', question: 'what is the weather in Dublin?' },
  { file: 'answer-help.png', question: 'help' },
];

async function main(): Promise<void> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('no chromium found: apt-get install chromium (or set CHROMIUM_PATH)');
  const out = path.join(projectRoot(), 'docs');
  mkdirSync(out, { recursive: true });
  const config = loadConfig({ ...process.env, DATABASE_URL: ':memory:', PLAYGROUND: 'on', SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: '', MicrosoftAppId: '', NODE_ENV: 'production' }, { port: 0, host: '127.0.0.1' });
  const app = await startApp(config, createLogger('warn'), { adapters: platformAdapters });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await launchChromium(executablePath);
  try {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 }, deviceScaleFactor: 1 });
    for (const shot of SHOTS) {
      await page.goto(`${base}/?q=${encodeURIComponent(shot.question)}`);
      await page.waitForSelector('body[data-answered]');
      await page.waitForSelector('#teams .ac-adaptiveCard');
      await page.screenshot({ path: path.join(out, shot.file), fullPage: true });
      console.log(`docs/${shot.file}: ${shot.question}`);
    }
  } finally {
    await browser.close();
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(`screenshots: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
