/**
 * Remembers keys (event ids, trigger ids) for a while, so a retried or replayed delivery is
 * acted on once. Bounded in size and age: memory stays flat however many requests arrive.
 */
export class RecentKeys {
  private readonly seenAt = new Map<string, number>();

  constructor(
    private readonly ttlMs: number = 15 * 60 * 1000,
    private readonly max: number = 20_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True if the key was seen within the TTL; otherwise records it and returns false. */
  checkAndRemember(key: string): boolean {
    const time = this.now();
    const previous = this.seenAt.get(key);
    if (previous !== undefined && time - previous < this.ttlMs) return true;
    this.seenAt.delete(key);
    this.seenAt.set(key, time);
    // Maps iterate in insertion order, so the first entries are the oldest.
    while (this.seenAt.size > this.max) {
      const oldest = this.seenAt.keys().next().value;
      if (oldest === undefined) break;
      this.seenAt.delete(oldest);
    }
    return false;
  }
}
