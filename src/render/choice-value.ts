/** How a Choice travels in a button and back: a small JSON object, validated on the way in. */
import type { Selection } from '../resolver/resolution';

const ID = /^[a-z0-9-]{1,64}$/;

export function encodeSelection(choice: Selection): string {
  const out: Record<string, string> = {};
  if (choice.service) out.service = choice.service;
  if (choice.task) out.task = choice.task;
  if (choice.variant) out.variant = choice.variant;
  return JSON.stringify(out);
}

/** Reads a selection back from untrusted input; anything malformed gives null. */
export function decodeSelection(value: unknown): Selection | null {
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
  const record = parsed as Record<string, unknown>;
  const selection: { service?: string; task?: string; variant?: string } = {};
  for (const key of ['service', 'task', 'variant'] as const) {
    const v = record[key];
    if (v === undefined) continue;
    if (typeof v !== 'string' || !ID.test(v)) return null;
    selection[key] = v;
  }
  return selection.service || selection.task ? selection : null;
}

