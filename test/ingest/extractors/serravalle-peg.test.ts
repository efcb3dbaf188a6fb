import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serravallePegExtractor } from '../../../ingest/extractors/serravalle-peg.ts';
import type { SourceDocument } from '../../../ingest/loaders/source-document.ts';
import { type ExtractedPlan, ExtractedPlanSchema, type Objective, type SourceSpan } from '../../../src/plan/model.ts';
import { fold, squash, stripMarkup } from '../../../src/plan/text.ts';
import { loadTxtAndPdf, type TxtAndPdf } from '../../support/plan-fixture.ts';

let doc: SourceDocument;
let plan: ExtractedPlan;
let pdfDoc: SourceDocument;
let pdfPlan: ExtractedPlan;
let fixture: TxtAndPdf | undefined;

beforeAll(async () => {
  fixture = await loadTxtAndPdf('001_73b0fc146c050a42.txt', serravallePegExtractor);
  ({ doc, plan, pdfDoc, pdfPlan } = fixture);
});

afterAll(() => fixture?.dispose());

const objective = (p: ExtractedPlan, code: string): Objective => {
  const o = p.objectives.find((x) => x.code === code);
  if (!o) throw new Error(`objective ${code} not extracted`);
  return o;
};
const spanText = (d: SourceDocument, s: SourceSpan) =>
  fold(squash(stripMarkup(d.lines.slice(s.lineStart - 1, s.lineEnd).join(' '))));

describe('serravallePegExtractor.detect', () => {
  it('is confident on the PDF rendering of the same PEG', () => {
    expect(serravallePegExtractor.detect(pdfDoc)).toBeGreaterThanOrEqual(0.8);
  });
});

describe('serravallePegExtractor.extract — document and structure', () => {
  it('describes the document as the 2018 PEG of the Comune di Serravalle Pistoiese', () => {
    expect(plan.document).toMatchObject({
      file: '001_73b0fc146c050a42.txt',
      entity: 'Comune di Serravalle Pistoiese',
      kind: 'peg',
      title: "PIANO ESECUTIVO DI GESTIONE per l'ESERCIZIO 2018",
      years: [2018],
      layout: 'serravalle-peg',
      format: 'txt',
      lineCount: doc.lines.length,
      sha256: doc.sha256,
    });
  });

  it('reads the Centro di Responsabilità SERVIZI SOCIALI, area AMMINISTRATIVA, headed by Paolo Ricci', () => {
    expect(plan.structures).toHaveLength(1);
    expect(plan.structures[0]).toMatchObject({
      name: 'SERVIZI SOCIALI',
      kind: 'servizio',
      area: 'AMMINISTRATIVA',
      head: 'Paolo Ricci',
      headRole: 'Responsabile',
      span: { lineStart: 14, lineEnd: 24 },
    });
  });
});

describe('serravallePegExtractor.extract — objectives', () => {
  it('finds the five objectives of "Obiettivi di Sviluppo e Miglioramento", numbered as written', () => {
    expect(plan.objectives.map((o) => o.code)).toEqual(['1', '2', '3', '4', '5']);
  });

  it("takes each title from the start of Descrizione obiettivo, before STRATEGICITA'", () => {
    expect(plan.objectives.map((o) => o.title)).toEqual([
      'Fondo per il sostegno temporaneo al reddito',
      'Azioni legate al passaggio di funzioni alla SDS Pistoiese',
      'Progetto Passepartout – Nuovo Progetto: predisposizione progetto e procedura di gara',
      'Progetto di sostegno mediante CARITAS',
      "Casellario dell'assistenza",
    ]);
  });

  it("keeps the four criteria as the description, including the misspelt STATEGICITA' of objective 2", () => {
    expect(objective(plan, '1').description).toMatch(
      /^STRATEGICITA': Dopo l'esperienza.*COMPLESSITA' E INNOVAZIONE: .*OO\.SS\.$/,
    );
    expect(objective(plan, '2').description).toMatch(/^STATEGICITA' La SDS Pistoiese ha avviato nel 2015/);
  });

  it('gives every objective Paolo Ricci as Responsabile, with the title Dott. kept apart', () => {
    for (const o of plan.objectives) {
      expect(o.owners).toEqual(['Paolo Ricci']);
      expect(o.ownerTitles).toEqual(['Dott.']);
    }
  });

  it('assigns every objective to the SERVIZI SOCIALI structure', () => {
    expect(new Set(plan.objectives.map((o) => o.structure))).toEqual(new Set(['SERVIZI SOCIALI']));
  });

  it('reads the financial resources of Progetto Passepartout as written, with the amount parsed', () => {
    const o = objective(plan, '3');
    expect(o.financialResources).toBe('€ 218.000,00 oltre IVA di legge 5% (da settembre 2018 a giugno 2021)');
    expect(o.financialAmount).toEqual({ text: '€ 218.000,00', value: 218000 });
    expect(o.humanResources).toBe('Personale amministrativo e assistenti sociali');
  });

  it('reads the dates of Progetto Passepartout, a month-only end date resolving to the month end', () => {
    const o = objective(plan, '3');
    expect(o.start).toEqual({ text: '01/09/18', iso: '2018-09-01' });
    expect(o.end).toEqual({ text: 'Giugno 2021', iso: '2021-06-30' });
  });

  it('takes the checked checkbox as the answer to "L\'obiettivo è pluriennale"', () => {
    expect(plan.objectives.map((o) => [o.code, o.multiYear])).toEqual([
      ['1', false],
      ['2', true],
      ['3', true],
      ['4', false],
      ['5', true],
    ]);
  });

  it('reads the other services involved, ignoring the placeholders "Eventuali altri servizi" and "-"', () => {
    expect(objective(plan, '3').otherServices).toBe('Ufficio Pubblica Istruzione e Ufficio Gare');
    expect(objective(plan, '2').otherServices).toBeUndefined();
    expect(objective(plan, '5').otherServices).toBeUndefined();
  });

  it('treats "Inserire il riferimento" as an unfilled reference, not as data', () => {
    for (const o of plan.objectives) expect(o.strategic).toBeUndefined();
  });

  it('leaves out a financial resource written as "-" and a completion date written as "-----"', () => {
    expect(objective(plan, '5').financialResources).toBeUndefined();
    expect(objective(plan, '5').humanResources).toBe('Personale amministrativo serv. sociali');
    expect(objective(plan, '2').end).toBeUndefined();
    expect(objective(plan, '2').financialResources).toBeUndefined();
  });

  it('parses the amount of a financial resource followed by words', () => {
    expect(objective(plan, '4').financialResources).toBe('€ 4.000,00 come stanziamento iniziale');
    expect(objective(plan, '4').financialAmount?.value).toBe(4000);
    expect(objective(plan, '1').financialAmount).toEqual({ text: '€ 5.000,00', value: 5000 });
  });

  it('spans each objective from row A to row G', () => {
    expect(objective(plan, '1').span).toMatchObject({ lineStart: 120, lineEnd: 133 });
    expect(objective(plan, '3').span).toMatchObject({ lineStart: 155, lineEnd: 168 });
    expect(objective(plan, '5').span).toMatchObject({ lineStart: 186, lineEnd: 200 });
  });

  it('cites lines that really hold each objective and indicator', () => {
    for (const o of plan.objectives) {
      const text = spanText(doc, o.span);
      expect(text).toContain(fold(o.title));
      expect(text).toContain('responsabile');
      for (const i of o.indicators) expect(spanText(doc, i.span)).toContain(fold(i.description));
    }
  });

  it('reads no objective from the "Funzioni di massima" narrative nor from the "Scheda per la valutazione" template', () => {
    for (const o of plan.objectives) {
      expect(o.span.lineStart).toBeGreaterThan(116);
      expect(o.span.lineEnd).toBeLessThan(204);
    }
    expect(plan.tables).toEqual([]);
  });
});

describe('serravallePegExtractor.extract — indicators', () => {
  it('reads 14 indicators: 3, 2, 3, 3 and 3', () => {
    expect(plan.objectives.map((o) => o.indicators.length)).toEqual([3, 2, 3, 3, 3]);
  });

  it('keeps each Valore atteso as written, with its date', () => {
    expect(objective(plan, '1').indicators.map((i) => [i.description, i.target?.text, i.target?.date])).toEqual([
      ['Avvio progetto', '17/03/2018', '2018-03-17'],
      ['Monitoraggio sul progetto in corso', 'Settembre 2018', '2018-09-30'],
      ['Report Finale con risultati', '31/12/18', '2018-12-31'],
    ]);
  });

  it('reads the indicators of objective 3 whose row C has lost its letter', () => {
    expect(objective(plan, '3').indicators.map((i) => [i.description, i.target?.text])).toEqual([
      ['Predisposizione atti per gara', '30 Giugno 2018'],
      ["Atti relativi all'affidamento", '30 Settembre 2018'],
      ['Avvio del progetto', '31 Ottobre 2018'],
    ]);
  });

  it('reads the indicators of objective 5 whose header precedes the "Indicatori" label', () => {
    expect(objective(plan, '5').indicators.map((i) => i.description)).toEqual([
      'Attivazione del servizio',
      'Monitoraggio sul progetto in corso',
      'Report di fine anno sul progetto',
    ]);
  });

  it('keeps a worded Valore atteso as text, with no date', () => {
    expect(objective(plan, '4').indicators[1]).toMatchObject({
      description: 'Monitoraggio sul progetto in corso',
      target: { text: "Da effettuarsi durante l'anno solare", value: null, date: null },
    });
  });

  it('cites the line of each indicator', () => {
    expect(objective(plan, '1').indicators[0]?.span).toMatchObject({ lineStart: 123, lineEnd: 123 });
    expect(objective(plan, '5').indicators[2]?.span).toMatchObject({ lineStart: 192, lineEnd: 192 });
  });
});

describe('serravallePegExtractor.extract — warnings', () => {
  it('warns that objective 2 has no completion date', () => {
    expect(plan.warnings.some((w) => /objective 2: no completion date/.test(w.message))).toBe(true);
  });

  it('warns that objective 5 is marked pluriennale yet runs within 2018', () => {
    expect(plan.warnings.some((w) => /objective 5 is marked pluriennale/.test(w.message))).toBe(true);
  });

  it('notes the unfilled "Scheda per la valutazione" template it did not read', () => {
    const w = plan.warnings.find((x) => /Scheda per la valutazione/.test(x.message));
    expect(w?.span).toMatchObject({ lineStart: 204, lineEnd: 214 });
  });
});

describe('serravallePegExtractor.extract — PDF rendering', () => {
  it('returns a valid plan with the PDF format and its page count', () => {
    expect(() => ExtractedPlanSchema.parse(pdfPlan)).not.toThrow();
    expect(pdfPlan.document).toMatchObject({
      format: 'pdf',
      entity: 'Comune di Serravalle Pistoiese',
      years: [2018],
      lineCount: pdfDoc.lines.length,
    });
    expect(pdfPlan.document.pageCount).toBeGreaterThan(1);
  });

  it('finds the same structure and head', () => {
    expect(pdfPlan.structures.map((s) => [s.name, s.area, s.head])).toEqual([
      ['SERVIZI SOCIALI', 'AMMINISTRATIVA', 'Paolo Ricci'],
    ]);
  });

  it('finds the same objectives, titles and owners without the HTML tags', () => {
    expect(pdfPlan.objectives.map((o) => [o.code, o.title, o.owners])).toEqual(
      plan.objectives.map((o) => [o.code, o.title, o.owners]),
    );
  });

  it('finds the same dates, resources and other services', () => {
    const pick = (o: Objective) => [
      o.start,
      o.end,
      o.humanResources,
      o.financialResources,
      o.financialAmount,
      o.otherServices,
    ];
    expect(pdfPlan.objectives.map(pick)).toEqual(plan.objectives.map(pick));
  });

  it('finds the same indicators and targets although cells are joined by spaces', () => {
    const pick = (o: Objective) => o.indicators.map((i) => [i.description, i.target]);
    expect(pdfPlan.objectives.map(pick)).toEqual(plan.objectives.map(pick));
  });

  it('leaves pluriennale unknown, with a warning, because the PDF drops the checkboxes', () => {
    for (const o of pdfPlan.objectives) expect(o.multiYear).toBeUndefined();
    expect(pdfPlan.warnings.filter((w) => /checkbox cannot be read/.test(w.message))).toHaveLength(5);
  });

  it('cites PDF lines and pages that really hold each objective', () => {
    for (const o of pdfPlan.objectives) {
      expect(o.span.page).toBeGreaterThan(0);
      expect(spanText(pdfDoc, o.span)).toContain(fold(o.title));
      for (const i of o.indicators) expect(spanText(pdfDoc, i.span)).toContain(fold(i.description));
    }
  });
});
