import { describe, expect, it } from 'vitest';
import { runPlanChecks } from '../../src/checks/run-checks.ts';
import type { Objective, PlanModel, Project } from '../../src/plan/model.ts';
import { PlanStore } from '../../src/store/plan-store.ts';

const DOC = 'synthetic.txt';
const span = (a: number, b = a) => ({ doc: DOC, lineStart: a, lineEnd: b });
const fig = (text: string, value: number | null) => ({ text, value });

function objective(o: Partial<Objective> & { code: string }): Objective {
  return {
    doc: DOC,
    title: `Titolo ${o.code}`,
    owners: ['Bianchi Anna'],
    phases: [],
    indicators: [],
    span: span(1),
    ...o,
  };
}

function project(p: Partial<Project> & { code: string }): Project {
  return {
    doc: DOC,
    title: `Progetto ${p.code}`,
    cdr: '11',
    budget: null,
    budgetShare: null,
    budgetRows: [],
    budgetTotals: {},
    objectives: [],
    staff: [],
    span: span(50),
    ...p,
  };
}

function store(parts: Partial<PlanModel>): PlanStore {
  return new PlanStore({
    version: 1,
    builtAt: '2024-01-01T00:00:00Z',
    documents: [
      {
        file: DOC,
        entity: 'Comune di Esempio',
        kind: 'peg',
        title: 'PEG di prova',
        years: [2023],
        layout: 'test',
        format: 'txt',
        lineCount: 100,
        sha256: 'x',
      },
    ],
    structures: [],
    people: [],
    objectives: [],
    projects: [],
    totals: [],
    tables: [],
    warnings: [],
    ...parts,
  });
}

describe('plan checks', () => {
  it('checks weights per year sheet, so two yearly sheets of 100 are fine and a short one is not', () => {
    const o = objective({
      code: 'A-1',
      phases: [
        { year: 2023, title: 'uno', weight: fig('60,00%', 60), span: span(2) },
        { year: 2023, title: 'due', weight: fig('40,00%', 40), span: span(3) },
        { year: 2024, title: 'tre', weight: fig('70,00%', 70), span: span(4) },
        { year: 2024, title: 'quattro', weight: fig('20,00%', 20), span: span(5) },
      ],
    });
    const findings = runPlanChecks(store({ objectives: [o] })).filter((f) => f.kind === 'weights');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('(scheda 2024)');
    expect(findings[0]!.message).toContain('sommano a 90 (somma calcolata)');
    expect(findings[0]!.spans.map((s) => s.lineStart)).toEqual([4, 5]);
  });

  it('compares stated totals with their rows and the summary budget with the detail table', () => {
    const p = project({
      code: 'P-9',
      budget: fig('1.000,00', 1000),
      budgetRows: [
        { capitolo: 'Cap. 1', description: 'a', amounts: { 'Spese Correnti': fig('700,00', 700) }, span: span(51) },
        { capitolo: 'Cap. 2', description: 'b', amounts: { 'Spese Correnti': fig('200,00', 200) }, span: span(52) },
      ],
      budgetTotals: { 'Spese Correnti': fig('950,00', 950) },
    });
    const findings = runPlanChecks(store({ projects: [p] }));
    const stated = findings.find((f) => f.kind === 'stated_total');
    expect(stated?.message).toBe(
      'Progetto P-9, colonna «Spese Correnti»: il totale scritto è 950,00, la somma delle 2 righe è 900,00 (calcolata).',
    );
    const summary = findings.find((f) => f.kind === 'summary_budget');
    expect(summary?.message).toContain('budget 1.000,00 nel quadro riassuntivo');
    expect(summary?.message).toContain('Spese Correnti 950,00');
  });

  it('reports duplicate codes, unreadable dates, dates outside the years, and what is missing', () => {
    const findings = runPlanChecks(
      store({
        objectives: [
          objective({ code: 'B-2', end: { text: '31/13/2023', iso: null }, span: span(10) }),
          objective({ code: 'B 2', owners: [], span: span(20), end: { text: '30/06/2025', iso: '2025-06-30' } }),
        ],
      }),
    );
    const kinds = findings.map((f) => `${f.kind}:${f.ref}`);
    expect(kinds).toContain('duplicate_code:B-2');
    expect(kinds).toContain('unreadable_date:B-2');
    expect(kinds).toContain('date_outside_years:B 2');
    expect(kinds).toContain('missing_owner:B 2');
    expect(kinds).toContain('missing_indicators:B-2');
    expect(kinds).not.toContain('missing_dates:B 2');
  });

  it('keeps ingest warnings, except those a check already reports with its figures', () => {
    const o = objective({
      code: 'C-3',
      phases: [{ title: 'x', weight: fig('50', 50), span: span(2) }],
    });
    const findings = runPlanChecks(
      store({
        objectives: [o],
        warnings: [
          { doc: DOC, message: 'objective C-3: phase weights sum to 50, not 100' },
          { doc: DOC, message: 'the table on page 3 is unreadable' },
        ],
      }),
    );
    expect(findings.filter((f) => f.kind === 'ingest_warning').map((f) => f.message)).toEqual([
      'the table on page 3 is unreadable',
    ]);
  });
});
