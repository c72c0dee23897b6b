import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { main } from '../src/cli';
import { fixtureKb, serviceYaml } from './support/fixture-kb';
import { ROOT } from './support/kb';

const run = promisify(execFile);

async function cli(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s), stdin: Readable.from([stdin]) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('whoowns ask', () => {
  it('prints the owner, both parts and a source as text', async () => {
    const { code, out } = await cli(['ask', 'who patches RDS?']);
    expect(code).toBe(0);
    expect(out).toMatch(/Amazon RDS/);
    expect(out).toMatch(/^Owner: /m);
    expect(out).toMatch(/^AWS: /m);
    expect(out).toMatch(/^You: /m);
    expect(out).toMatch(/^Source: https:\/\/docs\.aws\.amazon\.com\//m);
  });

  it('prints the JSON contract', async () => {
    const { code, out } = await cli(['ask', '--json', 'who configures security groups on EC2?']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as Record<string, unknown>;
    expect(json).toMatchObject({ query: 'who configures security groups on EC2?', status: 'answered', service: { id: 'ec2' }, task: { id: 'security-groups' }, owner: 'customer' });
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['query', 'status', 'service', 'task', 'owner', 'confidence', 'choices', 'sources', 'kbVersion']));
    expect(json.confidence).toBeGreaterThan(0.5);
    expect(json.confidence).toBeLessThanOrEqual(1);
  });

  it('reads one question per line from stdin and answers each, in order', async () => {
    const { code, out } = await cli(['ask', '--json'], 'who patches RDS?\n\nwhat is the weather\nwho patches ECS?\n');
    expect(code).toBe(0);
    const lines = out.split('\n').map((l) => JSON.parse(l) as { query: string; status: string });
    expect(lines.map((l) => [l.query, l.status])).toEqual([
      ['who patches RDS?', 'answered'],
      ['what is the weather', 'unknown'],
      ['who patches ECS?', 'clarify'],
    ]);
  });
});

describe('whoowns kb', () => {
  it('validate passes on the shipped base', async () => {
    const { code, out } = await cli(['kb', 'validate']);
    expect(code).toBe(0);
    expect(out).toMatch(/is valid: \d+ services, \d+ tasks, \d+ responsibilities/);
  });

  it('validate names the file, field and reason and exits 1', async () => {
    const dir = fixtureKb({ 'one.yaml': serviceYaml('one', { owner: 'nobody' }) });
    const { code, err } = await cli(['kb', 'validate', dir]);
    expect(code).toBe(1);
    expect(err).toMatch(/aws\/one\.yaml: responsibilities\[0\]\.owner: /);
  });

  it('validate checks the overlay ORG_FILE names, and names that file when it is broken', async () => {
    const dir = fixtureKb({});
    const orgFile = path.join(dir, 'our-org.yaml');
    writeFileSync(orgFile, 'organisation: Example\nteams: not-a-list\n');
    const previous = process.env.ORG_FILE;
    process.env.ORG_FILE = orgFile;
    try {
      const { code, err } = await cli(['kb', 'validate']);
      expect(code).toBe(1);
      expect(err).toContain('our-org.yaml');
    } finally {
      if (previous === undefined) delete process.env.ORG_FILE;
      else process.env.ORG_FILE = previous;
    }
  });

  it('export prints the whole matrix as CSV with a header', async () => {
    const { code, out } = await cli(['kb', 'export', '--format', 'csv']);
    expect(code).toBe(0);
    const [header, ...rows] = out.split('\n');
    expect(header).toBe('service,serviceName,category,task,taskName,variant,owner,aws,customer,condition,sources,reviewed,internalTeam,internalContact');
    expect(rows.some((r) => r.startsWith('rds,Amazon RDS,'))).toBe(true);
  });

  it('export as JSON and Markdown', async () => {
    const json = JSON.parse((await cli(['kb', 'export', '--format', 'json'])).out) as { rows: unknown[] };
    expect(json.rows.length).toBeGreaterThan(100);
    expect((await cli(['kb', 'export', '--format', 'md'])).out).toMatch(/^\| Service \| Task \|/);
  });

  it('refuses an unknown format politely', async () => {
    const { code, err } = await cli(['kb', 'export', '--format', 'xlsx']);
    expect(code).toBe(2);
    expect(err).toMatch(/unknown format "xlsx"/);
  });
});

describe('the installed command', () => {
  it('runs through bin/whoowns.js', async () => {
    const { stdout } = await run(process.execPath, [path.join(ROOT, 'bin', 'whoowns.js'), 'ask', '--json', 'who patches RDS?'], { cwd: '/' });
    expect(JSON.parse(stdout)).toMatchObject({ status: 'answered', service: { id: 'rds' } });
  });
});
