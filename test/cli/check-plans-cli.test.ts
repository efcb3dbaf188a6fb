import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.ts';

interface Out {
  summary: { total: number; errors: number; warnings: number; gaps: number };
  findings: {
    kind: string;
    severity: string;
    doc: string;
    ref?: string;
    message: string;
    lines: string[];
    source: string;
  }[];
}

const PRATO = '000_dd772a8f217c4819.txt';
const CHIAVARI = '004_57a0b84c466d2a35.txt';

describe('npm run --silent check-plans -- --json', () => {
  let indexDir: string;
  let out: Out;
  beforeAll(async () => {
    indexDir = mkdtempSync(join(tmpdir(), 'pianobot-checks-'));
    const r = await runCli('src/cli/check-plans.ts', ['--json'], { INDEX_DIR: indexDir, PLANS_DIR: 'data/plans' });
    expect(r.code).toBe(0);
    out = JSON.parse(r.stdout) as Out;
  }, 120_000);
  afterAll(() => rmSync(indexDir, { recursive: true, force: true }));

  it('reports exactly the sample plans’ real errors, each with its lines, and the lines say what the finding says', () => {
    const errors = out.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => `${f.kind}:${f.doc}:${f.ref}`)).toEqual([
      `weights:${PRATO}:2020-PL10`,
      `weights:${PRATO}:2020-PL11`,
      `unreadable_date:${CHIAVARI}:VI - 6`,
    ]);
    const text = readFileSync(join('data/plans', PRATO), 'utf8').split('\n');
    const pl10 = errors[0]!;
    const weights = pl10.lines.map((l) => {
      const [a, b] = l.split('-').map(Number);
      const rows = text.slice(a! - 1, b ?? a).join('\n');
      return Number(rows.match(/\d{2}\/\d{2}\/\d{4} \d{2}\/\d{2}\/\d{4} (\d+),00/)?.[1]);
    });
    expect(weights.reduce((s, w) => s + w, 0)).toBe(90);
    const chiavari = readFileSync(join('data/plans', CHIAVARI), 'utf8').split('\n');
    expect(chiavari[Number(errors[2]!.lines[0]) - 1]).toContain('3112/2019');
  });

  it('checks the per-year sheets of the Chiavari plan per year: no weight finding there', () => {
    expect(out.findings.some((f) => f.doc === CHIAVARI && f.kind === 'weights')).toBe(false);
  });

  it('flags a non multi-year objective ending after the plan year, and keeps the ingest warnings', () => {
    const serravalle = out.findings.find((f) => f.kind === 'date_outside_years' && f.ref === '4');
    expect(serravalle?.message).toContain('31/03/19');
    expect(serravalle?.source).toBe('PEG 2018 — Comune di Serravalle Pistoiese, righe 172–182');
    expect(out.findings.some((f) => f.kind === 'ingest_warning' && f.message.includes('refers to an annex'))).toBe(
      true,
    );
    // the unreadable date is reported once, by the check, not again as the ingest warning
    expect(out.findings.filter((f) => f.message.includes('3112/2019'))).toHaveLength(1);
  });

  it('counts what each plan leaves out', () => {
    expect(out.summary).toMatchObject({ errors: 3 });
    const piaoGaps = out.findings.filter((f) => f.doc.startsWith('003_') && f.kind === 'missing_indicators');
    expect(piaoGaps).toHaveLength(34);
    expect(out.findings.some((f) => f.kind === 'missing_owner')).toBe(false);
  });
});
