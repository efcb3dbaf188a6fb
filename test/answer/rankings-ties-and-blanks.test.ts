/**
 * Rankings over an invented plan: records tied at the top of a plural superlative, blank figures said apart (never
 * ranked as zero), an indicator ranked by its value, a level of the budget tree ranked by its stated totals, projects
 * ranked by the income side of their budget table. Frames, computations and the routed answer, in both languages.
 */
import { describe, expect, it } from 'vitest';
import { routeQuestion } from '../../src/answer/router.ts';
import { computationFor } from '../../src/linking/frame-to-query.ts';
import { linkQuestion } from '../../src/linking/link-question.ts';
import { type PlanModel, PlanModelSchema } from '../../src/plan/model.ts';
import { PlanStore } from '../../src/store/plan-store.ts';

const span = (doc: string, line: number) => ({ doc, lineStart: line, lineEnd: line });
const fig = (text: string, value: number | null) => ({ text, value });
const docOf = (file: string, entity: string, year: number) => ({
  file,
  entity,
  kind: 'piano_obiettivi' as const,
  title: `Piano ${entity}`,
  years: [year],
  layout: 'test',
  format: 'txt' as const,
  lineCount: 200,
  sha256: file,
});
const phase = (title: string, weight: string, value: number, line: number) => ({
  title,
  weight: fig(weight, value),
  span: span('m.txt', line),
});
const project = (
  code: string,
  title: string,
  budget: [string, number] | null,
  azione: string,
  income: [string, number] | null,
  line: number,
) => ({
  doc: 'r.txt',
  code,
  title,
  cdr: '12',
  cdrName: 'Servizio Giardini',
  dirigente: 'Bruni Elsa',
  strategic: { azione },
  budget: budget ? fig(...budget) : null,
  budgetShare: null,
  budgetRows: [],
  budgetTotals: income ? { 'Entrate Correnti': fig(...income) } : {},
  objectives: [],
  staff: [],
  span: span('r.txt', line),
});
const total = (label: string, amount: [string, number] | null, line: number) => ({
  doc: 'r.txt',
  level: 'azione' as const,
  label,
  cdr: '12',
  amount: amount ? fig(...amount) : null,
  share: null,
  span: span('r.txt', line),
});

const MODEL: PlanModel = PlanModelSchema.parse({
  version: 1,
  builtAt: '2026-01-01T00:00:00.000Z',
  documents: [docOf('m.txt', 'Comune di Valfiorita', 2025), docOf('r.txt', 'Comune di Rocca Alta', 2026)],
  structures: [
    { doc: 'm.txt', name: 'Servizio Musei', kind: 'servizio', head: 'Ferri Ada', span: span('m.txt', 1) },
    { doc: 'r.txt', name: 'Servizio Giardini', code: '12', kind: 'cdr', head: 'Bruni Elsa', span: span('r.txt', 1) },
  ],
  people: [
    {
      key: 'ferri ada',
      name: 'Ferri Ada',
      spellings: ['Ferri Ada'],
      titles: [],
      roles: [{ role: 'owner', doc: 'm.txt' }],
    },
    {
      key: 'bruni elsa',
      name: 'Bruni Elsa',
      spellings: ['Bruni Elsa'],
      titles: [],
      roles: [{ role: 'dirigente', doc: 'r.txt' }],
    },
  ],
  objectives: [
    {
      doc: 'm.txt',
      code: 'MU-07',
      title: 'Riallestimento della sala dei mosaici',
      owners: ['Ferri Ada'],
      structure: 'Servizio Musei',
      phases: [
        phase('Rilievo delle vetrine', '40,00', 40, 11),
        phase('Restauro dei pannelli', '40,00', 40, 12),
        phase('Inaugurazione', '20,00', 20, 13),
      ],
      indicators: [
        {
          description: 'visitatori della sala',
          target: { text: '3.000', value: 3000, date: null },
          span: span('m.txt', 14),
        },
        { description: 'schede catalogate', target: { text: '45', value: 45, date: null }, span: span('m.txt', 15) },
      ],
      span: span('m.txt', 10),
    },
  ],
  projects: [
    project('26_GI_01', 'Potature dei viali', ['90.000,00', 90000], 'Verde urbano', ['12.000,00', 12000], 20),
    project('26_GI_02', 'Orti sociali', ['35.500,00', 35500], 'Verde urbano', ['40.250,00', 40250], 30),
    project('26_GI_03', 'Irrigazione dei parchi', ['150.000,00', 150000], 'Acque', null, 40),
    project('26_GI_04', 'Censimento degli alberi', null, 'Verde urbano', null, 50),
    {
      ...project('26_GI_05', 'Fontane storiche', null, 'Acque', null, 70),
      budgetTotals: { 'Entrate Correnti': fig('9.000,00', 9000), 'Spese Correnti': fig('7.500,00', 7500) },
      staff: [
        { name: 'Bruni Elsa', relation: 'Dirigente', commitment: fig('5,00 %', 5), span: span('r.txt', 75) },
        { name: 'Conti Ugo', relation: 'Dipendente', commitment: fig('80,00 %', 80), span: span('r.txt', 76) },
      ],
      budgetRows: [
        {
          capitolo: 'Cap. 101',
          description: 'CONTRIBUTO FONDAZIONE',
          amounts: { 'Entrate Correnti': fig('9.000,00', 9000) },
          span: span('r.txt', 71),
        },
        {
          capitolo: 'Cap. 202',
          description: 'MANUTENZIONE VASCHE',
          amounts: { 'Spese Correnti': fig('5.000,00', 5000) },
          span: span('r.txt', 72),
        },
        {
          capitolo: 'Cap. 203',
          description: 'ENERGIA POMPE',
          amounts: { 'Spese Correnti': fig('2.500,00', 2500) },
          span: span('r.txt', 73),
        },
      ],
    },
  ],
  totals: [
    total('Verde urbano', ['125.500,00', 125500], 60),
    total('Acque', ['150.000,00', 150000], 61),
    total('Formazione', null, 62),
  ],
  tables: [],
  warnings: [],
});

const store = new PlanStore(MODEL);
const frame = (q: string) => linkQuestion(q, store);
const computed = (q: string) => computationFor(frame(q), store);
const ask = (q: string) => routeQuestion({ store, search: null, allowedDocs: null, includeInternal: true }, q);

describe('a plural superlative with no number', () => {
  it('is marked plural; a number given is not', () => {
    expect(frame('le fasi più pesanti di MU-07').superlative).toMatchObject({ dir: 'max', plural: true });
    expect(frame('le 2 fasi più pesanti di MU-07').superlative).toEqual({ dir: 'max', k: 2 });
    expect(computed('le fasi più pesanti di MU-07')).toMatchObject({ kind: 'top', topTies: true });
  });

  it('answers the records tied at the top, said to be a tie, and nothing below them', async () => {
    const a = await ask('quali sono le fasi di MU-07 che pesano di più?');
    expect(a.answer).toContain('Rilievo delle vetrine');
    expect(a.answer).toContain('Restauro dei pannelli');
    expect(a.answer).toMatch(/pari merito/i);
    expect(a.answer).not.toContain('Inaugurazione');
  });
});

describe('records whose figure is blank', () => {
  it('are said apart after the ranking, by code, never ranked as zero', async () => {
    const a = await ask('il progetto meno costoso del servizio giardini');
    expect(a.answer).toContain('26_GI_02');
    expect(a.answer).toContain('35.500,00');
    expect(a.answer).toMatch(/non in classifica: 2 progetti/i);
    expect(a.answer).toContain('26_GI_04, 26_GI_05');
  });

  it('are said apart in English too', async () => {
    const a = await ask('which gardens project costs the most?');
    expect(a.answer).toContain('26_GI_03');
    expect(a.answer).toMatch(/not ranked: 2 projects/i);
  });
});

describe('an indicator ranked by its value', () => {
  it('"col valore più basso" ranks by the expected value', () => {
    expect(computed("l'indicatore di MU-07 col valore più basso")).toMatchObject({ field: 'target', dir: 'asc' });
  });

  it('with no figure named, where the plan weighs no indicator, by its expected value', async () => {
    const a = await ask("qual è l'indicatore più alto dell'obiettivo MU-07?");
    expect(a.answer).toContain('visitatori della sala');
    expect(a.answer).toContain('3.000');
  });
});

describe('a level of the budget tree ranked by its stated totals', () => {
  it('"quale azione ha il budget più alto" ranks the stated totals, the blank one said apart', async () => {
    expect(computed('quale azione ha lo stanziamento maggiore a Rocca Alta?')).toMatchObject({
      kind: 'stated_named',
      ranked: { dir: 'desc', k: 1 },
    });
    const a = await ask('quale azione ha lo stanziamento maggiore a Rocca Alta?');
    expect(a.answer).toContain('Acque');
    expect(a.answer).toContain('150.000,00');
    expect(a.answer).not.toContain('125.500,00');
    expect(a.answer).toMatch(/non in classifica.*Formazione/i);
  });

  it('a label named is a scope, not the thing ranked', () => {
    expect(computed("il progetto più caro dell'azione Verde urbano")).toMatchObject({ kind: 'top', field: 'budget' });
  });

  it('"the 2 actions with the smallest budget" keeps its k', () => {
    expect(computed('the 2 actions with the smallest budget in Rocca Alta')).toMatchObject({
      ranked: { dir: 'asc', k: 2 },
    });
  });
});

describe('projects ranked by the income of their budget table', () => {
  it('"le entrate più alte" ranks by the stated income total', async () => {
    expect(computed('quale progetto ha le entrate più alte?')).toMatchObject({ kind: 'top', field: 'revenue' });
    const a = await ask('quale progetto ha le entrate più alte?');
    expect(a.answer).toContain('26_GI_02');
    expect(a.answer).toContain('40.250,00');
    expect(a.answer).not.toContain('26_GI_03 —');
  });

  it('an income bound filters on it', () => {
    expect(computed('projects with revenue above 20.000')).toMatchObject({
      kind: 'list',
      query: { filters: [{ field: 'revenue', op: 'gt', value: 20000 }] },
    });
  });
});

describe("one project's budget rows ranked", () => {
  it('the largest row of the side named, not the largest of the table', async () => {
    const a = await ask('il capitolo di spesa più alto del progetto 26_GI_05');
    expect(a.answer).toContain('MANUTENZIONE VASCHE');
    expect(a.answer).toContain('5.000,00');
    expect(a.answer).not.toContain('CONTRIBUTO FONDAZIONE');
  });

  it('with no side named, every column is ranked', async () => {
    const a = await ask('the largest budget line of 26_GI_05');
    expect(a.answer).toContain('CONTRIBUTO FONDAZIONE');
    expect(a.answer).toContain('9.000,00');
  });
});

describe("a centre's staff allocations ranked", () => {
  it('"chi ha l\'impegno più alto nel cdr" ranks every allocation of its projects, the project said beside', async () => {
    expect(computed("chi ha l'impegno più alto nel cdr 12?")).toMatchObject({
      kind: 'top',
      query: {
        target: 'staff_allocation',
        filters: expect.arrayContaining([{ field: 'cdr', op: 'in', values: ['12'] }]),
      },
    });
    const a = await ask("chi ha l'impegno più alto nel cdr 12?");
    expect(a.answer).toContain('Conti Ugo (26_GI_05)');
    expect(a.answer).toContain('80,00 %');
    expect(a.answer).not.toContain('Bruni Elsa');
  });
});

describe('the whole order, and both ends', () => {
  it('"dal più costoso al meno costoso" asks for every record in order, not a plural top five', () => {
    const s = frame('i progetti di Rocca Alta dal più costoso al meno costoso').superlative;
    expect(s?.k).toBeGreaterThan(5);
    expect(s?.plural).toBeUndefined();
  });

  it('"minimo e massimo" says the records with a blank figure once, after both ends', async () => {
    const a = await ask('budget minimo e massimo dei progetti di Rocca Alta');
    expect(a.answer).toContain('35.500,00');
    expect(a.answer).toContain('150.000,00');
    expect(a.answer.match(/non in classifica/gi)).toHaveLength(1);
  });
});

describe('a ranking inside a code no plan holds', () => {
  it('is no ranking of every record: the unknown code is said', async () => {
    expect(computed("l'indicatore più alto del 26_GI_99")).toBeNull();
    const a = await ask("l'indicatore più alto del 26_GI_99");
    expect(a.found).toBe(false);
    expect(a.answer).toContain('26_GI_99');
    expect(a.answer).not.toContain('visitatori della sala');
  });
});

describe('a place in a ranking by a count', () => {
  it.each([
    ["l'obiettivo secondo per numero di fasi a Valfiorita", 'phases'],
    ['the second project by number of staff in Rocca Alta', 'staff'],
  ])('"%s" ranks by the count after the count marker', (q, field) => {
    expect(computed(q)).toMatchObject({ kind: 'top', field });
  });
});
