import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reggioPegExtractor } from '../../../ingest/extractors/reggio-peg.ts';
import type { SourceDocument } from '../../../ingest/loaders/source-document.ts';
import {
  type ExtractedPlan,
  ExtractedPlanSchema,
  type Objective,
  type Project,
  type SourceSpan,
  type Total,
} from '../../../src/plan/model.ts';
import { fold, squash, stripMarkup } from '../../../src/plan/text.ts';
import { loadTxtAndPdf, type TxtAndPdf } from '../../support/plan-fixture.ts';

let doc: SourceDocument;
let plan: ExtractedPlan;
let pdfDoc: SourceDocument;
let pdfPlan: ExtractedPlan;
let fixture: TxtAndPdf | undefined;

beforeAll(async () => {
  fixture = await loadTxtAndPdf('002_51402a20550dfbf2.txt', reggioPegExtractor);
  ({ doc, plan, pdfDoc, pdfPlan } = fixture);
});

afterAll(() => fixture?.dispose());

const objective = (p: ExtractedPlan, code: string): Objective => {
  const o = p.objectives.find((x) => x.code === code);
  if (!o) throw new Error(`objective ${code} not extracted`);
  return o;
};
const project = (p: ExtractedPlan, code: string): Project => {
  const found = p.projects.find((x) => x.code === code);
  if (!found) throw new Error(`project ${code} not extracted`);
  return found;
};
const total = (p: ExtractedPlan, cdr: string, level: Total['level'], label: string): Total[] =>
  p.totals.filter((t) => t.cdr === cdr && t.level === level && t.label === label);
const spanText = (d: SourceDocument, s: SourceSpan) =>
  fold(squash(stripMarkup(d.lines.slice(s.lineStart - 1, s.lineEnd).join(' '))));
const figures = (p: ExtractedPlan) =>
  Object.fromEntries(p.projects.map((x) => [x.code, [x.budget?.text ?? null, x.budgetShare?.text ?? null]]));

describe('reggioPegExtractor.detect', () => {
  it('is confident on the PDF rendering of the same PEG', () => {
    expect(reggioPegExtractor.detect(pdfDoc)).toBeGreaterThanOrEqual(0.8);
  });
});

describe('reggioPegExtractor.extract — document and structures', () => {
  it('returns a plan from the PDF that passes the model schema', () => {
    expect(() => ExtractedPlanSchema.parse(pdfPlan)).not.toThrow();
  });

  it('describes the document as the 2021 PEG of the Comune di Reggio Emilia, Area Servizi alla Persona', () => {
    expect(plan.document).toEqual({
      file: '002_51402a20550dfbf2.txt',
      entity: 'Comune di Reggio Emilia',
      kind: 'peg',
      title: 'Piano Esecutivo di Gestione 2021 – AREA SERVIZI ALLA PERSONA (ALLEGATO B)',
      years: [2021],
      layout: 'reggio-peg',
      format: 'txt',
      lineCount: doc.lines.length,
      sha256: doc.sha256,
    });
  });

  it('counts the pages of the PDF rendering', () => {
    expect(pdfPlan.document.format).toBe('pdf');
    expect(pdfPlan.document.pageCount).toBe(Math.max(...pdfDoc.pageOfLine!));
    expect(pdfPlan.document.entity).toBe('Comune di Reggio Emilia');
  });

  it('lists the three centri di responsabilità with their Dirigente', () => {
    expect(plan.structures.map((s) => [s.code, s.name, s.kind, s.head, s.headRole])).toEqual([
      ['85', 'SERVIZIO POLITICHE DI WELFARE E INTERCULTURA', 'cdr', 'Benedetti Lorenza', 'Dirigente'],
      ['87', 'SERVIZIO SERVIZI SOCIALI', 'cdr', 'Corradini Germana', 'Dirigente'],
      ['A2', 'AREA SERVIZI ALLA PERSONA', 'cdr', 'Benedetti Lorenza', 'Dirigente'],
    ]);
  });

  it('places the two servizi in the Area Servizi alla Persona', () => {
    expect(plan.structures.map((s) => s.area)).toEqual([
      'AREA SERVIZI ALLA PERSONA',
      'AREA SERVIZI ALLA PERSONA',
      undefined,
    ]);
  });

  it('cites each CDR from its heading to its Dirigente line, not from the list on the cover', () => {
    expect(plan.structures.map((s) => [s.span.lineStart, s.span.lineEnd])).toEqual([
      [25, 27],
      [1519, 1521],
      [3096, 3098],
    ]);
  });
});

describe('reggioPegExtractor.extract — summary budgets', () => {
  it('reads 2021_PD_8735 budget and share from its own row of the shifted summary table', () => {
    const p = project(plan, '2021_PD_8735');
    expect(p.budget).toEqual({ text: '1.920.000,00', value: 1920000 });
    expect(p.budgetShare).toEqual({ text: '20,72 %', value: 20.72 });
  });

  it('leaves the blank budget of 2021_PD_8734 null instead of borrowing the next row', () => {
    const p = project(plan, '2021_PD_8734');
    expect(p.budget).toBeNull();
    expect(p.budgetShare).toBeNull();
  });

  it('keeps a budget written 0,00 as a zero figure', () => {
    expect(project(plan, '2021_PD_8730').budget).toEqual({ text: '0,00', value: 0 });
    expect(project(plan, '2021_PD_8745').budgetShare).toEqual({ text: '0,00 %', value: 0 });
  });

  it('reads the budget of a row whose long title fills the line: 2021_PD_8910', () => {
    expect(project(plan, '2021_PD_8910').budget).toEqual({ text: '1.455.648,22', value: 1455648.22 });
  });

  it('finds Home Care Premium as 2021_PG_8737 with a budget of 110.000,00', () => {
    const p = plan.projects.find((x) => x.title === 'Home Care Premium');
    expect(p?.code).toBe('2021_PG_8737');
    expect(p?.budget?.text).toBe('110.000,00');
  });

  it('gives no budget to any project of the A2 area, whose summary is blank', () => {
    const a2 = plan.projects.filter((p) => p.cdr === 'A2');
    expect(a2.map((p) => p.code).sort()).toEqual([
      '2021_PD_8723',
      '2021_PD_A204',
      '2021_PD_A205',
      '2021_PD_A207',
      '2021_PD_A2CA',
    ]);
    expect(a2.every((p) => p.budget === null && p.budgetShare === null)).toBe(true);
  });
});

describe('reggioPegExtractor.extract — projects', () => {
  it('extracts every project of the three CDRs exactly once', () => {
    const codes = plan.projects.map((p) => p.code);
    expect(codes).toHaveLength(59);
    expect(new Set(codes).size).toBe(59);
    expect(plan.projects.filter((p) => p.cdr === '85')).toHaveLength(25);
    expect(plan.projects.filter((p) => p.cdr === '87')).toHaveLength(29);
  });

  it('ties each project to its CDR and the Dirigente printed under Prodotto', () => {
    expect(project(plan, '2021_PD_8735')).toMatchObject({
      title: 'Servizi per la residenzialità anziani',
      cdr: '87',
      cdrName: 'SERVIZIO SERVIZI SOCIALI',
      dirigente: 'Corradini Germana',
    });
    expect(project(plan, '2021_PD_8501').dirigente).toBe('Benedetti Lorenza');
  });

  it('reads the Indirizzo Strategico written as label and value on separate lines', () => {
    expect(project(plan, '2021_PD_8501').strategic).toEqual({
      indirizzo: "CITTA' DEL CAPITALE SOCIALE",
      obiettivoStrategico: 'Sanità e Welfare',
      azione: 'Integrazione sociale e sociosanitaria',
    });
  });

  it('reads the Indirizzo Strategico written as "Indirizzo CITTA\' DEL …" on one line', () => {
    expect(project(plan, '2021_PD_8504').strategic).toEqual({
      indirizzo: "CITTA' DEL CAPITALE SOCIALE",
      obiettivoStrategico: 'Sanità e Welfare',
      azione: 'Politiche familiari',
    });
    expect(project(plan, '2021_PD_8903').strategic?.azione).toBe('Promozione delle diversità culturali');
  });

  it('splits a title glued to "Indirizzo Strategico di riferimento" by bold markers: Z_23101', () => {
    const p = project(plan, 'Z_23101');
    expect(p.title).toBe('Intervento di Ristrutturazione Casa di riposo O. Parisetti (ASP)');
    expect(p.strategic?.azione).toBe('Politiche familiari');
    expect(p.description).toBeUndefined();
  });

  it('keeps the description of a project, including one glued to its label', () => {
    expect(project(plan, '2021_PD_8716').description).toBe(
      'Monitoraggio delle attività svolte dalle Società partecipate relativamente ai servizi socio-assistenziali in gestione',
    );
    expect(project(plan, '2021_PD_85PA').description).toMatch(/^Ai sensi dell'art\. 1, comma 8, della Legge 190\/2012/);
  });

  it('lists the objective codes of each project', () => {
    expect(project(plan, '2021_PD_8501').objectives).toEqual([
      '2021_OB_8501_1',
      '2021_OB_8501_2',
      '2021_OB_8501_3',
      '2021_OB_8501_4',
      '2021_OB_8501_5',
    ]);
  });

  it('keeps a project listed in the summary but without its Prodotto section: 2021_PD_A204', () => {
    const p = project(plan, '2021_PD_A204');
    expect(p.title).toBe('Sistema informativo');
    expect(p.span).toEqual({ doc: doc.file, lineStart: 3107, lineEnd: 3107 });
    expect(p.strategic).toEqual({
      indirizzo: "CITTA' DELL'EDUCAZIONE E DELLA CONOSCENZA",
      obiettivoStrategico: 'Scuola ed educazione',
      azione: 'Interventi e azioni a supporto del sistema educativo scolastico',
    });
    expect(p.objectives).toEqual([]);
  });
});

describe('reggioPegExtractor.extract — Budget previsto and staff', () => {
  it('totals 2021_PD_8501 by column: Entrate Correnti 2.453.877,32 and Spese Correnti 784.326,70', () => {
    expect(project(plan, '2021_PD_8501').budgetTotals).toEqual({
      'Entrate Correnti': { text: '2.453.877,32', value: 2453877.32 },
      'Spese Correnti': { text: '784.326,70', value: 784326.7 },
    });
  });

  it('reads every capitolo row of 2021_PD_8501 with its amount in the right column', () => {
    const rows = project(plan, '2021_PD_8501').budgetRows;
    expect(rows).toHaveLength(10);
    expect(rows[0]).toMatchObject({
      capitolo: 'Cap. 03641 Art. 00',
      amounts: { 'Entrate Correnti': { text: '605.218,23', value: 605218.23 } },
    });
    expect(rows[4]).toMatchObject({
      capitolo: 'Cap. 30852 Art. 00',
      amounts: { 'Spese Correnti': { text: '605.218,23', value: 605218.23 } },
    });
    expect(rows[4]!.description).toMatch(/^TRASFERIMENTO AI COMUNI DELLA ZONA SOCIALE/);
  });

  it('reads a three-column table with Spese Investimenti: 2021_PD_8716', () => {
    const p = project(plan, '2021_PD_8716');
    expect(Object.keys(p.budgetTotals)).toEqual(['Entrate Correnti', 'Spese Correnti', 'Spese Investimenti']);
    expect(p.budgetRows.find((r) => r.capitolo === 'Cap. 40086 Art. 02')?.amounts).toEqual({
      'Spese Investimenti': { text: '300.000,00', value: 300000 },
    });
  });

  it('reads a Totale row whose cells are shifted: 2021_PD_8944', () => {
    expect(project(plan, '2021_PD_8944').budgetTotals).toEqual({
      'Entrate Correnti': { text: '266.976,51', value: 266976.51 },
      'Spese Correnti': { text: '848.129,59', value: 848129.59 },
    });
  });

  it('reads a table with the Entrate column only: 2021_PD_8733', () => {
    expect(project(plan, '2021_PD_8733').budgetTotals).toEqual({
      'Entrate Correnti': { text: '250.000,00', value: 250000 },
    });
  });

  it('reads a budget table printed without its "Budget previsto" title: 2021_PG_8523', () => {
    expect(project(plan, '2021_PG_8523').budgetTotals['Spese Correnti']?.text).toBe('2.244.232,18');
    expect(project(plan, '2021_PG_8523').budgetRows).toHaveLength(16);
  });

  it('reads the staff of 2021_PD_8501 with relation and impegno', () => {
    const staff = project(plan, '2021_PD_8501').staff;
    expect(staff).toHaveLength(10);
    expect(staff.find((s) => s.name === 'Bagnacani Cristina')).toMatchObject({
      relation: 'Dipendente a tempo indeterminato/determinato',
      commitment: { text: '100,00 %', value: 100 },
    });
    expect(staff[0]).toMatchObject({
      name: 'Benedetti Lorenza',
      relation: 'Dirigente',
      commitment: { text: '2,00 %' },
    });
  });

  it('gives the staff table after the stray indicator to 2021_PD_A204, not to 2021_PD_8723', () => {
    expect(project(plan, '2021_PD_8723').staff).toHaveLength(19);
    expect(project(plan, '2021_PD_A204').staff.map((s) => [s.name, s.commitment.text])).toEqual([
      ['Benedetti Lorenza', '0,50 %'],
      ['Bertocchi Romina', '30,00 %'],
      ['Caggiati Barbara', '50,00 %'],
    ]);
  });
});

describe('reggioPegExtractor.extract — objectives', () => {
  it('extracts the 130 objectives, each once, with codes as written', () => {
    const codes = plan.objectives.map((o) => o.code);
    expect(codes).toHaveLength(130);
    expect(new Set(codes).size).toBe(130);
    expect(codes.every((c) => /^2021_OB_[0-9A-Z]+_[0-9A-Z]+$/.test(c))).toBe(true);
  });

  it('makes the project Dirigente the owner and the CDR the structure: 2021_OB_8735_1', () => {
    expect(objective(plan, '2021_OB_8735_1')).toMatchObject({
      title: 'Consolidamento servizi residenziali per anziani',
      type: 'gestionale ordinario',
      owners: ['Corradini Germana'],
      structure: 'SERVIZIO SERVIZI SOCIALI',
      cdr: '87',
      projectCode: '2021_PD_8735',
      strategic: { azione: 'Politiche familiari' },
    });
  });

  it('reads the objective type from the line above the code', () => {
    expect(objective(plan, '2021_OB_8501_1').type).toBe('miglioramento');
    expect(objective(plan, '2021_OB_8501_2').type).toBe('gestionale ordinario');
    expect(objective(plan, '2021_OB_8504_2').type).toBe('prioritario');
  });

  it('reads type, code and title glued by bold markers: 2021_OB_8903_1', () => {
    expect(objective(plan, '2021_OB_8903_1')).toMatchObject({
      type: 'miglioramento',
      title: 'Costruire azioni e progetti integrati finalizzati ad aumentare le conoscenze sul fenomeno migratorio',
    });
    expect(objective(plan, '2021_OB_8721_1')).toMatchObject({
      type: 'gestionale ordinario',
      title: 'Funzioni di Sportello',
    });
  });

  it('rejoins a bold title spread over several lines: 2021_OB_8728_3', () => {
    expect(objective(plan, '2021_OB_8728_3').title).toBe(
      "Partecipazione al programma PIPPI 9 della Regione ER interventi a sostegno delle famiglie vulnerabili per prevenire l'istituzionalizzazione dei bambini",
    );
  });

  it('reads a code and its title on separate lines: 2021_OB_8906_1', () => {
    expect(objective(plan, '2021_OB_8906_1').title).toBe(
      'Progettazioni con gli istituti penitenziari IIPP per migliorare la qualità della vita dei detenuti',
    );
  });

  it('cites an objective from its type line to its last indicator note', () => {
    expect(objective(plan, '2021_OB_8735_1').span).toEqual({ doc: doc.file, lineStart: 2307, lineEnd: 2313 });
  });

  it('does not turn the objective codes of phase rows into objectives', () => {
    const inPhaseRows = doc.lines.filter((l) => /^\d+\t2021_OB_8518_1\t/.test(l)).length;
    expect(inPhaseRows).toBe(4);
    expect(plan.objectives.filter((o) => o.code === '2021_OB_8518_1')).toHaveLength(1);
  });
});

describe('reggioPegExtractor.extract — indicators and phases', () => {
  it('reads the 260 indicators that belong to an objective', () => {
    expect(plan.objectives.reduce((n, o) => n + o.indicators.length, 0)).toBe(260);
  });

  it('keeps the Valore previsto as written: O_8735_1_1 expects 150', () => {
    const i = objective(plan, '2021_OB_8735_1').indicators[0]!;
    expect(i).toMatchObject({
      code: 'O_8735_1_1',
      description: 'N. UVM per progetti di residenzialità > di',
      target: { text: '150', value: 150, date: null },
    });
  });

  it('reads a date target: M_8501_1_1 by 30/09/2021', () => {
    expect(objective(plan, '2021_OB_8501_1').indicators[0]).toMatchObject({
      code: 'M_8501_1_1',
      description: 'Approvazione del Programma Attuativo 2021',
      target: { text: '30/09/2021', value: null, date: '2021-09-30' },
    });
  });

  it('keeps the Nota of an indicator and leaves empty notes out', () => {
    const [first, , , , fifth] = objective(plan, '2021_OB_8501_1').indicators;
    expect(first!.note).toBeUndefined();
    expect(fifth!.note).toBe('Anziani, Famiglie e minori, Disabili, Salute mentale e dipendenze');
  });

  it('keeps every row of indicator tables split by repeated headers', () => {
    expect(objective(plan, '2021_OB_8504_C').indicators.map((i) => i.code)).toEqual([
      'M_8504_C_1',
      'M_8504_C_2',
      'M_8504_C_3',
      'M_8504_C_4',
    ]);
    expect(objective(plan, '2021_OB_8501_3').indicators.map((i) => i.code)).toEqual(['M_8501_3_1', 'M_8501_3_3']);
  });

  it('gives a Nota printed after a repeated header to the indicator above it: M_8504_5_1', () => {
    expect(objective(plan, '2021_OB_8504_5').indicators[0]!.note).toMatch(/^coop Accento, A\.p\.s Amici di Gancio/);
  });

  it('reads the phases of an objective with their dates', () => {
    const phases = objective(plan, '2021_OB_8518_1').phases;
    expect(phases).toHaveLength(4);
    expect(phases[0]).toMatchObject({
      n: 1,
      title: 'costituzione di gruppo di lavoro interno con referenze',
      start: { text: '01/01/2021', iso: '2021-01-01' },
      end: { text: '15/01/2021', iso: '2021-01-15' },
    });
  });

  it('gives each phase to the objective its row names: Pubblicazione Bando Cantieri sportivi', () => {
    const phase = objective(plan, '2021_OB_8748_1').phases.find(
      (p) => p.title === 'Pubblicazione Bando Cantieri sportivi',
    );
    expect(phase?.end).toEqual({ text: '30/04/2021', iso: '2021-04-30' });
    expect(plan.objectives.reduce((n, o) => n + o.phases.length, 0)).toBe(49);
  });

  it('keeps the Nota of a phase', () => {
    expect(objective(plan, '2021_OB_8546_1').phases[0]!.note).toMatch(/^Individuare servizi innovativi/);
  });

  it('keeps the indicator printed without an objective as a table and a warning, not as an objective', () => {
    expect(plan.objectives.some((o) => o.indicators.some((i) => i.code === 'M_A204_6_1'))).toBe(false);
    expect(plan.tables).toHaveLength(1);
    expect(plan.tables[0]).toMatchObject({
      section: '2021_PD_A204',
      header: ['Codice indicatore', 'Indicatore', 'Valore previsto 2021', 'Nota'],
      rows: [{ label: 'M_A204_6_1', cells: ['Entro il', '31/12/2021', ''] }],
    });
    expect(plan.warnings.some((w) => w.message.includes('M_A204_6_1') && w.span?.lineStart === 3184)).toBe(true);
  });
});

describe('reggioPegExtractor.extract — totals', () => {
  it('reads every Totale row of the three summary tables', () => {
    expect(plan.totals).toHaveLength(53);
    expect(plan.totals.filter((t) => t.level === 'cdr').map((t) => t.cdr)).toEqual(['85', '87', 'A2']);
  });

  it('reads the Totale CDR of servizio 85: 9.422.128,07', () => {
    expect(total(plan, '85', 'cdr', 'SERVIZIO POLITICHE DI WELFARE E INTERCULTURA')).toEqual([
      {
        doc: doc.file,
        level: 'cdr',
        label: 'SERVIZIO POLITICHE DI WELFARE E INTERCULTURA',
        cdr: '85',
        amount: { text: '9.422.128,07', value: 9422128.07 },
        share: { text: '100,00 %', value: 100 },
        span: { doc: doc.file, lineStart: 74, lineEnd: 74 },
      },
    ]);
  });

  it('labels each Totale with the azione, obiettivo or indirizzo it closes', () => {
    expect(total(plan, '87', 'azione', 'Politiche familiari')[0]).toMatchObject({
      amount: { text: '4.567.138,84' },
      share: { text: '49,28 %' },
    });
    expect(total(plan, '87', 'indirizzo', "CITTA' DEL CAPITALE SOCIALE")[0]?.amount?.text).toBe('6.252.360,74');
  });

  it('keeps blank totals null and a total without share', () => {
    expect(total(plan, '85', 'obiettivo', 'Città senza barriere')[0]).toMatchObject({ amount: null, share: null });
    expect(total(plan, '85', 'obiettivo', 'Diritti delle persone')[0]).toMatchObject({
      amount: { text: '248.367,04' },
      share: null,
    });
    expect(total(plan, 'A2', 'cdr', 'AREA SERVIZI ALLA PERSONA')[0]).toMatchObject({ amount: null, share: null });
  });
});

describe('reggioPegExtractor.extract — warnings', () => {
  it('raises no budget or total warning on the real document, whose figures agree', () => {
    expect(plan.warnings.filter((w) => /budget|Totale/i.test(w.message))).toEqual([]);
  });

  it('warns when a summary budget differs from the Spese of its Budget previsto', () => {
    const lines = doc.lines.map((l) => (l.includes('\t2021_PD_8501\t') ? l.replace('784.326,70', '784.000,00') : l));
    const altered = reggioPegExtractor.extract({ ...doc, lines, text: lines.join('\n') });
    const w = altered.warnings.find((x) => x.message.includes('2021_PD_8501'));
    expect(w?.message).toContain('784.000,00');
    expect(w?.message).toContain('784.326,70');
    expect(w?.span?.lineStart).toBe(39);
  });
});

describe('reggioPegExtractor.extract — source spans', () => {
  it('cites lines that contain each objective code, in the text and in the PDF', () => {
    for (const [d, p] of [
      [doc, plan],
      [pdfDoc, pdfPlan],
    ] as const) {
      const missing = p.objectives.filter((o) => !spanText(d, o.span).includes(fold(o.code)));
      expect(missing.map((o) => o.code)).toEqual([]);
    }
  });

  it('cites lines that contain each project, indicator and Totale', () => {
    expect(plan.projects.filter((p) => !spanText(doc, p.span).includes(fold(p.code)))).toEqual([]);
    const indicators = plan.objectives.flatMap((o) => o.indicators);
    expect(indicators.filter((i) => !spanText(doc, i.span).includes(fold(i.code!)))).toEqual([]);
    expect(plan.totals.filter((t) => !spanText(doc, t.span).includes('totale'))).toEqual([]);
  });

  it('gives the page of every span of the PDF rendering', () => {
    expect(pdfPlan.objectives.every((o) => o.span.page !== undefined)).toBe(true);
    expect(objective(pdfPlan, '2021_OB_8735_1').span.page).toBe(
      pdfDoc.pageOfLine![objective(pdfPlan, '2021_OB_8735_1').span.lineStart - 1],
    );
  });
});

describe('reggioPegExtractor.extract — PDF rendering', () => {
  it('finds the same objectives with the same owners and structures', () => {
    const view = (p: ExtractedPlan) =>
      p.objectives.map((o) => [o.code, o.title, o.type, o.owners, o.structure, o.projectCode]);
    expect(view(pdfPlan)).toEqual(view(plan));
  });

  it('reads the same budget and share for every project, though the PDF drops the blank cells', () => {
    expect(figures(pdfPlan)).toEqual(figures(plan));
    expect(project(pdfPlan, '2021_PD_8735').budget?.text).toBe('1.920.000,00');
    expect(project(pdfPlan, '2021_PD_8734').budget).toBeNull();
  });

  it('places every Budget previsto amount in the same column', () => {
    const view = (p: ExtractedPlan) =>
      p.projects.map((x) => [x.code, x.budgetTotals, x.budgetRows.map((r) => [r.capitolo, r.description, r.amounts])]);
    expect(view(pdfPlan)).toEqual(view(plan));
  });

  it('reads the same staff, indicators, phases and totals', () => {
    const staff = (p: ExtractedPlan) => p.projects.map((x) => x.staff.map((s) => [s.name, s.relation, s.commitment]));
    const indicators = (p: ExtractedPlan) =>
      p.objectives.map((o) => o.indicators.map((i) => [i.code, i.description, i.target, i.note]));
    const phases = (p: ExtractedPlan) =>
      p.objectives.map((o) => o.phases.map((x) => [x.n, x.title, x.start, x.end, x.note]));
    const totals = (p: ExtractedPlan) => p.totals.map((t) => [t.level, t.label, t.cdr, t.amount, t.share]);
    expect(staff(pdfPlan)).toEqual(staff(plan));
    expect(indicators(pdfPlan)).toEqual(indicators(plan));
    expect(phases(pdfPlan)).toEqual(phases(plan));
    expect(totals(pdfPlan)).toEqual(totals(plan));
  });

  it('reads the same strategic links and structures', () => {
    const view = (p: ExtractedPlan) => [
      p.projects.map((x) => [x.code, x.strategic]),
      p.structures.map((s) => [s.code, s.head]),
    ];
    expect(view(pdfPlan)).toEqual(view(plan));
  });
});
