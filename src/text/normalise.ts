/**
 * Text normalisation shared by the resolver and the knowledge validator, so that aliases and
 * questions are compared in exactly the same form. Every step is a single linear pass; no
 * regular expression here has nested quantifiers.
 */

/** Questions longer than this are cut; nobody asks about responsibility in a page of text. */
export const MAX_QUESTION_CHARS = 1000;

// Zero-width characters, soft hyphen, bidi embeddings/overrides/isolates and marks.
const INVISIBLE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
// Slack's angle-bracket tokens: <@U123>, <#C123|name>, <!here>, <https://x|label>, <mailto:..>.
const SLACK_TOKEN = /<([^<>|]*)(?:\|([^<>]*))?>/g;
// Teams mentions arrive as <at>Name</at>.
const TEAMS_MENTION = /<at>[^<]*<\/at>/gi;
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>]{1,2000}/gi;
const EMOJI_CODE = /:[a-z0-9_+'-]{1,40}:/gi;

// Latin look-alikes from Cyrillic and Greek that are used to dodge filters.
const HOMOGLYPHS: Readonly<Record<string, string>> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', ο: 'o', ν: 'v', ρ: 'p', τ: 't', ι: 'i', κ: 'k',
};

export interface NormalisedText {
  /** Lower-case words, in order. */
  readonly words: readonly string[];
  /** The cleaned text, for echoing back (never contains Slack tokens or URLs). */
  readonly clean: string;
  /** True when the input was longer than MAX_QUESTION_CHARS and was cut. */
  readonly truncated: boolean;
}

function replaceSlackToken(_match: string, target: string, label: string | undefined): string {
  // Links keep their label (people write <https://…|the console>); mentions, channels and
  // broadcasts disappear entirely: they are addressing, not content.
  if (/^(?:https?:|mailto:)/i.test(target) && label) return ` ${label} `;
  return ' ';
}

/** Cleans raw chat text: invisible characters, platform markup, URLs and emoji codes go. */
export function cleanText(raw: string): { text: string; truncated: boolean } {
  const truncated = raw.length > MAX_QUESTION_CHARS;
  let text = truncated ? raw.slice(0, MAX_QUESTION_CHARS) : raw;
  text = text.normalize('NFKC').replace(INVISIBLE, '');
  text = text.replace(TEAMS_MENTION, ' ').replace(SLACK_TOKEN, replaceSlackToken);
  text = text.replace(BARE_URL, ' ').replace(EMOJI_CODE, ' ');
  // Slack escapes &, < and > in message text.
  text = text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  return { text: text.replace(/\s+/g, ' ').trim(), truncated };
}

/** Splits cleaned text into lower-case words: letters and digits; everything else separates. */
export function toWords(text: string): string[] {
  const words: string[] = [];
  let current = '';
  const lower = text.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    let ch = lower[i] as string;
    ch = HOMOGLYPHS[ch] ?? ch;
    if (ch === "'" || ch === '\u2019') {
      // Possessive 's is dropped ("aws's"); other apostrophes join ("don't" -> "dont").
      const next = lower[i + 1];
      const after = lower[i + 2];
      if (next === 's' && (after === undefined || !/[\p{L}\p{N}]/u.test(after))) i++;
      continue;
    }
    if (/[\p{L}\p{N}]/u.test(ch)) {
      current += ch;
    } else if (current) {
      words.push(current);
      current = '';
    }
  }
  if (current) words.push(current);
  return words;
}

export function normalise(raw: string): NormalisedText {
  const { text, truncated } = cleanText(raw);
  return { words: toWords(text), clean: text, truncated };
}
