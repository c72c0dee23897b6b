/** The announcement a subscription receives: its selected changes as a platform-neutral Answer. */
import type { AnnouncementAnswer } from '../answers/answer';
import type { Change } from '../knowledge/diff';
import type { KbSnapshot } from '../knowledge/snapshot';

export function announcementFor(snapshot: KbSnapshot, previousVersion: string, changes: readonly Change[]): AnnouncementAnswer {
  return {
    kind: 'announcement',
    kbVersion: snapshot.version,
    query: '',
    confidence: 1,
    title: `The responsibility model changed: v${previousVersion} → v${snapshot.version}`,
    changelog: snapshot.changelog || `Knowledge base v${snapshot.version}.`,
    changes: changes.map((c) => c.text),
    omitted: 0,
  };
}

/** Reads an outbox payload back; a payload that is not an announcement is a bug, reported as such. */
export function parseAnnouncement(payload: string): AnnouncementAnswer {
  const value = JSON.parse(payload) as Partial<AnnouncementAnswer>;
  if (value.kind !== 'announcement' || typeof value.title !== 'string' || !Array.isArray(value.changes)) {
    throw new Error('outbox payload is not an announcement');
  }
  return value as AnnouncementAnswer;
}
