/**
 * Aspects: the pieces of an entry that one side owns alone ("parameter groups" within RDS's
 * shared configuration entry). A question names one when every word of one of its phrases is
 * in the question; the longest phrase of a side wins.
 */
import type { Aspect, Responsibility } from '../knowledge/schema';
import { toWords } from '../text/normalise';
import { stem } from '../text/stem';
import { STOPWORDS } from './words';

export interface AspectHit {
  readonly owner: Aspect['owner'];
  /** The phrase as written in the knowledge base, for the answer's note. */
  readonly phrase: string;
  /** The variants the aspect is limited to, if any. */
  readonly variants: readonly string[] | undefined;
}

interface CompiledPhrase {
  readonly owner: Aspect['owner'];
  readonly variants: readonly string[] | undefined;
  readonly phrase: string;
  readonly words: readonly string[];
}

/** Words that say whose thing it is ("our router", "the AWS routers") count in an aspect's phrase. */
const SIDE_WORDS = new Set(['aws', 'amazon', 'our', 'ours', 'we', 'us', 'my', 'customer', 'side'].map(stem));
const SMALL = new Set([...STOPWORDS].filter((w) => !SIDE_WORDS.has(w)));

const compiled = new WeakMap<Responsibility, readonly CompiledPhrase[]>();

function phrasesOf(entry: Responsibility): readonly CompiledPhrase[] {
  let list = compiled.get(entry);
  if (!list) {
    list = (entry.aspects ?? []).flatMap((aspect) =>
      aspect.about.map((phrase) => ({ owner: aspect.owner, variants: aspect.variants, phrase, words: [...new Set(toWords(phrase).map(stem).filter((w) => !SMALL.has(w)))] })),
    );
    compiled.set(entry, list);
  }
  return list;
}

/**
 * `words`: the question's stemmed words; `variant`: the variant the question named, if any. When phrases of both
 * sides match, one wins only if it holds every word of the other ("aws router" over "router");
 * otherwise the question names both sides and neither is answered alone.
 */
export function aspectAskedAbout(entry: Responsibility, words: ReadonlySet<string>, variant?: string): AspectHit | undefined {
  const best = new Map<Aspect['owner'], CompiledPhrase>();
  for (const candidate of phrasesOf(entry)) {
    if (variant && candidate.variants && !candidate.variants.includes(variant)) continue;
    if (candidate.words.length === 0 || !candidate.words.every((w) => words.has(w))) continue;
    const current = best.get(candidate.owner);
    if (!current || candidate.words.length > current.words.length) best.set(candidate.owner, candidate);
  }
  const aws = best.get('aws');
  const customer = best.get('customer');
  let winner = aws ?? customer;
  if (aws && customer) winner = holds(aws, customer) ? aws : holds(customer, aws) ? customer : undefined;
  return winner ? { owner: winner.owner, phrase: winner.phrase, variants: winner.variants } : undefined;
}

function holds(a: CompiledPhrase, b: CompiledPhrase): boolean {
  return a.words.length > b.words.length && b.words.every((w) => a.words.includes(w));
}
