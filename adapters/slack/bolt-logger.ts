/**
 * Bolt's Logger interface on top of our pino logger. Bolt logs free text; anything that looks
 * like a Slack token is masked before it is written.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/logger';

const TOKEN = /\bx(?:ox[abposr]|app)-[A-Za-z0-9-]+/g;

export function maskTokens(text: string): string {
  return text.replace(TOKEN, 'x***-[redacted]');
}

function text(parts: unknown[]): string {
  return maskTokens(parts.map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p))).join(' '));
}

/** Bolt's level for our pino level, so Bolt's own debug lines appear when we log at debug. */
export function boltLevel(level: string): LogLevel {
  if (level === 'debug' || level === 'trace') return LogLevel.DEBUG;
  if (level === 'warn') return LogLevel.WARN;
  if (level === 'error' || level === 'fatal' || level === 'silent') return LogLevel.ERROR;
  return LogLevel.INFO;
}

const LEVELS: Record<LogLevel, string> = { [LogLevel.DEBUG]: 'debug', [LogLevel.INFO]: 'info', [LogLevel.WARN]: 'warn', [LogLevel.ERROR]: 'error' };

export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'slack-bolt' });
  let name = 'bolt';
  // Bolt and its Web API client log request bodies at debug: format only what will be written.
  const at = (level: 'debug' | 'info' | 'warn' | 'error') => (...msg: unknown[]) => {
    if (child.isLevelEnabled(level)) child[level]({ source: name }, text(msg));
  };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    setLevel: (level: LogLevel) => {
      child.level = LEVELS[level] ?? child.level;
    },
    getLevel: () => (Object.entries(LEVELS).find(([, v]) => v === child.level)?.[0] as LogLevel | undefined) ?? LogLevel.INFO,
    setName: (n: string) => {
      name = n;
    },
  };
}
