import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/create-engine.ts';
import { manualClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import type { Scheduler } from '../../src/digest/weekly-digests.ts';
import { type Harness, shownText, startHarness } from './slack-harness.ts';
import { appHomeOpened, TEAM } from './slack-payloads.ts';

/** A Home-tab button press, with the view's select state as Slack sends it. */
function homeButton(user: string, actionId: string, value: string, state: Record<string, string> = {}) {
  const values = Object.fromEntries(
    Object.entries(state).map(([id, v]) => [id, { type: 'static_select', selected_option: { value: v } }]),
  );
  return {
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), team_id: TEAM },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    container: { type: 'view', view_id: 'V1' },
    trigger_id: 'trigger-9',
    team: { id: TEAM, domain: 'fake' },
    view: { id: 'V1', type: 'home', state: { values: { digest_settings: values } } },
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'b',
        value,
        text: { type: 'plain_text', text: 'x' },
        action_ts: '1',
      },
    ],
  };
}

describe('Slack weekly deadline digest (App Home opt-in, scheduled DM)', () => {
  let h: Harness;
  let indexDir: string;
  const tasks: (() => Promise<void>)[] = [];
  const scheduler: Scheduler = {
    every(_ms, task) {
      tasks.push(task);
      return () => {};
    },
  };
  // Thursday 14 May 2020, 10:00 in Rome
  const clock = manualClock(new Date('2020-05-14T08:00:00Z'));
  const tick = async () => {
    for (const t of tasks) await t();
  };
  const dms = (user: string) => h.fake.calls('chat.postMessage').filter((c) => c.args.channel === user);

  beforeAll(async () => {
    indexDir = mkdtempSync(join(tmpdir(), 'pianobot-digest-slack-'));
    const engine = await createEngine(loadConfig({ INDEX_DIR: indexDir, PLANS_DIR: 'data/plans' }));
    h = await startHarness({ engine, clock, scheduler });
    h.fake.addUser({
      id: 'ULOTTI',
      name: 'rlotti',
      real_name: 'Rosanna Lotti',
      profile: { real_name: 'Rosanna Lotti' },
    });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    rmSync(indexDir, { recursive: true, force: true });
  });

  it('proposes the person matched from the profile ("Sei …? Conferma") and offers the digest opt-in', async () => {
    await h.sendEvent(appHomeOpened({ user: 'USARDI' }));
    const view = JSON.stringify((await h.fake.waitFor('views.publish', (c) => c.args.user_id === 'USARDI')).args.view);
    expect(view).toContain('Sei *Sardi Valentina*?');
    expect(view).toContain('person_confirm');
    expect(view).toContain('digest_subscribe');
    expect(view).toContain('2020-PL10');
  });

  it('confirming writes the name → user id table in DATA_DIR and the prompt disappears', async () => {
    const before = h.fake.calls('views.publish').length;
    await h.send({ interaction: homeButton('USARDI', 'person_confirm', 'whatever') });
    const view = await h.fake.waitFor('views.publish', () => h.fake.calls('views.publish').length > before);
    expect(JSON.stringify(view.args.view)).not.toContain('person_confirm');
    const table = JSON.parse(readFileSync(join(h.dataDir, 'people', 'slack-users.json'), 'utf8'));
    expect(table).toEqual({ 'Sardi Valentina': 'USARDI' });
  });

  it('opts in with the chosen weekday, hour and days, kept in DATA_DIR', async () => {
    const before = h.fake.calls('views.publish').length;
    await h.send({
      interaction: homeButton('USARDI', 'digest_subscribe', 'x', {
        digest_weekday: '5',
        digest_hour: '8',
        digest_days: '30',
      }),
    });
    const view = await h.fake.waitFor('views.publish', () => h.fake.calls('views.publish').length > before);
    expect(JSON.stringify(view.args.view)).toContain('ogni *venerdì* alle *8:00*');
    const subs = JSON.parse(readFileSync(join(h.dataDir, 'digest', 'subscriptions.json'), 'utf8'));
    expect(subs.USARDI).toMatchObject({ person: 'Sardi Valentina', weekday: 5, hour: 8, days: 30 });
  });

  it('sends the DM only on the chosen day from the chosen hour, once, with the items due and their sources', async () => {
    await tick(); // Thursday
    expect(dms('USARDI')).toHaveLength(0);
    clock.set(new Date('2020-05-15T05:30:00Z')); // Friday 07:30 in Rome
    await tick();
    expect(dms('USARDI')).toHaveLength(0);
    clock.set(new Date('2020-05-15T06:05:00Z')); // Friday 08:05 in Rome
    await tick();
    expect(dms('USARDI')).toHaveLength(1);
    const text = shownText(dms('USARDI')[0]!);
    expect(text).toContain('Scadenze dal 15/05/2020 al 14/06/2020');
    expect(text).toContain('2020-PL10');
    expect(text).toContain('31/05/2020');
    expect(text).toContain('in scadenza');
    expect(text).toContain('Piano degli obiettivi 2020 — Comune di Prato, righe 828–837');
    expect(text).not.toMatch(/in ritardo|completat|late|done/i);
    await tick();
    expect(dms('USARDI')).toHaveLength(1);
  });

  it('never writes to people who did not opt in, even with items due', async () => {
    expect(dms('ULOTTI')).toHaveLength(0);
    expect(dms('UROSSI')).toHaveLength(0);
    expect(h.fake.calls('chat.postMessage').every((c) => c.args.channel === 'USARDI')).toBe(true);
  });

  it('stops after "Disattiva"', async () => {
    await h.send({ interaction: homeButton('USARDI', 'digest_unsubscribe', 'off') });
    await h.fake.waitFor(
      'views.publish',
      (c) =>
        JSON.stringify(c.args.view).includes('digest_subscribe') &&
        c.args.user_id === 'USARDI' &&
        h.fake.calls('views.publish').indexOf(c) >= 3,
    );
    expect(existsSync(join(h.dataDir, 'digest', 'subscriptions.json'))).toBe(true);
    clock.set(new Date('2020-05-22T07:00:00Z')); // the next Friday, 09:00
    await tick();
    expect(dms('USARDI')).toHaveLength(1);
  });
});
