import { BoundedMap } from '../../adapters/shared/bounded-map';
import { RecentKeys } from '../../adapters/shared/recent-keys';

describe('adapter memories', () => {
  it('BoundedMap forgets the least recently set entry first', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    map.set('a', 3);
    map.set('c', 4);
    expect(map.get('b')).toBeUndefined();
    expect([...map.values()]).toEqual([3, 4]);
  });

  it('RecentKeys reports a repeat within the TTL only', () => {
    let now = 0;
    const recent = new RecentKeys(1000, 10, () => now);
    expect(recent.checkAndRemember('ev1')).toBe(false);
    expect(recent.checkAndRemember('ev1')).toBe(true);
    now = 5000;
    expect(recent.checkAndRemember('ev1')).toBe(false);
  });

  it('RecentKeys stays bounded under a flood of keys', () => {
    const recent = new RecentKeys(60_000, 100);
    for (let i = 0; i < 10_000; i++) recent.checkAndRemember(`k${i}`);
    expect(recent.checkAndRemember('k9999')).toBe(true);
    expect(recent.checkAndRemember('k0')).toBe(false);
  });
});
