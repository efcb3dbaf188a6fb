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

  it('reads only the objectives that have a code, a title and a Responsabile', () => {
    expect(plan.objectives.map((o) => [o.code, o.title])).toEqual([
      ['1', 'Digitalizzazione delle pratiche edilizie'],
      ['2', 'Riduzione dei tempi di pagamento'],
      ['B.4', 'Biblioteca diffusa'],
    ]);
  });

  it('keeps owners as written, with their titles apart', () => {
    expect(plan.objectives.map((o) => [o.owners, o.ownerTitles])).toEqual([
      [['Carla Bianchi'], ['Ing.']],
      [
        ['Marco Verdi', 'Anna Neri'],
        ['Dott.', 'Rag.'],
      ],
      [['Lucia Gialli'], ['Dott.ssa']],
    ]);
  });

  it('reads the structure written next to an objective', () => {
    expect(plan.objectives[0]?.structure).toBe('Urbanistica');
    expect(plan.objectives[1]?.structure).toBeUndefined();
  });

  it('warns about an objective left out for want of a Responsabile', () => {
    expect(plan.warnings.find((w) => /objective 3 not read/.test(w.message))?.span).toMatchObject({
      lineStart: 11,
      lineEnd: 11,
    });
  });

  it('spans each objective from its code to its Responsabile', () => {
    expect(plan.objectives.map((o) => [o.span.lineStart, o.span.lineEnd])).toEqual([
      [4, 6],
      [8, 9],
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

  it.each(SAMPLES.filter((s) => !s.file.startsWith('004')))(
    'reads no objective from $file, whose objectives carry no "Codice obiettivo" nor "Obiettivo N:" line',
    async ({ file }) => {
      expect(genericExtractor.extract(await inDoc(file)).objectives).toEqual([]);
    },
  );

  it('reads the "Codice obiettivo" sheets of the Chiavari plan once each, with their Responsabile', async () => {
    const doc = await inDoc('004_57a0b84c466d2a35.txt');
    const result = genericExtractor.extract(doc);
    expect(result.objectives.map((o) => o.code)).toEqual([
      'VI - 1',
      'VI - 2',
      'VI - 3',
      'VI - 5',
      'VI - 6',
      'VI - 8',
      'VI - 9',
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
