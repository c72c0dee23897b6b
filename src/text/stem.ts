/**
 * A small suffix stemmer. It only has to be consistent: the same function reduces both the
 * knowledge base's phrases and the user's words, so "patches", "patching" and "patched" meet
 * at "patch", and "rotate"/"rotates"/"rotating" at "rotat".
 */

const KEEP = new Set(['aws', 'ses', 'sns', 'sqs', 'ecs', 'eks', 'dns', 'sms', 'iops', 'os', 'kms', 'ots', 'ids', 'ips', 'was', 'has', 'is', 'us', 'gis', 'redis', 'kinesis', 'analysis', 'chaos', 'bus', 'status', 'access']);
const VOWELS = 'aeiouy';

function collapseDouble(word: string): string {
  const n = word.length;
  if (n >= 4 && word[n - 1] === word[n - 2] && !VOWELS.includes(word[n - 1] as string) && !'lsz'.includes(word[n - 1] as string)) {
    return word.slice(0, -1);
  }
  return word;
}

export function stem(word: string): string {
  if (word.length <= 3 || KEEP.has(word) || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(?:ch|sh|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);

  if (w.endsWith('ly') && w.length > 6) w = w.slice(0, -2);
  if (w.endsWith('ing') && w.length > 5) w = collapseDouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length > 4) w = collapseDouble(w.slice(0, -2));
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

export function stemAll(words: readonly string[]): string[] {
  return words.map(stem);
}
