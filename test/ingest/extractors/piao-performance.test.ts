import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { piaoPerformanceExtractor } from '../../../ingest/extractors/piao-performance.ts';
import type { SourceDocument } from '../../../ingest/loaders/source-document.ts';
import {
  type DataTable,
  type ExtractedPlan,
  ExtractedPlanSchema,
  type Objective,
  type SourceSpan,
} from '../../../src/plan/model.ts';
import { fold, squash } from '../../../src/plan/text.ts';
import { loadTxtAndPdf, type TxtAndPdf } from '../../support/plan-fixture.ts';

let doc: SourceDocument;
let plan: ExtractedPlan;
let pdfDoc: SourceDocument;
let pdfPlan: ExtractedPlan;
let fixture: TxtAndPdf | undefined;

beforeAll(async () => {
  fixture = await loadTxtAndPdf('003_3c291b98105b86e1.txt', piaoPerformanceExtractor);
  ({ doc, plan, pdfDoc, pdfPlan } = fixture);
});

afterAll(() => fixture?.dispose());

const objective = (p: ExtractedPlan, code: string): Objective => {
  const o = p.objectives.find((x) => x.code === code);
  if (!o) throw new Error(`objective ${code} not extracted`);
  return o;
};
const table = (p: ExtractedPlan, title: string, firstHeader?: string): DataTable => {
  const t = p.tables.find(
    (x) => x.title === title && (firstHeader === undefined || x.header[0]?.startsWith(firstHeader)),
  );
  if (!t) throw new Error(`table ${title} not extracted`);
  return t;
};
const spanText = (d: SourceDocument, s: SourceSpan) =>
  fold(squash(d.lines.slice(s.lineStart - 1, s.lineEnd).join(' ')));
/** What must not differ between the .txt and its PDF rendering: everything but the spans. */
const withoutSpan = ({ span: _span, doc: _doc, ...rest }: Objective) => rest;

const STRATEGIC_ROWS = [
  '01.01.02.02',
  '01.02.01.03',
  '01.03.01.02',
  '01.03.01.04',
  '03.01.01.01',
  '03.01.01.03',
  '04.03.01.02',
  '05.01.01.05',
  '05.01.01.06',
  '05.01.01.07',
];

describe('piaoPerformanceExtractor.detect', () => {
  it('is confident on the PDF rendering of the same PIAO', () => {
    expect(piaoPerformanceExtractor.detect(pdfDoc)).toBeGreaterThanOrEqual(0.8);
  });
});

describe('piaoPerformanceExtractor.extract — the document', () => {
  it('names the Provincia di Prato PIAO 2024-2026 performance subsection', () => {
    expect(plan.document).toMatchObject({
      file: '003_3c291b98105b86e1.txt',
      entity: 'Provincia di Prato',
      kind: 'piao_performance',
      title: 'PIAO 2024-2026 – 2.2 SOTTOSEZIONE PERFORMANCE',
      years: [2024, 2025, 2026],
      layout: 'piao-performance',
      format: 'txt',
      lineCount: doc.lines.length,
      sha256: doc.sha256,
    });
    expect(plan.document.pageCount).toBeUndefined();
  });
});

describe('piaoPerformanceExtractor.extract — the synthesis table objectives', () => {
  it('reads every PIAO-PERFORMANCE code once, 34 in all, in document order', () => {
    const codes = plan.objectives.map((o) => o.code);
    expect(codes).toHaveLength(34);
    expect(new Set(codes).size).toBe(34);
    expect(codes[0]).toBe('01.01.01.01');
    expect(codes.at(-1)).toBe('05.02.02.01');
    expect(codes.every((c) => /^\d{2}\.\d{2}\.\d{2}\.\d{2}$/.test(c))).toBe(true);
  });

  it('gives 05.01.01.04 "Consolidamento ponti" to the Servizio viabilità e ambiente, owner included', () => {
    expect(objective(plan, '05.01.01.04')).toMatchObject({
      title: 'Consolidamento ponti',
      structure: 'Servizio viabilità e ambiente',
      owners: ['Servizio viabilità e ambiente'],
      years: [2024, 2025, 2026],
      span: { doc: '003_3c291b98105b86e1.txt', lineStart: 115, lineEnd: 115 },
    });
  });

  it('reads the digital accessibility objective 04.03.01.02 as a strategic objective of the Dirigente', () => {
    expect(objective(plan, '04.03.01.02')).toMatchObject({
      title: "Garantire l'accessibilità digitale ai servizi e l'autonomia dei cittadini over 65 e con disabilità",
      structure: 'Dirigente',
      owners: ['Dirigente'],
      type: 'strategico',
      strategic: {
        area: 'AREA AMMINISTRATIVA',
        obiettivoStrategico: "04.03 PROMUOVERE STRATEGIE, AZIONI E PROGETTI PER L'ACCOGLIENZA E L'INTEGRAZIONE",
        obiettivoOperativo: '04.03.01 Una Provincia a misura di tutti',
      },
    });
  });

  it('marks as strategic exactly the objectives the table assigns to the Dirigente', () => {
    const strategic = plan.objectives.filter((o) => o.type === 'strategico').map((o) => o.code);
    expect(strategic).toEqual(STRATEGIC_ROWS);
    expect(plan.objectives.filter((o) => o.type === undefined)).toHaveLength(34 - STRATEGIC_ROWS.length);
  });

  it('makes every objective owned by its STRUTTURA, since the document names no person', () => {
    for (const o of plan.objectives) expect(o.owners).toEqual([o.structure]);
  });

  it('carries merged strategic and operational cells down to the rows below', () => {
    expect(objective(plan, '01.01.02.03').strategic).toEqual({
      valorePubblico:
        "1. VALORE PUBBLICO- BENESSERE ORGANIZZATIVO DELL'ENTE E RAFFORZAMENTO DELLA CAPACITÀ AMMINISTRATIVA DELLA PERFORMANCE",
      lineaMandato:
        '01. LINEA DI MANDATO - LA PROVINCIA DI PRATO COME "ENTE" AL SERVIZIO DEI SINDACI E DELLE COMUNITÀ LOCALI',
      obiettivoStrategico: '01.01 CABINA DI REGIA: IL PRESIDENTE DELLA PROVINCIA DI PRATO COME "SINDACO DEI SINDACI"',
      obiettivoOperativo:
        '01.01.02 Gestire in modo virtuoso le finanze provinciali, agendo su riqualificazione della spesa',
      area: 'AREA AMMINISTRATIVA',
    });
  });

  it('drops the trailing dot of strategic codes written "01.02."', () => {
    expect(objective(plan, '01.02.01.02').strategic?.obiettivoStrategico).toBe(
      "01.02 MIGLIORARE IL BENESSERE ECONOMICO E SOCIALE DELL'ENTE",
    );
    expect(objective(plan, '02.01.01.02').strategic?.obiettivoStrategico).toBe(
      '02.01 RAFFORZARE LE FUNZIONI DELLA POLIZIA PROVINCIALE DI PRESIDIO DEL TERRITORIO',
    );
  });

  it('rejoins 03.01.01.04, whose title and structure a page break split in two', () => {
    expect(objective(plan, '03.01.01.04')).toMatchObject({
      title:
        "Supportare i processi decisionali e della strategia: funzione di presidio della legittimità dell'azione amministrativa e prevenzione del fenomeno della corruzione",
      structure: 'Segreteria Generale e Programmazione',
      span: { lineStart: 91, lineEnd: 95 },
    });
  });

  it('reads area labels whichever column they sit in', () => {
    expect(objective(plan, '02.02.02.01').strategic?.area).toBe('AREA AMMINISTRATIVA');
    expect(objective(plan, '03.02.01.01').strategic?.area).toBe('AREA TECNICA');
    expect(objective(plan, '04.01.01.01').strategic?.area).toBe('AREA AMMINISTRATIVA');
    expect(objective(plan, '05.01.01.01').strategic?.area).toBe('AREA TECNICA');
  });

  it('keeps the valore pubblico across an area change that opens no new one', () => {
    expect(objective(plan, '04.04.01.01').strategic).toMatchObject({
      valorePubblico: '2. VALORE PUBBLICO - VALORIZZAZIONE DEL PATRIMONIO, BENESSERE SCOLASTICO E SOCIALE',
      lineaMandato: "04. LINEA DI MANDATO – IL SISTEMA SCOLASTICO, L'ACCOGLIENZA, L'INTEGRAZIONE E LE PARI OPPORTUNITÀ",
    });
  });

  it('separates a structure from a title that itself starts with a unit word', () => {
    expect(objective(plan, '01.01.04.01')).toMatchObject({
      title: 'Servizi di Back e Front Office',
      structure: 'Ufficio Protocollo e Front office',
    });
  });

  it('gives every objective a span whose lines contain its code and title', () => {
    for (const o of plan.objectives) {
      const text = spanText(doc, o.span);
      expect(text).toContain(o.code);
      expect(text).toContain(fold(o.title.split(' ').slice(0, 2).join(' ')));
    }
  });

  it('warns that 02.02.02.01 does not descend from its obiettivo operativo 02.02.01', () => {
    const w = plan.warnings.find((x) => x.message.includes('02.02.02.01'));
    expect(w?.message).toContain('02.02.01');
    expect(w?.span?.lineStart).toBe(83);
  });

  it('warns once that owners are structures because no person is named', () => {
    expect(plan.warnings.filter((w) => w.message.includes('no person is named'))).toHaveLength(1);
  });
});

describe('piaoPerformanceExtractor.extract — structures', () => {
  it('lists each distinct STRUTTURA once, 13 in all', () => {
    const names = plan.structures.map((s) => s.name);
    expect(names).toHaveLength(13);
    expect(new Set(names).size).toBe(13);
  });

  it('tells servizi from uffici', () => {
    const byName = new Map(plan.structures.map((s) => [s.name, s]));
    expect(byName.get('Servizio viabilità e ambiente')?.kind).toBe('servizio');
    expect(byName.get('Ufficio Legale')?.kind).toBe('ufficio');
    expect(byName.get('Staff Presidente')?.kind).toBe('other');
  });

  it('gives a structure its area only when all its objectives share one', () => {
    const byName = new Map(plan.structures.map((s) => [s.name, s]));
    expect(byName.get('Servizio Edilizia Scolastica, Patrimonio e Urbanistica')?.area).toBe('AREA TECNICA');
    expect(byName.get('Servizio Risorse Umane')?.area).toBe('AREA AMMINISTRATIVA');
    expect(byName.get('Servizio viabilità e ambiente')?.area).toBeUndefined();
    expect(byName.get('Dirigente')?.area).toBeUndefined();
  });
});

describe('piaoPerformanceExtractor.extract — tables of figures in the narrative', () => {
  it('reads the five staff tables of the MONITORAGGIO DATI section', () => {
    expect(plan.tables.map((t) => t.title)).toEqual([
      'Organico complessivo al 31.12.2023',
      'Organico complessivo al 31.12.2023 — Di cui',
      'Assunzioni e cessazioni nel periodo 01.01.2023-31.12.2023',
      'Assunzioni e cessazioni nel periodo 01.01.2023-31.12.2023',
      'Smart working',
    ]);
    expect(plan.tables.every((t) => t.section === 'MONITORAGGIO DATI')).toBe(true);
  });

  it('reads 69 employees at 31.12.2023, blank cells kept in their columns', () => {
    const organico = table(plan, 'Organico complessivo al 31.12.2023');
    expect(organico.header).toEqual(['', 'Dirigente', 'Cat. D', 'Cat. C', 'Cat. B', 'Cat. A', 'Tot.']);
    expect(organico.rows).toEqual([
      { label: 'Uomo', cells: ['', '10', '9', '2', '2', '23'] },
      { label: 'Donna', cells: ['1', '28 di cui 1 a T.D', '11', '6', '', '46'] },
      { label: 'Tot.', cells: ['1', '38', '20', '8', '2', '69'] },
    ]);
    expect(organico.span).toMatchObject({ lineStart: 257, lineEnd: 260 });
  });

  it('splits hirings from leavings where the "Assunti" sub-header restarts the columns', () => {
    const cessati = table(plan, 'Assunzioni e cessazioni nel periodo 01.01.2023-31.12.2023', 'Cessati');
    const assunti = table(plan, 'Assunzioni e cessazioni nel periodo 01.01.2023-31.12.2023', 'Assunti');
    expect(cessati.header).toEqual(['Cessati', '2021', '2022', '2023', 'Totale complessivo']);
    expect(assunti.header).toEqual(['Assunti', '2021', '2022', '2023', 'Totale complessivo']);
    expect(cessati.rows.at(-1)).toEqual({
      label: 'Totale per anno',
      cells: ['8 (+3 TD)', '11 (+ 8 TD)', '7 (+2 TD)', '26 (+ 13 TD)'],
    });
    expect(assunti.rows.at(-1)).toEqual({
      label: 'Totale per anno',
      cells: ['5 (+ 6 TD)', '16 (+ 5 TD)', '13 (+ 2 TD)', '34 (+ 13 TD)'],
    });
  });

  it('reads the smart working figures', () => {
    expect(table(plan, 'Smart working').rows.at(-1)).toEqual({ label: 'Tot.', cells: ['39', '4', '43'] });
  });

  it('leaves the text-only tables (semplificazione, azioni positive) to the narrative', () => {
    expect(plan.tables.some((t) => /obiettivo|azione/i.test(t.header.join(' ')))).toBe(false);
  });
});

describe('piaoPerformanceExtractor.extract — the PDF rendering', () => {
  it('returns a plan that satisfies the plan model, with page count', () => {
    expect(() => ExtractedPlanSchema.parse(pdfPlan)).not.toThrow();
    expect(pdfPlan.document).toMatchObject({ format: 'pdf', entity: 'Provincia di Prato', years: [2024, 2025, 2026] });
    expect(pdfPlan.document.pageCount).toBe(Math.max(...(pdfDoc.pageOfLine ?? [0])));
  });

  it('reads the same objectives, titles, structures, owners and strategic links as the .txt', () => {
    expect(pdfPlan.objectives.map(withoutSpan)).toEqual(plan.objectives.map(withoutSpan));
  });

  it('rejoins the wrapped rows and cites the PDF lines and page that hold them', () => {
    const o = objective(pdfPlan, '05.01.01.04');
    expect(o.structure).toBe('Servizio viabilità e ambiente');
    expect(o.span.page).toBeGreaterThanOrEqual(1);
    for (const x of pdfPlan.objectives) expect(spanText(pdfDoc, x.span)).toContain(x.code);
  });

  it('reads the same structures as the .txt', () => {
    expect(pdfPlan.structures.map(({ span: _s, doc: _d, ...rest }) => rest)).toEqual(
      plan.structures.map(({ span: _s, doc: _d, ...rest }) => rest),
    );
  });

  it('still finds the 69 employees at 31.12.2023 in the staff table', () => {
    const organico = table(pdfPlan, 'Organico complessivo al 31.12.2023');
    expect(organico.rows.find((r) => r.label === 'Tot.')?.cells).toEqual(['1', '38', '20', '8', '2', '69']);
    expect(pdfPlan.tables.map((t) => t.title)).toEqual(plan.tables.map((t) => t.title));
  });

  it('warns that the columns of the staff tables are lost without tab stops', () => {
    const w = pdfPlan.warnings.find((x) => x.message.startsWith('table "Organico complessivo al 31.12.2023"'));
    expect(w?.message).toContain('column boundaries lost');
    expect(w?.message).toContain('Uomo, Donna');
  });
});
