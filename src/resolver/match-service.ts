/** Finds service and variant aliases in a question as exact word n-grams, longest first. */
import type { AliasTable } from './lexicon';

export interface AliasHit {
  readonly id: string;
  readonly start: number;
  /** Exclusive end index. */
  readonly end: number;
  /** True when a word in the span was typo-repaired. */
  readonly repaired: boolean;
}

/**
 * Greedy longest match from the left: at each position try the longest n-gram first, both as
 * words and as one compact word ("cloud front" == "cloudfront"). O(words × longest alias).
 */
export function findAliases(words: readonly string[], table: AliasTable, repaired: ReadonlySet<number>): AliasHit[] {
  const hits: AliasHit[] = [];
  const spaced: string[] = [];
  const compact: string[] = [];
  let i = 0;
  while (i < words.length) {
    let matched: AliasHit | undefined;
    const longest = Math.min(table.maxWords + 1, words.length - i);
    // The n-grams from i, built once by appending (not sliced and joined again for every n).
    spaced.length = 0;
    compact.length = 0;
    for (let n = 1; n <= longest; n++) {
      const word = words[i + n - 1] as string;
      spaced.push(n === 1 ? word : `${spaced[n - 2] as string} ${word}`);
      compact.push(n === 1 ? word : `${compact[n - 2] as string}${word}`);
    }
    for (let n = longest; n >= 1 && !matched; n--) {
      const entry = table.byPhrase.get(spaced[n - 1] as string) ?? (n <= 3 ? table.byCompact.get(compact[n - 1] as string) : undefined);
      if (entry) {
        let wasRepaired = false;
        for (let k = i; k < i + n; k++) if (repaired.has(k)) wasRepaired = true;
        matched = { id: entry.id, start: i, end: i + n, repaired: wasRepaired };
      }
    }
    if (matched) {
      hits.push(matched);
      i = matched.end;
    } else {
      i++;
    }
  }
  return hits;
}
