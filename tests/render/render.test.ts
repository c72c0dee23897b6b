import type { Answer, ResponsibilityAnswer } from '../../src/answers/answer';
import { buildAnswer, buildHelp } from '../../src/answers/build';
import { decodeSelection } from '../../src/render/choice-value';
import { SLACK, TEAMS } from '../../src/render/limits';
import { renderSlack, renderSlackHome, type SlackBlock, type SlackMessage } from '../../src/render/slack';
import { renderTeams, type TeamsMessage } from '../../src/render/teams';
import { renderText } from '../../src/render/text';
import { shippedBot, shippedKb, shippedResolver } from '../support/kb';

const kb = shippedKb();
const resolver = shippedResolver();
const bot = shippedBot();

const hostile = '<!channel> <@U999> <https://evil.example|click> [x](https://evil.example) **bold** @here';

function sampleAnswers(): Answer[] {
  const questions = ['who patches RDS?', 'who patches ECS?', 'who handles physical security?', 'lambda', 'what is the weather', 'who handles patching?', 'who patches ecs fargate'];
  const answers: Answer[] = questions.map((q) => bot.handle({ text: q }));
  answers.push(buildHelp(kb));
  // Every service's full matrix: the largest cards we make.
  for (const id of kb.services.keys()) answers.push(buildAnswer(resolver.select({ service: id }), id, kb));
  // Every responsibility, as a button would ask for it.
  for (const service of kb.services.values()) {
    for (const r of service.responsibilities) answers.push(buildAnswer(resolver.select({ service: service.id, task: r.task }), hostile, kb));
  }
  // Every aspect, as a question naming the piece would get it (its note is the longest).
  for (const service of kb.services.values()) {
    for (const r of service.responsibilities) {
      for (const aspect of r.aspects ?? []) answers.push(bot.handle({ text: `${service.shortName} ${kb.tasks.get(r.task)?.name ?? r.task}: who owns the ${aspect.about[0] ?? ''}?` }));
    }
  }
  answers.push({
    kind: 'announcement',
    kbVersion: '9.9.9',
    query: '',
    confidence: 1,
    title: 'The responsibility model changed',
    changelog: 'x'.repeat(5000),
    changes: Array.from({ length: 400 }, (_, i) => `Change ${i}: ${'y'.repeat(300)}`),
    omitted: 0,
  });
  answers.push({ kind: 'subscription-status', kbVersion: '1', query: hostile, confidence: 1, message: 'Subscribed.', subscriptions: [hostile] });
  answers.push({ ...(bot.handle({ text: 'who patches ECS?' }) as Answer), query: hostile });
  answers.push({ ...(bot.handle({ text: 'zzz qqq' }) as Answer), query: 'q'.repeat(10000) });
  return answers;
}

function slackTexts(block: SlackBlock): string[] {
  switch (block.type) {
    case 'header':
      return [block.text.text];
    case 'section':
      return [...(block.text ? [block.text.text] : []), ...(block.fields ?? []).map((f) => f.text)];
    case 'context':
      return block.elements.map((e) => e.text);
    case 'actions':
      return block.elements.map((e) => e.text.text);
    default:
      return [];
  }
}

function checkSlackLimits(message: SlackMessage): void {
  expect(message.text.length).toBeGreaterThan(0);
  expect(message.blocks.length).toBeLessThanOrEqual(SLACK.maxBlocks);
  for (const block of message.blocks) {
    if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(SLACK.headerText);
    if (block.type === 'section') {
      if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(SLACK.sectionText);
      expect((block.fields ?? []).length).toBeLessThanOrEqual(SLACK.fieldsPerSection);
      for (const f of block.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(SLACK.fieldText);
    }
    if (block.type === 'actions') {
      const ids = block.elements.map((e) => e.action_id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const button of block.elements) {
        expect(button.text.text.length).toBeLessThanOrEqual(SLACK.buttonText);
        expect(button.action_id.length).toBeLessThanOrEqual(SLACK.actionId);
        expect(button.value.length).toBeLessThanOrEqual(SLACK.buttonValue);
        expect(decodeSelection(button.value)).not.toBeNull();
      }
    }
  }
}

function checkTeamsLimits(message: TeamsMessage): void {
  expect(message.card.version).toBe('1.5');
  expect(Buffer.byteLength(JSON.stringify(message.card), 'utf8')).toBeLessThanOrEqual(TEAMS.maxCardBytes);
  expect(message.card.body.length).toBeGreaterThan(0);
}

describe('renderers stay within platform limits for every kind of answer', () => {
  const answers = sampleAnswers();

  it('covers every answer kind', () => {
    expect(new Set(answers.map((a) => a.kind))).toEqual(new Set(['responsibility', 'general', 'overview', 'clarify', 'unknown', 'help', 'announcement', 'subscription-status']));
  });

  it('Slack: blocks, header, sections, fields, buttons', () => {
    for (const answer of answers) {
      checkSlackLimits(renderSlack(answer));
      checkSlackLimits(renderSlack(answer, { share: true }));
    }
  });

  it('Teams: Adaptive Card 1.5 under 25 KB', () => {
    for (const answer of answers) checkTeamsLimits(renderTeams(answer));
  });

  it('text: never empty', () => {
    for (const answer of answers) expect(renderText(answer).trim().length).toBeGreaterThan(0);
  });
});

describe('echoed user text cannot ping or link', () => {
  const answers = sampleAnswers().filter((a) => a.query === hostile);

  it('Slack output has no live broadcast, mention or foreign link', () => {
    expect(answers.length).toBeGreaterThan(10);
    for (const answer of answers) {
      const texts = [renderSlack(answer).text, ...renderSlack(answer).blocks.flatMap(slackTexts)].join('\n');
      expect(texts).not.toMatch(/<!(channel|here|everyone)/);
      expect(texts).not.toMatch(/<@U/);
      expect(texts).not.toMatch(/https?:\/\/evil/);
      // Every link the message makes points at AWS documentation.
      for (const link of texts.match(/<(https?:[^|>]+)/g) ?? []) expect(link).toMatch(/^<https:\/\/(docs\.)?aws\.amazon\.com\//);
    }
  });

  it('Teams output shows the question only as plain TextRun, with links broken', () => {
    for (const answer of answers) {
      const json = JSON.stringify(renderTeams(answer).card);
      expect(json).not.toMatch(/\]\(https?:\/\/evil/);
      expect(json).not.toMatch(/https?:\/\/evil/);
      for (const link of json.match(/\]\((https?:[^)]+)\)/g) ?? []) expect(link).toMatch(/^\]\(https:\/\/(docs\.)?aws\.amazon\.com\//);
    }
  });
});

describe('rendering one answer', () => {
  const answer: ResponsibilityAnswer = {
    kind: 'responsibility',
    kbVersion: '1.0.0',
    query: 'who patches rds',
    confidence: 0.95,
    service: { id: 'rds', name: 'Amazon RDS' },
    task: { id: 'patching', name: 'Patching and updates' },
    variant: null,
    owner: 'shared',
    aws: 'Applies patches.',
    customer: 'Picks the window.',
    condition: null,
    basisNote: null,
    alternatives: [],
    sources: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Maintenance.html'],
    reviewed: '2026-11-23',
    internalOwner: null,
    actions: [{ label: 'Full matrix for Amazon RDS', service: 'rds' }],
  };

  it('Slack blocks, exactly', () => {
    expect(renderSlack(answer)).toEqual({
      text: 'Patching and updates on Amazon RDS: Shared (AWS and you)',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Patching and updates on Amazon RDS', emoji: true } },
        { type: 'section', text: { type: 'mrkdwn', text: 'Owner: :handshake: *Shared (AWS and you)*' } },
        { type: 'section', fields: [{ type: 'mrkdwn', text: '*What AWS does*\nApplies patches.' }, { type: 'mrkdwn', text: '*What you do*\nPicks the window.' }] },
        {
          type: 'context',
          elements: [
            { type: 'mrkdwn', text: 'Source: <https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Maintenance.html|docs.aws.amazon.com/…/USER_UpgradeDBInstance.Maintenance>' },
            { type: 'mrkdwn', text: 'whoowns knowledge base v1.0.0 · reviewed 2026-11-23' },
          ],
        },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Asked: “who patches rds”' }] },
        { type: 'actions', block_id: 'whoowns_next', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Full matrix for Amazon RDS', emoji: true }, action_id: 'whoowns_choice_0', value: '{"service":"rds"}' }] },
        {
          type: 'actions',
          block_id: 'whoowns_meta',
          elements: [
            { type: 'button', text: { type: 'plain_text', text: ':thumbsup: Helpful', emoji: true }, action_id: 'whoowns_feedback_up', value: '{"vote":"up","service":"rds","task":"patching"}' },
            { type: 'button', text: { type: 'plain_text', text: ':thumbsdown: Not right', emoji: true }, action_id: 'whoowns_feedback_down', value: '{"vote":"down","service":"rds","task":"patching"}' },
          ],
        },
      ],
    });
  });

  it('Slack adds "Share in channel" for private answers', () => {
    const meta = renderSlack(answer, { share: true }).blocks.at(-1);
    expect(meta).toMatchObject({ type: 'actions', block_id: 'whoowns_meta' });
    expect(meta?.type === 'actions' ? meta.elements[0] : undefined).toEqual({
      type: 'button',
      text: { type: 'plain_text', text: 'Share in channel', emoji: true },
      action_id: 'whoowns_share',
      value: '{"service":"rds","task":"patching"}',
      style: 'primary',
    });
  });

  it('Slack App Home stays within limits', () => {
    const home = renderSlackHome(buildHelp(kb));
    expect(home.type).toBe('home');
    checkSlackLimits({ text: 'home', blocks: home.blocks });
  });

  it('Teams card carries the owner badge and a submit action', () => {
    const { card, text } = renderTeams(answer);
    expect(text).toBe('Patching and updates on Amazon RDS: Shared (AWS and you)');
    expect(card.body[0]).toEqual({ type: 'TextBlock', text: 'Patching and updates on Amazon RDS', wrap: true, size: 'Large', weight: 'Bolder', style: 'heading' });
    expect(JSON.stringify(card.body[1])).toContain('Owner: Shared (AWS and you)');
    expect(card.actions).toEqual([
      { type: 'Action.Submit', title: 'Full matrix for Amazon RDS', data: { whoownsChoice: { service: 'rds' } } },
      { type: 'Action.Submit', title: '👍 Helpful', data: { whoownsFeedback: { vote: 'up', service: 'rds', task: 'patching' } } },
      { type: 'Action.Submit', title: '👎 Not right', data: { whoownsFeedback: { vote: 'down', service: 'rds', task: 'patching' } } },
    ]);
  });

  it('plain text', () => {
    expect(renderText(answer)).toBe(
      [
        'Patching and updates on Amazon RDS',
        'Owner: Shared (AWS and you)',
        'AWS: Applies patches.',
        'You: Picks the window.',
        'Source: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Maintenance.html',
        'whoowns knowledge base v1.0.0 · reviewed 2026-11-23',
      ].join('\n'),
    );
  });
});

describe('selections travelling in buttons', () => {
  it('refuse anything but small ids', () => {
    expect(decodeSelection('{"service":"rds","task":"patching"}')).toEqual({ service: 'rds', task: 'patching' });
    expect(decodeSelection('{"service":"<!channel>"}')).toBeNull();
    expect(decodeSelection('not json')).toBeNull();
    expect(decodeSelection('{"service":{"$gt":""}}')).toBeNull();
    expect(decodeSelection('[]')).toBeNull();
    expect(decodeSelection('x'.repeat(5000))).toBeNull();
  });
});
