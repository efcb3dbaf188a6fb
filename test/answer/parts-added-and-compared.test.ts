/**
 * Parts named loosely and added up or set against each other: cells of one data table named part by part, the two
 * sides of a budget table compared in words other than "differenza", and the linking that lets such parts name their
 * records (a word written as a name, another form of a word the plans write). Invented tables and plans, own wording.
 */
import { describe, expect, it } from 'vitest';
import { sidesDifference } from '../../src/answer/budget-sides.ts';
import { routeQuestion } from '../../src/answer/router.ts';
import { combineCells, namedTableCells } from '../../src/answer/table-cells.ts';
import { stem } from '../../src/answer/text-match.ts';
import { linkQuestion } from '../../src/linking/link-question.ts';
import { partsNamingNothing } from '../../src/linking/unnamed-parts.ts';
import { type DataTable, PlanModelSchema } from '../../src/plan/model.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import type { ToolContext } from '../../src/tools/tool-context.ts';
import { SMALL_MODEL, smallStore } from '../query/small-plan.ts';

const span = { doc: 'c.txt', lineStart: 1, lineEnd: 4 };
const staff: DataTable = {
  doc: 'c.txt',
  title: 'Dipendenti in servizio al 31.12.2031',
  header: ['', 'Dirigente', 'Cat. D', 'Cat. C', 'Cat. B', 'Tot.'],
  rows: [
    { label: 'Uomo', cells: ['1', '6', '4', '3', '14'] },
    { label: 'Donna', cells: ['', '15 di cui 2 a T.D', '7', '', '22'] },
    { label: 'Tot.', cells: ['1', '21', '11', '3', '36'] },
  ],
  span,
};
const remote: DataTable = {
  doc: 'c.txt',
  title: 'Lavoro agile',
  header: ['', 'AGILE PARZIALE', 'AGILE TOTALE', 'Tot.'],
  rows: [
    { label: 'Uomo', cells: ['5', '2', '7'] },
    { label: 'Donna', cells: ['12', '1', '13'] },
    { label: 'Tot.', cells: ['17', '3', '20'] },
  ],
  span,
};
const tables = [staff, remote];

describe('cells of one table named part by part', () => {
  it('two columns with no row named are both of the total row', () => {
    const found = namedTableCells(tables, 'Cat. D e Cat. C sommate, quante persone?');
    expect(found?.cells.map((c) => c.text)).toEqual(['21', '11']);
    expect(combineCells(found!.cells, false).value).toBe('32');
  });

  it('a dimension one part names and the other leaves out is shared', () => {
    const found = namedTableCells(tables, 'uomini di Cat. D contro donne: di quanto?');
    expect(found?.cells.map((c) => [c.row, c.column, c.value])).toEqual([
      ['Uomo', 'Cat. D', 6],
      ['Donna', 'Cat. D', 15],
    ]);
    const diff = combineCells(found!.cells, true);
    expect(diff.value).toBe('9');
    expect(diff.higher?.row).toBe('Donna');
  });

  it("the table's own words tell two tables with the same rows apart", () => {
    const found = namedTableCells(tables, 'nel lavoro agile le donne rispetto agli uomini?');
    expect(found?.table.title).toBe('Lavoro agile');
    expect(found?.cells.map((c) => c.text)).toEqual(['13', '7']);
  });

  it('a part naming a column the table lacks is kept as missing, never dropped', () => {
    const found = namedTableCells(tables, 'Cat. A più Cat. B in tutto');
    expect(found?.missing).toEqual(['Cat. A']);
    expect(found?.cells.map((c) => c.column)).toEqual(['Cat. B']);
  });

  it('one part alone names no sum', () => {
    expect(namedTableCells(tables, 'quante donne in Cat. C?')).toBeNull();
  });

  it('through the router: computed, each cell quoted, a missing part not found', async () => {
    const model = PlanModelSchema.parse({ ...SMALL_MODEL, tables });
    const ctx: ToolContext = { store: new PlanStore(model), search: null, allowedDocs: null, includeInternal: true };
    const sum = await routeQuestion(ctx, 'agile parziale più agile totale, quanti sono in tutto?');
    expect(sum.answer).toContain('20 (calcolato');
    expect(sum.answer).toContain('AGILE PARZIALE: 17');
    const more = await routeQuestion(ctx, 'how many more Cat. D than Cat. C staff?');
    expect(more.answer).toMatch(/difference 10 \(computed/);
    const missing = await routeQuestion(ctx, 'Cat. A più Cat. C, totale?');
    expect(missing.found).toBe(false);
    expect(missing.answer).toContain('«Cat. A»');
    expect(missing.answer).toContain('Cat. C: 11');
  });
});

describe('the two sides of a budget table set against each other', () => {
  const totals = {
    'Entrate Correnti': { text: '40.000,00', value: 40000 },
    'Spese Correnti': { text: '65.500,00', value: 65500 },
  };
  const sides = ['Entrate Correnti', 'Spese Correnti'];
  it.each([
    ['le entrate rispetto alle uscite del progetto', 'it'],
    ['entrate contro spese', 'it'],
    ['does it spend more than it takes in?', 'en'],
  ] as const)('"%s" computes the gap', (q, lang) => {
    expect(sidesDifference(sides, totals, q, lang)).toContain('25.500,00');
  });

  it('both sides named without setting them against each other: no gap', () => {
    expect(sidesDifference(sides, totals, 'entrate e spese del progetto', 'it')).toBeNull();
  });
});

describe('parts that name their records', () => {
  const store = smallStore();
  it('an English cognate of a long word the plans write is no part naming nothing', () => {
    expect(partsNamingNothing('Centri estivi plus the project on the mediazioni culturali', store)).toEqual([]);
    expect(partsNamingNothing('Centri estivi plus the project on the funivie', store)).toEqual(['funivie']);
  });

  it('a word written as a name names the one project whose title writes it, with no record word', () => {
    const model = PlanModelSchema.parse({
      ...SMALL_MODEL,
      projects: [
        ...SMALL_MODEL.projects,
        { ...SMALL_MODEL.projects[0]!, code: '2023_PX_4103', title: 'Servizio ESTIVO' },
      ],
    });
    const withNames = new PlanStore(model);
    // "estivo" shares its stem with "Centri estivi": the stem alone names no one project
    expect(stem('estivo')).toBe(stem('estivi'));
    const f = linkQuestion('ESTIVO sommato a Trasporto sociale quanto fa in tutto', withNames);
    expect(f.codes.map((c) => c.code).sort()).toEqual(['2023_PX_4101', '2023_PX_4103']);
  });
});

describe("a project named, and its objective's indicators named by the other parts", () => {
  const objective = {
    doc: 'b.txt',
    code: 'OB_4101_1',
    title: 'Potenziamento del servizio',
    type: 'SVILUPPO',
    owners: [],
    structure: 'Ufficio Mobilità',
    phases: [],
    indicators: [
      { description: 'N. corse serali attivate', target: { text: '40', value: 40, date: null }, span },
      { description: 'N. utenti disabili accompagnati', target: { text: '25', value: 25, date: null }, span },
    ],
    span,
  };
  const model = PlanModelSchema.parse({
    ...SMALL_MODEL,
    objectives: [...SMALL_MODEL.objectives, objective],
    projects: SMALL_MODEL.projects.map((p) => (p.code === '2023_PX_4101' ? { ...p, objectives: ['OB_4101_1'] } : p)),
  });
  const store = new PlanStore(model);
  const ctx: ToolContext = { store, search: null, allowedDocs: null, includeInternal: true };

  it('links the objective holding both, not the project nor records the words recall', () => {
    const f = linkQuestion('Trasporto sociale: corse serali contro utenti disabili accompagnati, differenza?', store);
    expect(f.codes.map((c) => c.code)).toEqual(['OB_4101_1']);
  });

  it('compares the two figures through the router, computed, both quoted', async () => {
    const a = await routeQuestion(ctx, 'nel trasporto sociale sono di più le corse serali o gli utenti accompagnati?');
    expect(a.answer).toContain('40');
    expect(a.answer).toContain('25');
    expect(a.answer).toMatch(/15(,00)? \(calcolata\)/);
  });

  it("a count of each, compared, is the two indicators (not the record's own count)", async () => {
    const a = await routeQuestion(
      ctx,
      'OB_4101_1: il numero di corse serali rispetto al numero di utenti accompagnati?',
    );
    expect(a.answer).toMatch(/15(,00)? \(calcolata\)/);
  });
});

describe("one objective's sub-records compared, one of them named by words the plans never write", () => {
  const store = smallStore();
  it('that part is said not found, never dropped from the comparison', () => {
    const f = linkQuestion('LV-BI01: pesa di più lo studio degli orari o quella sulle mongolfiere?', store);
    expect(f.unnamedParts).toEqual(['mongolfiere']);
  });

  it('a ranking of the phases has no parts to miss', () => {
    expect(linkQuestion('la fase più pesante di LV-BI01 secondo te', store).unnamedParts).toEqual([]);
  });
});
