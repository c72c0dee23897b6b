/**
 * Remembers keys (event ids, trigger ids, activity ids) for a while, so a retried or replayed
 * delivery is acted on once. Bounded in size and age: memory stays flat however many requests
 * arrive.
 */
import { BoundedMap } from './bounded-map';

export class RecentKeys {
  private readonly seenAt: BoundedMap<string, number>;

  constructor(
    private readonly ttlMs: number = 15 * 60 * 1000,
    max: number = 20_000,
    private readonly now: () => number = Date.now,
  ) {
    this.seenAt = new BoundedMap(max);
  }

  /** True if the key was seen within the TTL; otherwise records it and returns false. */
  checkAndRemember(key: string): boolean {
    const time = this.now();
    const previous = this.seenAt.get(key);
    if (previous !== undefined && time - previous < this.ttlMs) return true;
    this.seenAt.set(key, time);
    return false;
  }
}
