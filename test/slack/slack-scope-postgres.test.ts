import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/create-engine.ts';
import { loadConfig } from '../../src/config.ts';
import { createPool, migrate, type Pool } from '../../src/store/postgres/database.ts';
import { PgChannelScopeStore } from '../../src/store/postgres/pg-channel-scopes.ts';
import { createThrowawayDatabase, describePostgres, type ThrowawayDatabase } from '../support/postgres.ts';
import { type Harness, shownText, startHarness } from './slack-harness.ts';
import { appMention, slashCommand } from './slack-payloads.ts';

/**
 * Two replicas of the Slack app (each its own DATA_DIR, its own pool) sharing one PostgreSQL, as main.ts wires them
 * when DATABASE_URL is set: a scope set with `/piani ambito` through one restricts the answers of the other.
 */
describePostgres('Slack: /piani ambito kept in PostgreSQL across replicas', () => {
  let db: ThrowawayDatabase;
  let pools: Pool[];
  let one: Harness;
  let two: Harness;
  let dir: string;
  let n = 0;
  const command = async (h: Harness, text: string, channel: string) => {
    const res = await h.send({ form: slashCommand({ text, channel, responseUrl: h.fake.responseUrl(`c${++n}`) }) });
    expect(res.status).toBe(200);
    return JSON.parse(res.text) as { response_type: string; text: string };
  };

  beforeAll(async () => {
    db = await createThrowawayDatabase();
    pools = [createPool(db.url), createPool(db.url)];
    await migrate(pools[0]!);
    dir = mkdtempSync(join(tmpdir(), 'pianobot-scope-pg-'));
    const engine = await createEngine(loadConfig({ INDEX_DIR: join(dir, 'index'), PLANS_DIR: 'data/plans' }));
    one = await startHarness({ engine, shared: { scopeStore: new PgChannelScopeStore(pools[0]!) } });
    two = await startHarness({ engine, shared: { scopeStore: new PgChannelScopeStore(pools[1]!) } });
  }, 60_000);
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await Promise.all((pools ?? []).map((p) => p.end()));
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sets the scope on one replica; the other shows it, answers within it, and writes nothing to DATA_DIR', async () => {
    expect((await command(two, 'ambito', 'CSHARED')).text).toContain('Nessun ambito');
    const set = await command(one, 'ambito Comune di Prato 2020', 'CSHARED');
    expect(set.response_type).toBe('in_channel');
    expect((await command(two, 'ambito', 'CSHARED')).text).toContain(
      'rispondo solo su: *Piano degli obiettivi 2020 — Comune di Prato*',
    );
    const { rows } = await pools[1]!.query<{ scope: { request: string; setBy: string } }>(
      "SELECT scope FROM channel_scopes WHERE channel = 'CSHARED'",
    );
    expect(rows[0]?.scope).toMatchObject({ request: 'Comune di Prato 2020', setBy: 'U1' });

    await two.sendEvent(
      appMention({ channel: 'CSHARED', ts: '1700000400.000100', text: '<@UBOT> budget del progetto 2021_PD_8735' }),
    );
    const scoped = await two.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'CSHARED', 20_000);
    expect(shownText(scoped)).not.toContain('1.920.000,00');
    expect(shownText(scoped)).toContain('Ambito del canale: Piano degli obiettivi 2020 — Comune di Prato');
    // with PostgreSQL on, the scope is not (also) in a replica's DATA_DIR file
    expect(existsSync(join(one.dataDir, 'scope', 'channels.json'))).toBe(false);
  });

  it('clears the scope on the other replica, and the first one answers on every plan again', async () => {
    expect((await command(two, 'ambito tutto', 'CSHARED')).text).toContain('rimosso');
    expect((await command(one, 'ambito', 'CSHARED')).text).toContain('Nessun ambito');
  });
});
