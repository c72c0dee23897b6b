/**
 * What the core asks of a chat platform adapter. Adapters live in adapters/ and are handed to
 * startApp by the composition root (the CLI), so nothing in src/ imports a platform SDK.
 */
import type { Express } from 'express';
import type { Bot } from './bot';
import type { Config } from './config';
import type { Logger } from './logger';

export interface AdapterContext {
  readonly bot: Bot;
  readonly config: Config;
  readonly logger: Logger;
  /** The shared HTTP server's app, for adapters that receive webhooks. */
  readonly http: Express;
}

export interface StartedAdapter {
  readonly name: string;
  stop(): Promise<void>;
}

/** Starts an adapter when its settings are present; returns null when they are not. */
export type AdapterStarter = (context: AdapterContext) => Promise<StartedAdapter | null>;
