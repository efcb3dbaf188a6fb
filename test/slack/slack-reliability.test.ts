import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackSignature } from '../support/slack-signing.ts';
import { type Harness, SIGNING_SECRET, shownText, startHarness } from './slack-harness.ts';
import { appMention, eventCallback, message } from './slack-payloads.ts';

const refIn = (text: string) => text.match(/ERR-[0-9A-F]{6}/)?.[0];

describe('Slack app: signatures, retries, duplicates and failures', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  /** a question whose answer proves that every earlier delivery has been processed */
  async function barrier(channel: string) {
    await h.sendEvent(appMention({ channel, ts: '1700009999.000100', text: '<@UBOT> the budget for 2021_PD_8735' }));
    await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === channel);
  }

  it('rejects a forged signature with 401 and never answers it', async () => {
    const forged = {
      json: eventCallback(
        appMention({ channel: 'CF', ts: '1700001000.000100', text: '<@UBOT> the budget for 2021_PD_8735' }),
      ),
    };
    const res = await h.send(forged, {
      signature: slackSignature('not-the-secret', Math.floor(Date.now() / 1000), 'x'),
    });
    expect(res.status).toBe(401);
    await barrier('CF2');
    expect(h.posts('CF')).toHaveLength(0);
  });

  it('rejects a correctly signed but stale request (replay) with 401', async () => {
    const stale = Math.floor(Date.now() / 1000) - 10 * 60;
    const res = await h.send(
      {
        json: eventCallback(
          appMention({ channel: 'CS', ts: '1700001100.000100', text: '<@UBOT> the budget for 2021_PD_8735' }),
        ),
      },
      { timestamp: stale, signingSecret: SIGNING_SECRET },
    );
    expect(res.status).toBe(401);
    await barrier('CS2');
    expect(h.posts('CS')).toHaveLength(0);
  });

  it('answers an event once when Slack delivers it again with X-Slack-Retry-Num', async () => {
    const event = appMention({ channel: 'CR', ts: '1700001200.000100', text: '<@UBOT> the budget for 2021_PD_8735' });
    await h.sendEvent(event, { eventId: 'EvRetry1' });
    const retry = await h.sendEvent(event, { eventId: 'EvRetry1', retryNum: 1, retryReason: 'http_timeout' });
    expect(retry.status).toBe(200);
    await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'CR');
    await barrier('CR2');
    expect(h.posts('CR')).toHaveLength(1);
    expect(h.logs.some((l) => l.message === 'duplicate delivery ignored' && l.retryNum === 1)).toBe(true);
  });

  it('answers a message once when it arrives both as app_mention and as message', async () => {
    const text = '<@UBOT> the budget for 2021_PD_8735';
    await h.sendEvent(appMention({ channel: 'CD', ts: '1700001300.000100', text }));
    await h.sendEvent(message({ channel: 'CD', ts: '1700001300.000100', text }));
    await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'CD');
    // a follow-up in the thread now arrives twice too (message + app_mention), and is also answered once
    await h.sendEvent(message({ channel: 'CD', ts: '1700001300.000200', threadTs: '1700001300.000100', text }));
    await h.sendEvent(appMention({ channel: 'CD', ts: '1700001300.000200', threadTs: '1700001300.000100', text }));
    await barrier('CD2');
    expect(h.posts('CD')).toHaveLength(2);
  });

  it('posts an error with a reference id (also in the logs) when the engine throws, and keeps serving', async () => {
    await h.sendEvent(appMention({ channel: 'CE', ts: '1700001400.000100', text: '<@UBOT> esplodi' }));
    const reply = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'CE');
    expect(reply.args.thread_ts).toBe('1700001400.000100');
    const ref = refIn(String(reply.args.text));
    expect(ref).toBeDefined();
    expect(h.logs.find((l) => l.ref === ref)).toMatchObject({ level: 'error', error: 'engine exploded' });
    await barrier('CE2');
    expect(shownText(h.posts('CE2')[0]!)).toContain('1.920.000,00');
  });

  it('says why when the index is missing', async () => {
    await h.sendEvent(appMention({ channel: 'CI', ts: '1700001500.000100', text: '<@UBOT> indice mancante' }));
    const reply = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'CI');
    expect(String(reply.args.text)).toContain('npm run ingest');
  });

  it('posts a plain error message when Slack refuses the answer (ok: false), and keeps serving', async () => {
    h.fake.failNext('chat.postMessage', 'invalid_blocks');
    await h.sendEvent(
      appMention({ channel: 'CW', ts: '1700001600.000100', text: '<@UBOT> the budget for 2021_PD_8735' }),
    );
    const error = await h.fake.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === 'CW' && String(c.args.text).includes('ERR-'),
    );
    expect(error.args.thread_ts).toBe('1700001600.000100');
    const ref = refIn(String(error.args.text));
    expect(h.logs.find((l) => l.ref === ref)).toMatchObject({ level: 'error', slackError: 'invalid_blocks' });
    await barrier('CW2');
  });

  it('keeps answering when the working reaction cannot be added', async () => {
    h.fake.failNext('reactions.add', 'missing_scope');
    await h.sendEvent(
      appMention({ channel: 'CX', ts: '1700001700.000100', text: '<@UBOT> the budget for 2021_PD_8735' }),
    );
    const reply = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'CX');
    expect(shownText(reply)).toContain('1.920.000,00');
  });

  it('acknowledges malformed or unknown events without crashing', async () => {
    const res = await h.send({ json: eventCallback({ type: 'something_new', ts: '1' }) });
    expect(res.status).toBe(200);
    const weird = await h.send({
      json: eventCallback({ type: 'app_mention', channel: 'CZ', ts: '1700001800.000100' }),
    });
    expect(weird.status).toBe(200);
    await barrier('CZ2');
  });
});
