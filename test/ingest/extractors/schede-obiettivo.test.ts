import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedeObiettivoExtractor } from '../../../ingest/extractors/schede-obiettivo.ts';
import type { SourceDocument } from '../../../ingest/loaders/source-document.ts';
import { type ExtractedPlan, ExtractedPlanSchema, type Objective, type SourceSpan } from '../../../src/plan/model.ts';
import { fold, squash } from '../../../src/plan/text.ts';
import { loadTxtAndPdf, type TxtAndPdf } from '../../support/plan-fixture.ts';

const FILE = '004_57a0b84c466d2a35.txt';

let doc: SourceDocument;
let plan: ExtractedPlan;
let pdfDoc: SourceDocument;
let pdfPlan: ExtractedPlan;
let fixture: TxtAndPdf | undefined;

beforeAll(async () => {
  fixture = await loadTxtAndPdf(FILE, schedeObiettivoExtractor);
  ({ doc, plan, pdfDoc, pdfPlan } = fixture);
});

afterAll(() => fixture?.dispose());

const objective = (p: ExtractedPlan, code: string): Objective => {
  const found = p.objectives.find((o) => o.code === code);
  if (!found) throw new Error(`no objective ${code}`);
  return found;
};
const textOf = (d: SourceDocument, span: SourceSpan) =>
  squash(d.lines.slice(span.lineStart - 1, span.lineEnd).join(' '));
const CODES = Array.from({ length: 10 }, (_, k) => `VI - ${k + 1}`);

describe('schedeObiettivoExtractor.detect', () => {
  it('recognises the objective sheets in their PDF rendering', () => {
    expect(schedeObiettivoExtractor.detect(pdfDoc)).toBeGreaterThanOrEqual(0.8);
  });
});

describe('schedeObiettivoExtractor.extract — the document', () => {
  it('names the Comune di Chiavari, which the Risultato atteso of VI - 5 and VI - 6 mention', () => {
    expect(plan.document.entity).toBe('Comune di Chiavari');
  });

  it('describes the file as a piano degli obiettivi read by this layout', () => {
    expect(plan.document).toMatchObject({
      file: FILE,
      kind: 'piano_obiettivi',
      layout: 'schede-obiettivo',
      format: 'txt',
      lineCount: doc.lines.length,
      sha256: doc.sha256,
      title: 'Schede obiettivo ANNI 2019-2020',
    });
  });

  it('covers every year a sheet header names, 2021 included (ANNI 2019-2020-2021, ANNO 2021)', () => {
    expect(plan.document.years).toEqual([2019, 2020, 2021]);
  });
});

describe('schedeObiettivoExtractor.extract — objectives', () => {
  it('keeps one objective per code, VI - 1 … VI - 10, although each has one sheet per year', () => {
    expect(plan.objectives.map((o) => o.code)).toEqual(CODES);
  });

  it('reads codes written on their own line or in bold exactly as the document writes them', () => {
    expect(objective(plan, 'VI - 4').title).toBe('ATTUAZIONE DELLE MISURE DI TRASPARENZA');
    expect(objective(plan, 'VI - 5').title).toBe('CONSERVAZIONE PATRIMONIO DOCUMENTALE');
  });

  it('gives every objective to Maura Meschi, her title Dott.ssa kept apart', () => {
    for (const o of plan.objectives) {
      expect(o.owners[0]).toBe('Maura Meschi');
      expect(o.ownerTitles?.[0]).toBe('Dott.ssa');
    }
  });

  it('splits the two responsabili of VI - 5 and VI - 7 ("Dott.ssa Maura Meschi -- Ing. Luca Bonardi")', () => {
    for (const code of ['VI - 5', 'VI - 7']) {
      expect(objective(plan, code).owners).toEqual(['Maura Meschi', 'Luca Bonardi']);
      expect(objective(plan, code).ownerTitles).toEqual(['Dott.ssa', 'Ing.']);
    }
  });

  it('takes the structure from "Unità organizzativa responsabile" and the others involved from "coinvolte"', () => {
    expect(objective(plan, 'VI - 3').structure).toBe('SERVIZI SOCIALI, ISTRUZIONE, CASA');
    expect(objective(plan, 'VI - 10').structure).toBe('SETTORE VI');
    expect(objective(plan, 'VI - 8').otherServices).toBe('SERVIZI SOCIALI - POLIZIA MUNICIPALE - UFFICIO CULTURA');
  });

  it('keeps the Riferimento DUP as written and omits it where the sheet leaves it blank', () => {
    expect(objective(plan, 'VI - 3').strategic?.riferimentoDup).toBe('5--10--11');
    expect(objective(plan, 'VI - 7').strategic?.riferimentoDup).toBe('3');
    expect(objective(plan, 'VI - 8').strategic).toBeUndefined();
  });

  it('lists the years of the sheets of each objective', () => {
    expect(objective(plan, 'VI - 1').years).toEqual([2019, 2020]);
    expect(objective(plan, 'VI - 3').years).toEqual([2019, 2020, 2021]);
    expect(objective(plan, 'VI - 10').years).toEqual([2019, 2020, 2021]);
  });

  it('dates the sheets of VI - 7, which carry no year mark, by the year their indicators are due', () => {
    expect(objective(plan, 'VI - 7').years).toEqual([2019, 2020]);
    expect(objective(plan, 'VI - 7').indicators.map((i) => i.year)).toEqual([2019, 2019, 2020, 2020]);
  });

  it('leaves the annual / multi-year flag unset, since every sheet prints both words ANNUALE and PLURIENNALE', () => {
    expect(plan.objectives.map((o) => o.multiYear)).toEqual(CODES.map(() => undefined));
  });

  it('keeps the Risultato atteso once, without the "- ANNO 2019 -" marks of the yearly sheets', () => {
    const result = objective(plan, 'VI - 1').expectedResult ?? '';
    expect(result).toMatch(/^Adeguamento delle politiche educative/);
    expect(result).toMatch(/agiti dei propri figli\.$/);
    expect(result).not.toMatch(/ANNO/);
  });

  it('reads the Risorse finanziarie total of VI - 5 as written', () => {
    expect(objective(plan, 'VI - 5').financialResources).toBe('TOTALE 0,00');
    expect(objective(plan, 'VI - 5').financialAmount).toEqual({ text: '0,00', value: 0 });
  });

  it('spans each objective from its first sheet to its last', () => {
    expect(objective(plan, 'VI - 1').span).toMatchObject({ lineStart: 3, lineEnd: 121 });
    for (const o of plan.objectives) {
      const text = textOf(doc, o.span);
      expect(text).toContain('Codice obiettivo');
      expect(text).toContain(o.code);
    }
  });
});

describe('schedeObiettivoExtractor.extract — indicators', () => {
  it('reads the 44 indicator rows of the 23 sheets, never the empty numbered rows nor the 100,00% / OK totals', () => {
    expect(plan.objectives.reduce((n, o) => n + o.indicators.length, 0)).toBe(44);
    expect(objective(plan, 'VI - 1').indicators.map((i) => `${i.year}.${i.n}`)).toEqual([
      '2019.1',
      '2019.2',
      '2020.1',
      '2020.2',
      '2020.3',
    ]);
  });

  it('reads the first 2019 indicator of VI - 1: 30,00%, target 0 by "30 settembre 2019"', () => {
    const first = objective(plan, 'VI - 1').indicators[0]!;
    expect(first).toMatchObject({
      n: 1,
      year: 2019,
      description: 'Costituzione di un tavolo di lavoro tecnico dedicato tra ASL e Distretti Sociali',
      formula: 'Giorni di ritardo',
      weight: { text: '30,00%', value: 30 },
      target: { text: '0', value: 0, date: null },
      targetDate: { text: '30 settembre 2019', iso: '2019-09-30' },
      grading: 'gg di ritardo +5 =90 % +10gg = 80% +15gg =60%',
      span: { lineStart: 37, lineEnd: 37 },
    });
  });

  it('weighs "Avvio dell\'attività nello spazio dedicato" 40,00% in the 2020 sheet of VI - 1', () => {
    const avvio = objective(plan, 'VI - 1').indicators.find(
      (i) => i.description === "Avvio dell'attività nello spazio dedicato",
    );
    expect(avvio).toMatchObject({ n: 2, year: 2020, weight: { text: '40,00%', value: 40 } });
    expect(avvio?.targetDate).toEqual({ text: '28 febbraio 2020', iso: '2020-02-28' });
  });

  it('reads an intermediate level and its date apart from the final one', () => {
    const groups = objective(plan, 'VI - 2').indicators.find((i) => i.year === 2019 && i.n === 3);
    expect(groups).toMatchObject({
      formula: 'incontri svolti / incontri programmati',
      intermediateTarget: { text: '8', value: 8 },
      intermediateDate: { text: '31 dicembre 2019', iso: '2019-12-31' },
      target: { text: '16', value: 16 },
      targetDate: { text: '31 dicembre 2020', iso: '2020-12-31' },
    });
  });

  it('keeps percentage targets as written', () => {
    const archive = objective(plan, 'VI - 5').indicators.find((i) => i.year === 2020 && i.n === 1);
    expect(archive?.target).toEqual({ text: '60%', value: 60, date: null });
    expect(archive?.grading).toBe('proporzionale');
  });

  it('leaves the target unset where the sheet leaves LIVELLO FINALE ATTESO blank', () => {
    const roles = objective(plan, 'VI - 10').indicators[0]!;
    expect(roles.target).toBeUndefined();
    expect(roles.targetDate).toEqual({ text: '30 ottobre 2019', iso: '2019-10-30' });
  });

  it('cites the very line of each indicator row', () => {
    for (const o of plan.objectives) {
      for (const i of o.indicators) expect(textOf(doc, i.span)).toContain(i.description);
    }
  });
});

describe('schedeObiettivoExtractor.extract — phases (Piano operativo)', () => {
  it('reads the 54 Piano operativo rows, never the empty numbered rows nor the totals', () => {
    expect(plan.objectives.reduce((n, o) => n + o.phases.length, 0)).toBe(54);
    expect(
      objective(plan, 'VI - 1')
        .phases.filter((p) => p.year === 2019)
        .map((p) => p.title),
    ).toEqual([
      'Incontri tra professionisti ASL e Distretti per la costituzione del Tavolo tecnico',
      "Definizione dell'attività progettuale",
      'Stesura del cronoprogramma',
    ]);
  });

  it('reads weight, TEMPI as the end date, indicator, expected level and grading of a phase', () => {
    expect(objective(plan, 'VI - 1').phases[0]).toMatchObject({
      n: 1,
      year: 2019,
      weight: { text: '30,00%', value: 30 },
      end: { text: '30 settembre 2019', iso: '2019-09-30' },
      indicator: 'Giorni di ritardo',
      target: '0',
      grading: 'gg di ritardo +5 =90 % +10gg = 80% +15gg =60%',
      span: { lineStart: 53, lineEnd: 53 },
    });
  });

  it('reads abbreviated months ("30 ott 2019") as dates, keeping the text as written', () => {
    expect(objective(plan, 'VI - 10').phases[0]?.end).toEqual({ text: '30 ott 2019', iso: '2019-10-30' });
  });

  it('resolves "entro la fine di ogni anno di riferimento" to the end of the sheet year', () => {
    expect(objective(plan, 'VI - 3').phases.map((p) => p.end?.iso)).toEqual([
      '2019-12-31',
      '2019-12-31',
      '2020-12-31',
      '2020-12-31',
      '2021-12-31',
      '2021-12-31',
    ]);
  });

  it('keeps the mistyped date "3112/2019" as written, unresolved, and warns about it', () => {
    const phase = objective(plan, 'VI - 6').phases.find((p) => p.year === 2019 && p.n === 2);
    expect(phase?.end).toEqual({ text: '3112/2019', iso: null });
    expect(plan.warnings.map((w) => w.message)).toEqual([
      'obiettivo VI - 6 (2019): data "3112/2019" della fase 2 non leggibile',
    ]);
  });

  it('leaves the end unset where TEMPI is blank (VI - 7)', () => {
    expect(objective(plan, 'VI - 7').phases.every((p) => p.end === undefined)).toBe(true);
  });

  it('finds that every sheet weighs its indicators and phases to 100%', () => {
    expect(plan.warnings.filter((w) => /pesi/.test(w.message))).toEqual([]);
  });

  it('cites the very line of each phase row', () => {
    for (const o of plan.objectives) {
      for (const p of o.phases) expect(textOf(doc, p.span)).toContain(p.title);
    }
  });
});

describe('schedeObiettivoExtractor.extract — structures', () => {
  it('lists each distinct Unità organizzativa responsabile once', () => {
    expect(plan.structures.map((s) => s.name)).toEqual([
      'SERVIZI SOCIALI',
      'SERVIZI SOCIALI, ISTRUZIONE, CASA',
      'SERVIZI SOCIALI - SERVIZI TECNOLOGICI',
      "SERVIZI SOCIALI, NIDO D'INFANZIA, SCUOLA MATERNA",
      'SERVIZI SOCIALI - CASA - SERVIZI TECNOLOGICI',
      'SETTORE VI',
    ]);
  });

  it('names the sole responsabile as head, and no head where two people share the objectives', () => {
    const byName = new Map(plan.structures.map((s) => [s.name, s]));
    expect(byName.get('SETTORE VI')).toMatchObject({ kind: 'settore', head: 'Maura Meschi', headRole: 'Responsabile' });
    expect(byName.get('SERVIZI SOCIALI - SERVIZI TECNOLOGICI')?.head).toBeUndefined();
  });
});

describe('schedeObiettivoExtractor.extract — PDF rendering', () => {
  it('returns a plan that satisfies the model, with its page count', () => {
    expect(() => ExtractedPlanSchema.parse(pdfPlan)).not.toThrow();
    expect(pdfPlan.document.format).toBe('pdf');
    expect(pdfPlan.document.pageCount).toBeGreaterThan(20);
  });

  it('finds the same entity, years and objective codes', () => {
    expect(pdfPlan.document.entity).toBe('Comune di Chiavari');
    expect(pdfPlan.document.years).toEqual(plan.document.years);
    expect(pdfPlan.objectives.map((o) => o.code)).toEqual(CODES);
  });

  it('finds the same owners, titles, structures and years', () => {
    const summary = (p: ExtractedPlan) =>
      p.objectives.map((o) => ({
        code: o.code,
        owners: o.owners,
        titles: o.ownerTitles,
        structure: o.structure,
        years: o.years,
      }));
    expect(summary(pdfPlan)).toEqual(summary(plan));
  });

  it('reads the same indicators from the wrapped rows: weights, levels, dates and formulas', () => {
    const indicators = (p: ExtractedPlan) =>
      p.objectives.flatMap((o) =>
        o.indicators.map((i) => ({
          code: o.code,
          year: i.year,
          n: i.n,
          weight: i.weight?.text,
          description: i.description,
          formula: i.formula,
          intermediate: [i.intermediateTarget?.text, i.intermediateDate?.iso],
          target: [i.target?.text, i.targetDate?.iso],
          grading: i.grading,
        })),
      );
    expect(indicators(pdfPlan)).toEqual(indicators(plan));
  });

  it('reads the same phases from the wrapped rows', () => {
    const phases = (p: ExtractedPlan) =>
      p.objectives.flatMap((o) =>
        o.phases.map((ph) => ({
          code: o.code,
          year: ph.year,
          n: ph.n,
          weight: ph.weight?.text,
          title: ph.title,
          end: ph.end,
          indicator: ph.indicator,
          target: ph.target,
          grading: ph.grading,
        })),
      );
    expect(phases(pdfPlan)).toEqual(phases(plan));
  });

  it('cites PDF lines and pages that hold each indicator', () => {
    for (const o of pdfPlan.objectives) {
      for (const i of o.indicators) {
        expect(i.span.page).toBeGreaterThan(0);
        const text = fold(textOf(pdfDoc, i.span));
        expect(text).toContain(fold(i.weight!.text));
        if (i.targetDate) expect(text).toContain(fold(i.targetDate.text));
      }
    }
  });
});
