import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeEngine } from '../fakes/fake-engine.ts';
import { type Harness, shownText, startHarness } from './slack-harness.ts';
import { appMention, message } from './slack-payloads.ts';

describe('Slack app: @pianobot mentions and thread follow-ups', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers a mention in the thread of the question, with the figure as written in the plan', async () => {
    await h.sendEvent(
      appMention({ channel: 'C1', ts: '1700000000.000100', text: '<@UBOT> the budget for 2021_PD_8735' }),
    );
    const reply = await h.fake.waitFor('chat.postMessage', (c) => c.args.thread_ts === '1700000000.000100');
    expect(reply.args.channel).toBe('C1');
    expect(reply.token).toBe('xoxb-test-token');
    expect(reply.args.text).toContain('1.920.000,00');
    expect(JSON.stringify(reply.args.blocks)).toContain('1.920.000,00');
    expect(JSON.stringify(reply.args.blocks)).toContain('002_51402a20550dfbf2.txt');
  });

  it('asks the engine the question without the mention, for staff', async () => {
    const engine = h.engine as FakeEngine;
    expect(engine.asked[0]).toMatchObject({ question: 'the budget for 2021_PD_8735', options: { audience: 'staff' } });
  });

  it('shows it is working with a reaction on the question, removed once the answer is posted', async () => {
    const added = await h.fake.waitFor('reactions.add', (c) => c.args.timestamp === '1700000000.000100');
    expect(added.args).toMatchObject({ channel: 'C1', name: 'hourglass_flowing_sand' });
    await h.fake.waitFor('reactions.remove', (c) => c.args.timestamp === '1700000000.000100');
  });

  it('answers a follow-up in that thread without a new tag, keeping the thread context', async () => {
    await h.sendEvent(appMention({ channel: 'C1', ts: '1700000100.000100', text: '<@UBOT> chi segue 2020-PL09?' }));
    await h.fake.waitFor('chat.postMessage', (c) => c.args.thread_ts === '1700000100.000100');
    await h.sendEvent(
      message({ channel: 'C1', ts: '1700000100.000200', threadTs: '1700000100.000100', text: 'e i suoi indicatori?' }),
    );
    const followUp = await h.fake.waitFor(
      'chat.postMessage',
      (c) => c.args.thread_ts === '1700000100.000100' && shownText(c).includes('80,00'),
    );
    expect(shownText(followUp)).toContain('2020-PL09');
    const asked = (h.engine as FakeEngine).asked.find((a) => a.question === 'e i suoi indicatori?');
    expect(asked?.options?.history?.map((t) => t.question)).toEqual(['chi segue 2020-PL09?']);
  });

  it('stays quiet in threads it has not answered, and when a reply tags someone else', async () => {
    await h.sendEvent(
      message({ channel: 'C2', ts: '1700000200.000200', threadTs: '1700000200.000100', text: 'e il budget?' }),
    );
    await h.sendEvent(
      message({
        channel: 'C1',
        ts: '1700000100.000300',
        threadTs: '1700000100.000100',
        text: '<@UROSSI> puoi controllare tu?',
      }),
    );
    // a later question in the same thread is the barrier: once it is answered, the two above were processed
    await h.sendEvent(
      message({
        channel: 'C1',
        ts: '1700000100.000400',
        threadTs: '1700000100.000100',
        text: 'the budget for 2021_PD_8735',
      }),
    );
    await h.fake.waitFor(
      'chat.postMessage',
      (c) => shownText(c).includes('1.920.000,00') && c.args.thread_ts === '1700000100.000100',
    );
    expect(h.posts('C2')).toHaveLength(0);
    expect(h.posts('C1', '1700000100.000100')).toHaveLength(3);
  });

  it('says how to ask when tagged without a question', async () => {
    await h.sendEvent(appMention({ channel: 'C3', ts: '1700000300.000100', text: '<@UBOT>' }));
    const reply = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'C3');
    expect(reply.args.thread_ts).toBe('1700000300.000100');
    expect(String(reply.args.text)).toContain('Fammi una domanda');
  });

  it('says plainly when nothing was found, still in the thread and with feedback buttons', async () => {
    await h.sendEvent(
      appMention({ channel: 'C4', ts: '1700000400.000100', text: '<@UBOT> quanto costa il ponte sullo stretto?' }),
    );
    const reply = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'C4');
    expect(String(reply.args.text)).toContain('Non ho trovato');
    expect(JSON.stringify(reply.args.blocks)).toContain('feedback_down');
  });
});
