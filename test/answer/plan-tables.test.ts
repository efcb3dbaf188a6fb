/**
 * Figures read from the tables a plan writes: a data table's cell named by its row and column words, a budget row
 * named by its description, both sides of a budget table set against each other. Invented tables, own wording.
 */
import { describe, expect, it } from 'vitest';
import { askedColumnKinds, missingSides, pickColumns } from '../../src/answer/asked-columns.ts';
import { budgetRowIndex, namedBudgetRows, namedBudgetRowsIn } from '../../src/answer/budget-row.ts';
import { sidesDifference } from '../../src/answer/budget-sides.ts';
import { routeQuestion } from '../../src/answer/router.ts';
import { budgetRowReply } from '../../src/answer/routes/budget-row-route.ts';
import { cellOf, namedTableCell, rowAsWritten } from '../../src/answer/table-cell.ts';
import { type DataTable, PlanModelSchema, type Project } from '../../src/plan/model.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import type { ToolContext } from '../../src/tools/tool-context.ts';
import { SMALL_MODEL } from '../query/small-plan.ts';

const span = { doc: 'x.txt', lineStart: 1, lineEnd: 4 };
const headcount: DataTable = {
  doc: 'x.txt',
  title: 'Personale in servizio al 31.12.2030',
  header: ['', 'Dirigente', 'Cat. D', 'Cat. C', 'Tot.'],
  rows: [
    { label: 'Uomo', cells: ['2', '7', '5', '14'] },
    { label: 'Donna', cells: ['', '12 di cui 2 a T.D', '9', '21'] },
    { label: 'Tot.', cells: ['2', '19', '14', '35'] },
  ],
  span,
};
const moves: DataTable = {
  doc: 'x.txt',
  title: 'Movimenti del personale',
  header: ['Entrati', '2028', '2029', 'Totale complessivo'],
  rows: [
    { label: 'Uomo', cells: ['1', '4 (+ 1 TD)', '5 (+ 1 TD)'] },
    { label: 'Donna', cells: ['3', '2', '5'] },
    { label: 'Totale per anno', cells: ['4', '6 (+ 1 TD)', '10 (+ 1 TD)'] },
  ],
  span,
};

describe('data table cells', () => {
  it('reads the cell of the row and column named, inflected or abbreviated, as written', () => {
    expect(cellOf(headcount, 'quante donne in categoria D?')?.value).toBe('12 di cui 2 a T.D');
    expect(cellOf(headcount, 'uomini di cat. C')?.value).toBe('5');
  });

  it('takes the total row or column for the one the question leaves out', () => {
    expect(cellOf(headcount, 'quanti dipendenti di categoria C in tutto?')?.value).toBe('14');
    expect(cellOf(headcount, 'quanti uomini?')?.value).toBe('14');
  });

  it('names a table by its first header cell, and a year alone names nothing', () => {
    const cell = namedTableCell([headcount, moves], 'donne entrate nel 2028')!;
    expect(cell.table.title).toBe('Movimenti del personale');
    expect(cell.value).toBe('3');
    expect(namedTableCell([headcount, moves], 'quanti obiettivi nel 2029?')).toBeNull();
  });

  it('names no cell when the words fit two rows alike, or a column alone without asking how many', () => {
    expect(cellOf(headcount, 'pari opportunità tra uomo e donna')).toBeNull();
    expect(cellOf(headcount, 'chi è il dirigente del servizio?', false)).toBeNull();
    expect(cellOf(headcount, 'quanti dirigenti?', true)?.value).toBe('2');
  });

  it('quotes the whole row beside the cell, empty cells left out', () => {
    expect(rowAsWritten(cellOf(headcount, 'donne di cat. C')!)).toBe(
      'Donna: Cat. D 12 di cui 2 a T.D · Cat. C 9 · Tot. 21',
    );
  });
});

const row = (capitolo: string, description: string, amounts: Record<string, string>) => ({
  capitolo,
  description,
  amounts: Object.fromEntries(Object.entries(amounts).map(([k, v]) => [k, { text: v, value: null }])),
  span,
});
const project = (code: string, rows: ReturnType<typeof row>[]) =>
  ({ code, title: `Progetto ${code}`, doc: 'x.txt', budgetRows: rows }) as unknown as Project;

describe('budget rows named by their description', () => {
  const a = project('P-1', [
    row('Cap. 70001 Art. 00', 'CONTRIBUTO PROVINCIALE PER SPORTELLI LAVORO GIOVANI == VEDI CAP. 80001 ==', {
      'Entrate Correnti': '40.000,00',
    }),
    row('Cap. 80001 Art. 00', 'PRESTAZIONI DI SERVIZIO SPORTELLI LAVORO GIOVANI FINANZIATE DA CONTRIBUTO PROVINCIALE', {
      'Spese Correnti': '38.500,00',
    }),
  ]);
  const b = project('P-2', [
    row('Cap. 70002 Art. 00', 'CANONE PALESTRE COMUNALI (SOGGETTO AD IVA)', { 'Entrate Correnti': '2.000,00' }),
  ]);

  it('finds the row whose words the question holds, the cross-reference and the bracket left out', () => {
    const found = namedBudgetRows([a, b], 'quanto vale il contributo provinciale per gli sportelli lavoro giovani?');
    expect(found.map((f) => f.row.capitolo)).toEqual(['Cap. 70001 Art. 00']);
    expect(namedBudgetRows([a, b], 'canone palestre comunali').map((f) => f.project.code)).toEqual(['P-2']);
  });

  it('finds the same rows through the store-wide index, among the projects allowed', () => {
    const index = budgetRowIndex([a, b]);
    for (const q of ['contributo provinciale sportelli lavoro giovani', 'canone palestre comunali', 'capitolo 80001'])
      expect(namedBudgetRowsIn(index, q, () => true)).toEqual(namedBudgetRows([a, b], q));
    expect(namedBudgetRowsIn(index, 'canone palestre comunali', (p) => p !== b)).toEqual([]);
  });

  it('quotes the row the words name even when they seem to name a project that holds no such row', () => {
    const store = { projects: [a, b], entityOf: () => 'Comune di Prova' } as unknown as PlanStore;
    const ctx: ToolContext = { store, search: null, allowedDocs: null, includeInternal: true };
    const scope = { docs: null, entity: null, year: null };
    const asked = 'quanto vale il canone delle palestre comunali?';
    expect(budgetRowReply(ctx, asked, scope, 'it', [a])?.lines.join(' ')).toContain('2.000,00');
    expect(budgetRowReply(ctx, asked, scope, 'it', [a])?.focus).toEqual(['P-2']);
    // a row of the project named still comes first
    expect(budgetRowReply(ctx, 'contributo provinciale sportelli lavoro giovani', scope, 'it', [a])?.focus).toEqual([
      'P-1',
    ]);
  });

  it('takes a long description quoted in part, a dotted acronym written either way', () => {
    const c = project('P-3', [
      row('Cap. 70003 Art. 00', 'QUOTA DEL F.N.A. TRASFERITA AI COMUNI DEL DISTRETTO PER SERVIZI DOMICILIARI ANZIANI', {
        'Spese Correnti': '90.000,00',
      }),
    ]);
    const found = namedBudgetRows([a, b, c], 'quanto vale la quota FNA trasferita ai comuni del distretto?');
    expect(found.map((f) => f.project.code)).toEqual(['P-3']);
  });

  it('finds a row by its chapter number, and none from a few shared words', () => {
    expect(namedBudgetRows([a, b], 'importo del capitolo 80001')[0]?.row.amounts['Spese Correnti']?.text).toBe(
      '38.500,00',
    );
    expect(namedBudgetRows([a, b], 'quanti giovani allo sportello?')).toEqual([]);
  });
});

describe('both sides of a budget table', () => {
  const labels = ['Entrate Correnti', 'Spese Correnti', 'Spese Investimenti'];
  const fig = (text: string, value: number) => ({ text, value });

  it('picks both sides when both are named, and says which side the table lacks', () => {
    const kinds = askedColumnKinds('entrate correnti contro spese correnti di X');
    expect(pickColumns(labels, kinds)).toEqual(['Entrate Correnti', 'Spese Correnti']);
    expect(pickColumns(labels, askedColumnKinds('quanto entra e quanto esce?'))).toEqual(labels);
    expect(missingSides(['Spese Correnti'], askedColumnKinds('entrate e spese del progetto'))).toEqual(['revenue']);
  });

  it('computes the expense side less the revenue side only when a difference is asked', () => {
    const totals = { 'Entrate Correnti': fig('10.000,00', 10000), 'Spese Correnti': fig('25.500,50', 25500.5) };
    const picked = ['Entrate Correnti', 'Spese Correnti'];
    const line = sidesDifference(picked, totals, 'che differenza tra entrate e spese?', 'it')!;
    expect(line).toContain('15.500,50');
    expect(line).toMatch(/calcolat/);
    expect(sidesDifference(picked, totals, 'entrate e spese?', 'it')).toBeNull();
  });
});

describe('the table cell route', () => {
  const model = PlanModelSchema.parse({ ...SMALL_MODEL, tables: [{ ...headcount, doc: 'c.txt' }] });
  const ctx: ToolContext = { store: new PlanStore(model), search: null, allowedDocs: null, includeInternal: true };

  it('answers the cell from the table of the entity asked', async () => {
    const a = await routeQuestion(ctx, 'quante donne di categoria C alla Provincia di Lago Verde?');
    expect(a.answer).toContain('Donna · Cat. C: 9');
    expect(a.found).toBe(true);
  });

  it('says plainly that an entity without the table does not state it, and whose plan does', async () => {
    const a = await routeQuestion(ctx, 'quante donne di categoria C lavorano al Comune di Monteluce?');
    expect(a.found).toBe(false);
    expect(a.answer).toMatch(/Non ho trovato.*Monteluce.*Provincia di Lago Verde/);
  });
});
