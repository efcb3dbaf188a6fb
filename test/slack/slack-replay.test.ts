/**
 * Replays and restarts: a request signed too far from now (past or future) is refused, and a retried event is not
 * answered twice even when the retry reaches a restarted app on the same DATA_DIR.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, SIGNING_SECRET, startHarness } from './slack-harness.ts';
import { appMention } from './slack-payloads.ts';

const QUESTION = '<@UBOT> the budget for 2021_PD_8735';

describe('Slack request timestamps', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  async function barrier(channel: string) {
    await h.sendEvent(appMention({ channel, ts: '1700009999.000100', text: QUESTION }));
    await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === channel);
  }

  it('refuses a correctly signed request dated 6 minutes in the future with 401 and never answers it', async () => {
    const future = Math.floor(Date.now() / 1000) + 6 * 60;
    const res = await h.send(
      { json: { ...eventFor('CFUT', '1700002000.000100') } },
      { timestamp: future, signingSecret: SIGNING_SECRET },
    );
    expect(res.status).toBe(401);
    await barrier('CFUT2');
    expect(h.posts('CFUT')).toHaveLength(0);
  });

  it('accepts a request dated 4 minutes in the future (clocks drift)', async () => {
    const soon = Math.floor(Date.now() / 1000) + 4 * 60;
    const res = await h.send({ json: eventFor('CSOON', '1700002100.000100') }, { timestamp: soon });
    expect(res.status).toBe(200);
    await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'CSOON');
  });
});

describe('Slack event ids kept on disk', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'pianobot-slack-restart-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('does not answer a retry delivered to a restarted app on the same DATA_DIR', async () => {
    const event = appMention({ channel: 'CRS', ts: '1700003000.000100', text: QUESTION });
    const first = await startHarness({ dataDir });
    try {
      await first.sendEvent(event, { eventId: 'EvRestart1' });
      await first.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'CRS');
    } finally {
      await first.close();
    }

    const second = await startHarness({ dataDir });
    try {
      await second.sendEvent(event, { eventId: 'EvRestart1', retryNum: 1, retryReason: 'http_timeout' });
      // a new question after the retry proves the retry was processed (and ignored) before it
      await second.sendEvent(appMention({ channel: 'CRS2', ts: '1700003001.000100', text: QUESTION }));
      await second.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'CRS2');
      expect(second.posts('CRS')).toHaveLength(0);
      expect(second.logs.some((l) => l.message === 'duplicate delivery ignored')).toBe(true);
    } finally {
      await second.close();
    }
  });
});

function eventFor(channel: string, ts: string) {
  return {
    type: 'event_callback',
    team_id: 'T1',
    api_app_id: 'A1',
    event_id: `Ev-${channel}`,
    event_time: 1_700_000_000,
    event: { type: 'app_mention', user: 'U1', text: QUESTION, ts, channel, event_ts: ts },
  };
}
