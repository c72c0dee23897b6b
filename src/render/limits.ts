/** Platform limits, kept as constants so renderers and tests agree on them. */
export const SLACK = {
  maxBlocks: 50,
  headerText: 150,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  elementsPerActions: 25,
  contextElements: 10,
  fallbackText: 3000,
} as const;

export const TEAMS = {
  maxCardBytes: 25 * 1024,
  version: '1.5',
  maxActions: 6,
  actionTitle: 75,
} as const;

/** Cuts text to a length, ending with an ellipsis when it had to cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}
