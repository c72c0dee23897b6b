import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { toAskJson } from '../../src/answers/json';
import { Bot } from '../../src/bot';
import { diffSnapshots } from '../../src/knowledge/diff';
import { KnowledgeHolder } from '../../src/knowledge/holder';
import { formatIssue } from '../../src/knowledge/issues';
import { loadKnowledgeBase, loadKnowledgeBaseOrThrow } from '../../src/knowledge/loader';
import { snapshotOf } from '../../src/knowledge/snapshot';
import { renderSlack } from '../../src/render/slack';
import { renderTeams } from '../../src/render/teams';
import { renderText } from '../../src/render/text';
import { KNOWLEDGE_DIR } from '../support/kb';

const EXAMPLE = path.join(KNOWLEDGE_DIR, 'org.example.yaml');

function botWith(orgFile: string): Bot {
  const kb = loadKnowledgeBaseOrThrow(KNOWLEDGE_DIR, { orgFile });
  return new Bot(new KnowledgeHolder(kb, { orgFile }));
}

function orgFile(text: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'whoowns-org-')), 'org.yaml');
  writeFileSync(file, text);
  return file;
}

const bot = botWith(EXAMPLE);
const teamOf = (question: string): string | null => toAskJson(bot.handle({ text: question })).internalOwner?.team ?? null;

describe('organisation overlay: the most specific rule wins', () => {
  it.each([
    ['who handles aurora backups?', 'Database Reliability', 'service + task pair'],
    ['who patches the guest os on ec2?', 'Platform SRE', 'task, over the infrastructure category'],
    ['who handles rds backups?', 'Database Reliability', 'service'],
    ['who configures security groups on rds?', 'Database Reliability', 'service beats task group'],
    ['who writes iam policies for s3?', 'Security Engineering', 'task group'],
    ['who configures security groups on ec2?', 'Network Engineering', 'task group beats service category'],
    ['who handles backups for ec2?', 'Platform SRE', 'service category'],
    ['who handles application code on lambda?', "The service's owning application team", 'default'],
  ])('%s -> %s (%s)', (question, team) => {
    expect(teamOf(question)).toBe(team);
  });

  it('names no team when AWS owns the task', () => {
    expect(toAskJson(bot.handle({ text: 'who handles physical security for s3?' }))).toMatchObject({ owner: 'aws', internalOwner: null });
  });

  it('works for general answers too', () => {
    expect(toAskJson(bot.handle({ text: 'who classifies our data?' })).internalOwner?.team).toBe("The service's owning application team");
  });

  it('shows the team on the Slack card, the Teams card and in text', () => {
    const answer = bot.handle({ text: 'who patches EC2?' });
    expect(JSON.stringify(renderSlack(answer).blocks)).toContain('*In Example Corp:* Platform SRE · #platform-oncall');
    expect(JSON.stringify(renderTeams(answer).card)).toContain('In Example Corp: Platform SRE · #platform-oncall');
    expect(renderText(answer)).toContain('In Example Corp: Platform SRE');
  });

  it('lists what a team owns', () => {
    const answer = bot.handle({ text: 'team dba' });
    expect(answer.kind).toBe('team');
    expect(renderText(answer)).toContain("the customer's side of everything on Amazon RDS");
    expect(bot.handle({ text: 'team nobody' })).toMatchObject({ kind: 'unknown' });
  });

  it('prints a non-null internalOwner in ask --json with ORG_FILE', () => {
    expect(toAskJson(bot.handle({ text: 'who patches EC2?' })).internalOwner).toMatchObject({ team: 'Platform SRE', slackChannel: '#platform-oncall' });
  });
});

describe('a broken organisation overlay', () => {
  const example = readFileSync(EXAMPLE, 'utf8');
  const issues = (text: string): string[] => {
    const file = orgFile(text);
    const result = loadKnowledgeBase(KNOWLEDGE_DIR, { orgFile: file });
    if (result.ok) throw new Error('expected the overlay to be refused');
    return result.issues.map(formatIssue).map((i) => i.replace(file, 'ORG_FILE'));
  };

  it('names the file, the field and the reason', () => {
    expect(issues(example.replace('  - team: dba\n    service: rds\n', '  - team: dba\n    service: rdz\n'))).toEqual(['ORG_FILE: rules[4].service: unknown service "rdz"']);
    expect(issues(example.replace('  - team: network\n    taskGroup: network', '  - team: netwrk\n    taskGroup: network'))).toEqual(['ORG_FILE: rules[8].team: unknown team "netwrk"']);
    expect(issues(example.replace('slackChannel: "#dba"', 'slackChannel: "dba channel"'))).toEqual(['ORG_FILE: teams[1].slackChannel: must look like #channel-name']);
  });

  it('refuses a rule with two selectors and a missing file', () => {
    expect(issues(example.replace('  - team: platform-sre\n    task: container-images\n', '  - team: platform-sre\n    task: container-images\n    service: ecr-nope\n    taskGroup: identity\n'))[0]).toMatch(/rules\[2\].*exactly one of/);
    const result = loadKnowledgeBase(KNOWLEDGE_DIR, { orgFile: '/nonexistent/org.yaml' });
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual(['/nonexistent/org.yaml: file is missing']);
  });

  it('keeps serving the last good base and overlay when a reload finds it broken', () => {
    const file = orgFile(example);
    const holder = new KnowledgeHolder(loadKnowledgeBaseOrThrow(KNOWLEDGE_DIR, { orgFile: file }), { orgFile: file });
    writeFileSync(file, example.replace('default: app-teams', 'default: nobody'));
    expect(holder.reload().ok).toBe(false);
    expect(holder.current.kb.org?.defaultTeam?.id).toBe('app-teams');
  });
});

describe('overlay changes are announced like base changes', () => {
  it('reports a changed internal owner for the subscriptions it concerns', () => {
    const before = snapshotOf(loadKnowledgeBaseOrThrow(KNOWLEDGE_DIR, { orgFile: EXAMPLE }));
    const changed = orgFile(readFileSync(EXAMPLE, 'utf8').replace('version: 1', 'version: 2').replace('  - team: dba\n    service: rds\n', '  - team: platform-sre\n    service: rds\n'));
    const after = snapshotOf(loadKnowledgeBaseOrThrow(KNOWLEDGE_DIR, { orgFile: changed }));
    expect(after.version).toMatch(/\+org\.2$/);
    const changes = diffSnapshots(before, after);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((c) => c.kind === 'team-changed' && c.service === 'rds')).toBe(true);
    expect(changes.map((c) => c.text)).toContain('Amazon RDS · Backups and restore: internal owner changed from Database Reliability to Platform SRE.');
  });
});
