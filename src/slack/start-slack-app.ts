import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { App, HTTPReceiver, type Receiver, SocketModeReceiver, webApi } from '@slack/bolt';
import type { AnswerEngine } from '../answer/answer.ts';
import type { Config } from '../config.ts';
import type { DigestSubscriptionStore } from '../digest/digest-subscriptions.ts';
import { intervalScheduler, type Scheduler, startWeeklyDigests } from '../digest/weekly-digests.ts';
import { PianobotError } from '../errors.ts';
import type { FeedbackLog } from '../feedback/feedback-store.ts';
import { createLogger, type Logger } from '../logger.ts';
import type { SlackUserTable } from '../people/slack-user-table.ts';
import type { ChannelScopeStore } from '../scope/channel-scope-store.ts';
import { AdminScopesSchema } from '../scope/channel-scopes.ts';
import { JsonFile } from '../storage/json-file.ts';
import { digestMessage } from './blocks/digest-blocks.ts';
import { toBoltLogger } from './bolt-logger.ts';
import { Dedupe } from './dedupe.ts';
import { registerListeners } from './register-listeners.ts';
import { createSlackDeps, type SlackDeps } from './slack-deps.ts';

type SlackConfig = NonNullable<Config['slack']>;

export interface SlackIdentity {
  botUserId: string;
  botId: string;
  team?: string;
}

/**
 * Starts pianobot's Slack app: Socket Mode when an app token is configured, otherwise HTTP mode on `config.port`
 * with events, slash commands and interactivity at POST /slack/events. Rejects with a readable CONFIG_INVALID error
 * when the Slack settings are missing or Slack refuses the bot token.
 */
export async function startSlackApp(deps: {
  config: Config;
  engine: AnswerEngine;
  feedback: FeedbackLog;
  log?: Logger;
  /** state shared with other replicas (PostgreSQL); each process keeps its own in memory otherwise */
  shared?: Partial<Pick<SlackDeps, 'dedupe' | 'threads' | 'answers'>> & {
    scopeStore?: ChannelScopeStore;
    userTable?: SlackUserTable;
    digestStore?: DigestSubscriptionStore;
  };
  /** runs the weekly digest check; tests fire it by hand */
  scheduler?: Scheduler;
  /** the clock the request timestamps are checked against (tests step it) */
  now?: () => number;
}): Promise<{ stop(): Promise<void>; port?: number }> {
  const { config, engine, feedback } = deps;
  const log = deps.log ?? createLogger(config.logLevel);
  const slack = requireSlackSettings(config.slack);
  const slackApiUrl = normalizeApiUrl(slack.apiUrl);
  const boltLogger = toBoltLogger(log, config.logLevel);
  const clientOptions: webApi.WebClientOptions = {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    // Answers are only useful now: retry a failed call briefly rather than for half an hour (the default).
    retryConfig: { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 2_000 },
  };
  const identity = await verifyBotToken(slack.botToken, { ...clientOptions, logger: boltLogger });

  const receiver: Receiver =
    slack.mode === 'socket'
      ? new SocketModeReceiver({
          appToken: slack.appToken!,
          logger: boltLogger,
          // only the URL: the Socket Mode client keeps its own long retry policy for reconnecting
          installerOptions: { clientOptions: slackApiUrl ? { slackApiUrl } : {} },
        })
      : new HTTPReceiver({
          signingSecret: slack.signingSecret!,
          logger: boltLogger,
          customRoutes: [
            {
              path: '/healthz',
              method: ['GET'],
              handler: (_req, res) => {
                res.writeHead(200, { 'content-type': 'application/json' });
                res.end(JSON.stringify({ ok: true, ...engine.health() }));
              },
            },
          ],
        });

  const app = new App({
    token: slack.botToken,
    botId: identity.botId,
    botUserId: identity.botUserId,
    receiver,
    logger: boltLogger,
    clientOptions: { ...clientOptions },
    convoStore: false,
  });
  const { scopeStore, userTable, digestStore, ...shared } = deps.shared ?? {};
  const dedupe = shared.dedupe ?? new Dedupe(5_000, { file: join(config.dataDir, 'slack', 'deliveries.jsonl') });
  const slackDeps = createSlackDeps(
    { engine, feedback, log, ...shared, dedupe, clock: config.clock, timeZone: config.timeZone },
    {
      dataDir: config.dataDir,
      ...(scopeStore ? { scopeStore } : {}),
      ...(userTable ? { userTable } : {}),
      ...(digestStore ? { digestStore } : {}),
      personMatch: config.personMatch,
      ...(config.channelScopesFile ? { adminScopes: readAdminScopes(config.channelScopesFile) } : {}),
    },
  );
  for (const problem of slackDeps.scopes?.problems ?? []) log.warn('admin channel scope ignored', { problem });
  registerListeners(app, slackDeps);
  const stopDigests = engine.planStore
    ? startWeeklyDigests(
        {
          // the store serving now: a reloaded index is used from the next digest on
          store: () => engine.planStore!,
          subscriptions: slackDeps.digests,
          clock: config.clock,
          timeZone: config.timeZone,
          log,
          async send(userId, digest, person, name) {
            // a user id as channel opens (or reuses) the bot's DM with that user
            await app.client.chat.postMessage({
              channel: userId,
              ...digestMessage(digest, person, name, (f) => engine.planStore?.documentOf(f)),
            });
          },
        },
        deps.scheduler ?? intervalScheduler,
      )
    : () => {};

  let server: Server | undefined;
  if (receiver instanceof HTTPReceiver) {
    refuseFutureTimestamps(receiver, deps.now ?? Date.now, log);
    server = await receiver.start({ port: config.port, ...(config.host ? { host: config.host } : {}) });
  } else {
    await receiver.start();
  }
  const port = server ? (server.address() as AddressInfo).port : undefined;
  log.info('slack app started', { mode: slack.mode, port, bot: identity.botUserId, team: identity.team });

  let stopped = false;
  return {
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      stopDigests();
      server?.closeIdleConnections();
      await receiver.stop();
      log.info('slack app stopped', { mode: slack.mode });
    },
  };
}

/** Slack signs its requests with the time they were sent; more than this away from our clock is a replay. */
const MAX_CLOCK_SKEW_S = 5 * 60;

/**
 * Bolt refuses requests signed more than 5 minutes in the past but not in the future, so a request captured with a
 * forged future timestamp could be replayed for that long. This check runs before Bolt's, in either direction.
 */
function refuseFutureTimestamps(receiver: HTTPReceiver, now: () => number, log: Logger): void {
  const boltListener = receiver.requestListener;
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    const header = req.headers['x-slack-request-timestamp'];
    const sent = Number(Array.isArray(header) ? header[0] : header);
    if (header !== undefined && (!Number.isFinite(sent) || Math.abs(now() / 1000 - sent) > MAX_CLOCK_SKEW_S)) {
      log.warn('slack request refused: timestamp too far from now', { timestamp: String(header) });
      req.resume();
      res.writeHead(401, { 'content-type': 'text/plain' });
      res.end('');
      return;
    }
    boltListener(req, res);
  };
}

/** The Slack settings, or a CONFIG_INVALID error that says which variable is missing. */
export function requireSlackSettings(slack: Config['slack']): SlackConfig {
  const problems: string[] = [];
  if (!slack) {
    problems.push('SLACK_BOT_TOKEN (xoxb-…) is not set');
  } else if (slack.mode === 'socket' && !slack.appToken) {
    problems.push('Socket Mode needs SLACK_APP_TOKEN (xapp-…)');
  } else if (slack.mode === 'http' && !slack.signingSecret) {
    problems.push('HTTP mode needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  if (problems.length || !slack) {
    throw new PianobotError(
      'CONFIG_INVALID',
      `Invalid Slack configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
  return slack;
}

/** SLACK_API_URL as the Web API client wants it: an http(s) URL ending with a slash. */
export function normalizeApiUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new PianobotError('CONFIG_INVALID', `Invalid Slack configuration:\n  - SLACK_API_URL is not a URL: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new PianobotError(
      'CONFIG_INVALID',
      `Invalid Slack configuration:\n  - SLACK_API_URL must be http(s): ${url}`,
    );
  }
  return parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`;
}

/** auth.test once at start: a wrong token or unreachable Slack is a start-up error, not a silent app. */
async function verifyBotToken(token: string, options: webApi.WebClientOptions): Promise<SlackIdentity> {
  const client = new webApi.WebClient(token, options);
  try {
    const res = await client.auth.test();
    if (!res.user_id || !res.bot_id) throw new Error('auth.test did not return a bot user (is this a bot token?)');
    return { botUserId: res.user_id, botId: res.bot_id, ...(res.team ? { team: res.team } : {}) };
  } catch (err) {
    const slackError = (err as { data?: { error?: string } }).data?.error;
    const reason = slackError
      ? `Slack refused SLACK_BOT_TOKEN (auth.test: ${slackError})`
      : `could not reach the Slack Web API at ${options.slackApiUrl ?? 'https://slack.com/api/'}: ${(err as Error).message}`;
    throw new PianobotError('CONFIG_INVALID', `Invalid Slack configuration:\n  - ${reason}`, { cause: err });
  }
}

/** The administrators' channel scopes file; a file that does not parse stops the start with its name and the reason. */
function readAdminScopes(path: string): Record<string, string> {
  return new JsonFile(path, AdminScopesSchema, () => ({})).read();
}
