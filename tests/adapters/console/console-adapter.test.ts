import { ConsoleAdapter } from '../../../adapters/console/console-adapter';
import { shippedBot } from '../../support/kb';

describe('terminal chat', () => {
  it('asks a clarifying question and answers the numbered choice', () => {
    const chat = new ConsoleAdapter(shippedBot());
    const first = chat.push('who patches ECS?');
    expect(first.answer.kind).toBe('clarify');
    const lines = first.output.split('\n');
    const fargateLine = lines.find((l) => /Fargate/.test(l));
    expect(fargateLine).toBeDefined();
    const number = /^\s*(\d+)\./.exec(fargateLine ?? '')?.[1];
    const second = chat.push(number ?? '');
    expect(second.answer).toMatchObject({ kind: 'responsibility', owner: 'aws', variant: { id: 'fargate' } });
    expect(second.output).toMatch(/Owner: AWS/);
  });

  it('offers the full matrix after an answer', () => {
    const chat = new ConsoleAdapter(shippedBot());
    chat.push('who configures security groups on ec2');
    const matrix = chat.push('1');
    expect(matrix.answer.kind).toBe('overview');
    expect(matrix.output).toMatch(/Amazon EC2: who owns what/);
  });

  it('answers help and unknown text politely', () => {
    const chat = new ConsoleAdapter(shippedBot());
    expect(chat.push('help').output).toMatch(/who owns a security or operations task/);
    expect(chat.push('qwertyuiop').answer.kind).toBe('unknown');
    expect(chat.push('7').answer.kind).toBe('unknown');
  });
});
