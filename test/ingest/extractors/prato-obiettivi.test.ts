import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pratoObiettiviExtractor } from '../../../ingest/extractors/prato-obiettivi.ts';
import type { SourceDocument } from '../../../ingest/loaders/source-document.ts';
import { type ExtractedPlan, ExtractedPlanSchema, type Objective, type SourceSpan } from '../../../src/plan/model.ts';
import { loadTxtAndPdf, type TxtAndPdf } from '../../support/plan-fixture.ts';

const CODES = [
  '2020-CP09',
  '2020-CP19',
  '2020-PA14',
  '2020-PE09',
  '2020-PF31',
  '2020-PG18',
  '2020-PG19',
  '2020-PL09',
  '2020-PL10',
  '2020-PL11',
  '2020-PL12',
  '2020-PL13',
  '2020-PL14',
  '2020-PL19',
  '2020-PR31',
  '2020-PS05',
  '2020-PS06',
  '2020-SL08',
  '2020-SL09',
  '2020-SR18',
  '2020-SR19',
  '2020-UA14',
  '2020-UG08',
  '2020-UG09',
];

let doc: SourceDocument;
let plan: ExtractedPlan;
let pdfDoc: SourceDocument;
let pdfPlan: ExtractedPlan;
let fixture: TxtAndPdf | undefined;

beforeAll(async () => {
  fixture = await loadTxtAndPdf('000_dd772a8f217c4819.txt', pratoObiettiviExtractor);
  ({ doc, plan, pdfDoc, pdfPlan } = fixture);
});

afterAll(() => fixture?.dispose());

const objective = (code: string, p: ExtractedPlan = plan): Objective => {
  const o = p.objectives.find((x) => x.code === code);
  if (!o) throw new Error(`no objective ${code}`);
  return o;
};
const spanText = (d: SourceDocument, span: SourceSpan) => d.lines.slice(span.lineStart - 1, span.lineEnd).join(' ');
const withoutSpans = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (key, v) => (key === 'span' || key === 'doc' ? undefined : v)));

describe('pratoObiettiviExtractor.detect', () => {
  it('is confident on the PDF rendering of the same plan', () => {
    expect(pratoObiettiviExtractor.detect(pdfDoc)).toBeGreaterThanOrEqual(0.8);
  });
});

describe('pratoObiettiviExtractor.extract — document', () => {
  it('describes the document as the piano degli obiettivi 2020 of the Comune di Prato', () => {
    expect(plan.document).toMatchObject({
      file: '000_dd772a8f217c4819.txt',
      entity: 'Comune di Prato',
      kind: 'piano_obiettivi',
      title: 'Preventivo obiettivi 2020',
      years: [2020],
      layout: 'prato-obiettivi',
      format: 'txt',
      lineCount: doc.lines.length,
      sha256: doc.sha256,
    });
  });
});

describe('pratoObiettiviExtractor.extract — objectives', () => {
  it('finds the 24 objectives once each, although every page repeats the header block', () => {
    expect(plan.objectives.map((o) => o.code)).toEqual(CODES);
  });

  it.each([
    ['2020-CP09', 'Maccioni Marco', 'Corpo P.M'],
    ['2020-CP19', 'Dini Claudio', 'Corpo P.M'],
    ['2020-PA14', 'Iacopino Rita Lucia', 'Cultura, turismo e promozione del territorio'],
    ['2020-PE09', 'Lotti Rosanna', 'Servizi Demografici'],
    ['2020-PF31', 'Fedi Simona', 'Governo del Territorio'],
    ['2020-PG18', 'Caporaso Francesco', 'Urbanistica e Protezione Civile'],
    ['2020-PR31', 'Carosella Maria Teresa', 'Lavori Pubblici e Mobilità'],
    ['2020-PS06', 'Scura Amedeo', 'Sport'],
    ['2020-SL08', 'Ducceschi Giovanni', 'Organi istituzionali e servizi di supporto'],
    ['2020-SL09', 'Brocchi Marco', 'Organi istituzionali e servizi di supporto'],
    ['2020-SR18', 'Palmieri Donatella', 'Risorese Umane e Finanziarie'],
    ['2020-UA14', 'Fedeli Simonetta', 'Unità Staff Direzione Gen.le'],
    ['2020-UG08', 'Lotti Rosanna', 'Unità di Staff Statistica'],
  ])('reads %s as owned by %s in %s', (code, owner, structure) => {
    expect(objective(code)).toMatchObject({ owners: [owner], structure });
  });

  it('keeps the owner apart from a structure name wrapped over two lines', () => {
    expect(objective('2020-PA14')).toMatchObject({
      owners: ['Iacopino Rita Lucia'],
      title: 'Arte e storia dei paesi di Prato',
    });
  });

  it('keeps near-identical names distinct: Fedi Simona and Fedeli Simonetta', () => {
    expect(objective('2020-PF31').owners).toEqual(['Fedi Simona']);
    expect(objective('2020-UA14').owners).toEqual(['Fedeli Simonetta']);
  });

  it('lists the objectives owned by Sardi Valentina', () => {
    const codes = plan.objectives.filter((o) => o.owners.includes('Sardi Valentina')).map((o) => o.code);
    expect(codes).toEqual(['2020-PL09', '2020-PL10', '2020-PL11', '2020-PL12', '2020-PL13', '2020-PL14', '2020-PL19']);
  });

  it('lists the objectives owned by Caporaso Francesco, one of them "Urban Jungle"', () => {
    const owned = plan.objectives.filter((o) => o.owners.includes('Caporaso Francesco'));
    expect(owned.map((o) => [o.code, o.title])).toEqual([
      ['2020-PG18', 'Coordinamento emergenza Covid'],
      ['2020-PG19', 'Urban Jungle'],
    ]);
  });

  it('lists the objectives owned by Palmieri Donatella across two structures', () => {
    const codes = plan.objectives.filter((o) => o.owners.includes('Palmieri Donatella')).map((o) => o.code);
    expect(codes).toEqual(['2020-PS05', '2020-SR18', '2020-SR19']);
  });

  it('joins a title wrapped over two lines', () => {
    expect(objective('2020-PL19').title).toBe(
      'Progettare e sperimentare modalità gestionali e organizzative dei servizi socio assistenziali in funzione di nuovi assetti e di prospettive di gestione diretta della società della salute',
    );
  });

  it('reads the Tipo di Obiettivo as written', () => {
    expect(objective('2020-CP09').type).toBe('SVILUPPO');
    expect(objective('2020-CP19').type).toBe('INDIVIDUALE');
    expect(plan.objectives.filter((o) => o.type === 'SVILUPPO')).toHaveLength(15);
    expect(plan.objectives.filter((o) => o.type === 'INDIVIDUALE')).toHaveLength(9);
  });

  it('marks the objectives declared "Pluriennale SI" as multi-year', () => {
    const codes = plan.objectives.filter((o) => o.multiYear).map((o) => o.code);
    expect(codes).toEqual(['2020-PG18', '2020-PG19', '2020-UG08', '2020-UG09']);
  });

  it('reads the Descrizione Obiettivo without its label', () => {
    expect(objective('2020-PL11').description).toMatch(/^a partire dal Piano Povertà, iniziato nell'anno 2019/);
  });

  it('continues a description that runs over a page break, past the repeated header', () => {
    expect(objective('2020-PL13').description).toMatch(/la Procura della Repubblica presso il Tribunale di Prato,/);
    expect(objective('2020-PL13').description).toMatch(/contrastare questi fenomeni sempre più diffusi\.$/);
  });

  it('keeps the "contesto di riferimento" ahead of the description', () => {
    expect(objective('2020-PG18').description).toMatch(/^Contesto di riferimento: In considerazione dell'emergenza/);
    expect(objective('2020-PG18').description).toMatch(
      /In considerazione di quanto in premessa sarà compito specifico/,
    );
  });

  it('reads the RISULTATO FINALE ATTESO, written inline or on the next line', () => {
    expect(objective('2020-PA14').expectedResult).toMatch(/^Contribuire a far conoscere, attraverso l'arte,/);
    expect(objective('2020-SR19').expectedResult).toBe('Predisposizione delibera adozione Regolamento Smart Working');
    expect(objective('2020-PS06').expectedResult).toMatch(/^Integrare le convenzioni di gestione con misure antiCOVID/);
  });

  it('takes the expected result from the description when the sheet writes it in running text', () => {
    const o = objective('2020-CP09');
    expect(o.expectedResult).toMatch(/^Risultato finale atteso consiste nell'istituire, coordinare e controllare/);
    expect(o.description).not.toMatch(/Risultato finale atteso/);
  });

  it('lists the ALTRI SERVIZI COINVOLTI', () => {
    expect(objective('2020-PL12').otherServices).toBe('Corpo P.M; Risorse Umane e Finanziarie');
    expect(objective('2020-PS05').otherServices).toBe('Patrimonio; Lavori Pubblici e Mobilità');
  });

  it('spans each objective from its first code line to its last line', () => {
    expect(objective('2020-CP09').span).toEqual({ doc: '000_dd772a8f217c4819.txt', lineStart: 9, lineEnd: 90 });
    for (const o of plan.objectives) expect(doc.lines[o.span.lineStart - 1]).toContain(o.code);
  });
});

describe('pratoObiettiviExtractor.extract — phases', () => {
  it('finds 98 phases', () => {
    expect(plan.objectives.reduce((n, o) => n + o.phases.length, 0)).toBe(98);
  });

  it('reads the phases of 2020-CP19 with dates and weights as written', () => {
    const phases = objective('2020-CP19').phases;
    expect(phases.map((p) => p.title)).toEqual([
      'Analisi delle criticità',
      'Progettazione della ristrutturazione operativa/gestionale',
      'Fase operativa: applicazione protocollo',
      'verifica risultati',
    ]);
    expect(phases[0]).toMatchObject({
      start: { text: '01/01/2020', iso: '2020-01-01' },
      end: { text: '31/01/2020', iso: '2020-01-31' },
      weight: { text: '30,00', value: 30 },
      structure: 'Corpo P.M',
    });
    expect(phases[3]).toMatchObject({
      start: { text: '01/12/2020', iso: '2020-12-01' },
      end: { text: '31/12/2020', iso: '2020-12-31' },
      weight: { text: '10,00', value: 10 },
    });
  });

  it('cites the lines from FASE to the dates of each phase', () => {
    const last = objective('2020-CP19').phases[3]!;
    expect(last.span).toEqual({ doc: '000_dd772a8f217c4819.txt', lineStart: 150, lineEnd: 156 });
    for (const o of plan.objectives) {
      for (const p of o.phases) expect(spanText(doc, p.span)).toContain(p.start!.text);
    }
  });

  it('joins a phase number split from its title ("5" / ". Apertura…")', () => {
    expect(objective('2020-PL10').phases[4]!.title).toBe(
      '5. Apertura struttura Viale BorgoValsugana (uomini e donne sole in struttura privata)',
    );
  });

  it('leaves the weight out where the column is blank (phases of later years)', () => {
    const later = objective('2020-PR31').phases.filter((p) => p.start!.iso!.startsWith('2021'));
    expect(later).toHaveLength(4);
    for (const p of later) expect(p.weight).toBeUndefined();
  });

  it('separates the Responsabile from the Centro di Responsabilità column', () => {
    expect(objective('2020-SL08').phases[0]).toMatchObject({
      responsible: 'Ducceschi Giovanni',
      structure: 'Organi istituz e serv.supporto',
      weight: { text: '30,00', value: 30 },
    });
  });
});

describe('pratoObiettiviExtractor.extract — indicators', () => {
  it('finds 61 indicators', () => {
    expect(plan.objectives.reduce((n, o) => n + o.indicators.length, 0)).toBe(61);
  });

  it('reads description, type and target of the 2020-PL12 indicators', () => {
    const byDescription = Object.fromEntries(objective('2020-PL12').indicators.map((i) => [i.description, i]));
    expect(byDescription['n. controlli ASL']).toMatchObject({
      type: 'quantitativo',
      target: { text: '100,00', value: 100, date: null },
    });
    expect(byDescription['Incassi da recupero tributi evasi']).toMatchObject({
      type: 'quantitativo',
      target: { text: '80.000,00', value: 80000, date: null },
    });
  });

  it('joins an indicator description wrapped over several lines', () => {
    expect(objective('2020-CP09').indicators[0]).toMatchObject({
      description:
        "Numero di controlli organizzati in materia di autotrasporto sull'asse viario dell'industria, in zona afferente ai cavalcavia autostradali",
      type: 'efficienza',
      target: { text: '50,00', value: 50 },
    });
  });

  it('keeps percentage and date targets as written', () => {
    expect(objective('2020-CP09').indicators[2]!.target).toEqual({ text: '100%', value: 100, date: null });
    expect(objective('2020-PL10').indicators[0]).toMatchObject({
      description: 'pubblicazione bando case popolari',
      target: { text: '30/09/2020', value: null, date: '2020-09-30' },
    });
  });

  it('reads the Note column, also when it wraps under the row', () => {
    const [controls, evasion] = objective('2020-SR18').indicators;
    expect(controls).toMatchObject({
      description: 'n. controlli sul territorio',
      target: { text: '60,00' },
      note: 'Black Friday, Cerbero e Cerbero Plus di cui 20 su aziende e 40 su abitazioni',
    });
    expect(evasion).toMatchObject({
      description: 'importo di evasione recuperato',
      type: 'efficienza',
      target: { text: '1.000.000,00', value: 1000000 },
      note: 'da controlli attraverso banche dati e controlli sul territorio',
    });
  });

  it('merges the indicators of an objective printed over two INDICATORI pages', () => {
    expect(objective('2020-PL14').indicators.map((i) => i.target!.text)).toEqual(['500,00', '25,00', '4,00']);
  });

  it('cites lines that hold each indicator target', () => {
    for (const o of plan.objectives) {
      for (const i of o.indicators) expect(spanText(doc, i.span)).toContain(i.target!.text);
    }
  });
});

describe('pratoObiettiviExtractor.extract — structures and warnings', () => {
  it('lists the 12 centri di responsabilità named in the headers', () => {
    expect(plan.structures.map((s) => s.name)).toEqual([
      'Corpo P.M',
      'Cultura, turismo e promozione del territorio',
      'Servizi Demografici',
      'Governo del Territorio',
      'Urbanistica e Protezione Civile',
      'Sociale e Immigrazione',
      'Lavori Pubblici e Mobilità',
      'Sport',
      'Organi istituzionali e servizi di supporto',
      'Risorese Umane e Finanziarie',
      'Unità Staff Direzione Gen.le',
      'Unità di Staff Statistica',
    ]);
    for (const s of plan.structures) expect(s.kind).toBe('cdr');
  });

  it('names a head only where every objective of the structure has the same owner', () => {
    const head = (name: string) => plan.structures.find((s) => s.name === name)?.head;
    expect(head('Sociale e Immigrazione')).toBe('Sardi Valentina');
    expect(head('Corpo P.M')).toBeUndefined();
    expect(head('Sport')).toBeUndefined();
  });

  it('warns about phase weights that do not add up to 100', () => {
    const messages = plan.warnings.map((w) => w.message);
    expect(messages).toContain('objective 2020-PL10: phase weights sum to 90, not 100');
    expect(messages).toContain('objective 2020-PL11: phase weights sum to 95, not 100');
  });

  it('warns about objectives without phases or without any phase weight', () => {
    const messages = plan.warnings.map((w) => w.message);
    expect(messages).toContain('objective 2020-PG19 has no phases');
    expect(messages).toContain('objective 2020-SR18 has no phases');
    expect(messages).toContain('objective 2020-PG18: no phase carries a weight');
  });

  it('warns that the header and the phases spell the structure of 2020-SR19 differently', () => {
    expect(plan.warnings.map((w) => w.message)).toContain(
      'objective 2020-SR19: the header writes the structure "Risorese Umane e Finanziarie", its phases "Risorse Umane e Finanziarie"',
    );
  });
});

describe('pratoObiettiviExtractor.extract — PDF rendering', () => {
  it('returns a valid plan with the page count', () => {
    expect(() => ExtractedPlanSchema.parse(pdfPlan)).not.toThrow();
    expect(pdfPlan.document).toMatchObject({ format: 'pdf', entity: 'Comune di Prato', years: [2020] });
    expect(pdfPlan.document.pageCount).toBeGreaterThan(1);
  });

  it('finds the same objective codes, owners and structures', () => {
    const summary = (p: ExtractedPlan) => p.objectives.map((o) => [o.code, o.owners, o.structure]);
    expect(summary(pdfPlan)).toEqual(summary(plan));
  });

  it('reads the same phases, indicators and figures', () => {
    expect(withoutSpans(pdfPlan.objectives)).toEqual(withoutSpans(plan.objectives));
  });

  it('keeps key figures as written', () => {
    const pl12 = objective('2020-PL12', pdfPlan).indicators.map((i) => i.target!.text);
    expect(pl12).toEqual(['10,00', '10,00', '10,00', '100,00', '80.000,00']);
    expect(objective('2020-CP19', pdfPlan).phases[3]).toMatchObject({
      title: 'verifica risultati',
      weight: { text: '10,00' },
      end: { iso: '2020-12-31' },
    });
  });

  it('cites lines and pages of the PDF', () => {
    const o = objective('2020-SR18', pdfPlan);
    expect(o.span.page).toBeGreaterThan(1);
    expect(pdfDoc.lines[o.span.lineStart - 1]).toContain('2020-SR18');
    for (const i of o.indicators) expect(spanText(pdfDoc, i.span)).toContain(i.target!.text);
  });
});
