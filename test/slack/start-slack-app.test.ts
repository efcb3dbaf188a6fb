import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { PianobotError } from '../../src/errors.ts';
import { FeedbackStore } from '../../src/feedback/feedback-store.ts';
import { silentLogger } from '../../src/logger.ts';
import { normalizeApiUrl, requireSlackSettings, startSlackApp } from '../../src/slack/start-slack-app.ts';
import { FakeEngine } from '../fakes/fake-engine.ts';
import { FakeSlackApi } from '../fakes/fake-slack-api.ts';
import { type Harness, startHarness } from './slack-harness.ts';

const feedback = new FeedbackStore('/nonexistent/never-written.jsonl');

async function startWith(env: Record<string, string>) {
  return startSlackApp({
    config: loadConfig({ PORT: '0', ...env }),
    engine: new FakeEngine(),
    feedback,
    log: silentLogger,
  });
}

describe('startSlackApp', () => {
  let fake: FakeSlackApi;
  beforeAll(async () => {
    fake = await FakeSlackApi.start();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('refuses to start without a bot token, saying which variable is missing', async () => {
    await expect(startWith({})).rejects.toThrow(/SLACK_BOT_TOKEN/);
    await expect(startWith({})).rejects.toBeInstanceOf(PianobotError);
  });

  it('says Slack refused the bot token when auth.test fails', async () => {
    fake.failNext('auth.test', 'invalid_auth');
    await expect(
      startWith({ SLACK_BOT_TOKEN: 'xoxb-wrong', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: fake.url }),
    ).rejects.toThrow('Slack refused SLACK_BOT_TOKEN (auth.test: invalid_auth)');
  });

  it('says it cannot reach Slack when SLACK_API_URL points nowhere', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(
      startWith({
        SLACK_BOT_TOKEN: 'xoxb-t',
        SLACK_SIGNING_SECRET: 's',
        SLACK_API_URL: `http://127.0.0.1:${port}/api`,
      }),
    ).rejects.toThrow(/could not reach the Slack Web API/);
  });

  it('requires the setting of the chosen mode', () => {
    expect(() =>
      requireSlackSettings({
        botToken: 'xoxb-t',
        mode: 'http',
        appToken: undefined,
        signingSecret: undefined,
        apiUrl: undefined,
      }),
    ).toThrow(/SLACK_SIGNING_SECRET/);
    expect(() =>
      requireSlackSettings({
        botToken: 'xoxb-t',
        mode: 'socket',
        appToken: undefined,
        signingSecret: 's',
        apiUrl: undefined,
      }),
    ).toThrow(/SLACK_APP_TOKEN/);
  });
});

describe('normalizeApiUrl', () => {
  it.each([
    ['http://127.0.0.1:4000/api', 'http://127.0.0.1:4000/api/'],
    ['https://slack-gov.com/api/', 'https://slack-gov.com/api/'],
    [undefined, undefined],
  ])('%s → %s', (input, expected) => {
    expect(normalizeApiUrl(input)).toBe(expected);
  });

  it('rejects what is not an http(s) URL', () => {
    expect(() => normalizeApiUrl('slack.com/api')).toThrow(/SLACK_API_URL is not a URL/);
    expect(() => normalizeApiUrl('ftp://slack.com/api')).toThrow(/http/);
  });
});

describe('Slack app in HTTP mode', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('listens on an ephemeral port when PORT is 0 and reports it', () => {
    expect(h.slack.port).toBeGreaterThan(0);
  });

  it('answers Slack URL verification on /slack/events', async () => {
    const res = await h.send({ json: { type: 'url_verification', challenge: 'abc123', token: 't' } });
    expect(res.status).toBe(200);
    expect(res.text).toContain('abc123');
  });

  it('serves a health check with the index counts', async () => {
    const res = await fetch(h.eventsUrl.replace('/slack/events', '/healthz'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, documents: 5 });
  });

  it('stops listening when stopped', async () => {
    const other = await startHarness();
    const url = other.eventsUrl;
    await other.close();
    await expect(fetch(url, { method: 'POST', body: '{}' })).rejects.toThrow();
  });
});
