/**
 * Everything the resolver looks up, built once per knowledge base: service and variant aliases
 * as word n-grams, task synonyms as bags of stemmed words, and the vocabulary for typo repair.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { Service, Task } from '../knowledge/schema';
import { toWords } from '../text/normalise';
import { stem, stemAll } from '../text/stem';
import { englishWords } from './english';
import { GENERIC_WORDS, SERVICE_BOUND_WORDS, STOPWORDS } from './words';

export interface AliasEntry {
  readonly id: string;
  /** How many words the alias spans, so longer aliases win. */
  readonly length: number;
}

export interface AliasTable {
  /** Stemmed words joined by spaces -> owner. */
  readonly byPhrase: ReadonlyMap<string, AliasEntry>;
  /** Stemmed words joined with nothing ("dynamo db" == "dynamodb") -> owner. */
  readonly byCompact: ReadonlyMap<string, AliasEntry>;
  readonly maxWords: number;
}

export interface TaskPhrase {
  readonly taskId: string;
  /** Distinct stemmed words that must all appear in the question. */
  readonly words: readonly string[];
  /** The same words in the synonym's order, small words left out: for the word-order bonus. */
  readonly ordered: readonly string[];
  /**
   * Words written joined by "+" ("host+os"), which count only side by side and in that order:
   * "the host OS" is the hypervisor's, "the OS on our hosts" is the instance's.
   */
  readonly adjacent: readonly (readonly string[])[];
  readonly weight: number;
}

export interface Lexicon {
  readonly services: AliasTable;
  /** Parts of services that stand for them when no service is named (`impliedBy`). */
  readonly implied: AliasTable;
  readonly variants: ReadonlyMap<string, AliasTable>;
  readonly phrases: readonly TaskPhrase[];
  /** Stemmed word -> indexes into `phrases` that contain it. */
  readonly phrasesByWord: ReadonlyMap<string, readonly number[]>;
  /** Knowledge-base words, as written and stemmed, that typo repair may correct towards. */
  readonly vocabulary: readonly string[];
  /** Stemmed forms of every word the resolver knows, for "is this word known?". */
  readonly knownStems: ReadonlySet<string>;
  /** Task id -> every stemmed word of its name and synonyms: the words that name the topic. */
  readonly taskWords: ReadonlyMap<string, ReadonlySet<string>>;
}

export function wordWeight(stemmedWord: string): number {
  if (STOPWORDS.has(stemmedWord)) return 0.25;
  return GENERIC_WORDS.has(stemmedWord) || SERVICE_BOUND_WORDS.has(stemmedWord) ? 0.5 : 1;
}

function buildAliasTable(entries: ReadonlyArray<{ id: string; alias: string }>): AliasTable {
  const byPhrase = new Map<string, AliasEntry>();
  const byCompact = new Map<string, AliasEntry>();
  let maxWords = 1;
  for (const { id, alias } of entries) {
    const words = stemAll(toWords(alias));
    if (words.length === 0) continue;
    maxWords = Math.max(maxWords, words.length);
    const entry = { id, length: words.length };
    if (!byPhrase.has(words.join(' '))) byPhrase.set(words.join(' '), entry);
    const compact = words.join('');
    // Compact forms catch "dynamo db" vs "dynamodb"; too short a compact form would blur.
    if (compact.length >= 5 && !byCompact.has(compact)) byCompact.set(compact, entry);
  }
  return { byPhrase, byCompact, maxWords };
}

/**
 * Names a service answers to: its aliases, its full and short names, and those names without
 * "Amazon"/"AWS" unless what is left is an ordinary English word ("connect", "config", "backup"
 * must not name a service on their own).
 */
export function serviceNames(service: Service): string[] {
  const strip = (name: string): string => name.replace(/^(?:amazon|aws)\s+/i, '').replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  const english = englishWords();
  const ordinary = (name: string): boolean => !name.includes(' ') && english.has(name.toLowerCase());
  const derived = [strip(service.shortName), strip(service.name)].filter((n) => !ordinary(n));
  const names = [...service.aliases, service.shortName, service.name, ...derived];
  return [...new Set(names.map((n) => n.toLowerCase()).filter((n) => n.length > 0))];
}

/** Expands "@patch @os" into every combination of the concepts' phrases. */
export function expandSynonym(synonym: string, concepts: Readonly<Record<string, readonly string[]>>): string[] {
  let results: string[] = [''];
  for (const part of synonym.split(/\s+/).filter(Boolean)) {
    const options = part.startsWith('@') ? (concepts[part.slice(1)] ?? []) : [part];
    const next: string[] = [];
    for (const prefix of results) for (const option of options) next.push(prefix ? `${prefix} ${option}` : option);
    results = next;
  }
  return results;
}

/** A synonym's words without the "+" that ties some of them together ("host+os" -> "host os"). */
function unjoined(phrase: string): string {
  return phrase.replace(/\+/g, ' ');
}

function taskPhrases(task: Task, concepts: KnowledgeBase['concepts']): TaskPhrase[] {
  const seen = new Set<string>();
  const out: TaskPhrase[] = [];
  for (const synonym of [task.name.toLowerCase(), ...task.synonyms]) {
    for (const expanded of expandSynonym(synonym, concepts)) {
      const adjacent = (expanded.match(/\S+(?:\+\S+)+/g) ?? []).map((group) => stemAll(toWords(unjoined(group))).filter((w) => !STOPWORDS.has(w)));
      const stems = stemAll(toWords(unjoined(expanded)));
      const words = [...new Set(stems)].sort();
      const ordered = stems.filter((w) => !STOPWORDS.has(w));
      const key = `${words.join(' ')}|${ordered.join(' ')}|${adjacent.map((g) => g.join('+')).join(',')}`;
      if (words.length === 0 || seen.has(key)) continue;
      seen.add(key);
      out.push({ taskId: task.id, words, ordered, adjacent: adjacent.filter((g) => g.length >= 2), weight: words.reduce((sum, w) => sum + wordWeight(w), 0) });
    }
  }
  return out;
}

export function buildLexicon(kb: KnowledgeBase): Lexicon {
  const services = [...kb.services.values()];
  const serviceTable = buildAliasTable(services.flatMap((s) => serviceNames(s).map((alias) => ({ id: s.id, alias }))));
  const impliedTable = buildAliasTable(services.flatMap((s) => (s.impliedBy ?? []).map((alias) => ({ id: s.id, alias }))));
  const variants = new Map<string, AliasTable>();
  for (const s of services) {
    if (!s.variants?.length) continue;
    variants.set(s.id, buildAliasTable(s.variants.flatMap((v) => [v.name.toLowerCase(), ...v.aliases].map((alias) => ({ id: v.id, alias })))));
  }

  const phrases = [...kb.tasks.values()].flatMap((t) => taskPhrases(t, kb.concepts));
  const phrasesByWord = new Map<string, number[]>();
  phrases.forEach((phrase, index) => {
    for (const word of phrase.words) {
      const list = phrasesByWord.get(word);
      if (list) list.push(index);
      else phrasesByWord.set(word, [index]);
    }
  });

  const taskWords = new Map<string, Set<string>>();
  for (const phrase of phrases) {
    const set = taskWords.get(phrase.taskId) ?? new Set<string>();
    phrase.words.forEach((w) => set.add(w));
    taskWords.set(phrase.taskId, set);
  }

  const surface = new Set<string>();
  const addWords = (text: string): void => {
    for (const w of toWords(text)) surface.add(w);
  };
  for (const s of services) {
    serviceNames(s).forEach(addWords);
    s.variants?.forEach((v) => v.aliases.forEach(addWords));
  }
  for (const t of kb.tasks.values()) {
    addWords(t.name);
    t.synonyms.forEach((syn) => expandSynonym(syn, kb.concepts).forEach((phrase) => addWords(unjoined(phrase))));
  }
  const knownStems = new Set<string>([...surface].map(stem));
  for (const w of STOPWORDS) knownStems.add(w);

  return {
    services: serviceTable,
    implied: impliedTable,
    variants,
    phrases,
    phrasesByWord,
    // Typo repair only aims at words long enough to be told apart from each other.
    vocabulary: [...new Set([...surface, ...[...surface].map(stem)])].filter((w) => w.length >= 4 && !/\d/.test(w)),
    knownStems,
    taskWords,
  };
}
