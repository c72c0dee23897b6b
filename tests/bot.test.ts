import { shippedBot } from './support/kb';

const bot = shippedBot();

describe('bot: the "service" command and questions that start with the word', () => {
  it('"service rds" shows the matrix', () => {
    expect(bot.handle({ text: 'service rds' })).toMatchObject({ kind: 'overview', service: { id: 'rds' } });
  });

  it('answers a question that merely starts with "service" as a question', () => {
    expect(bot.handle({ text: 'service software updates on our opensearch domain: who applies them?' })).toMatchObject({ kind: 'responsibility', service: { id: 'opensearch' }, task: { id: 'patching' } });
  });
});
