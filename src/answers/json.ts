/** The JSON contract of `whoowns ask --json` (DESIGN.md §6). */
import type { Owner } from '../knowledge/schema';
import type { Answer, InternalOwner } from './answer';

export type AskStatus = 'answered' | 'overview' | 'clarify' | 'unknown';

export interface AskJson {
  query: string;
  status: AskStatus;
  service: { id: string; name: string } | null;
  task: { id: string; name: string } | null;
  variant: { id: string; name: string } | null;
  owner: Owner | null;
  confidence: number;
  choices: Array<{ label: string; service?: string; task?: string; variant?: string }>;
  sources: string[];
  /** The organisation's team for the customer's side (organisation overlay), or null. */
  internalOwner: InternalOwner | null;
  kbVersion: string;
}

export function toAskJson(answer: Answer): AskJson {
  const base: AskJson = {
    query: answer.query,
    status: 'unknown',
    service: null,
    task: null,
    variant: null,
    owner: null,
    confidence: answer.confidence,
    choices: [],
    sources: [],
    internalOwner: null,
    kbVersion: answer.kbVersion,
  };
  switch (answer.kind) {
    case 'responsibility':
      return { ...base, status: 'answered', service: answer.service, task: answer.task, variant: answer.variant, owner: answer.owner, sources: [...answer.sources], internalOwner: answer.internalOwner };
    case 'general':
      return { ...base, status: 'answered', task: answer.task, owner: answer.owner, sources: [...answer.sources], internalOwner: answer.internalOwner };
    case 'team':
      return { ...base, status: 'overview', internalOwner: answer.owner };
    case 'overview':
      return { ...base, status: 'overview', service: { id: answer.service.id, name: answer.service.name }, sources: [...answer.sources] };
    case 'clarify':
      return { ...base, status: 'clarify', service: answer.service, task: answer.task, choices: answer.choices.map((c) => ({ ...c })) };
    case 'unknown':
      return { ...base, choices: answer.suggestions.map((c) => ({ ...c })) };
    default:
      return base;
  }
}
