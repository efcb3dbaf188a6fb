import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './slack-harness.ts';
import { appHomeOpened } from './slack-payloads.ts';

describe('Slack app: App Home "I miei obiettivi"', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('matches the Slack profile name to a person in the plans and shows their objectives, deadlines and indicators', async () => {
    await h.sendEvent(appHomeOpened({ user: 'USARDI' }));
    const published = await h.fake.waitFor('views.publish', (c) => c.args.user_id === 'USARDI');
    const view = JSON.stringify(published.args.view);
    expect(published.args.view).toMatchObject({ type: 'home' });
    expect(view).toContain('2020-PL09');
    expect(view).toContain('30/06/2020');
    expect(view).toContain('% attivazione servizi urgenti SAD');
    expect(h.fake.calls('users.info')[0]?.args.user).toBe('USARDI');
  });

  it('says when nobody in the plans matches and shows how to ask instead', async () => {
    await h.sendEvent(appHomeOpened({ user: 'UROSSI' }));
    const published = await h.fake.waitFor('views.publish', (c) => c.args.user_id === 'UROSSI');
    const view = JSON.stringify(published.args.view);
    expect(view).toContain('Non ho trovato *Mario Rossi*');
    expect(view).toContain('/piani');
  });

  it('ignores the Messages tab', async () => {
    await h.sendEvent(appHomeOpened({ user: 'USARDI', tab: 'messages' }));
    await h.sendEvent(appHomeOpened({ user: 'UROSSI' }));
    await h.fake.waitFor(
      'views.publish',
      (c) => c.args.user_id === 'UROSSI' && h.fake.calls('views.publish').length >= 3,
    );
    expect(h.fake.calls('views.publish').filter((c) => c.args.user_id === 'USARDI')).toHaveLength(1);
  });

  it('publishes an error view with a reference id when the profile cannot be read', async () => {
    await h.sendEvent(appHomeOpened({ user: 'UNKNOWN' }));
    const published = await h.fake.waitFor('views.publish', (c) => c.args.user_id === 'UNKNOWN');
    const ref = JSON.stringify(published.args.view).match(/ERR-[0-9A-F]{6}/)?.[0];
    expect(ref).toBeDefined();
    expect(h.logs.some((l) => l.ref === ref && l.level === 'error')).toBe(true);
  });
});
