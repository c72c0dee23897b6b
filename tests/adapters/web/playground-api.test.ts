import { startTestServer, type TestServer } from '../../support/server';

describe('playground endpoint', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({});
  });

  afterAll(async () => {
    await server.close();
  });

  const ask = (body: string, type = 'application/json'): Promise<Response> => fetch(`${server.base}/api/playground/ask`, { method: 'POST', headers: { 'content-type': type }, body });

  it('answers with all three renderings and the JSON contract', async () => {
    const res = await ask(JSON.stringify({ text: 'who patches RDS?' }));
    expect(res.status).toBe(200);
    const data = (await res.json()) as { answer: { status: string; owner: string }; slack: { blocks: unknown[] }; teams: { card: { version: string } }; text: string };
    expect(data.answer).toMatchObject({ status: 'answered', owner: 'aws' });
    expect(data.teams.card.version).toBe('1.5');
    expect(data.slack.blocks.length).toBeGreaterThan(2);
    expect(data.text).toMatch(/^Owner: AWS$/m);
  });

  it('answers a button choice', async () => {
    const res = await ask(JSON.stringify({ selection: { service: 'ecs', task: 'patching', variant: 'fargate' } }));
    expect(((await res.json()) as { answer: { owner: string } }).answer.owner).toBe('aws');
  });

  it.each([
    ['an oversized question', JSON.stringify({ text: 'x'.repeat(5000) }), 413],
    ['a forged choice', JSON.stringify({ selection: { service: '<script>' } }), 400],
    ['no question', JSON.stringify({ nothing: true }), 400],
    ['an array', '[]', 400],
    ['broken JSON', '{"text":', 400],
    ['a body over 16 KB', JSON.stringify({ text: 'y'.repeat(40_000) }), 413],
  ])('refuses %s politely', async (_name, body, status) => {
    const res = await ask(body);
    expect(res.status).toBe(status);
    expect(await res.json()).toHaveProperty('error');
  });

  it('serves the page with a strict content security policy', async () => {
    const res = await fetch(`${server.base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('whoowns');
    expect((await fetch(`${server.base}/vendor/adaptivecards.js`)).status).toBe(200);
  });
});
