import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/create-engine.ts';
import { loadConfig } from '../../src/config.ts';
import { type Harness, shownText, startHarness } from './slack-harness.ts';
import { appMention, buttonClick } from './slack-payloads.ts';

describe('Slack: readable sources and "Mostra tutto"', () => {
  let h: Harness;
  let indexDir: string;
  beforeAll(async () => {
    indexDir = mkdtempSync(join(tmpdir(), 'pianobot-sources-'));
    const engine = await createEngine(loadConfig({ INDEX_DIR: indexDir, PLANS_DIR: 'data/plans' }));
    h = await startHarness({ engine });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    rmSync(indexDir, { recursive: true, force: true });
  });

  it('cites the document title, entity and lines, never the stored file name', async () => {
    await h.sendEvent(appMention({ channel: 'CS1', ts: '1700000400.000100', text: '<@UBOT> budget di 2021_PD_8735?' }));
    const reply = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'CS1', 20_000);
    expect(shownText(reply)).toContain('PEG 2021 — Comune di Reggio Emilia, righe 2293–2330');
    expect(shownText(reply)).not.toContain('002_51402a20550dfbf2');
  });

  it('cuts a long source list with "… e altri N" and a button that shows every source', async () => {
    await h.sendEvent(
      appMention({
        channel: 'CS2',
        ts: '1700000400.000200',
        text: '<@UBOT> di quali obiettivi è responsabile Valentina Sardi?',
      }),
    );
    const reply = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'CS2', 20_000);
    const blocks = JSON.stringify(reply.args.blocks);
    const more = blocks.match(/… e altri (\d+)/);
    expect(more).not.toBeNull();
    expect(blocks).not.toContain('righe 1292–1436');
    const button = (reply.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === 'answer_expand');
    expect(button).toBeDefined();
    await h.send({
      interaction: buttonClick({
        actionId: 'answer_expand',
        value: button!.value,
        channel: 'CS2',
        responseUrl: h.fake.responseUrl('expand1'),
        message: { ts: String(reply.args.ts ?? '1700000400.000300'), text: 'x' },
      }),
    });
    const full = await h.fake.waitFor('response_url', (c) => c.args.id === 'expand1');
    expect(full.args.response_type).toBe('ephemeral');
    const text = JSON.stringify(full.args.blocks);
    expect(text).toContain('righe 1292–1436');
    expect(text).toContain('2020-PL09');
  });
});
