import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeSlackCall } from '../fakes/fake-slack-api.ts';
import { type Harness, startHarness } from './slack-harness.ts';
import { appMention, buttonClick } from './slack-payloads.ts';

function feedbackValue(reply: FakeSlackCall, actionId: string): string {
  const actions = (reply.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find(
    (b) => b.type === 'actions',
  );
  const button = actions?.elements?.find((e) => e.action_id === actionId);
  if (!button) throw new Error(`no ${actionId} button`);
  return button.value;
}

describe('Slack app: 👍 / 👎 feedback', () => {
  let h: Harness;
  let reply: FakeSlackCall;
  const clickOn = (actionId: string, user: string, responseId: string) =>
    h.send({
      interaction: buttonClick({
        actionId,
        value: feedbackValue(reply, actionId),
        user,
        responseUrl: h.fake.responseUrl(responseId),
        message: { ts: '1800000000.000001', thread_ts: '1700000700.000100', text: String(reply.args.text) },
      }),
    });

  beforeAll(async () => {
    h = await startHarness();
    await h.sendEvent(
      appMention({ channel: 'C1', ts: '1700000700.000100', text: '<@UBOT> the budget for 2021_PD_8735' }),
    );
    reply = await h.fake.waitFor('chat.postMessage');
  });
  afterAll(async () => {
    await h.close();
  });

  it('stores a vote with the question, the answer and the user, and thanks the user privately', async () => {
    expect((await clickOn('feedback_down', 'U1', 'v1')).status).toBe(200);
    const thanks = await h.fake.waitFor('chat.postEphemeral', (c) => c.args.user === 'U1');
    expect(thanks.args).toMatchObject({ channel: 'C1', thread_ts: '1700000700.000100' });
    expect(String(thanks.args.text)).toContain('Grazie');
    const votes = readFileSync(h.feedbackFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(votes).toHaveLength(1);
    expect(votes[0]).toMatchObject({
      channel: 'slack',
      user: 'U1',
      vote: 'down',
      question: 'the budget for 2021_PD_8735',
    });
    expect(votes[0].answer).toContain('1.920.000,00');
  });

  it('counts one vote per user per answer: a second click is refused and said so', async () => {
    await clickOn('feedback_up', 'U1', 'v2');
    await h.fake.waitFor('chat.postEphemeral', (c) => String(c.args.text).includes('già votato'));
    expect(h.feedback.summary()).toMatchObject({ up: 0, down: 1 });
  });

  it('counts the votes of different people on the same answer', async () => {
    await clickOn('feedback_up', 'UROSSI', 'v3');
    await h.fake.waitFor('chat.postEphemeral', (c) => c.args.user === 'UROSSI');
    expect(h.feedback.summary()).toMatchObject({ up: 1, down: 1, byChannel: { slack: { up: 1, down: 1 } } });
  });
});
