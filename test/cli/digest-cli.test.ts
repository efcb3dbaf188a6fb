import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.ts';

const DIGEST = 'src/cli/digest.ts';

interface DigestOut {
  from: string;
  to: string;
  people: {
    person: string;
    items: number;
    objectives: {
      code: string;
      doc: string;
      items: { kind: string; date: string; source: { doc: string; lines: string; label: string } }[];
    }[];
  }[];
}

describe('npm run --silent digest', () => {
  let indexDir: string;
  const env = () => ({ INDEX_DIR: indexDir, PLANS_DIR: 'data/plans', TODAY: '' });
  beforeAll(() => {
    indexDir = mkdtempSync(join(tmpdir(), 'pianobot-digest-'));
  });
  afterAll(() => rmSync(indexDir, { recursive: true, force: true }));

  it('lists, per person, exactly the dated items due in the window, grouped by objective, dates as written', async () => {
    const r = await runCli(DIGEST, ['--today', '2020-05-15', '--days', '30', '--json'], env());
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as DigestOut;
    expect([out.from, out.to]).toEqual(['2020-05-15', '2020-06-14']);
    const summary = Object.fromEntries(
      out.people.map((p) => [
        p.person,
        p.objectives.map((o) => `${o.code}:${o.items.map((i) => `${i.kind}@${i.date}`).join(',')}`),
      ]),
    );
    // read off the plans: phase ends / indicator dates between 15/05/2020 and 14/06/2020 (starts do not count)
    expect(summary).toEqual({
      'Lotti Rosanna': [
        '2020-PE09:phase@31/05/2020',
        '2020-UG08:phase@31/05/2020',
        '2020-UG09:phase@31/05/2020,indicator@31/05/2020',
      ],
      'Maura Meschi': ['VI - 6:indicator@31 maggio 2020,phase@31 maggio 2020,phase@31 maggio 2020'],
      'Sardi Valentina': ['2020-PL10:phase@31/05/2020'],
      'Scura Amedeo': ['2020-PS06:phase@30/05/2020'],
    });
    const item = out.people[0]!.objectives[0]!.items[0]!;
    expect(item.source).toEqual({
      doc: '000_dd772a8f217c4819.txt',
      lines: '288-294',
      label: 'Piano degli obiettivi 2020 — Comune di Prato, righe 288–294',
    });
    expect(r.stdout).not.toMatch(/late|in ritardo|done|completat/i);
  });

  it('narrows to one person, says "in scadenza" and cites readable sources in the text output', async () => {
    const r = await runCli(DIGEST, ['--today', '2020-05-15', '--days', '30', '--person', 'Rosanna Lotti'], env());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Lotti Rosanna — 4 voci in scadenza');
    expect(r.stdout).toContain('31/05/2020 — fase: Analisi dei bisogni (in scadenza)');
    expect(r.stdout).not.toContain('Sardi');
  });

  it('takes today from TODAY when --today is not given', async () => {
    const r = await runCli(DIGEST, ['--days', '30', '--json'], { ...env(), TODAY: '2020-05-15' });
    expect((JSON.parse(r.stdout) as DigestOut).from).toBe('2020-05-15');
  });

  it('refuses a bad window or an unknown person with a clear message', async () => {
    const bad = await runCli(DIGEST, ['--days', 'zero'], env());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--days must be 1–366');
    const badDay = await runCli(DIGEST, ['--today', '2020-02-30'], env());
    expect(badDay.code).toBe(2);
    expect(badDay.stderr).toContain('--today must be a real day');
    const nobody = await runCli(DIGEST, ['--today', '2020-05-15', '--person', 'Nessuno Inesistente'], env());
    expect(nobody.code).toBe(3);
    expect(nobody.stderr).toContain('Nessuna persona dei piani corrisponde');
  });
});
