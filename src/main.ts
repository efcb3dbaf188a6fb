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
import { PgFeedbackStore } from './store/postgres/pg-feedback-store.ts';
import { PgDeliveryClaims, PgPostedAnswers, PgThreadHistory } from './store/postgres/pg-slack-state.ts';
import { startWebServer } from './web/web-server.ts';

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
  const feedback = pool
    ? new PgFeedbackStore(pool)
    : new FeedbackStore(join(config.dataDir, 'feedback', 'votes.jsonl'));
  const shared = pool
    ? { dedupe: new PgDeliveryClaims(pool), threads: new PgThreadHistory(pool), answers: new PgPostedAnswers(pool) }
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
  } else {
    const web = await startWebServer({ config, engine, feedback, log });
    stops.push(web.stop);
    console.log(`pianobot is ready: staff chat ${web.url}/  ·  help desk ${web.url}/helpdesk`);
    if (config.slack?.mode === 'socket') {
      const slack = await startSlackApp({ config, engine, feedback, log, shared });
      stops.push(slack.stop);
      console.log('pianobot Slack app connected (Socket Mode)');
    }
  }

  stops.push(engine.close);
  if (pool) stops.push(() => pool.end());
  const shutdown = async () => {
    for (const stop of stops) await stop().catch(() => {});
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  const message = error instanceof PianobotError ? error.message : ((error as Error).stack ?? String(error));
  console.error(`pianobot could not start: ${message}`);
  process.exit(1);
});
