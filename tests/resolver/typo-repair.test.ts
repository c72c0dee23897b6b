import { TypoRepairer } from '../../src/resolver/typo-repair';
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
