import { cleanText, MAX_QUESTION_CHARS, normalise, toWords } from '../../src/text/normalise';
import { stem } from '../../src/text/stem';

describe('normalise', () => {
  it('removes Slack mentions, channels, broadcasts and emoji codes but keeps link labels', () => {
    const { words } = normalise('<@U012ABC> <!here> who patches <#C123|platform> rds :thinking_face: see <https://aws.amazon.com/rds|the RDS page>');
    expect(words).toEqual(['who', 'patches', 'rds', 'see', 'the', 'rds', 'page']);
  });

  it('drops bare URLs and Teams <at> mentions', () => {
    expect(normalise('<at>whoowns</at> who owns https://evil.example/x?y=1 s3 encryption').words).toEqual(['who', 'owns', 's3', 'encryption']);
  });

  it('folds fullwidth letters, strips zero-width and bidi control characters', () => {
    expect(normalise('ｗｈｏ ｐａｔｃｈｅｓ ＲＤＳ').words).toEqual(['who', 'patches', 'rds']);
    expect(normalise('r\u200Bd\u200Ds \u202Epatching\u202C').words).toEqual(['rds', 'patching']);
  });

  it('maps Cyrillic look-alike letters to Latin', () => {
    // "ес2" below is written with Cyrillic е and с.
    expect(normalise('who patches \u0435\u04412').words).toEqual(['who', 'patches', 'ec2']);
  });

  it('joins apostrophes and drops possessive s', () => {
    expect(toWords("AWS's job, don't we?")).toEqual(['aws', 'job', 'dont', 'we']);
  });

  it('caps the length of what it reads', () => {
    const result = cleanText('a'.repeat(MAX_QUESTION_CHARS * 5));
    expect(result.truncated).toBe(true);
    expect(result.text.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
  });

  it('unescapes Slack HTML entities', () => {
    expect(cleanText('ec2 &amp; rds &gt; s3').text).toBe('ec2 & rds > s3');
  });
});

describe('stem', () => {
  it('brings inflections of one word together', () => {
    expect(new Set(['patch', 'patches', 'patching', 'patched'].map(stem))).toEqual(new Set(['patch']));
    expect(new Set(['rotate', 'rotates', 'rotating', 'rotated'].map(stem)).size).toBe(1);
    expect(new Set(['policy', 'policies'].map(stem)).size).toBe(1);
  });

  it('leaves short service names alone', () => {
    for (const w of ['ecs', 'eks', 'sqs', 'sns', 'ses', 'aws', 'kms', 's3', 'ec2', 'iops']) expect(stem(w)).toBe(w);
  });
});
