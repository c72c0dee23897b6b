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
/** Extra weight for a synonym whose words stand together and in order in the question. */
const IN_ORDER_BONUS = 0.25;

/** True when `phrase` occurs as consecutive words of `sequence` (small words already left out of both). */
function occursInOrder(phrase: readonly string[], sequence: readonly string[], positions: ReadonlyMap<string, readonly number[]>): boolean {
  if (phrase.length < 2) return false;
  for (const start of positions.get(phrase[0] as string) ?? []) {
    let k = 1;
    while (k < phrase.length && sequence[start + k] === phrase[k]) k++;
    if (k === phrase.length) return true;
  }
  return false;
}

/**
 * `words`: the question's stemmed words that are free for task matching; `sequence`: the same
 * words in question order without small words, used only for the word-order bonus.
 */
export function scoreTasks(words: ReadonlySet<string>, lexicon: Lexicon, sequence: readonly string[] = []): TaskScore[] {
  const positions = new Map<string, number[]>();
  sequence.forEach((w, i) => {
    const list = positions.get(w);
    if (list) list.push(i);
    else positions.set(w, [i]);
  });
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
    if (phrase.adjacent.some((group) => !occursInOrder(group, sequence, positions))) continue;
    let entry = perTask.get(phrase.taskId);
    if (!entry) {
      entry = { best: 0, bestWords: [], covered: new Map() };
      perTask.set(phrase.taskId, entry);
    }
    const weight = phrase.weight + (occursInOrder(phrase.ordered, sequence, positions) ? IN_ORDER_BONUS : 0);
    if (weight > entry.best) {
      entry.best = weight;
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
