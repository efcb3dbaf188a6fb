import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlackApi } from './fake-slack-api.ts';

describe('FakeSlackApi', () => {
  let fake: FakeSlackApi;
  let client: webApi.WebClient;
  beforeAll(async () => {
    fake = await FakeSlackApi.start({ users: [{ id: 'U1', name: 'mario', real_name: 'Mario Rossi' }] });
    client = new webApi.WebClient('xoxb-fake', { slackApiUrl: fake.url, retryConfig: { retries: 0 } });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('records a call from the real Web API client with its token and decoded blocks', async () => {
    const res = await client.chat.postMessage({
      channel: 'C1',
      thread_ts: '1.1',
      text: 'una risposta',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'una risposta' } }],
    });
    expect(res.ok).toBe(true);
    expect(res.ts).toMatch(/^\d+\.\d{6}$/);
    const call = await fake.waitFor('chat.postMessage');
    expect(call.token).toBe('xoxb-fake');
    expect(call.args).toMatchObject({ channel: 'C1', thread_ts: '1.1', blocks: [{ type: 'section' }] });
  });

  it('fails the next call of a method with ok: false, as Slack does, then recovers', async () => {
    fake.failNext('chat.update', 'message_not_found');
    await expect(client.chat.update({ channel: 'C1', ts: '1.1', text: 'x' })).rejects.toMatchObject({
      data: { ok: false, error: 'message_not_found' },
    });
    await expect(client.chat.update({ channel: 'C1', ts: '1.1', text: 'x' })).resolves.toMatchObject({ ok: true });
  });

  it('takes a files.uploadV2 upload in its three steps and keeps the bytes, binary-safe', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x10, 0x80]);
    const res = await client.files.uploadV2({ channel_id: 'C9', file: bytes, filename: 'x.png', title: 'X' });
    expect(res.ok).toBe(true);
    const done = await fake.waitFor('files.completeUploadExternal');
    expect(done.args.channel_id).toBe('C9');
    const id = (done.args.files as { id: string }[])[0]!.id;
    expect(fake.uploadedFile(id)?.equals(bytes)).toBe(true);
  });

  it('answers auth.test and users.info like Slack', async () => {
    await expect(client.auth.test()).resolves.toMatchObject({ user_id: 'UBOT', bot_id: 'BBOT' });
    await expect(client.users.info({ user: 'U1' })).resolves.toMatchObject({ user: { real_name: 'Mario Rossi' } });
    await expect(client.users.info({ user: 'U404' })).rejects.toMatchObject({ data: { error: 'user_not_found' } });
  });

  it('records what is posted to a response_url', async () => {
    await fetch(fake.responseUrl('r1'), {
      method: 'POST',
      body: JSON.stringify({ delete_original: true }),
      headers: { 'content-type': 'application/json' },
    });
    expect((await fake.waitFor('response_url')).args).toEqual({ id: 'r1', delete_original: true });
  });

  it('times out waiting for a call that never comes, listing the calls it saw', async () => {
    await expect(fake.waitFor('views.publish', () => true, 50)).rejects.toThrow(/views.publish.*chat.postMessage/);
  });
});
