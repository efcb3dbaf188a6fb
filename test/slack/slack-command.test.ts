import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, shownText, startHarness } from './slack-harness.ts';
import { buttonClick, slashCommand } from './slack-payloads.ts';

interface Button {
  action_id: string;
  value: string;
}

function buttons(blocks: unknown): Button[] {
  return (blocks as { type: string; elements?: Button[] }[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? []);
}

describe('Slack app: /piani slash command', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('acknowledges at once with an ephemeral "Cerco…" and answers only to the asker', async () => {
    const res = await h.send({
      form: slashCommand({ text: 'the budget for 2021_PD_8735', responseUrl: h.fake.responseUrl('cmd1') }),
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.parse(res.text).text).toContain('Cerco nei piani');
    const reply = await h.fake.waitFor('chat.postEphemeral');
    expect(reply.args).toMatchObject({ channel: 'C1', user: 'U1' });
    expect(shownText(reply)).toContain('1.920.000,00');
    expect(h.fake.calls('chat.postMessage')).toHaveLength(0);
  });

  it('offers a button to share the answer in the channel, which posts it publicly and removes the private copy', async () => {
    const reply = await h.fake.waitFor('chat.postEphemeral');
    const share = buttons(reply.args.blocks).find((b) => b.action_id === 'share_answer');
    expect(share).toBeDefined();
    const res = await h.send({
      interaction: buttonClick({
        actionId: 'share_answer',
        value: share!.value,
        responseUrl: h.fake.responseUrl('share1'),
      }),
    });
    expect(res.status).toBe(200);
    const shared = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'C1');
    expect(shownText(shared)).toContain('1.920.000,00');
    expect(shownText(shared)).toContain('Condiviso da <@U1>');
    expect(shared.args.thread_ts).toBeUndefined();
    const removed = await h.fake.waitFor('response_url', (c) => c.args.id === 'share1');
    expect(removed.args.delete_original).toBe(true);
  });

  it('falls back to the response_url when Slack refuses the ephemeral message (bot not in the channel)', async () => {
    h.fake.failNext('chat.postEphemeral', 'not_in_channel');
    await h.send({
      form: slashCommand({ text: 'chi segue 2020-PL09?', channel: 'C9', responseUrl: h.fake.responseUrl('cmd2') }),
    });
    const reply = await h.fake.waitFor('response_url', (c) => c.args.id === 'cmd2');
    expect(reply.args.response_type).toBe('ephemeral');
    expect(shownText(reply)).toContain('Sardi Valentina');
  });

  it('explains how to invite pianobot when sharing into a channel it cannot write to', async () => {
    await h.send({
      form: slashCommand({ text: 'chi segue 2020-PL09?', channel: 'C8', responseUrl: h.fake.responseUrl('cmd3') }),
    });
    const reply = await h.fake.waitFor('chat.postEphemeral', (c) => c.args.channel === 'C8');
    const share = buttons(reply.args.blocks).find((b) => b.action_id === 'share_answer')!;
    h.fake.failNext('chat.postMessage', 'not_in_channel');
    await h.send({
      interaction: buttonClick({
        actionId: 'share_answer',
        value: share.value,
        channel: 'C8',
        responseUrl: h.fake.responseUrl('share2'),
      }),
    });
    const note = await h.fake.waitFor(
      'chat.postEphemeral',
      (c) => c.args.channel === 'C8' && String(c.args.text).includes('/invite'),
    );
    expect(String(note.args.text)).toMatch(/ERR-[0-9A-F]{6}/);
  });

  it('records a vote on the private answer, with the question and the answer text', async () => {
    const reply = await h.fake.waitFor('chat.postEphemeral', (c) => c.args.channel === 'C1');
    const up = buttons(reply.args.blocks).find((b) => b.action_id === 'feedback_up')!;
    await h.send({
      interaction: buttonClick({ actionId: 'feedback_up', value: up.value, responseUrl: h.fake.responseUrl('v1') }),
    });
    await h.fake.waitFor('chat.postEphemeral', (c) => String(c.args.text).includes('Grazie'));
    expect(h.feedback.summary().byChannel.slack).toEqual({ up: 1, down: 0 });
  });

  it('shows a private error with a reference id when the engine fails', async () => {
    await h.send({ form: slashCommand({ text: 'esplodi', channel: 'C7', responseUrl: h.fake.responseUrl('cmd5') }) });
    const reply = await h.fake.waitFor('chat.postEphemeral', (c) => c.args.channel === 'C7');
    const ref = String(reply.args.text).match(/ERR-[0-9A-F]{6}/)?.[0];
    expect(h.logs.find((l) => l.ref === ref)).toMatchObject({ level: 'error', error: 'engine exploded' });
  });

  it('replies with examples when called without a question', async () => {
    const res = await h.send({ form: slashCommand({ text: '  ', responseUrl: h.fake.responseUrl('cmd4') }) });
    expect(JSON.parse(res.text).text).toContain('Fammi una domanda');
  });
});
