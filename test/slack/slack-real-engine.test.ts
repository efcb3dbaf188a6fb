import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/create-engine.ts';
import { loadConfig } from '../../src/config.ts';
import { type Harness, shownText, startHarness } from './slack-harness.ts';
import { appMention } from './slack-payloads.ts';

/** The "done when", through the HTTP receiver with the real answer engine over the sample plans. */
describe('Slack app with the real answer engine', () => {
  let h: Harness;
  let indexDir: string;

  beforeAll(async () => {
    indexDir = mkdtempSync(join(tmpdir(), 'pianobot-slack-index-'));
    const engine = await createEngine(loadConfig({ INDEX_DIR: indexDir, PLANS_DIR: 'data/plans' }));
    h = await startHarness({ engine });
  });
  afterAll(async () => {
    await h?.close();
    rmSync(indexDir, { recursive: true, force: true });
  });

  it('answers "the budget for 2021_PD_8735" in the thread of the mention with 1.920.000,00', async () => {
    await h.sendEvent(
      appMention({ channel: 'C1', ts: '1700000000.000100', text: '<@UBOT> the budget for 2021_PD_8735' }),
    );
    const reply = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'C1', 20_000);
    expect(reply.args.thread_ts).toBe('1700000000.000100');
    expect(shownText(reply)).toContain('1.920.000,00');
  });

  it('keeps a real follow-up in context: "e i suoi indicatori?" after a question about 2020-PL09', async () => {
    await h.sendEvent(appMention({ channel: 'C2', ts: '1700000100.000100', text: '<@UBOT> obiettivo 2020-PL09' }));
    await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'C2', 20_000);
    await h.sendEvent({
      type: 'message',
      channel: 'C2',
      channel_type: 'channel',
      user: 'U1',
      text: 'e i suoi indicatori?',
      ts: '1700000100.000200',
      thread_ts: '1700000100.000100',
    });
    const followUp = await h.fake.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === 'C2' && h.posts('C2').indexOf(c) === 1,
      20_000,
    );
    expect(followUp.args.thread_ts).toBe('1700000100.000100');
    expect(shownText(followUp)).toContain('% attivazione servizi urgenti SAD');
  });

  it.each([
    ['a one-word message', 'C4', 'Chiavari', /\S/],
    // Slack allows 40,000 characters in a message: far past the cap, answered with the limit
    ['a message far over the length cap', 'C5', '1-'.repeat(20_000), /troppo lunga \(40\.000 caratteri\)/],
  ])('answers %s in the thread, without an internal error', async (_, channel, text, expected) => {
    await h.sendEvent(appMention({ channel, ts: '1700000300.000100', text: `<@UBOT> ${text}` }));
    const reply = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === channel, 20_000);
    expect(reply.args.thread_ts).toBe('1700000300.000100');
    expect(shownText(reply)).toMatch(expected);
    expect(shownText(reply)).not.toContain('errore interno');
    expect(h.logs.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('shows the real objectives of a person in the App Home', async () => {
    await h.sendEvent({
      type: 'app_home_opened',
      user: 'USARDI',
      channel: 'D9',
      tab: 'home',
      event_ts: '1700000200.000100',
    });
    const published = await h.fake.waitFor('views.publish', (c) => c.args.user_id === 'USARDI', 20_000);
    expect(JSON.stringify(published.args.view)).toContain('2020-PL09');
  });
});
