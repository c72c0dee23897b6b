/**
 * The playground in a real browser: Debian's chromium driven by playwright-core. Skipped with a
 * message only outside CI when no chromium is installed; in CI it must run.
 */
import type { Browser, Page } from 'playwright-core';
import { chromiumPath, launchChromium } from '../../../scripts/chromium';
import { startTestServer, type TestServer } from '../../support/server';

const executable = chromiumPath();
if (!executable && process.env.CI) throw new Error('CI needs chromium for the playground test: .ci/run installs it with apt-get');
if (!executable) console.warn('playground browser test skipped: no chromium found (apt-get install chromium, or set CHROMIUM_PATH)');
const describeBrowser = executable ? describe : describe.skip;

describeBrowser('the playground in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({});
    browser = await launchChromium(executable as string);
    page = await browser.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(server.base);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function askInPage(question: string): Promise<void> {
    await page.fill('#question', question);
    await page.press('#question', 'Enter');
  }

  it('shows "who patches RDS?" in the rendered Adaptive Card, the Slack preview and the text', async () => {
    await askInPage('who patches RDS?');
    const card = page.locator('#teams .ac-adaptiveCard');
    await card.getByText('Owner: AWS').waitFor();
    expect(await card.innerText()).toContain('What AWS does');
    expect(await page.locator('#slack').innerText()).toContain('AWS');
    expect(await page.locator('#text').innerText()).toContain('Owner: AWS');
    expect(await page.locator('#slack-builder').getAttribute('href')).toMatch(/^https:\/\/app\.slack\.com\/block-kit-builder#/);
  });

  it('follows a clarifying question through a card button', async () => {
    await askInPage('who patches ECS?');
    const button = page.locator('#teams .ac-adaptiveCard').getByRole('button', { name: /Fargate/ });
    await button.waitFor();
    await button.click();
    await page.locator('#teams .ac-adaptiveCard').getByText(/Fargate/).first().waitFor();
    await page.locator('#teams .ac-adaptiveCard').getByText('Owner: AWS').waitFor();
  });

  it('follows a Slack preview button too', async () => {
    await askInPage('who patches ECS?');
    await page.locator('#slack').getByRole('button', { name: /EC2 launch type/ }).click();
    await page.locator('#slack').getByText(/Customer \(you\)/).first().waitFor();
  });

  it('says it does not know an unrelated question', async () => {
    await askInPage('what is the weather in Paris?');
    await page.locator('#teams .ac-adaptiveCard').getByText(/only answer who owns/).waitFor();
  });

  it('shows hostile input as text, never as markup', async () => {
    await askInPage('<img src=x onerror=alert(1)> <script>alert(2)</script> [x](javascript:alert(3)) who patches rds');
    await page.locator('#teams .ac-adaptiveCard').getByText('Owner: AWS').waitFor();
    expect(await page.locator('#teams img, #slack img, #slack script, #teams script').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
