import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genericExtractor } from '../../../ingest/extractors/generic.ts';
import { detectLayout } from '../../../ingest/extractors/registry.ts';
import { loadDocument } from '../../../ingest/loaders/load-document.ts';
import type { SourceDocument } from '../../../ingest/loaders/source-document.ts';
import { type ExtractedPlan, ExtractedPlanSchema } from '../../../src/plan/model.ts';
import { fold, squash, stripMarkup } from '../../../src/plan/text.ts';
import { makePdf } from '../../support/make-pdf.ts';

const plans = fileURLToPath(new URL('../../../data/plans/', import.meta.url));

/** A small plan in no known layout: two readable objectives, one without Responsabile, one in a "Codice" sheet. */
const INVENTED = `Unione dei Comuni della Val di Bisenzio
Piano degli obiettivi 2022-2023

Obiettivo 1: Digitalizzazione delle pratiche edilizie
Settore: Urbanistica
Responsabile: Ing. Carla Bianchi

Obiettivo 2 - Riduzione dei tempi di pagamento
Responsabile: Dott. Marco Verdi, Rag. Anna Neri

Obiettivo 3: Sportello unico per le imprese
Descrizione: da definire

Codice obiettivo: B.4
Denominazione: Biblioteca diffusa
Responsabile Dott.ssa Lucia Gialli

Nel 2023 l'obiettivo principale resta la qualità dei servizi.
`;

const SAMPLES: { file: string; entity: string; kind: string; years: number[] }[] = [
  { file: '000_dd772a8f217c4819.txt', entity: 'Comune di Prato', kind: 'piano_obiettivi', years: [2020] },
  { file: '001_73b0fc146c050a42.txt', entity: 'Comune di Serravalle Pistoiese', kind: 'peg', years: [2018] },
  { file: '002_51402a20550dfbf2.txt', entity: 'Comune di Reggio Emilia', kind: 'peg', years: [2021] },
  {
    file: '003_3c291b98105b86e1.txt',
    entity: 'Provincia di Prato',
    kind: 'piao_performance',
    years: [2024, 2025, 2026],
  },
  { file: '004_57a0b84c466d2a35.txt', entity: 'Comune di Chiavari', kind: 'unknown', years: [2019, 2020] },
];

let tmp: string;
let invented: SourceDocument;
let plan: ExtractedPlan;
let pdfPlan: ExtractedPlan;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'generic-extractor-'));
  await writeFile(join(tmp, 'invented.txt'), INVENTED);
  invented = await loadDocument(join(tmp, 'invented.txt'));
  plan = genericExtractor.extract(invented);
  await writeFile(join(tmp, 'invented.pdf'), await makePdf(INVENTED));
  pdfPlan = genericExtractor.extract(await loadDocument(join(tmp, 'invented.pdf')));
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const inDoc = async (file: string) => loadDocument(join(plans, file));
const spanText = (d: SourceDocument, from: number, to: number) =>
  fold(squash(stripMarkup(d.lines.slice(from - 1, to).join(' '))));

describe('genericExtractor.detect', () => {
  it('is what the registry falls back to for a plan in no known layout', () => {
    expect(detectLayout(invented).layout).toBe(genericExtractor.layout);
  });

  it('loses to the layout that knows a real plan, even when it competes like any layout', async () => {
    const reggio = await inDoc('002_51402a20550dfbf2.txt');
    const chosen = detectLayout(reggio);
    expect(chosen.layout).not.toBe(genericExtractor.layout);
    expect(genericExtractor.detect(reggio)).toBeLessThan(chosen.detect(reggio));
  });
});

describe('genericExtractor.extract — a plan in no known layout', () => {
  it('returns a plan that passes the model schema', () => {
    expect(() => ExtractedPlanSchema.parse(plan)).not.toThrow();
  });

  it('guesses the entity, kind, years and title from the text', () => {
    expect(plan.document).toMatchObject({
      entity: 'Unione dei Comuni della Val di Bisenzio',
      kind: 'piano_obiettivi',
      years: [2022, 2023],
      title: 'Unione dei Comuni della Val di Bisenzio',
      layout: 'generic',
      format: 'txt',
      lineCount: invented.lines.length,
      sha256: invented.sha256,
    });
  });

  it('reads every objective with its code and title, with a Responsabile or without', () => {
    expect(plan.objectives.map((o) => [o.code, o.title])).toEqual([
      ['1', 'Digitalizzazione delle pratiche edilizie'],
      ['2', 'Riduzione dei tempi di pagamento'],
      ['3', 'Sportello unico per le imprese'],
      ['B.4', 'Biblioteca diffusa'],
    ]);
  });

  it('keeps owners as written, with their titles apart, and invents none', () => {
    expect(plan.objectives.map((o) => [o.owners, o.ownerTitles])).toEqual([
      [['Carla Bianchi'], ['Ing.']],
      [
        ['Marco Verdi', 'Anna Neri'],
        ['Dott.', 'Rag.'],
      ],
      [[], undefined],
      [['Lucia Gialli'], ['Dott.ssa']],
    ]);
  });

  it('reads the structure written next to an objective', () => {
    expect(plan.objectives[0]?.structure).toBe('Urbanistica');
    expect(plan.objectives[1]?.structure).toBeUndefined();
  });

  it('says how many objectives it read and how many have an owner or structure', () => {
    expect(plan.warnings[0]?.message).toBe(
      'layout not recognised: read by the generic extractor (4 objectives, 3 with an owner or structure)',
    );
  });

  it('spans each objective from its code to its last field', () => {
    expect(plan.objectives.map((o) => [o.span.lineStart, o.span.lineEnd])).toEqual([
      [4, 6],
      [8, 9],
      [11, 12],
      [14, 16],
    ]);
  });

  it('reads the same objectives from the PDF rendering', () => {
    expect(pdfPlan.document.format).toBe('pdf');
    expect(pdfPlan.document.entity).toBe('Unione dei Comuni della Val di Bisenzio');
    expect(pdfPlan.objectives.map((o) => [o.code, o.title, o.owners])).toEqual(
      plan.objectives.map((o) => [o.code, o.title, o.owners]),
    );
  });

  it('describes a text with no entity, kind or objective as unknown, inventing nothing', async () => {
    await writeFile(join(tmp, 'bare.txt'), 'Note di lavoro\n\nResponsabile: Mario Rossi\nSi discute del piano.\n');
    const bare = genericExtractor.extract(await loadDocument(join(tmp, 'bare.txt')));
    expect(bare.document).toMatchObject({ entity: 'sconosciuto', kind: 'unknown', years: [], title: 'Note di lavoro' });
    expect(bare.objectives).toEqual([]);
    expect(() => ExtractedPlanSchema.parse(bare)).not.toThrow();
  });
});

describe('genericExtractor.extract — the real sample plans', () => {
  it.each(SAMPLES)('reads $file as a valid plan of $entity ($kind)', async ({ file, entity, kind, years }) => {
    const doc = await inDoc(file);
    const result = genericExtractor.extract(doc);
    expect(() => ExtractedPlanSchema.parse(result)).not.toThrow();
    expect(result.document).toMatchObject({
      file,
      entity,
      kind,
      years,
      layout: 'generic',
      lineCount: doc.lines.length,
    });
  });

  it('reads objectives written as a code and a title on one line, with the Dirigente written once above them', async () => {
    const result = genericExtractor.extract(await inDoc('002_51402a20550dfbf2.txt'));
    const o = result.objectives.find((x) => x.code === '2021_OB_8501_1');
    expect(o?.owners).toEqual(['Benedetti Lorenza']);
    expect(o?.title).toMatch(/^Supportare le funzioni di governance distrettuale/);
    // the indicator table below the objective belongs to it; its "Nota:" rows are no indicators
    expect(o?.indicators.map((i) => [i.description, i.target?.text]).slice(0, 2)).toEqual([
      ['Approvazione del Programma Attuativo 2021', '30/09/2021'],
      [
        'Approvazione del Piano per la non autosufficienza e del Fondo regionale per la non autosufficienza 2021',
        '30/09/2021',
      ],
    ]);
  });

  it('reads the "Codice obiettivo" sheets of the Chiavari plan once each, with their Responsabile', async () => {
    const doc = await inDoc('004_57a0b84c466d2a35.txt');
    const result = genericExtractor.extract(doc);
    expect(result.objectives.map((o) => o.code)).toEqual([
      'VI - 1',
      'VI - 2',
      'VI - 3',
      'VI - 4',
      'VI - 5',
      'VI - 6',
      'VI - 7',
      'VI - 8',
      'VI - 9',
      'VI - 10',
    ]);
    expect(result.objectives.find((o) => o.code === 'VI - 5')?.owners).toEqual(['Maura Meschi', 'Luca Bonardi']);
    for (const o of result.objectives) {
      const text = spanText(doc, o.span.lineStart, o.span.lineEnd);
      expect(text).toContain(fold(o.code));
      expect(text).toContain(fold(o.owners[0]!));
    }
  });

  it('warns when a sheet repeats an objective already read', async () => {
    const result = genericExtractor.extract(await inDoc('004_57a0b84c466d2a35.txt'));
    expect(result.warnings.map((w) => w.message)).toContain('objective VI - 3 is written 3 times; kept the first');
  });
});

describe('genericExtractor.extract — any text', () => {
  it('returns a valid plan, spans inside the text and no repeated code, whatever mix of plan lines it is given', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const layouts = fileURLToPath(new URL('../../fixtures/layouts/', import.meta.url));
    const sources = [
      ...readdirSync(plans).map((f) => readFileSync(join(plans, f), 'utf8').split('\n')),
      ...readdirSync(layouts)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => readFileSync(join(layouts, f), 'utf8').split('\n')),
    ];
    let seed = 11;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let run = 0; run < 60; run++) {
      const from = sources[Math.floor(rnd() * sources.length)]!;
      const lines = Array.from({ length: 50 }, () => {
        const line = from[Math.floor(rnd() * from.length)]!;
        return rnd() < 0.2 ? line.slice(0, Math.floor(rnd() * line.length)) : line;
      });
      lines.push('Obiettivo:', '', 'Responsabile:', 'Peso', '\t\t', '|||', 'Codice: ');
      const doc: SourceDocument = {
        file: 'misto.txt',
        path: '/misto.txt',
        format: 'txt',
        text: lines.join('\n'),
        lines,
        pageOfLine: null,
        sha256: 'x',
      };
      const result = ExtractedPlanSchema.parse(genericExtractor.extract(doc));
      const codes = result.objectives.map((o) => o.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const o of result.objectives) {
        expect(o.span.lineStart).toBeGreaterThanOrEqual(1);
        expect(o.span.lineEnd).toBeLessThanOrEqual(lines.length);
      }
    }
  });
});

/** A document of inline text, as `loadDocument` would give it. */
function textDoc(file: string, text: string): SourceDocument {
  const lines = text.split('\n');
  return { file, path: `/${file}`, format: 'txt', text, lines, pageOfLine: null, sha256: 'x' };
}

describe('genericExtractor.extract — layouts no fixture was written for', () => {
  it('reads a table of targets for two years inside a stacked sheet as one indicator per year', () => {
    const plan = genericExtractor.extract(
      textDoc(
        'sheet-years.txt',
        [
          'UNIONE DEI COMUNI DEL MONTE ALTO',
          'Obiettivo:',
          'UM-31-2',
          'Centro di Responsabilità:',
          'Servizio Associato Protezione Civile',
          'Responsabile:',
          'GALLI NORA',
          'Descrizione:',
          'Piano intercomunale di emergenza',
          'Indicatore\tValore atteso 2031\tValore atteso 2032',
          'Esercitazioni svolte\t2\t4',
        ].join('\n'),
      ),
    );
    const o = plan.objectives[0]!;
    expect([o.code, o.owners, o.structure, o.multiYear]).toEqual([
      'UM-31-2',
      ['GALLI NORA'],
      'Servizio Associato Protezione Civile',
      true,
    ]);
    expect(o.indicators.map((i) => [i.description, i.year, i.target?.text])).toEqual([
      ['Esercitazioni svolte', 2031, '2'],
      ['Esercitazioni svolte', 2032, '4'],
    ]);
  });

  it('reads "Obiettivo operativo 2.3 - …" with its owner\'s structure in brackets and a target per year inline', () => {
    const plan = genericExtractor.extract(
      textDoc(
        'inline-years.txt',
        [
          'Comune di Valle Chiara',
          'Obiettivo operativo 2.3 - Orti urbani condivisi',
          'Responsabile: Arch. Dino Pace (Servizio Ambiente)',
          'Indicatore: lotti assegnati - target 2031: 40 - target 2032: 55',
        ].join('\n'),
      ),
    );
    const o = plan.objectives[0]!;
    expect([o.code, o.title, o.owners, o.structure]).toEqual([
      '2.3',
      'Orti urbani condivisi',
      ['Dino Pace'],
      'Servizio Ambiente',
    ]);
    expect(o.indicators.map((i) => [i.year, i.target?.text])).toEqual([
      [2031, '40'],
      [2032, '55'],
    ]);
  });

  it('gives the rows of a budget sheet the director written once above them, and the unit of its title', () => {
    const plan = genericExtractor.extract(
      textDoc(
        'budget-sheet.txt',
        [
          'AZIENDA OSPEDALIERA DEL LAGO',
          'SCHEDA DI BUDGET 2031 – UOC Ortopedia',
          'Direttore UOC: Dr. Ivo Galli',
          '',
          'N.  Obiettivo                         Indicatore                 Target   Peso',
          "1   Interventi di protesi d'anca       casi entro 48 ore          80%      60",
          '2   Riduzione delle giornate di degenza degenza media in giorni   6        40',
        ].join('\n'),
      ),
    );
    expect(plan.objectives.map((o) => [o.code, o.owners, o.structure])).toEqual([
      ['1', ['Ivo Galli'], 'UOC Ortopedia'],
      ['2', ['Ivo Galli'], 'UOC Ortopedia'],
    ]);
  });

  it("pairs each year's target with the same year's result, and takes no objective from a section title", () => {
    const plan = genericExtractor.extract(
      textDoc(
        'annex.txt',
        [
          'ISTITUTO NAZIONALE PER LE BONIFICHE FINTE',
          'Allegato 2 – Obiettivi specifici: target e risultati',
          '',
          'Codice\tObiettivo\tIndicatore\tTarget 2031\tRisultato 2031\tTarget 2032\tRisultato 2032',
          'BF1\tBonifica dei siti orfani\tsiti bonificati\t12\t10\t15\t16',
        ].join('\n'),
      ),
    );
    expect(plan.objectives.map((o) => o.code)).toEqual(['BF1']);
    expect(plan.objectives[0]!.indicators.map((i) => [i.year, i.target?.text, i.result?.text])).toEqual([
      [2031, '12', '10'],
      [2032, '15', '16'],
    ]);
  });

  it('reads a phase written "dal … al …" with both dates', () => {
    const plan = genericExtractor.extract(
      textDoc(
        'phases-range.txt',
        [
          'COMUNE DI FONTE FINTA',
          'Obiettivo: FF-31-1 Emporio solidale',
          'Responsabile: Dott.ssa Ada Neri',
          'Fase 1: Convenzione con le associazioni – dal 01/02/2031 al 31/03/2031 – peso 30%',
        ].join('\n'),
      ),
    );
    expect(plan.objectives[0]!.phases.map((p) => [p.title, p.start?.text, p.end?.text, p.weight?.text])).toEqual([
      ['Convenzione con le associazioni', '01/02/2031', '31/03/2031', '30%'],
    ]);
  });
});
