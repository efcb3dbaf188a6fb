/**
 * Filters on sub-records over an invented plan: phases kept by the year their dates run through or their sheet year,
 * indicators by their deadline (a target that is a date counts), staff allocations by commitment and by the relations
 * the plan's own staff tables write. Each question is checked through the query it compiles to and what that selects.
 */
import { describe, expect, it } from 'vitest';
import { computationFor } from '../../src/linking/frame-to-query.ts';
import { linkQuestion } from '../../src/linking/link-question.ts';
import { type PlanModel, PlanModelSchema } from '../../src/plan/model.ts';
import type { PlanQuery } from '../../src/query/plan-query.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import { runPlanQuery } from '../../src/tools/run-plan-query.ts';
import type { ToolContext } from '../../src/tools/tool-context.ts';

const span = (doc: string, line: number) => ({ doc, lineStart: line, lineEnd: line });
const date = (text: string, iso: string) => ({ text, iso });
const fig = (text: string, value: number) => ({ text, value });
const doc = (file: string, entity: string, years: number[]) => ({
  file,
  entity,
  kind: 'piano_obiettivi' as const,
  title: `Piano ${entity}`,
  years,
  layout: 'test',
  format: 'txt' as const,
  lineCount: 100,
  sha256: file,
});
const phase = (title: string, start: [string, string] | null, end: [string, string], line: number, year?: number) => ({
  title,
  ...(start ? { start: date(...start) } : {}),
  end: date(...end),
  ...(year ? { year } : {}),
  span: span(year ? 's.txt' : 'f.txt', line),
});
const staff = (name: string, relation: string, pct: string, value: number, line: number) => ({
  name,
  relation,
  commitment: fig(pct, value),
  span: span('g.txt', line),
});

const MODEL: PlanModel = PlanModelSchema.parse({
  version: 1,
  builtAt: '2026-01-01T00:00:00.000Z',
  documents: [
    doc('f.txt', 'Comune di Fontebella', [2024]),
    doc('s.txt', 'Comune di Serralta', [2030, 2031]),
    doc('g.txt', 'Comune di Gualdo Nuovo', [2025]),
    doc('n.txt', 'Provincia di Gualdo Nuovo', [2025, 2026]),
  ],
  structures: [
    { doc: 'f.txt', name: 'Servizio Acquedotti', kind: 'servizio', head: 'Tosi Ilaria', span: span('f.txt', 1) },
    { doc: 'g.txt', name: 'Servizio Giovani', code: '31', kind: 'cdr', head: 'Ferri Dario', span: span('g.txt', 1) },
  ],
  people: [
    {
      key: 'ilaria tosi',
      name: 'Tosi Ilaria',
      spellings: ['Tosi Ilaria'],
      titles: [],
      roles: [{ role: 'owner', doc: 'f.txt' }],
    },
    {
      key: 'dario ferri',
      name: 'Ferri Dario',
      spellings: ['Ferri Dario'],
      titles: [],
      roles: [{ role: 'dirigente', doc: 'g.txt' }],
    },
    {
      key: 'nadia orsi',
      name: 'Orsi Nadia',
      spellings: ['Orsi Nadia'],
      titles: [],
      roles: [{ role: 'staff', doc: 'g.txt' }],
    },
  ],
  objectives: [
    {
      doc: 'f.txt',
      code: 'FB-AQ1',
      title: 'Rinnovo della rete idrica',
      owners: ['Tosi Ilaria'],
      structure: 'Servizio Acquedotti',
      phases: [
        phase('Rilievo delle condotte', ['01/02/2024', '2024-02-01'], ['30/04/2024', '2024-04-30'], 10),
        phase('Gara per i lavori', ['01/11/2024', '2024-11-01'], ['28/02/2025', '2025-02-28'], 11),
        phase('Posa delle tubature', ['01/03/2026', '2026-03-01'], ['31/10/2026', '2026-10-31'], 12),
      ],
      indicators: [
        {
          code: 'K_AQ1_1',
          description: 'Approvazione del progetto',
          target: { text: '30/06/2024', value: null, date: '2024-06-30' },
          span: span('f.txt', 13),
        },
        {
          code: 'K_AQ1_2',
          description: 'Collaudo della rete',
          target: { text: '31/12/2026', value: null, date: '2026-12-31' },
          span: span('f.txt', 14),
        },
        {
          code: 'K_AQ1_3',
          description: 'Chilometri rinnovati',
          target: { text: '12', value: 12, date: null },
          span: span('f.txt', 15),
        },
      ],
      span: span('f.txt', 9),
    },
    {
      doc: 's.txt',
      code: 'SR - 1',
      title: 'Orti urbani condivisi',
      owners: ['Bassi Elio'],
      years: [2030, 2031],
      phases: [
        phase('Censimento delle aree', null, ['30 giugno 2030', '2030-06-30'], 20, 2030),
        phase('Assegnazione dei lotti', null, ['31 marzo 2031', '2031-03-31'], 21, 2031),
      ],
      indicators: [
        {
          n: 1,
          year: 2030,
          description: 'Aree censite',
          target: { text: '8', value: 8, date: null },
          targetDate: date('31 dicembre 2031', '2031-12-31'),
          span: span('s.txt', 22),
        },
        {
          n: 1,
          year: 2031,
          description: 'Lotti assegnati',
          target: { text: '40', value: 40, date: null },
          targetDate: date('31 dicembre 2031', '2031-12-31'),
          span: span('s.txt', 23),
        },
      ],
      span: span('s.txt', 19),
    },
    {
      doc: 'n.txt',
      code: '07.01',
      title: 'Strade provinciali sicure',
      owners: ['Viabilità'],
      phases: [],
      indicators: [],
      span: span('n.txt', 5),
    },
  ],
  projects: [
    {
      doc: 'g.txt',
      code: 'GN_P_3101',
      title: 'Centri di aggregazione',
      cdr: '31',
      cdrName: 'Servizio Giovani',
      dirigente: 'Ferri Dario',
      budget: fig('80.000,00', 80000),
      budgetShare: null,
      budgetRows: [],
      budgetTotals: {},
      objectives: [],
      staff: [
        staff('Ferri Dario', 'Dirigente', '3,00 %', 3, 30),
        staff('Orsi Nadia', 'Posizione Organizzativa', '40,00 %', 40, 31),
        staff('Lodi Marta', 'Dipendente a tempo pieno', '100,00 %', 100, 32),
        staff('Sala Piero', 'Collaborazione esterna', '15,00 %', 15, 33),
      ],
      span: span('g.txt', 29),
    },
    {
      doc: 'g.txt',
      code: 'GN_P_3102',
      title: 'Consulta dei ragazzi',
      cdr: '31',
      cdrName: 'Servizio Giovani',
      dirigente: 'Ferri Dario',
      budget: null,
      budgetShare: null,
      budgetRows: [],
      budgetTotals: {},
      objectives: [],
      staff: [
        staff('Ferri Dario', 'Dirigente', '0,50 %', 0.5, 40),
        staff('Orsi Nadia', 'Posizione Organizzativa', '8,00 %', 8, 41),
      ],
      span: span('g.txt', 39),
    },
  ],
  totals: [],
  tables: [],
  warnings: [],
});

const store = new PlanStore(MODEL);
const ctx: ToolContext = { store, search: null, allowedDocs: null, includeInternal: true };
const frame = (q: string) => linkQuestion(q, store);
/** the query the question compiles to, run: each record as "key title" */
const selected = (q: string): string[] => {
  const c = computationFor(frame(q), store);
  if (!c || !('query' in c)) throw new Error(`no query for "${q}"`);
  const result = runPlanQuery(ctx, c.query as PlanQuery);
  if (!result.ok) throw new Error(result.error);
  return result.records.map((r) => `${r.key} ${r.title}`);
};

describe('phases kept by a year', () => {
  it('keeps the phases whose dates run through the year, beyond the plan’s own year', () => {
    const got = selected('le attività di FB-AQ1 in programma nel 2025');
    expect(got).toEqual(['FB-AQ1 Gara per i lavori']);
  });

  it('reads a year no plan of the entity covers against the phases’ dates', () => {
    expect(selected('Fontebella ha fasi nel 2026?')).toEqual(['FB-AQ1 Posa delle tubature']);
  });

  it('keeps only the sheet of the year where the plan has one per year', () => {
    expect(selected('fasi 2031 di SR - 1')).toEqual(['SR - 1 Assegnazione dei lotti']);
    expect(selected('indicatori di SR - 1 per il 2030')).toEqual(['SR - 1 Aree censite']);
  });

  it('reads a month beside the one year named as of that year in a plan of several years', () => {
    const f = frame('le fasi 2030 di SR - 1 che terminano prima di luglio');
    expect(f.dates).toContainEqual({ iso: '2030-07-01', op: 'lt' });
    expect(selected('le fasi 2030 di SR - 1 che terminano prima di luglio')).toEqual(['SR - 1 Censimento delle aree']);
  });
});

describe('indicators by their deadline', () => {
  it('reads a target written as a date as the deadline', () => {
    expect(selected('indicatori di FB-AQ1 che scadono entro il 2024')).toEqual(['K_AQ1_1 Approvazione del progetto']);
    expect(selected('indicators of FB-AQ1 due after June 2024')).toEqual(['K_AQ1_2 Collaudo della rete']);
  });
});

describe('staff allocations by commitment and relation', () => {
  it('reads a percentage as a share, never money', () => {
    const f = frame('chi è impegnato oltre il 20% su GN_P_3101?');
    expect(f.amountPercent).toEqual([true]);
    expect(selected('chi è impegnato oltre il 20% su GN_P_3101?')).toEqual([
      'GN_P_3101 Orsi Nadia',
      'GN_P_3101 Lodi Marta',
    ]);
  });

  it('marks both ends of a range written with one percent sign', () => {
    const f = frame('which people are committed between 10 and 50 percent to GN_P_3101?');
    expect(f.amountPercent).toEqual([true]);
    expect(selected('which people are committed between 10 and 50 percent to GN_P_3101?')).toEqual([
      'GN_P_3101 Orsi Nadia',
      'GN_P_3101 Sala Piero',
    ]);
  });

  it('names relations from the plan’s own staff tables', () => {
    expect(frame('le posizioni organizzative del cdr 31').staffRelations).toEqual([
      { relation: 'Posizione Organizzativa', words: 2 },
    ]);
    expect(selected('collaborazioni esterne sul progetto GN_P_3101')).toEqual(['GN_P_3101 Sala Piero']);
  });

  it('follows one person allocated to several projects', () => {
    expect(selected('progetti in cui Orsi Nadia supera il 10%')).toEqual(['GN_P_3101 Orsi Nadia']);
  });

  it('combines a centre, a relation and a bound', () => {
    expect(selected('su quali progetti del cdr 31 il dirigente è impegnato sotto l’1%?')).toEqual([
      'GN_P_3102 Ferri Dario',
    ]);
  });

  it('reads a relation word asked of a project with no staff word as who directs it, not its staff table', () => {
    const c = computationFor(frame('da quale dirigente è seguito il progetto GN_P_3101?'), store);
    expect(c && 'query' in c ? (c.query as PlanQuery).target : null).not.toBe('staff_allocation');
    expect(selected('dipendenti a tempo pieno del progetto GN_P_3101')).toEqual(['GN_P_3101 Lodi Marta']);
  });

  it('keeps a percentage beside a budget word a share of resources, not a commitment', () => {
    const c = computationFor(frame('progetti con budget sopra 50.000 e più del 10% di personale'), store);
    expect(c && 'query' in c ? (c.query as PlanQuery).target : null).not.toBe('staff_allocation');
  });
});
