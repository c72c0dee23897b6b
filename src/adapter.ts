/**
 * What the core asks of a chat platform adapter. Adapters live in adapters/ and are handed to
 * startApp by the composition root (the CLI), so nothing in src/ imports a platform SDK.
 */
import type { Express } from 'express';
import type { AnnouncementSender } from './announce/sender';
import type { Bot } from './bot';
import type { Config } from './config';
import type { Logger } from './logger';
import type { Store } from './store/store';

export interface AdapterContext {
  readonly bot: Bot;
  readonly config: Config;
  readonly logger: Logger;
  /** The shared HTTP server's app, for adapters that receive webhooks. */
  readonly http: Express;
  /** The database, for what an adapter must remember across restarts. */
  readonly store: Store;
}

export interface StartedAdapter {
  readonly name: string;
  /** Delivers announcements to this platform's channels or conversations. */
  readonly sender?: AnnouncementSender;
  stop(): Promise<void>;
}

/** Starts an adapter when its settings are present; returns null when they are not. */
export type AdapterStarter = (context: AdapterContext) => Promise<StartedAdapter | null>;
