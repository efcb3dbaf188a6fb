import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/create-engine.ts';
import { loadConfig } from '../../src/config.ts';
import { FeedbackStore } from '../../src/feedback/feedback-store.ts';
import { silentLogger } from '../../src/logger.ts';
import { startSlackApp } from '../../src/slack/start-slack-app.ts';
import { FakeSlackApi } from '../fakes/fake-slack-api.ts';
import { slashCommand } from './slack-payloads.ts';

/** Charts need no public URL: in Socket Mode the PNG goes up through the Web API like everything else. */
describe('Slack charts in Socket Mode', () => {
  let fake: FakeSlackApi;
  let dir: string;
  let slack: Awaited<ReturnType<typeof startSlackApp>>;

  beforeAll(async () => {
    fake = await FakeSlackApi.start();
    dir = mkdtempSync(join(tmpdir(), 'pianobot-socket-charts-'));
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_APP_TOKEN: 'xapp-test-token',
      SLACK_API_URL: fake.url,
      DATA_DIR: dir,
      INDEX_DIR: join(dir, 'index'),
      PLANS_DIR: 'data/plans',
    });
    const engine = await createEngine(config);
    slack = await startSlackApp({
      config,
      engine,
      feedback: new FeedbackStore(join(dir, 'votes.jsonl')),
      log: silentLogger,
    });
    await fake.waitForSocket();
  }, 60_000);
  afterAll(async () => {
    await slack?.stop();
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('acknowledges /piani grafico over the socket and uploads the chart of the CDR through the Web API', async () => {
    fake.deliver({
      envelope_id: 'env-chart',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: slashCommand({ text: 'grafico cdr 85', channel: 'CSOCK', responseUrl: fake.responseUrl('sock1') }),
    });
    const ack = await fake.waitForAck('env-chart');
    expect(JSON.stringify(ack.payload)).toContain('Disegno il grafico');
    const done = await fake.waitFor('files.completeUploadExternal', (c) => c.args.channel_id === 'CSOCK', 20_000);
    expect(done.token).toBe('xoxb-test-token');
    expect(String(done.args.initial_comment)).toContain('Budget dei progetti del CDR 85');
    const png = fake.uploadedFile((done.args.files as { id: string }[])[0]!.id)!;
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
