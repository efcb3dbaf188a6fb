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
  /** empty: every interface (IPv6 and IPv4 where available), as Node listens by default */
  HOST: z.string().default(''),
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
    clock: e.TODAY ? clockFromToday(e.TODAY) : systemClock,
    timeZone: e.TIME_ZONE,
    personMatch: e.PERSON_MATCH,
    channelScopesFile: e.CHANNEL_SCOPES_FILE,
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
