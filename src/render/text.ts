/** Answer -> plain text, for the terminal and for any client that shows no cards. */
import type { Answer } from '../answers/answer';
import { alternativesLine, footer, teamLine, OWNER_BADGE, OWNER_SHORT, responsibilityTitle } from './wording';

export function renderText(answer: Answer): string {
  const lines: string[] = [];
  switch (answer.kind) {
    case 'responsibility':
    case 'general': {
      lines.push(answer.kind === 'responsibility' ? responsibilityTitle(answer) : `${answer.task.name} (general model)`);
      lines.push(`Owner: ${OWNER_BADGE[answer.owner]}`);
      lines.push(`AWS: ${answer.aws}`);
      lines.push(`You: ${answer.customer}`);
      if (answer.internalOwner) lines.push(`In ${answer.internalOwner.organisation}: ${teamLine(answer.internalOwner)}${answer.internalOwner.runbook ? ` (runbook: ${answer.internalOwner.runbook})` : ''}`);
      if (answer.condition) lines.push(`Condition: ${answer.condition}`);
      if (answer.kind === 'responsibility' && answer.basisNote) lines.push(`Note: ${answer.basisNote}`);
      const alternatives = answer.kind === 'responsibility' ? alternativesLine(answer.alternatives) : null;
      if (alternatives) lines.push(alternatives);
      lines.push(...answer.sources.map((s) => `Source: ${s}`));
      lines.push(footer({ kbVersion: answer.kbVersion, reviewed: answer.kind === 'responsibility' ? answer.reviewed : null }));
      break;
    }
    case 'overview': {
      lines.push(`${answer.service.name}: who owns what`, answer.summary, '');
      const width = Math.max(...answer.rows.map((r) => r.task.name.length), 4);
      for (const row of answer.rows) {
        const owner = row.byVariant.length > 0 ? row.byVariant.map((v) => `${v.variant}: ${OWNER_SHORT[v.owner]}`).join('; ') : OWNER_BADGE[row.owner];
        lines.push(`  ${row.task.name.padEnd(width)}  ${owner}`);
      }
      lines.push('', ...answer.sources.map((s) => `Source: ${s}`), footer(answer));
      break;
    }
    case 'clarify':
      lines.push(answer.question, ...answer.choices.map((c, i) => `  ${i + 1}. ${c.label}`));
      break;
    case 'unknown':
      lines.push(answer.message, `Try: ${answer.examples.map((e) => `"${e}"`).join(', ')}`);
      lines.push(...answer.suggestions.map((c, i) => `  ${i + 1}. ${c.label}`));
      break;
    case 'help':
      lines.push(answer.intro, '', 'Ask me, for example:', ...answer.examples.map((e) => `  ${e}`), '', 'Commands:');
      lines.push(...answer.commands.map((c) => `  ${c.usage.padEnd(16)} ${c.description}`), '', footer(answer));
      break;
    case 'announcement':
      lines.push(answer.title, answer.changelog, ...answer.changes.map((c) => `  - ${c}`));
      if (answer.omitted > 0) lines.push(`  …and ${answer.omitted} more`);
      break;
    case 'team':
      lines.push(`${answer.owner.team}: what the team owns`, `In ${answer.owner.organisation}: ${teamLine(answer.owner)}`);
      lines.push(...(answer.owns.length > 0 ? answer.owns.map((o) => `  - ${o}`) : ['  No rule in the organisation file names this team.']));
      break;
    case 'subscription-status':
      lines.push(answer.message, ...answer.subscriptions.map((s) => `  - ${s}`));
      break;
  }
  return lines.join('\n');
}
