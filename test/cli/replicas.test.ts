/**
 * Scaling out as operators run it: `npm run ingest` fills a PostgreSQL database, then two `npm start` replicas
 * (real processes, Slack HTTP mode, one fake Slack) serve from it with an empty INDEX_DIR — a retried event sent to
 * the other replica is answered once, and an untagged follow-up keeps the thread's context across replicas. The
 * command-line tools read the same database.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeSlackApi } from '../fakes/fake-slack-api.ts';
import { shownText } from '../slack/slack-harness.ts';
import { appMention, eventCallback, message } from '../slack/slack-payloads.ts';
import { createThrowawayDatabase, describePostgres, type ThrowawayDatabase } from '../support/postgres.ts';
import { sendSlackRequest } from '../support/slack-signing.ts';
import { runCli } from './support/run-cli.ts';
import { captureOutput } from './support/start-app.ts';

const REPO_ROOT = join(import.meta.dirname, '../..');
const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');
const SECRET = 'replica-test-secret';
const PLAN_FILES = readdirSync(join(REPO_ROOT, 'data/plans'))
  .filter((f) => /\.(txt|md|pdf)$/.test(f))
  .sort();
const FIRST_PLANS = PLAN_FILES.slice(0, -1).map((f) => join('data/plans', f));

describePostgres('two replicas on one PostgreSQL database', () => {
  let db: ThrowawayDatabase;
  let slack: FakeSlackApi;
  let dir: string;
  let env: Record<string, string>;
  let a: Replica;
  let b: Replica;

  beforeAll(async () => {
    db = await createThrowawayDatabase();
    dir = mkdtempSync(join(tmpdir(), 'pianobot-replicas-'));
    slack = await FakeSlackApi.start();
    env = {
      DATABASE_URL: db.url,
      PLANS_DIR: 'data/plans',
      INDEX_DIR: join(dir, 'empty-index'),
      DATA_DIR: join(dir, 'data'),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      EMBEDDINGS_MODEL: '',
      OPENAI_MODEL: '',
      SLACK_APP_TOKEN: '',
      SLACK_BOT_TOKEN: 'xoxb-replica-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.url,
    };
    // every sample plan but the last: the last one is ingested while the replicas run
    const ingest = await runCli('ingest/run-ingest.ts', FIRST_PLANS, env);
    expect(ingest.code, ingest.stderr).toBe(0);
    [a, b] = await Promise.all([startReplica(env), startReplica(env)]);
  }, 240_000);
  afterAll(async () => {
    a?.stop();
    b?.stop();
    await slack?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers an event once when Slack retries it on the other replica', async () => {
    const event = eventCallback(
      appMention({ channel: 'C1', ts: '1700000000.000100', text: '<@UBOT> the budget for 2021_PD_8735' }),
      'Ev-replica-1',
    );
    expect((await sendSlackRequest(`${a.base}/slack/events`, { json: event }, { signingSecret: SECRET })).status).toBe(
      200,
    );
    const answer = await slack.waitFor('chat.postMessage', (c) => c.args.thread_ts === '1700000000.000100', 60_000);
    expect(shownText(answer)).toContain('1.920.000,00');

    const retry = await sendSlackRequest(
      `${b.base}/slack/events`,
      { json: event },
      { signingSecret: SECRET, retryNum: 1 },
    );
    expect(retry.status).toBe(200);
    await b.waitForLog(/duplicate delivery ignored/);
    expect(slack.calls('chat.postMessage').filter((c) => c.args.thread_ts === '1700000000.000100')).toHaveLength(1);
  });

  it("answers an untagged follow-up on the other replica with the thread's context", async () => {
    const thread = '1700000500.000100';
    const first = eventCallback(
      appMention({ channel: 'C1', ts: thread, text: "<@UBOT> chi è il responsabile dell'obiettivo 2020-PL09?" }),
    );
    await sendSlackRequest(`${a.base}/slack/events`, { json: first }, { signingSecret: SECRET });
    const answered = await slack.waitFor('chat.postMessage', (c) => c.args.thread_ts === thread, 60_000);
    // the turn is stored right after the post: the follow-up comes once replica A says it answered
    await a.waitForLog(new RegExp(`"message":"answered".*"thread":"${thread}"`));

    const followUp = eventCallback(
      message({ channel: 'C1', ts: '1700000500.000200', threadTs: thread, text: 'e i suoi indicatori?' }),
    );
    await sendSlackRequest(`${b.base}/slack/events`, { json: followUp }, { signingSecret: SECRET });
    const reply = await slack.waitFor('chat.postMessage', (c) => c.args.thread_ts === thread && c !== answered, 60_000);
    expect(shownText(reply)).toContain('2020-PL09');
    // and it was replica B that answered
    await b.waitForLog(new RegExp(`"message":"answered".*"thread":"${thread}"`));
  });

  it('picks up a plan ingested while it runs, without a restart', async () => {
    const health = async (r: Replica) => (await (await fetch(`${r.web}/api/health`)).json()) as { documents: number };
    expect((await health(b)).documents).toBe(FIRST_PLANS.length);
    const ingest = await runCli('ingest/run-ingest.ts', [], env);
    expect(ingest.code, ingest.stderr).toBe(0);
    await Promise.all([a.waitForLog(/"message":"plans reloaded"/), b.waitForLog(/"message":"plans reloaded"/)]);
    expect((await health(a)).documents).toBe(FIRST_PLANS.length + 1);
    expect((await health(b)).documents).toBe(FIRST_PLANS.length + 1);
  });

  it('serves ask, search and export from the database while INDEX_DIR stays empty', async () => {
    const ask = await runCli('src/cli/ask.ts', ['the budget for 2021_PD_8735'], env);
    expect(ask.stdout).toContain('1.920.000,00');
    const search = await runCli('src/cli/search.ts', ['--json', '--k', '2', 'accessibilità uffici'], env);
    expect(JSON.parse(search.stdout).hits).toHaveLength(2);
    const exported = await runCli('src/cli/export.ts', ['--json'], env);
    expect(JSON.parse(exported.stdout).documents).toHaveLength(5);
    expect(readdirSync(dir)).not.toContain('empty-index');
  });
});

interface Replica {
  base: string;
  /** the web chat and API, on PORT+1 in Slack HTTP mode */
  web: string;
  log(): string;
  waitForLog(pattern: RegExp): Promise<void>;
  stop(): void;
}

async function startReplica(env: Record<string, string>): Promise<Replica> {
  const port = await freePort();
  const child: ChildProcess = spawn(TSX, ['src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = captureOutput(child);
  const until = async (ready: () => boolean, what: string) => {
    const deadline = Date.now() + 100_000;
    while (!ready()) {
      if (child.exitCode !== null) throw new Error(`replica exited (${child.exitCode}): ${output.err()}`);
      if (Date.now() > deadline) throw new Error(`replica: no ${what}\n${output.out()}\n${output.err()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  await until(() => /web chat: http/.test(output.out()), 'start');
  return {
    base: `http://127.0.0.1:${port}`,
    web: `http://127.0.0.1:${port + 1}`,
    log: () => output.err(),
    waitForLog: (pattern) => until(() => pattern.test(output.err()), String(pattern)),
    stop: () => child.kill('SIGTERM'),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
