/**
 * A small plan model built in the test: two invented entities (one name shared by a comune and a provincia), a few
 * objectives with phases and indicators, projects with budgets (one blank). Its own names and code shapes, so the
 * linking and query tests prove nothing depends on the sample plans.
 */
import { type PlanModel, PlanModelSchema } from '../../src/plan/model.ts';
import { PlanStore } from '../../src/store/plan-store.ts';

const span = (doc: string, line: number) => ({ doc, lineStart: line, lineEnd: line });
const fig = (text: string, value: number | null) => ({ text, value });
const date = (text: string, iso: string) => ({ text, iso });
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
const project = (
  code: string,
  title: string,
  budget: [string, number] | null,
  cdr: string,
  dirigente: string,
  staff = 0,
) => ({
  doc: 'b.txt',
  code,
  title,
  cdr,
  cdrName: cdr === '41' ? 'Ufficio Mobilità' : 'Ufficio Abitare',
  dirigente,
  budget: budget ? fig(budget[0], budget[1]) : null,
  budgetShare: null,
  budgetRows: [],
  budgetTotals: {},
  objectives: [],
  staff: Array.from({ length: staff }, (_, i) => ({
    name: `Persona ${i}`,
    relation: 'Dipendente',
    commitment: fig('10,00 %', 10),
    span: span('b.txt', 50 + i),
  })),
  span: span('b.txt', 10),
});

export const SMALL_MODEL: PlanModel = PlanModelSchema.parse({
  version: 1,
  builtAt: '2026-01-01T00:00:00.000Z',
  documents: [
    doc('a.txt', 'Comune di Lago Verde', [2022]),
    doc('b.txt', 'Comune di Monteluce', [2023]),
    doc('c.txt', 'Provincia di Lago Verde', [2024]),
  ],
  structures: [
    { doc: 'a.txt', name: 'Servizio Biblioteche', kind: 'servizio', head: 'Neri Carla', span: span('a.txt', 1) },
    { doc: 'b.txt', name: 'Ufficio Mobilità', code: '41', kind: 'cdr', head: 'Gialli Piero', span: span('b.txt', 1) },
    { doc: 'b.txt', name: 'Ufficio Abitare', code: '42', kind: 'cdr', head: 'Viola Anna', span: span('b.txt', 2) },
  ],
  people: [
    {
      key: 'carla neri',
      name: 'Neri Carla',
      spellings: ['Neri Carla'],
      titles: [],
      roles: [{ role: 'owner', doc: 'a.txt' }],
    },
    {
      key: 'bruno rosi',
      name: 'Rosi Bruno',
      spellings: ['Rosi Bruno'],
      titles: [],
      roles: [{ role: 'owner', doc: 'a.txt' }],
    },
    {
      key: 'gialli piero',
      name: 'Gialli Piero',
      spellings: ['Gialli Piero'],
      titles: [],
      roles: [{ role: 'dirigente', doc: 'b.txt' }],
    },
    {
      key: 'anna viola',
      name: 'Viola Anna',
      spellings: ['Viola Anna'],
      titles: [],
      roles: [{ role: 'dirigente', doc: 'b.txt' }],
    },
  ],
  objectives: [
    {
      doc: 'a.txt',
      code: 'LV-BI01',
      title: 'Apertura serale delle biblioteche',
      type: 'SVILUPPO',
      owners: ['Neri Carla'],
      structure: 'Servizio Biblioteche',
      multiYear: true,
      phases: [
        {
          title: 'Studio degli orari',
          start: date('01/01/2022', '2022-01-01'),
          end: date('31/03/2022', '2022-03-31'),
          weight: fig('30,00', 30),
          span: span('a.txt', 20),
        },
        {
          title: 'Apertura sperimentale',
          start: date('01/04/2022', '2022-04-01'),
          end: date('30/09/2022', '2022-09-30'),
          weight: fig('50,00', 50),
          span: span('a.txt', 21),
        },
      ],
      indicators: [
        {
          description: 'ore di apertura in più',
          target: { text: '120', value: 120, date: null },
          span: span('a.txt', 22),
        },
      ],
      span: span('a.txt', 18),
    },
    {
      doc: 'a.txt',
      code: 'LV-BI02',
      title: 'Catalogo digitale',
      type: 'INDIVIDUALE',
      owners: ['Neri Carla'],
      structure: 'Servizio Biblioteche',
      phases: [
        {
          title: 'Scansione',
          end: date('31/12/2023', '2023-12-31'),
          weight: fig('100,00', 100),
          span: span('a.txt', 31),
        },
      ],
      indicators: [],
      span: span('a.txt', 30),
    },
    {
      doc: 'a.txt',
      code: 'LV-SP03',
      title: 'Palestre scolastiche aperte',
      type: 'SVILUPPO',
      owners: ['Rosi Bruno'],
      structure: 'Servizio Sport',
      phases: [],
      indicators: [],
      span: span('a.txt', 40),
    },
  ],
  projects: [
    project('2023_PX_4101', 'Trasporto sociale', ['1.200.000,00', 1200000], '41', 'Gialli Piero', 3),
    project('2023_PX_4102', 'Centri estivi', ['350.000,50', 350000.5], '41', 'Gialli Piero', 5),
    project('2023_PX_4201', 'Sportello casa', ['0,00', 0], '42', 'Viola Anna', 1),
    project('2023_PX_4202', 'Mediazione culturale', null, '42', 'Viola Anna', 2),
  ],
  totals: [
    {
      doc: 'b.txt',
      level: 'cdr',
      label: 'Ufficio Mobilità',
      cdr: '41',
      amount: fig('1.550.000,50', 1550000.5),
      share: null,
      span: span('b.txt', 90),
    },
  ],
  tables: [],
  warnings: [],
});

export const smallStore = () => new PlanStore(SMALL_MODEL);
