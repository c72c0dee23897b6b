/**
 * A shared entry splits the work: AWS does one part, the customer the other. A question often
 * names one of those parts ("who sets the scaling *policies*", "who replaces the *hardware* in
 * our Outpost"). This finds which part, by comparing the question's leftover words with the
 * entry's own two descriptions, so the knowledge base, not a word list, decides.
 */
import { toWords } from '../text/normalise';
import { stem } from '../text/stem';
import { GENERIC_WORDS, OVERVIEW_WORDS, STOPWORDS } from './words';

export type Side = 'aws' | 'customer';

/** Verbs of ownership say nothing about which part is meant, however often a part uses them. */
const NEUTRAL = new Set([...STOPWORDS, ...OVERVIEW_WORDS, ...['front', 'behind', 'top', 'around'].map(stem)]);

const partWordsCache = new Map<string, ReadonlySet<string>>();

function partWords(text: string): ReadonlySet<string> {
  let words = partWordsCache.get(text);
  if (!words) {
    words = new Set(toWords(text).map(stem).filter((w) => !NEUTRAL.has(w)));
    // Bounded: part texts come from the knowledge base, a few thousand at most.
    if (partWordsCache.size > 20_000) partWordsCache.clear();
    partWordsCache.set(text, words);
  }
  return words;
}

/**
 * `leftover`: stemmed question words that neither the service nor the task claimed. Returns the
 * side whose description alone holds them, or undefined when they point at both, at neither, or
 * too weakly (one broad word such as "configure" is not enough).
 */
/** How many AWS parts and customer parts of one service use each word: which side a word leans to. */
export type SideCounts = ReadonlyMap<string, { readonly aws: number; readonly customer: number }>;


export function countSideWords(parts: Iterable<{ readonly aws: string; readonly customer: string }>): SideCounts {
  const counts = new Map<string, { aws: number; customer: number }>();
  for (const part of parts) {
    for (const side of ['aws', 'customer'] as const) {
      for (const word of partWords(part[side])) {
        const entry = counts.get(word) ?? { aws: 0, customer: 0 };
        entry[side] += 1;
        counts.set(word, entry);
      }
    }
  }
  return counts;
}

/** False when the service's descriptions use the word more on the other side: then it names a thing, not a side. */
function leansTo(word: string, side: Side, counts: SideCounts): boolean {
  const entry = counts.get(word) ?? { aws: 0, customer: 0 };
  const other = side === 'aws' ? entry.customer : entry.aws;
  return entry[side] >= other;
}

export function sharedPartAskedAbout(leftover: readonly string[], aws: string, customer: string, counts: SideCounts): Side | undefined {
  return weighSharedParts(leftover, aws, customer, counts).side;
}

export interface PartWeighing {
  readonly side: Side | undefined;
  /** Leftover words found only in AWS's part, and only in the customer's. */
  readonly aws: readonly string[];
  readonly customer: readonly string[];
}

/**
 * A word counts for a side when the entry uses it only in that side's part and the service's
 * other entries do not use it more on the other side: "distribution" in CloudFront's entries is
 * the customer's resource, so one AWS part mentioning it does not make a question about AWS.
 */
export function weighSharedParts(leftover: readonly string[], aws: string, customer: string, counts: SideCounts): PartWeighing {
  const awsWords = partWords(aws);
  const customerWords = partWords(customer);
  const onlyAws: string[] = [];
  const onlyCustomer: string[] = [];
  for (const word of new Set(leftover)) {
    if (NEUTRAL.has(word)) continue;
    const inAws = awsWords.has(word);
    const inCustomer = customerWords.has(word);
    if (inAws && !inCustomer && leansTo(word, 'aws', counts)) onlyAws.push(word);
    if (inCustomer && !inAws && leansTo(word, 'customer', counts)) onlyCustomer.push(word);
  }
  const score = (words: readonly string[]): number => words.reduce((sum, w) => sum + (GENERIC_WORDS.has(w) ? 0.5 : 1), 0);
  const awsScore = score(onlyAws);
  const customerScore = score(onlyCustomer);
  let side: Side | undefined;
  // Saying "AWS does it" wrongly costs more than saying "you do": AWS's part needs two words.
  if (awsScore >= 2 && customerScore === 0) side = 'aws';
  if (customerScore >= 1 && awsScore === 0) side = 'customer';
  return { side, aws: onlyAws, customer: onlyCustomer };
}

/** Protections AWS switches on for everyone; capacity or backups "on by default" still leave choices. */
const DEFAULT_PROTECTIONS = new Set(['encryption-at-rest', 'encryption-in-transit', 'ddos-protection']);
const DEFAULT_ON = /\b(by default|always|automatically|can(?:'|no)t be turned off|cannot be turned off|at no extra charge|from the start)\b/i;
const CUSTOMER_MUST = /\b(turns? on|enables?|must|has to|have to)\b/i;
const CUSTOMER_OPTIONAL = /\b(if (?:it|you) (?:needs?|wants?)|where (?:it|you) needs?|when (?:it|you) needs?|where needed|if needed|instead|can switch|chooses?|choose)\b/i;
/** "do we need to turn it on?", "do we have to do anything?", "handled by AWS?", "on by default?" */
const ASKS_IF_DEFAULT = /\b(?:(?:need|have|has|got) to (?:turn|switch|enable|configure|set|do|activate)|do anything|configure anything|by default|handled by aws|aws handles?|automatic(?:ally)?|is (?:that|it|this) (?:on )?aws|does aws (?:handle|do|cover|take care))\b/;

/**
 * "Do we need to turn on encryption at rest for DynamoDB?": when AWS's part of a shared entry is
 * on by default and the customer's part is an option (choosing its own key), the answer to "do
 * we have to?" is AWS's part. A customer part that must switch something on never qualifies.
 */
export function asksWhetherOnByDefault(taskId: string, question: string, aws: string, customer: string): boolean {
  return DEFAULT_PROTECTIONS.has(taskId) && ASKS_IF_DEFAULT.test(question) && DEFAULT_ON.test(aws) && !CUSTOMER_MUST.test(customer) && CUSTOMER_OPTIONAL.test(customer);
}
