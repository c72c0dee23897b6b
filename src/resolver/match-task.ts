/** Scores tasks by their synonyms: a synonym counts when all of its words are in the question. */
import { wordWeight, type Lexicon } from './lexicon';

export interface TaskScore {
  readonly taskId: string;
  readonly score: number;
  /** Stemmed question words that the task's matching synonyms used. */
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
  // Per task: the best synonym, plus half the weight of further question words that other
  // synonyms of the same task cover ("harden" and "baseline" both point at configuration).
  const perTask = new Map<string, { best: number; bestWords: readonly string[]; covered: Map<string, number> }>();
  for (const [index, count] of hits) {
    const phrase = lexicon.phrases[index];
    if (!phrase || count < phrase.words.length) continue;
    let entry = perTask.get(phrase.taskId);
    if (!entry) {
      entry = { best: 0, bestWords: [], covered: new Map() };
      perTask.set(phrase.taskId, entry);
    }
    if (phrase.weight > entry.best) {
      entry.best = phrase.weight;
      entry.bestWords = phrase.words;
    }
    for (const w of phrase.words) entry.covered.set(w, wordWeight(w));
  }
  const scores: TaskScore[] = [];
  for (const [taskId, entry] of perTask) {
    let extra = 0;
    for (const [w, weight] of entry.covered) if (!entry.bestWords.includes(w)) extra += weight;
    const score = entry.best + extra / 2;
    // Synonyms made only of small words ("who can") never decide a task on their own.
    if (score >= 0.5) scores.push({ taskId, score, words: [...entry.covered.keys()] });
  }
  return scores.sort((a, b) => b.score - a.score || a.taskId.localeCompare(b.taskId));
}
