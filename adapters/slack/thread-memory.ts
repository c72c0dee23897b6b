import type { Choice } from '../../src/resolver/resolution';

/**
 * Threads the bot has answered in, with the choices it last offered there, so that a reply in
 * the thread ("2", or a follow-up question) is understood without mentioning the bot again.
 */
export class ThreadMemory {
  private readonly threads = new Map<string, { choices: readonly Choice[]; at: number }>();

  constructor(
    private readonly ttlMs: number = 24 * 60 * 60 * 1000,
    private readonly max: number = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  remember(channel: string, threadTs: string, choices: readonly Choice[]): void {
    const key = `${channel}:${threadTs}`;
    this.threads.delete(key);
    this.threads.set(key, { choices, at: this.now() });
    while (this.threads.size > this.max) {
      const oldest = this.threads.keys().next().value;
      if (oldest === undefined) break;
      this.threads.delete(oldest);
    }
  }

  /** The choices last offered in the thread, or undefined if the bot is not part of it. */
  lookup(channel: string, threadTs: string): readonly Choice[] | undefined {
    const entry = this.threads.get(`${channel}:${threadTs}`);
    if (!entry || this.now() - entry.at > this.ttlMs) return undefined;
    return entry.choices;
  }
}
