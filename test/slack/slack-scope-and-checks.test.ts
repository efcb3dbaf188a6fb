import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/create-engine.ts';
import { loadConfig } from '../../src/config.ts';
import { type Harness, shownText, startHarness } from './slack-harness.ts';
import { appMention, buttonClick, slashCommand } from './slack-payloads.ts';

/** Per-channel scope and `/piani verifica`, through signed requests to the HTTP receiver and the fake Slack API. */
describe('Slack: /piani ambito and /piani verifica', () => {
  let h: Harness;
  let dir: string;
  let n = 0;
  const command = async (text: string, channel: string) => {
    const res = await h.send({ form: slashCommand({ text, channel, responseUrl: h.fake.responseUrl(`c${++n}`) }) });
    expect(res.status).toBe(200);
    return JSON.parse(res.text) as { response_type: string; text: string; blocks?: unknown[] };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pianobot-scope-'));
    const adminFile = join(dir, 'admin-scopes.json');
    writeFileSync(adminFile, JSON.stringify({ CADMIN: 'PIAO' }));
    const engine = await createEngine(loadConfig({ INDEX_DIR: join(dir, 'index'), PLANS_DIR: 'data/plans' }));
    h = await startHarness({ engine, env: { CHANNEL_SCOPES_FILE: adminFile } });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows that a channel has no scope, then sets one for everybody to see and keeps it in DATA_DIR', async () => {
    expect((await command('ambito', 'CPRATO')).text).toContain('Nessun ambito');
    const set = await command('ambito Comune di Prato 2020', 'CPRATO');
    expect(set.response_type).toBe('in_channel');
    expect(set.text).toContain('Piano degli obiettivi 2020 — Comune di Prato');
    const saved = JSON.parse(readFileSync(join(h.dataDir, 'scope', 'channels.json'), 'utf8'));
    expect(saved.CPRATO).toMatchObject({
      docs: ['000_dd772a8f217c4819.txt'],
      request: 'Comune di Prato 2020',
      setBy: 'U1',
    });
    expect((await command('ambito', 'CPRATO')).text).toContain(
      'rispondo solo su: *Piano degli obiettivi 2020 — Comune di Prato*',
    );
  });

  it('answers in the scoped channel from those plans only, and says the scope in the footer', async () => {
    await h.sendEvent(
      appMention({ channel: 'CPRATO', ts: '1700000300.000100', text: '<@UBOT> budget del progetto 2021_PD_8735' }),
    );
    const scoped = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'CPRATO', 20_000);
    expect(shownText(scoped)).not.toContain('1.920.000,00');
    expect(shownText(scoped)).toContain('Ambito del canale: Piano degli obiettivi 2020 — Comune di Prato');

    await h.sendEvent(
      appMention({ channel: 'CFREE', ts: '1700000300.000200', text: '<@UBOT> budget del progetto 2021_PD_8735' }),
    );
    const free = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'CFREE', 20_000);
    expect(shownText(free)).toContain('1.920.000,00');
    expect(shownText(free)).not.toContain('Ambito del canale');
  });

  it('scopes /piani answers too, and "ambito tutto" clears the scope', async () => {
    await command('obiettivo 2020-PL09', 'CPRATO');
    const reply = await h.fake.waitFor('chat.postEphemeral', (c) => c.args.channel === 'CPRATO', 20_000);
    expect(shownText(reply)).toContain('2020-PL09');
    expect(shownText(reply)).toContain('Ambito del canale');
    const cleared = await command('ambito tutto', 'CPRATO');
    expect(cleared.text).toContain('rimosso');
    expect((await command('ambito', 'CPRATO')).text).toContain('Nessun ambito');
  });

  it('refuses a scope that matches no plan, listing the plans it knows, and changes nothing', async () => {
    const r = await command('ambito Comune di Atlantide', 'CPRATO');
    expect(r.response_type).toBe('ephemeral');
    expect(r.text).toContain('Nessun piano caricato corrisponde');
    expect(r.text).toContain('PEG 2021 — Comune di Reggio Emilia');
    expect((await command('ambito', 'CPRATO')).text).toContain('Nessun ambito');
  });

  it("applies the administrators' file, which a channel command can override", async () => {
    expect((await command('ambito', 'CADMIN')).text).toContain(
      'PIAO 2024–2026 — Provincia di Prato* (impostato dagli amministratori)',
    );
    await command('ambito tutto', 'CADMIN');
    expect((await command('ambito', 'CADMIN')).text).toContain('Nessun ambito');
  });

  it('/piani verifica lists the inconsistencies with readable sources, limited to the channel scope', async () => {
    const all = await command('verifica', 'CALL');
    const text = JSON.stringify(all.blocks);
    expect(text).toContain('2020-PL10');
    expect(text).toContain('Piano degli obiettivi 2019–2021 — Comune di Chiavari, riga 831');
    expect(text).toContain('checks_expand');
    await command('ambito Chiavari', 'CCHI');
    const scoped = JSON.stringify((await command('verifica', 'CCHI')).blocks);
    expect(scoped).toContain('3112/2019');
    expect(scoped).not.toContain('2020-PL10');
  });

  it('expands "… e altri N" into the whole list with the button', async () => {
    const all = await command('verifica', 'CALL');
    const shown = JSON.stringify(all.blocks);
    expect(shown).not.toContain('refers to an annex');
    await h.send({
      interaction: buttonClick({
        actionId: 'checks_expand',
        value: 'all',
        channel: 'CALL',
        responseUrl: h.fake.responseUrl('exp1'),
      }),
    });
    const expanded = await h.fake.waitFor('response_url', (c) => c.args.id === 'exp1');
    expect(expanded.args.replace_original).toBe(true);
    expect(JSON.stringify(expanded.args.blocks)).toContain('refers to an annex');
    expect(JSON.stringify(expanded.args.blocks)).not.toContain('checks_expand');
  });
});
