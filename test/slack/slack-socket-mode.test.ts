import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { FeedbackStore } from '../../src/feedback/feedback-store.ts';
import { silentLogger } from '../../src/logger.ts';
import { startSlackApp } from '../../src/slack/start-slack-app.ts';
import { FakeEngine } from '../fakes/fake-engine.ts';
import { FakeSlackApi } from '../fakes/fake-slack-api.ts';
import { shownText } from './slack-harness.ts';
import { appMention, eventCallback } from './slack-payloads.ts';

describe('Slack app: Socket Mode', () => {
  let fake: FakeSlackApi;
  let dataDir: string;
  let slack: Awaited<ReturnType<typeof startSlackApp>>;

  beforeAll(async () => {
    fake = await FakeSlackApi.start();
    dataDir = mkdtempSync(join(tmpdir(), 'pianobot-socket-'));
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_APP_TOKEN: 'xapp-test-token',
      SLACK_API_URL: fake.url,
      DATA_DIR: dataDir,
    });
    const feedback = new FeedbackStore(join(dataDir, 'feedback', 'votes.jsonl'));
    slack = await startSlackApp({ config, engine: new FakeEngine(), feedback, log: silentLogger });
  });
  afterAll(async () => {
    await slack?.stop();
    await fake?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens a connection with the app token and listens on no port', async () => {
    const open = fake.calls('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.token).toBe('xapp-test-token');
    expect(slack.port).toBeUndefined();
    await fake.waitForSocket();
  });

  it('acknowledges an events_api envelope and answers in the thread of the question', async () => {
    fake.deliver({
      envelope_id: 'env-1',
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: 0,
      retry_reason: '',
      payload: eventCallback(
        appMention({ channel: 'C1', ts: '1700000000.000100', text: '<@UBOT> the budget for 2021_PD_8735' }),
      ),
    });
    const ack = await fake.waitForAck('env-1');
    expect(ack).toMatchObject({ envelope_id: 'env-1' });
    const reply = await fake.waitFor('chat.postMessage');
    expect(reply.token).toBe('xoxb-test-token');
    expect(reply.args).toMatchObject({ channel: 'C1', thread_ts: '1700000000.000100' });
    expect(shownText(reply)).toContain('1.920.000,00');
  });
});
