import { TypoRepairer, withinOneEdit } from '../../src/resolver/typo-repair';
import { shippedResolver } from '../support/kb';
import { stem } from '../../src/text/stem';

const vocabulary = ['patch', 'patches', 'dynamodb', 'redshift', 'chime', 'policy', 'policies', 'encryption', 'security', 'cloudtrail'].flatMap((w) => [w, stem(w)]);
const repairer = new TypoRepairer([...new Set(vocabulary)]);

describe('typo repair', () => {
  it.each([
    ['pacthes', 'patch'],
    ['dyanmodb', 'dynamodb'],
    ['redhsift', 'redshift'],
    ['chmie', 'chim'],
    ['plicies', 'policy'],
    ['encyrption', 'encryption'],
    ['secuirty', 'security'],
    ['cloudtrial', 'cloudtrail'],
  ])('%s -> %s', (typo, expected) => {
    expect(repairer.repair(typo)?.word).toBe(expected);
  });

  it('leaves short words and unrelated words alone', () => {
    expect(repairer.repair('ecr')).toBeNull();
    expect(repairer.repair('eks')).toBeNull();
    expect(repairer.repair('weather')).toBeNull();
    expect(repairer.repair('zzzzzzzz')).toBeNull();
    expect(repairer.repair('x'.repeat(500))).toBeNull();
  });
});

describe('typo repair leaves real words alone', () => {
  it('does not turn "upstream" into AppStream or "vetting" into anything', () => {
    const r = shippedResolver().resolve('a malicious package came in from the public npm upstream via CodeArtifact: who is responsible for vetting packages?');
    expect(r.kind === 'responsibility' || r.kind === 'clarify' ? r.service?.id : undefined).toBe('codeartifact');
  });

  it('still repairs a misspelt service name one edit away', () => {
    const r = shippedResolver().resolve('who patches dyanmodb?');
    expect(r.kind === 'responsibility' || r.kind === 'overview' ? r.service.id : undefined).toBe('dynamodb');
  });

  it.each([
    ['upstream', 'appstream', false],
    ['pacthes', 'patches', true],
    ['manger', 'manager', true],
    ['polices', 'policies', true],
    ['set', 'vet', true],
    ['abc', 'abcde', false],
  ])('withinOneEdit(%s, %s) is %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
  });
});
