/** How a Choice travels in a button and back: a small JSON object, validated on the way in. */
import type { Answer } from '../answers/answer';
import type { Selection } from '../resolver/resolution';

const ID = /^[a-z0-9-]{1,64}$/;

/** The selection's set fields only, in a fixed order. */
function selectionFields(choice: Selection): Record<string, string> {
  const out: Record<string, string> = {};
  if (choice.service) out.service = choice.service;
  if (choice.task) out.task = choice.task;
  if (choice.variant) out.variant = choice.variant;
  return out;
}

export function encodeSelection(choice: Selection): string {
  return JSON.stringify(selectionFields(choice));
}

/** Parses a small JSON object from untrusted input (a string or an already parsed value). */
function smallObject(value: unknown): Record<string, unknown> | null {
  let parsed: unknown = value;
  if (typeof value === 'string') {
    if (value.length > 2000) return null;
    try {
      parsed = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  return parsed as Record<string, unknown>;
}

/** Reads a selection back from untrusted input; anything malformed gives null. */
export function decodeSelection(value: unknown): Selection | null {
  const record = smallObject(value);
  if (!record) return null;
  const selection: { service?: string; task?: string; variant?: string } = {};
  for (const key of ['service', 'task', 'variant'] as const) {
    const v = record[key];
    if (v === undefined) continue;
    if (typeof v !== 'string' || !ID.test(v)) return null;
    selection[key] = v;
  }
  return selection.service || selection.task ? selection : null;
}


/** What an answer is about, as a selection that renders it again (for "share" and feedback). */
export function answerSelection(answer: Answer): Selection | null {
  switch (answer.kind) {
    case 'responsibility':
      return { service: answer.service.id, task: answer.task.id, ...(answer.variant ? { variant: answer.variant.id } : {}) };
    case 'general':
      return { task: answer.task.id };
    case 'overview':
      return { service: answer.service.id };
    default:
      return null;
  }
}

export type Vote = 'up' | 'down';

export interface Feedback {
  readonly vote: Vote;
  readonly about: Selection;
}

export function encodeFeedback(vote: Vote, about: Selection): string {
  return JSON.stringify({ vote, ...selectionFields(about) });
}

/** Reads feedback back from untrusted input; anything malformed gives null. */
export function decodeFeedback(value: unknown): Feedback | null {
  const record = smallObject(value);
  if (!record) return null;
  const { vote, ...rest } = record;
  if (vote !== 'up' && vote !== 'down') return null;
  const about = decodeSelection(rest);
  return about ? { vote, about } : null;
}
