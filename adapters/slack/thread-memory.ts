import type { Choice } from '../../src/resolver/resolution';
import { BoundedMap } from '../shared/bounded-map';

/**
 * Threads the bot has answered in, with the choices it last offered there, so that a reply in
 * the thread ("2", or a follow-up question) is understood without mentioning the bot again.
 */
export class ThreadMemory {
  private readonly threads: BoundedMap<string, { choices: readonly Choice[]; at: number }>;

  constructor(
    private readonly ttlMs: number = 24 * 60 * 60 * 1000,
    max: number = 5_000,
    private readonly now: () => number = Date.now,
  ) {
    this.threads = new BoundedMap(max);
  }

  remember(channel: string, threadTs: string, choices: readonly Choice[]): void {
    this.threads.set(`${channel}:${threadTs}`, { choices, at: this.now() });
  }

  /** The choices last offered in the thread, or undefined if the bot is not part of it. */
  lookup(channel: string, threadTs: string): readonly Choice[] | undefined {
    const entry = this.threads.get(`${channel}:${threadTs}`);
    if (!entry || this.now() - entry.at > this.ttlMs) return undefined;
    return entry.choices;
  }
}
