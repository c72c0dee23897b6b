/**
 * The terminal adapter: text in, text out, with numbered choices. The CLI's `chat` uses it and
 * tests drive it like a user would (push a line, read the reply).
 */
import type { Answer } from '../../src/answers/answer';
import type { Bot } from '../../src/bot';
import { renderText } from '../../src/render/text';
import type { Choice } from '../../src/resolver/resolution';

function choicesOf(answer: Answer): readonly Choice[] {
  switch (answer.kind) {
    case 'clarify':
      return answer.choices;
    case 'unknown':
      return answer.suggestions;
    case 'responsibility':
    case 'general':
    case 'overview':
      return answer.actions;
    default:
      return [];
  }
}

export class ConsoleAdapter {
  private lastChoices: readonly Choice[] = [];

  constructor(private readonly bot: Bot) {}

  /** Handles one line; a bare number picks from the previous answer's numbered choices. */
  push(line: string): { answer: Answer; output: string } {
    const trimmed = line.trim();
    const pick = /^\d{1,2}$/.test(trimmed) ? this.lastChoices[Number(trimmed) - 1] : undefined;
    const answer = pick ? this.bot.handle({ selection: pick }) : this.bot.handle({ text: line });
    this.lastChoices = choicesOf(answer);
    let output = renderText(answer);
    if ((answer.kind === 'responsibility' || answer.kind === 'general' || answer.kind === 'overview') && this.lastChoices.length > 0) {
      output += `\n${this.lastChoices.map((c, i) => `  ${i + 1}. ${c.label}`).join('\n')}`;
    }
    return { answer, output };
  }
}
