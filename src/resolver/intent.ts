/**
 * Questions the bot should not try to answer, told apart before any matching: text that tries
 * to instruct the bot, requests to do something else, how-to questions, other topics.
 */
import { stem } from '../text/stem';
import { OFF_TOPIC_WORDS } from './words';

export type OutOfScope = 'instruction' | 'off-topic' | 'request' | 'how-to';

const s = (w: string): string => stem(w);

/** Word pairs (the second within two words of the first) that mark an attempt to instruct the bot. */
const INSTRUCTION_PAIRS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['ignore', ['previous', 'prior', 'above', 'all', 'your', 'the', 'earlier', 'instructions']],
  ['disregard', ['previous', 'prior', 'above', 'all', 'your', 'the', 'instructions']],
  ['forget', ['previous', 'prior', 'your', 'everything', 'instructions']],
  ['system', ['prompt', 'message']],
  ['reveal', ['your', 'prompt', 'instructions', 'system', 'hidden', 'secret']],
  ['print', ['your', 'prompt', 'instructions']],
  ['output', ['your', 'prompt', 'instructions']],
  ['repeat', ['your', 'prompt', 'instructions']],
  ['hidden', ['instructions', 'prompt']],
  ['developer', ['mode']],
  ['pretend', ['you', 'to']],
  ['roleplay', ['as']],
  ['new', ['instructions', 'persona', 'role']],
  ['override', ['instructions', 'rules', 'safety']],
].map(([a, bs]) => [s(a as string), (bs as string[]).map(s)] as const);
const INSTRUCTION_WORDS = new Set(['jailbreak', 'jailbroken', 'unrestricted', 'unfiltered'].map(s));
const ROLE_PREFIX = /^\s*(?:system|assistant|developer)\s*:/i;

/** Verbs that ask the bot to do a job rather than answer who owns one. */
const REQUEST_VERBS = new Set(['recommend', 'suggest', 'delete', 'remove', 'restart', 'reboot', 'terminate', 'write', 'translate', 'convert', 'book', 'schedule', 'generate', 'draft', 'summarize', 'summarise', 'calculate', 'compute', 'send', 'email', 'order', 'buy', 'debug', 'draw', 'remind', 'create', 'deploy', 'build', 'install', 'code']);
/** Verbs that ask a favour when "me" or "us" follows them. */
const FAVOUR_VERBS = new Set(['add', 'invite', 'give', 'grant', 'get']);
const POLITE_LEAD = new Set(['can', 'could', 'would', 'will', 'you', 'u', 'please', 'pls', 'plz', 'kindly', 'hey', 'hi', 'yo', 'me']);

/** Words that show a question is about ownership, even when it starts with "how". */
const OWNERSHIP_CUES = new Set(
  // "AWS" alone is not one: nearly every question here names it ("how do I reset my AWS password").
  ['who', 'whose', 'whom', 'responsible', 'responsibility', 'responsibilities', 'own', 'owns', 'owner', 'ownership', 'accountable', 'job', 'duty', 'shared', 'us', 'we', 'party', 'side'].map(s),
);
/** Weaker signs of an ownership question, enough to keep a "what …" question in scope. */
const SOFT_CUES = new Set(['our', 'i', 'me', 'my', 'customer', 'handle', 'handles', 'manage', 'manages'].map(s));
/** Question openers that ask for a fact ("what's the max item size"), not for an owner. */
const FACT_OPENERS = new Set(['what', 'whats', 'when', 'where', 'wheres', 'whens']);

const OTHER_CLOUDS = new Set(['azure', 'gcp', 'gcloud', 'alibaba', 'aliyun', 'digitalocean', 'heroku', 'linode', 'hetzner'].map(s));

function hasInstruction(stems: readonly string[], raw: string): boolean {
  if (ROLE_PREFIX.test(raw)) return true;
  for (let i = 0; i < stems.length; i++) {
    const word = stems[i] as string;
    if (INSTRUCTION_WORDS.has(word)) return true;
    if (word === 'you' && stems[i + 1] === 'are' && stems[i + 2] === 'now') return true;
    for (const [first, seconds] of INSTRUCTION_PAIRS) {
      if (word === first && (seconds.includes(stems[i + 1] ?? '') || seconds.includes(stems[i + 2] ?? ''))) return true;
    }
  }
  return false;
}

function isRequest(words: readonly string[]): boolean {
  let i = 0;
  while (i < words.length && POLITE_LEAD.has(words[i] as string)) i++;
  if (i >= words.length) return false;
  // "open a support case" is a request; "OpenSearch" typed as "open search" is a service.
  if (words[i] === 'open') return ['a', 'an', 'the', 'ticket', 'case'].includes(words[i + 1] ?? '');
  // "add me to #sec-alerts", "give me access": a favour asked; "add MFA to root" is a task named.
  if (FAVOUR_VERBS.has(words[i] as string) && (words[i + 1] === 'me' || words[i + 1] === 'us')) return true;
  return REQUEST_VERBS.has(words[i] as string);
}

/** "how do I …", "how can I …", "how to …", "how many …" anywhere in the text. */
function isHowTo(words: readonly string[]): boolean {
  for (let i = 0; i + 1 < words.length; i++) {
    if (words[i] === 'how' && ['do', 'can', 'to', 'should', 'would', 'could', 'many', 'much'].includes(words[i + 1] as string)) return true;
  }
  return false;
}

const AUXILIARIES = new Set(['does', 'do', 'did', 'will', 'would', 'is', 'should', 'can', 'could']);

/** "… does AWS wipe it?": AWS as the subject of a yes/no question asks whether AWS owns it. */
function asksWhetherAws(words: readonly string[]): boolean {
  for (let i = 0; i + 1 < words.length; i++) if (AUXILIARIES.has(words[i] as string) && (words[i + 1] === 'aws' || words[i + 1] === 'amazon')) return true;
  return false;
}

/** A message that is nothing but a fenced code block is code to read, not a question. */
const CODE_ONLY = /^\s*```[^`]*```\s*$/;
/** Unfenced configuration pasted on its own: a Terraform block header, or several lines ending in braces or semicolons. */
const TERRAFORM_BLOCK = /^\s*(?:resource|module|provider|data|variable)\s+"[\w-]{1,100}"/m;
const CODE_LINE_END = /[{};]\s*$/gm;

function looksLikeCode(raw: string): boolean {
  if (raw.length > 5000 || !raw.includes('\n')) return false;
  return TERRAFORM_BLOCK.test(raw) || (raw.match(CODE_LINE_END)?.length ?? 0) >= 2;
}

export function outOfScope(words: readonly string[], stems: readonly string[], raw: string): OutOfScope | null {
  if (hasInstruction(stems, raw)) return 'instruction';
  if (raw.length <= 5000 && CODE_ONLY.test(raw)) return 'off-topic';
  if (stems.some((w) => OFF_TOPIC_WORDS.has(w) || OTHER_CLOUDS.has(w))) return 'off-topic';
  for (let i = 0; i + 1 < words.length; i++) if (words[i] === 'google' && words[i + 1] === 'cloud') return 'off-topic';
  if (isRequest(words)) return 'request';
  const asksOwnership = stems.some((w) => OWNERSHIP_CUES.has(w)) || asksWhetherAws(words);
  if (!asksOwnership && looksLikeCode(raw)) return 'off-topic';
  if (!asksOwnership && isHowTo(words)) return 'how-to';
  const softCue = stems.some((w) => SOFT_CUES.has(w));
  if (!asksOwnership && !softCue && FACT_OPENERS.has(words[0] ?? '') && words[1] !== 'about' && words.length > 2) return 'off-topic';
  return null;
}
