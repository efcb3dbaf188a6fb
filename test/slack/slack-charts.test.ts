import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/create-engine.ts';
import { loadConfig } from '../../src/config.ts';
import { type Harness, startHarness } from './slack-harness.ts';
import { appMention, slashCommand } from './slack-payloads.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The PNG's width and height, from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('Slack charts: PNG uploaded through the Web API (files.uploadV2)', () => {
  let h: Harness;
  let indexDir: string;
  beforeAll(async () => {
    indexDir = mkdtempSync(join(tmpdir(), 'pianobot-charts-slack-'));
    const engine = await createEngine(loadConfig({ INDEX_DIR: indexDir, PLANS_DIR: 'data/plans' }));
    h = await startHarness({ engine });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    rmSync(indexDir, { recursive: true, force: true });
  });

  it('/piani grafico <progetto> uploads the budget by capitolo as a PNG with its text alternative and source', async () => {
    const res = await h.send({
      form: slashCommand({ text: 'grafico 2021_PD_8735', channel: 'CG1', responseUrl: h.fake.responseUrl('g1') }),
    });
    expect(JSON.parse(res.text).text).toContain('Disegno il grafico');
    const url = await h.fake.waitFor('files.getUploadURLExternal', () => true, 20_000);
    expect(String(url.args.alt_text)).toMatch(/^Grafico a barre: Budget per capitolo — progetto 2021_PD_8735\./);
    expect(String(url.args.alt_text)).toContain('1.800.000,00');
    const done = await h.fake.waitFor('files.completeUploadExternal', () => true, 20_000);
    expect(done.args.channel_id).toBe('CG1');
    expect(String(done.args.initial_comment)).toContain('Fonte: PEG 2021 — Comune di Reggio Emilia, righe 2293–2330');
    expect(String(done.args.initial_comment)).toContain('richiesto da <@U1>');
    const fileId = (done.args.files as { id: string }[])[0]!.id;
    const png = h.fake.uploadedFile(fileId)!;
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(png).width).toBeGreaterThan(600);
  });

  it("follows an answer about an objective's phases with its timeline, in the same thread", async () => {
    await h.sendEvent(
      appMention({ channel: 'CG2', ts: '1700000500.000100', text: "<@UBOT> fasi dell'obiettivo 2020-PL10" }),
    );
    await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'CG2', 20_000);
    const done = await h.fake.waitFor('files.completeUploadExternal', (c) => c.args.channel_id === 'CG2', 20_000);
    expect(done.args.thread_ts).toBe('1700000500.000100');
    expect(String(done.args.initial_comment)).toContain("Fasi dell'obiettivo 2020-PL10");
  });

  it('says why when there is nothing to draw, without uploading anything', async () => {
    const before = h.fake.calls('files.getUploadURLExternal').length;
    await h.send({
      form: slashCommand({ text: 'grafico parole a caso', channel: 'CG3', responseUrl: h.fake.responseUrl('g3') }),
    });
    const note = await h.fake.waitFor('chat.postEphemeral', (c) => c.args.channel === 'CG3', 20_000);
    expect(String(note.args.text)).toContain('Nessun grafico per «parole a caso»');
    expect(h.fake.calls('files.getUploadURLExternal')).toHaveLength(before);
  });
});
