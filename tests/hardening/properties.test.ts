/**
 * Property tests: arbitrary Unicode, very long strings and deep JSON never make an exception
 * escape, and every answer renders within the platform limits.
 */
import fc from 'fast-check';
import { decodeFeedback, decodeSelection } from '../../src/render/choice-value';
import { SLACK, TEAMS } from '../../src/render/limits';
import { renderSlack } from '../../src/render/slack';
import { renderTeams } from '../../src/render/teams';
import { renderText } from '../../src/render/text';
import { normalise } from '../../src/text/normalise';
import { shippedBot, shippedResolver } from '../support/kb';

const bot = shippedBot();
const resolver = shippedResolver();

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ maxLength: 3000 }),
  fc.array(fc.constantFrom('who', 'patches', 'rds', '<@U1>', '<!here>', ':x:', 'ｅｃ２', '\u202E', '\u200B', 'ес2', 'kms', 'fargate', '\uD800', '🙂', '&amp;', '<https://x|y>', 'ignore', 'previous'), { maxLength: 60 }).map((w) => w.join(' ')),
);

describe('no input breaks the resolver or the renderers', () => {
  it('answers anything with a renderable answer within the limits', () => {
    fc.assert(
      fc.property(text, (input) => {
        const answer = bot.handle({ text: input });
        const slack = renderSlack(answer, { share: true });
        expect(slack.blocks.length).toBeLessThanOrEqual(SLACK.maxBlocks);
        expect(slack.text.length).toBeLessThanOrEqual(SLACK.fallbackText);
        const json = JSON.stringify(slack.blocks);
        expect(json).not.toMatch(/<!(?:here|channel|everyone)/);
        expect(Buffer.byteLength(JSON.stringify(renderTeams(answer).card))).toBeLessThanOrEqual(TEAMS.maxCardBytes);
        expect(typeof renderText(answer)).toBe('string');
      }),
      { numRuns: 400 },
    );
  });

  it('keeps the work linear in the input length', () => {
    const unit = 'who patches the guest os on ec2 with kms keys and fargate <@U1> :x: ';
    const time = (n: number): number => {
      const input = unit.repeat(n);
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < 20; i++) resolver.resolve(input);
      return Number(process.hrtime.bigint() - t0);
    };
    time(4);
    // The question is capped, so 100x the input costs about as much as the cap allows, not 100x more.
    const small = time(10);
    const huge = time(1000);
    expect(huge / small).toBeLessThan(20);
  });

  it('normalises any string without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 5000 }), (input) => {
        const { words, clean } = normalise(input);
        expect(clean.length).toBeLessThanOrEqual(1000);
        for (const w of words) expect(w).toMatch(/^[\p{L}\p{N}]+$/u);
      }),
      { numRuns: 300 },
    );
  });

  it('decodes any button value to a valid selection or null', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 6 }), fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v))), (value) => {
        const selection = decodeSelection(value);
        if (selection) {
          for (const v of Object.values(selection)) expect(v).toMatch(/^[a-z0-9-]{1,64}$/);
          expect(() => bot.handle({ selection })).not.toThrow();
        }
        expect(() => decodeFeedback(value)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});
