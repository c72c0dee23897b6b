/** Scores tasks by their synonyms: a synonym counts when all of its words are in the question. */
import type { Lexicon } from './lexicon';

export interface TaskScore {
  readonly taskId: string;
  readonly score: number;
  /** Stemmed question words that the winning synonym used. */
  readonly words: readonly string[];
}

/**
 * Each candidate synonym is checked once per word it shares with the question, so the cost
 * grows with the question's length, not with the size of the vocabulary.
 */
export function scoreTasks(words: ReadonlySet<string>, lexicon: Lexicon): TaskScore[] {
  const hits = new Map<number, number>();
  for (const word of words) {
    for (const index of lexicon.phrasesByWord.get(word) ?? []) hits.set(index, (hits.get(index) ?? 0) + 1);
  }
  const best = new Map<string, { score: number; words: readonly string[]; count: number }>();
  for (const [index, count] of hits) {
    const phrase = lexicon.phrases[index];
    if (!phrase || count < phrase.words.length) continue;
    const current = best.get(phrase.taskId);
    if (!current || phrase.weight > current.score) {
      best.set(phrase.taskId, { score: phrase.weight, words: phrase.words, count: (current?.count ?? 0) + 1 });
    } else {
      current.count += 1;
    }
  }
  return [...best.entries()]
    // A task that several distinct synonyms point at is a little more likely.
    .map(([taskId, b]) => ({ taskId, score: b.score + Math.min(b.count - 1, 5) * 0.02, words: b.words }))
    // Synonyms made only of small words ("who can") never decide a task on their own.
    .filter((t) => t.score >= 0.5)
    .sort((a, b) => b.score - a.score || a.taskId.localeCompare(b.taskId));
}

