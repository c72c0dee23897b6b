/**
 * Repairs misspelt words ("pacthes", "dyanmodb") towards the resolver's vocabulary of stems.
 * fuse.js is slow over long lists, so a bigram index first picks a handful of candidates and
 * fuse.js only scores those. Swapped neighbouring letters ("chmie") are checked exactly, since
 * fuse.js counts a swap as two errors. Short words are never repaired: "ecs", "ecr" and "eks"
 * must not blur into each other.
 */
import Fuse from 'fuse.js';
import { stem } from '../text/stem';

const MIN_WORD = 5;
const SHORTLIST = 8;
/** fuse.js score (0 = exact). Two transposed letters in eight score about 0.25. */
const MAX_SCORE = 0.34;
const CACHE_LIMIT = 5000;
const SWAP_SIMILARITY = 0.8;

function bigrams(word: string): string[] {
  const padded = `^${word}$`;
  const out: string[] = [];
  for (let i = 0; i < padded.length - 1; i++) out.push(padded.slice(i, i + 2));
  return out;
}

export interface Repair {
  /** The repaired word, as a stem. */
  readonly word: string;
  /** 0..1, how sure the repair is (1 - fuse score). */
  readonly similarity: number;
}

export class TypoRepairer {
  private readonly words: readonly string[];
  private readonly known: ReadonlySet<string>;
  private readonly byBigram = new Map<string, number[]>();
  private readonly cache = new Map<string, Repair | null>();

  /** `vocabulary`: stems of the knowledge base's words. */
  constructor(vocabulary: readonly string[]) {
    this.words = vocabulary;
    this.known = new Set(vocabulary);
    vocabulary.forEach((word, index) => {
      for (const gram of new Set(bigrams(word))) {
        const list = this.byBigram.get(gram);
        if (list) list.push(index);
        else this.byBigram.set(gram, [index]);
      }
    });
  }

  /** Tries the stem first, then the word as typed ("pacthes" stems badly but is close to "patches"). */
  repair(word: string, stemmed: string = stem(word)): Repair | null {
    if (word.length < MIN_WORD || word.length > 30 || /\d/.test(word)) return null;
    const key = `${word} ${stemmed}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const result = this.swapped(word) ?? this.swapped(stemmed) ?? this.fuzzy(stemmed) ?? this.fuzzy(word);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, result);
    return result;
  }

  private swapped(word: string): Repair | null {
    for (let i = 0; i + 1 < word.length; i++) {
      const candidate = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      const stemmed = stem(candidate);
      if (this.known.has(stemmed)) return { word: stemmed, similarity: SWAP_SIMILARITY };
    }
    return null;
  }

  private fuzzy(word: string): Repair | null {
    if (word.length < MIN_WORD - 1) return null;
    const grams = new Set(bigrams(word));
    const overlap = new Map<number, number>();
    for (const gram of grams) {
      for (const index of this.byBigram.get(gram) ?? []) overlap.set(index, (overlap.get(index) ?? 0) + 1);
    }
    const candidates = [...overlap.entries()]
      .filter(([index, shared]) => {
        const candidate = this.words[index] as string;
        return Math.abs(candidate.length - word.length) <= 2 && shared / Math.max(grams.size, candidate.length + 1) >= 0.35;
      })
      .sort((a, b) => b[1] - a[1])
      .slice(0, SHORTLIST)
      .map(([index]) => this.words[index] as string);
    if (candidates.length === 0) return null;
    const fuse = new Fuse(candidates, { includeScore: true, ignoreLocation: true, threshold: MAX_SCORE, isCaseSensitive: true });
    const best = fuse.search(word)[0];
    if (!best || best.score === undefined || best.score > MAX_SCORE) return null;
    return { word: stem(best.item), similarity: 1 - best.score };
  }
}

/** True when `a` becomes `b` by one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
