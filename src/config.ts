/**
 * All settings in one place (DESIGN.md §6). Explicit options win over the environment; the
 * environment may come from .env via dotenv. Errors name the variable, never its value.
 */
import { z } from 'zod';
import { WhoownsError } from './errors';
import { defaultKnowledgeDir } from './paths';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const optionalSecret = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().default('0.0.0.0'),
  KNOWLEDGE_DIR: z.string().optional(),
  ORG_FILE: z.string().optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  // Unset means production: the permissive development behaviours must be asked for.
  NODE_ENV: z.string().default('production'),
  DATABASE_URL: z.string().optional(),
  ADMIN_USERS: z.string().default(''),
  PLAYGROUND: z.enum(['on', 'off']).default('on'),
  OUTBOX_LEASE_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  SLACK_BOT_TOKEN: optionalSecret,
  SLACK_SIGNING_SECRET: optionalSecret,
  SLACK_APP_TOKEN: optionalSecret,
  SLACK_API_URL: z.url().optional(),
  // How long a slash command's answer may take to travel in the acknowledgement (Slack waits 3 s).
  SLACK_ACK_BUDGET_MS: z.coerce.number().int().min(0).max(2500).default(1500),
  MicrosoftAppId: optionalSecret,
  MicrosoftAppPassword: optionalSecret,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  MicrosoftAppTenantId: optionalSecret,
});

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly knowledgeDir: string;
  /** The organisation overlay file (ORG_FILE); undefined means <knowledgeDir>/org.yaml if present. */
  readonly orgFile: string | undefined;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly nodeEnv: string;
  readonly databaseUrl: string | undefined;
  readonly adminUsers: readonly string[];
  /** How long a delivery worker holds an outbox row; a crashed worker's rows return after it. */
  readonly outboxLeaseMs: number;
  /** Serve the local playground page at / (PLAYGROUND=off turns it off). */
  readonly playground: boolean;
  readonly slack: { botToken?: string; signingSecret?: string; appToken?: string; apiUrl?: string; ackBudgetMs?: number };
  readonly teams: { appId?: string; appPassword?: string; appType?: string; tenantId?: string };
}

export type ConfigOverrides = Partial<Pick<Config, 'port' | 'host' | 'knowledgeDir' | 'logLevel'>>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new WhoownsError('CONFIG_INVALID', `invalid settings: ${problems}`);
  }
  const e = parsed.data;
  const drop = <T extends Record<string, string | undefined>>(o: T): Partial<T> =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
  return {
    port: overrides.port ?? e.PORT,
    host: overrides.host ?? e.HOST,
    knowledgeDir: overrides.knowledgeDir ?? e.KNOWLEDGE_DIR ?? defaultKnowledgeDir(),
    orgFile: e.ORG_FILE && e.ORG_FILE.trim() ? e.ORG_FILE.trim() : undefined,
    logLevel: overrides.logLevel ?? e.LOG_LEVEL,
    nodeEnv: e.NODE_ENV,
    databaseUrl: e.DATABASE_URL,
    adminUsers: e.ADMIN_USERS.split(',').map((s) => s.trim()).filter(Boolean),
    outboxLeaseMs: e.OUTBOX_LEASE_MS,
    playground: e.PLAYGROUND === 'on',
    slack: { ...drop({ botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, appToken: e.SLACK_APP_TOKEN, apiUrl: e.SLACK_API_URL }), ackBudgetMs: e.SLACK_ACK_BUDGET_MS },
    teams: drop({ appId: e.MicrosoftAppId, appPassword: e.MicrosoftAppPassword, appType: e.MicrosoftAppType, tenantId: e.MicrosoftAppTenantId }),
  };
}
