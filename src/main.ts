/**
 * `npm start`: builds the index if it is missing or stale, then serves the local web chat and help desk on PORT,
 * and the Slack app as well when Slack tokens are configured (Socket Mode with SLACK_APP_TOKEN, HTTP otherwise).
 */

import { join } from 'node:path';
import { createEngine } from './answer/create-engine.ts';
import { loadConfig } from './config.ts';
import { PianobotError } from './errors.ts';
import { FeedbackStore } from './feedback/feedback-store.ts';
import { loadEnvFile } from './load-env-file.ts';
import { createLogger } from './logger.ts';
import { startSlackApp } from './slack/start-slack-app.ts';
import { createPool } from './store/postgres/database.ts';
import { PgChannelScopeStore } from './store/postgres/pg-channel-scopes.ts';
import { PgDigestSubscriptions } from './store/postgres/pg-digest-subscriptions.ts';
import { PgFeedbackStore } from './store/postgres/pg-feedback-store.ts';
import { PgDeliveryClaims, PgPostedAnswers, PgThreadHistory } from './store/postgres/pg-slack-state.ts';
import { PgSlackUserTable } from './store/postgres/pg-slack-users.ts';
import { watchIndex } from './store/watch-index.ts';
import { startWebServer, type WebServer } from './web/web-server.ts';

async function main(): Promise<void> {
  loadEnvFile();
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const tty = process.stderr.isTTY;
  // with DATABASE_URL one pool serves the plans, the Slack state and the votes; replicas share all three
  const pool = config.databaseUrl ? createPool(config.databaseUrl) : null;
  const engine = await createEngine(config, {
    log,
    ...(pool ? { pool, watch: true } : {}),
    onProgress: (m) => (tty ? process.stderr.write(`\r\x1b[Kindexing ${m}`) : log.info('ingest', { progress: m })),
  });
  if (tty) process.stderr.write('\r\x1b[K');
  // a finished `npm run ingest` (or SIGHUP) swaps the new plans into the running server, no restart needed; with a
  // database the engine also listens for the ingest's NOTIFY itself
  const reload = () =>
    void engine.reload?.().then((r) => {
      if (r.changed) console.log(`pianobot index reloaded (built ${r.builtAt})`);
    });
  const stopWatching = pool ? () => {} : watchIndex(config.indexDir, config.indexWatchMs, reload);
  process.on('SIGHUP', reload);
  const feedback = pool
    ? new PgFeedbackStore(pool)
    : new FeedbackStore(join(config.dataDir, 'feedback', 'votes.jsonl'), { maxBytes: config.feedback.maxBytes });
  const shared = pool
    ? {
        dedupe: new PgDeliveryClaims(pool),
        threads: new PgThreadHistory(pool),
        answers: new PgPostedAnswers(pool),
        scopeStore: new PgChannelScopeStore(pool),
        userTable: new PgSlackUserTable(pool),
        digestStore: new PgDigestSubscriptions(pool),
      }
    : {};
  const stops: (() => Promise<void>)[] = [];

  if (config.slack?.mode === 'http') {
    // Slack's HTTP receiver takes PORT; the web chat moves to the next port so both run in one process
    const slack = await startSlackApp({ config, engine, feedback, log, shared });
    stops.push(slack.stop);
    console.log(
      `pianobot Slack app (HTTP mode) listening on port ${slack.port ?? config.port} — events at /slack/events`,
    );
    const web = await startWebServer({
      config: { ...config, port: config.port ? config.port + 1 : 0 },
      engine,
      feedback,
      log,
    });
    stops.push(web.stop);
    console.log(`pianobot web chat: ${web.url}/  ·  help desk ${web.url}/helpdesk`);
    announceAudiences(web);
  } else {
    const web = await startWebServer({ config, engine, feedback, log });
    stops.push(web.stop);
    console.log(
      config.helpdeskOnly
        ? `pianobot is ready: help desk ${web.url}/helpdesk (HELPDESK_ONLY)`
        : `pianobot is ready: staff chat ${web.url}/  ·  help desk ${web.url}/helpdesk`,
    );
    announceAudiences(web);
    if (config.slack?.mode === 'socket') {
      const slack = await startSlackApp({ config, engine, feedback, log, shared });
      stops.push(slack.stop);
      console.log('pianobot Slack app connected (Socket Mode)');
    }
  }

  stops.push(engine.close);
  if (pool) stops.push(() => pool.end());
  const shutdown = async () => {
    stopWatching();
    for (const stop of stops) await stop().catch(() => {});
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/** The start log says who can be staff, so an operator sees at once that a public listener has no staff login. */
function announceAudiences(web: WebServer): void {
  const how: Record<WebServer['staffLogin'], string> = {
    open: 'staff audience: open to callers on this machine (listening on loopback only)',
    token: 'staff audience: requires Authorization: Bearer <STAFF_TOKEN>',
    proxy: 'staff audience: from the trusted proxy user header (STAFF_AUTH_HEADER)',
    off: `staff audience off: ${web.staffOffReason ?? 'no staff login configured'} — every caller gets public answers`,
  };
  console.log(how[web.staffLogin]);
}

main().catch((error: unknown) => {
  const message = error instanceof PianobotError ? error.message : ((error as Error).stack ?? String(error));
  console.error(`pianobot could not start: ${message}`);
  process.exit(1);
});
