import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnswerEngine } from '../../src/answer/answer.ts';
import type { Clock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import type { Scheduler } from '../../src/digest/weekly-digests.ts';
import { FeedbackStore } from '../../src/feedback/feedback-store.ts';
import { createLogger } from '../../src/logger.ts';
import { startSlackApp } from '../../src/slack/start-slack-app.ts';
import { FakeEngine } from '../fakes/fake-engine.ts';
import { FakeSlackApi, type FakeSlackCall, type FakeSlackUser } from '../fakes/fake-slack-api.ts';
import { type SlackRequestBody, type SlackRequestOptions, sendSlackRequest } from '../support/slack-signing.ts';
import { eventCallback } from './slack-payloads.ts';

export const SIGNING_SECRET = 'test-signing-secret';

export const SARDI: FakeSlackUser = {
  id: 'USARDI',
  name: 'vsardi',
  real_name: 'Valentina Sardi',
  profile: { real_name: 'Valentina Sardi', display_name: 'vale' },
};

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/** pianobot's Slack app in HTTP mode against a fake Slack, with the fake engine unless another is given. */
export async function startHarness(
  options: {
    engine?: AnswerEngine;
    env?: Record<string, string>;
    dataDir?: string;
    clock?: Clock;
    scheduler?: Scheduler;
    /** state shared with other replicas (PostgreSQL), as main.ts passes it when DATABASE_URL is set */
    shared?: Parameters<typeof startSlackApp>[0]['shared'];
  } = {},
) {
  const fake = await FakeSlackApi.start({ users: [SARDI, { id: 'UROSSI', name: 'mrossi', real_name: 'Mario Rossi' }] });
  // a given DATA_DIR belongs to the test (two app instances in turn on the same one); a fresh one is removed at close
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'pianobot-slack-'));
  const feedbackFile = join(dataDir, 'feedback', 'votes.jsonl');
  const feedback = new FeedbackStore(feedbackFile);
  const logs: Record<string, unknown>[] = [];
  const log = createLogger('debug', (line) => logs.push(JSON.parse(line) as Record<string, unknown>));
  const engine = options.engine ?? new FakeEngine();
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.url.replace(/\/$/, ''), // without the slash: startSlackApp must add it
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ...options.env,
  });
  const slack = await startSlackApp({
    config: options.clock ? { ...config, clock: options.clock } : config,
    engine,
    feedback,
    log,
    ...(options.scheduler ? { scheduler: options.scheduler } : {}),
    ...(options.shared ? { shared: options.shared } : {}),
  });
  const eventsUrl = `http://127.0.0.1:${slack.port}/slack/events`;

  const send = (body: SlackRequestBody, opts: Partial<SlackRequestOptions> = {}) =>
    sendSlackRequest(eventsUrl, body, { signingSecret: SIGNING_SECRET, ...opts });

  return {
    fake,
    dataDir,
    engine,
    feedback,
    feedbackFile,
    logs,
    slack,
    eventsUrl,
    send,
    /** delivers one Events API callback and expects Slack's 200 acknowledgement */
    async sendEvent(event: Record<string, unknown>, opts: Partial<SlackRequestOptions> & { eventId?: string } = {}) {
      const res = await send({ json: eventCallback(event, opts.eventId) }, opts);
      if (res.status !== 200) throw new Error(`event not acknowledged: HTTP ${res.status}`);
      return res;
    },
    /** the chat.postMessage calls to a channel thread */
    posts(channel: string, threadTs?: string): FakeSlackCall[] {
      return fake
        .calls('chat.postMessage')
        .filter((c) => c.args.channel === channel && (threadTs === undefined || c.args.thread_ts === threadTs));
    },
    async close() {
      await slack.stop();
      await fake.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Everything Slack would show for a message: its fallback text and the text of every block. */
export function shownText(call: FakeSlackCall): string {
  return `${String(call.args.text ?? '')}\n${JSON.stringify(call.args.blocks ?? [])}`;
}
