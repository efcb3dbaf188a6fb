import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeEngine } from '../fakes/fake-engine.ts';
import { type Harness, shownText, startHarness } from './slack-harness.ts';
import { assistantThreadStarted, message } from './slack-payloads.ts';

describe('Slack app: direct messages (agent Messages tab)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('offers suggested prompts when the user opens a conversation', async () => {
    await h.sendEvent(assistantThreadStarted({ channel: 'D1', threadTs: '1700000500.000100' }));
    const call = await h.fake.waitFor('assistant.threads.setSuggestedPrompts');
    expect(call.args).toMatchObject({ channel_id: 'D1', thread_ts: '1700000500.000100', title: 'Prova a chiedere' });
    const prompts = call.args.prompts as { title: string; message: string }[];
    expect(prompts.length).toBeGreaterThan(0);
    expect(prompts.length).toBeLessThanOrEqual(4);
  });

  it('shows a status while working and answers in the same thread', async () => {
    await h.sendEvent(
      message({
        channel: 'D1',
        channelType: 'im',
        ts: '1700000500.000200',
        threadTs: '1700000500.000100',
        text: 'chi segue 2020-PL09?',
      }),
    );
    const reply = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'D1');
    expect(reply.args.thread_ts).toBe('1700000500.000100');
    expect(shownText(reply)).toContain('Sardi Valentina');
    const status = h.fake.calls('assistant.threads.setStatus');
    expect(status[0]?.args).toMatchObject({
      channel_id: 'D1',
      thread_ts: '1700000500.000100',
      status: 'sta consultando i piani…',
    });
    const setStatusIndex = h.fake.calls().findIndex((c) => c.method === 'assistant.threads.setStatus');
    const postIndex = h.fake.calls().findIndex((c) => c.method === 'chat.postMessage');
    expect(setStatusIndex).toBeLessThan(postIndex);
  });

  it('titles the conversation with its first question', async () => {
    const title = await h.fake.waitFor('assistant.threads.setTitle');
    expect(title.args).toMatchObject({
      channel_id: 'D1',
      thread_ts: '1700000500.000100',
      title: 'chi segue 2020-PL09?',
    });
  });

  it('resolves a follow-up from the earlier turns of the conversation', async () => {
    await h.sendEvent(
      message({
        channel: 'D1',
        channelType: 'im',
        ts: '1700000500.000300',
        threadTs: '1700000500.000100',
        text: 'e i suoi indicatori?',
      }),
    );
    const reply = await h.fake.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === 'D1' && shownText(c).includes('80,00'),
    );
    expect(reply.args.thread_ts).toBe('1700000500.000100');
    const asked = (h.engine as FakeEngine).asked.find((a) => a.question === 'e i suoi indicatori?');
    expect(asked?.options?.history?.[0]?.answer?.focus).toEqual(['2020-PL09']);
  });

  it('answers a top-level direct message in its own thread, with a reaction while working', async () => {
    await h.sendEvent(
      message({ channel: 'D2', channelType: 'im', ts: '1700000600.000100', text: 'the budget for 2021_PD_8735' }),
    );
    const reply = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'D2');
    expect(reply.args.thread_ts).toBe('1700000600.000100');
    expect(shownText(reply)).toContain('1.920.000,00');
    expect(h.fake.calls('reactions.add').some((c) => c.args.channel === 'D2')).toBe(true);
  });
});
