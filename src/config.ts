import { z } from 'zod';
import { clockFromToday, isIsoDay, systemClock } from './clock.ts';
import { PianobotError } from './errors.ts';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

const EnvSchema = z.object({
  PLANS_DIR: z.string().default('data/plans'),
  INDEX_DIR: z.string().default('data/index'),
  DATA_DIR: z.string().default('data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** loopback by default: a local trial needs no login; a deployment names its interface (or 0.0.0.0) on purpose */
  HOST: z
    .string()
    .optional()
    .transform((v) => v?.trim() || '127.0.0.1'),
  /** when set, the staff audience needs `Authorization: Bearer <STAFF_TOKEN>`; everyone else gets the public one */
  STAFF_TOKEN: optionalString.refine(
    (v) => v === undefined || v.length >= 16,
    'STAFF_TOKEN must be at least 16 characters (e.g. `openssl rand -hex 32`)',
  ),
  /** header an authenticating reverse proxy sets to the signed-in user (e.g. X-Forwarded-User) */
  STAFF_AUTH_HEADER: optionalString,
  /** comma-separated addresses of that proxy: the header is believed only from them */
  TRUSTED_PROXY: optionalString,
  /** serve only the help desk, its assets and the public API (a public deployment) */
  HELPDESK_ONLY: z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
    .default('false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes'),
  /** key that signs answer ids, so a vote can only name an answer this server gave (random per start if unset) */
  FEEDBACK_SECRET: optionalString,
  /** the votes file is rotated past this size; start-up reads at most this much */
  FEEDBACK_MAX_MB: z.coerce.number().positive().default(5),
  /** plan files larger than this are refused */
  MAX_PLAN_FILE_MB: z.coerce.number().positive().default(20),
  /** worker threads an ingest prepares plan files on; unset: one per core (none for a few files) */
  INGEST_WORKERS: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).max(64).optional()),
  /** how often a running server looks for a newly built index (0: only on SIGHUP) */
  INDEX_WATCH_MS: z.coerce.number().int().min(0).default(2000),
  /** comma-separated plan file names the public help desk may answer from; "*" means all */
  PUBLIC_PLANS: z.string().default('*'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),

  SLACK_BOT_TOKEN: optionalString.refine(
    (v) => v === undefined || v.startsWith('xoxb-'),
    'SLACK_BOT_TOKEN must start with xoxb-',
  ),
  SLACK_APP_TOKEN: optionalString.refine(
    (v) => v === undefined || v.startsWith('xapp-'),
    'SLACK_APP_TOKEN must start with xapp-',
  ),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_API_URL: optionalString,

  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString,
  OPENAI_MODEL: optionalString,
  OPENAI_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  EMBEDDINGS_MODEL: optionalString,
  EMBEDDINGS_BASE_URL: optionalString,

  /** postgres://user:pass@host:port/db — plans, passages and shared Slack state in PostgreSQL instead of INDEX_DIR */
  DATABASE_URL: optionalString.refine(
    (v) => v === undefined || /^postgres(ql)?:\/\//.test(v),
    'DATABASE_URL must be a postgres:// or postgresql:// URL',
  ),
  /** YYYY-MM-DD: the calendar day pianobot believes it is (demos on past plans); time of day keeps running */
  TODAY: optionalString.refine((v) => v === undefined || isIsoDay(v), 'TODAY must be a date written YYYY-MM-DD'),
  /** the time zone of digest hours and of "today" */
  TIME_ZONE: z
    .string()
    .default('Europe/Rome')
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'TIME_ZONE must be an IANA time zone such as Europe/Rome'),
  /** how a Slack user is matched to a person of the plans: the confirmed table in DATA_DIR, the profile name, or both */
  PERSON_MATCH: z.enum(['table', 'profile', 'table+profile']).default('table+profile'),
  /** administrators' channel scopes (JSON: channel id → {plans, year?}); channel commands override them */
  CHANNEL_SCOPES_FILE: optionalString,
});

export type Config = ReturnType<typeof loadConfig>;

/** Parses the environment once, with a readable error; nothing else reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.join('.') || 'env'}: ${i.message}`).join('\n');
    throw new PianobotError('CONFIG_INVALID', `Invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  if (e.SLACK_BOT_TOKEN && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    throw new PianobotError(
      'CONFIG_INVALID',
      'Invalid configuration:\n  - SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is',
    );
  }
  if (e.STAFF_AUTH_HEADER && !e.TRUSTED_PROXY) {
    throw new PianobotError(
      'CONFIG_INVALID',
      'Invalid configuration:\n  - STAFF_AUTH_HEADER is set but TRUSTED_PROXY (the address of the proxy that sets it) is not',
    );
  }
  return {
    plansDir: e.PLANS_DIR,
    indexDir: e.INDEX_DIR,
    dataDir: e.DATA_DIR,
    port: e.PORT,
    host: e.HOST,
    publicPlans:
      e.PUBLIC_PLANS === '*'
        ? ('*' as const)
        : e.PUBLIC_PLANS.split(',')
            .map((s) => s.trim())
            .filter(Boolean),
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL,
    clock: e.TODAY ? clockFromToday(e.TODAY, systemClock, e.TIME_ZONE) : systemClock,
    timeZone: e.TIME_ZONE,
    personMatch: e.PERSON_MATCH,
    channelScopesFile: e.CHANNEL_SCOPES_FILE,
    staffAuth: {
      token: e.STAFF_TOKEN,
      header: e.STAFF_AUTH_HEADER?.toLowerCase(),
      trustedProxies: (e.TRUSTED_PROXY ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    },
    helpdeskOnly: e.HELPDESK_ONLY,
    feedback: { secret: e.FEEDBACK_SECRET, maxBytes: Math.round(e.FEEDBACK_MAX_MB * 1024 * 1024) },
    maxPlanFileBytes: Math.round(e.MAX_PLAN_FILE_MB * 1024 * 1024),
    ingestWorkers: e.INGEST_WORKERS,
    indexWatchMs: e.INDEX_WATCH_MS,
    slack: e.SLACK_BOT_TOKEN
      ? {
          botToken: e.SLACK_BOT_TOKEN,
          appToken: e.SLACK_APP_TOKEN,
          signingSecret: e.SLACK_SIGNING_SECRET,
          apiUrl: e.SLACK_API_URL,
          mode: e.SLACK_APP_TOKEN ? ('socket' as const) : ('http' as const),
        }
      : null,
    llm:
      e.OPENAI_MODEL && (e.OPENAI_API_KEY || e.OPENAI_BASE_URL)
        ? {
            apiKey: e.OPENAI_API_KEY ?? 'not-needed',
            baseUrl: e.OPENAI_BASE_URL,
            model: e.OPENAI_MODEL,
            timeoutMs: e.OPENAI_TIMEOUT_MS,
          }
        : null,
    embeddings: e.EMBEDDINGS_MODEL
      ? {
          model: e.EMBEDDINGS_MODEL,
          baseUrl: e.EMBEDDINGS_BASE_URL ?? e.OPENAI_BASE_URL,
          apiKey: e.OPENAI_API_KEY ?? 'not-needed',
        }
      : null,
  };
}
