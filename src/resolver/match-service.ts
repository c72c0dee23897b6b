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
  let i = 0;
  while (i < words.length) {
    let matched: AliasHit | undefined;
    const longest = Math.min(table.maxWords + 1, words.length - i);
    for (let n = longest; n >= 1 && !matched; n--) {
      const span = words.slice(i, i + n);
      const entry = table.byPhrase.get(span.join(' ')) ?? (n <= 3 ? table.byCompact.get(span.join('')) : undefined);
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
