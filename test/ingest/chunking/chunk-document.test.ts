import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chunkDocument } from '../../../ingest/chunking/chunk-document.ts';
import { headingOf, isBlank } from '../../../ingest/chunking/line-blocks.ts';
import { loadDocument } from '../../../ingest/loaders/load-document.ts';
import type { SourceDocument } from '../../../ingest/loaders/source-document.ts';
import type { Objective, Project } from '../../../src/plan/model.ts';
import type { Chunk } from '../../../src/retrieval/chunk.ts';
import { ChunkSchema } from '../../../src/retrieval/chunk.ts';
import { PLANS_DIR, planWithoutRecords } from '../../retrieval/support/real-plans.ts';
import { makePdf } from '../../support/make-pdf.ts';

const PRATO_OBIETTIVI = '000_dd772a8f217c4819.txt';
const SERRAVALLE = '001_73b0fc146c050a42.txt';
const REGGIO = '002_51402a20550dfbf2.txt';
const PIAO = '003_3c291b98105b86e1.txt';
const SCHEDE = '004_57a0b84c466d2a35.txt';

const docs = new Map<string, SourceDocument>();
beforeAll(async () => {
  for (const f of [PRATO_OBIETTIVI, SERRAVALLE, REGGIO, PIAO, SCHEDE])
    docs.set(f, await loadDocument(join(PLANS_DIR, f)));
});
const doc = (file: string) => docs.get(file)!;
const at = (chunks: Chunk[], line: number) => chunks.find((c) => c.lineStart <= line && line <= c.lineEnd);

function objective(
  file: string,
  code: string,
  title: string,
  lines: [number, number],
  extra: Partial<Objective> = {},
): Objective {
  return {
    doc: file,
    code,
    title,
    owners: [],
    phases: [],
    indicators: [],
    span: { doc: file, lineStart: lines[0], lineEnd: lines[1] },
    ...extra,
  };
}

function project(file: string, code: string, title: string, lines: [number, number], objectives: string[]): Project {
  return {
    doc: file,
    code,
    title,
    cdr: '87',
    budget: null,
    budgetShare: null,
    budgetRows: [],
    budgetTotals: {},
    objectives,
    staff: [],
    span: { doc: file, lineStart: lines[0], lineEnd: lines[1] },
  };
}

function expectNoOverlap(chunks: Chunk[]) {
  const sorted = [...chunks].sort((a, b) => a.lineStart - b.lineStart);
  for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.lineStart).toBeGreaterThan(sorted[i - 1]!.lineEnd);
}

describe('chunkDocument on a plan without records (generic fallback)', () => {
  it('gives valid chunks carrying the document, entity, kind and years', () => {
    const chunks = chunkDocument(doc(PIAO), planWithoutRecords(doc(PIAO)));
    expect(chunks.length).toBeGreaterThan(20);
    for (const c of chunks) {
      expect(() => ChunkSchema.parse(c)).not.toThrow();
      expect(c).toMatchObject({
        doc: PIAO,
        entity: 'Provincia di Prato',
        kind: 'piao_performance',
        years: [2024, 2025, 2026],
      });
    }
  });

  it('keeps a section path from the headings above a paragraph', () => {
    const chunks = chunkDocument(doc(PIAO), planWithoutRecords(doc(PIAO)));
    const sedi = at(chunks, 181)!;
    expect(sedi.form).toBe('narrative');
    expect(sedi.section).toMatch(/^PIAO > .*Accessibilità fisica e digitale$/);
    expect(sedi.text).toContain('Palazzo Banci Buonamici');
  });

  it('covers every line of text exactly once, leaving out only blank lines, bare headings and running headers', () => {
    for (const file of [PRATO_OBIETTIVI, SERRAVALLE, PIAO]) {
      const d = doc(file);
      const chunks = chunkDocument(d, planWithoutRecords(d));
      expectNoOverlap(chunks);
      const uncovered = d.lines
        .map((line, i) => ({ line, n: i + 1 }))
        .filter(({ line, n }) => !isBlank(line) && !headingOf(line) && !at(chunks, n));
      const repeated = uncovered.filter(({ line }) => d.lines.filter((l) => l === line).length >= 4);
      expect(uncovered.length - repeated.length).toBe(0);
    }
  });

  it('keeps a table whole with its header row and the caption above it (PIAO staff numbers at 31.12.2023)', () => {
    const chunks = chunkDocument(doc(PIAO), planWithoutRecords(doc(PIAO)));
    const organico = at(chunks, 258)!;
    expect(organico.form).toBe('table');
    expect(organico.lineStart).toBe(255);
    expect(organico.lineEnd).toBe(260);
    expect(organico.text.split('\n')[0]).toBe('➤ Organico complessivo al 31.12.2023');
    expect(organico.text).toContain('\tDirigente\tCat. D\tCat. C\tCat. B\tCat. A\tTot.');
    expect(organico.text).toContain('Tot.\t1\t38\t20\t8\t2\t69');
  });

  it('joins the sentence that introduces a table to the table ("le seguenti azioni così sintetizzate:")', () => {
    const chunks = chunkDocument(doc(PIAO), planWithoutRecords(doc(PIAO)));
    const azione1 = at(chunks, 195)!;
    expect(azione1.lineStart).toBe(193);
    expect(azione1.text).toMatch(/^Sensibile al tema la Provincia ha previsto/);
    expect(azione1.text).toContain('Help Desk');
  });

  it('splits a long table into row groups that each repeat the header lines', () => {
    const chunks = chunkDocument(doc(PIAO), planWithoutRecords(doc(PIAO)));
    const pieces = chunks.filter((c) => c.lineStart >= 55 && c.lineEnd <= 119);
    expect(pieces.length).toBeGreaterThan(2);
    for (const p of pieces) {
      expect(p.form).toBe('table');
      expect(p.text.startsWith('TAVOLA DI SINTESI SEZIONE STRATEGICA-OPERATIVA-PERFORMANCE')).toBe(true);
      expect(p.text).toContain('OBIETTIVO STRATEGICO (DUP)\tOBIETTIVO OPERATIVO (DUP)');
    }
    expect(pieces.some((p) => p.text.includes("04.03.01.02 Garantire l'accessibilità digitale"))).toBe(true);
  });

  it('marks staff allocation tables internal and keeps their rows out of public chunks', () => {
    const chunks = chunkDocument(doc(REGGIO), planWithoutRecords(doc(REGGIO)));
    const staff = chunks.filter((c) => c.internal);
    expect(staff.length).toBe(
      doc(REGGIO).lines.filter((l) => l.startsWith('Nome Soggetto\tRelazione Personale')).length,
    );
    for (const s of staff) {
      expect(s.form).toBe('table');
      expect(s.text.split('\n')[0]).toBe('Nome Soggetto\tRelazione Personale\tImpegno Personale');
      expect(s.section).toMatch(/> Personale assegnato$/);
    }
    expect(at(chunks, 182)).toMatchObject({ internal: true, lineStart: 179, lineEnd: 189 });
    expect(chunks.filter((c) => !c.internal).some((c) => c.text.includes('Bagnacani Cristina'))).toBe(false);
  });

  it('leaves out chunks made only of running page headers', () => {
    const chunks = chunkDocument(doc(PRATO_OBIETTIVI), planWithoutRecords(doc(PRATO_OBIETTIVI)));
    expect(
      chunks.some((c) =>
        /^Comune di Prato Preventivo obiettivi 2020\nobiettivo Centro di Responsabilità Responsabile$/.test(c.text),
      ),
    ).toBe(false);
  });
});

describe('chunkDocument with extracted records', () => {
  it('makes one chunk of an objective record, with its code and title in the section', () => {
    const d = doc(SERRAVALLE);
    const plan = planWithoutRecords(d, {
      objectives: [
        objective(
          SERRAVALLE,
          '3',
          'Progetto Passepartout – Nuovo Progetto: predisposizione progetto e procedura di gara',
          [155, 168],
        ),
      ],
    });
    const chunks = chunkDocument(d, plan);
    const record = chunks.filter((c) => c.code === '3');
    expect(record).toHaveLength(1);
    expect(record[0]).toMatchObject({ form: 'record', lineStart: 155, lineEnd: 168, year: 2018 });
    expect(record[0]!.section).toBe(
      'PEG > 3 Progetto Passepartout – Nuovo Progetto: predisposizione progetto e procedura di gara',
    );
    expect(record[0]!.text).toContain('€ 218.000,00 oltre IVA di legge 5%');
    // the lines around the record are still chunked, as narrative
    expect(at(chunks, 100)?.text).toContain('PROGETTO "PASSEPARTOUT"');
    expectNoOverlap(chunks);
  });

  it('splits a long record into pieces that all carry its code and title', () => {
    const d = doc(SCHEDE);
    const plan = planWithoutRecords(d, {
      objectives: [
        objective(SCHEDE, 'VI - 1', 'PROGETTO "LE STORIE" PER ADOLESCENTI E FAMIGLIE', [3, 121], { year: 2019 }),
      ],
    });
    const pieces = chunkDocument(d, plan).filter((c) => c.code === 'VI - 1');
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) {
      expect(p.section).toBe('Piano degli obiettivi > VI - 1 PROGETTO "LE STORIE" PER ADOLESCENTI E FAMIGLIE');
      expect(p.year).toBe(2019);
      expect(p.text.length).toBeLessThanOrEqual(2400);
    }
    expect(pieces[0]!.lineStart).toBe(3);
    expect(pieces.at(-1)!.lineEnd).toBe(121);
  });

  it('gives nested objectives their own chunks and splits the project staff table off as internal', () => {
    const d = doc(REGGIO);
    const plan = planWithoutRecords(d, {
      projects: [
        project(REGGIO, '2021_PD_8735', 'Servizi per la residenzialità anziani', [2293, 2330], ['2021_OB_8735_1']),
      ],
      objectives: [
        objective(REGGIO, '2021_OB_8735_1', 'Consolidamento servizi residenziali per anziani', [2307, 2313], {
          projectCode: '2021_PD_8735',
        }),
      ],
    });
    const chunks = chunkDocument(d, plan).filter((c) => c.lineStart >= 2293 && c.lineEnd <= 2330);
    const objectiveChunk = chunks.find((c) => c.code === '2021_OB_8735_1')!;
    expect(objectiveChunk.section).toBe(
      'PEG > 2021_PD_8735 > 2021_OB_8735_1 Consolidamento servizi residenziali per anziani',
    );
    expect(objectiveChunk.text).toContain('O_8735_1_1\tN. UVM per progetti di residenzialità > di\t150');
    const projectChunks = chunks.filter((c) => c.code === '2021_PD_8735' && !c.internal);
    expect(projectChunks.map((c) => [c.lineStart, c.lineEnd])).toEqual([
      [2293, 2305],
      [2315, 2321],
    ]);
    expect(projectChunks[1]!.text).toContain('Totale\t\t120.000,00\t1.920.000,00');
    const staff = chunks.find((c) => c.internal)!;
    expect(staff).toMatchObject({ code: '2021_PD_8735', form: 'table', lineStart: 2323, lineEnd: 2330 });
    expect(staff.section).toBe('PEG > 2021_PD_8735 Servizi per la residenzialità anziani > Personale assegnato');
  });
});

describe('chunkDocument on a PDF', () => {
  it('recognises a staff allocation table without tabs and keeps page numbers', async () => {
    // a trimmed real page: the 2021_PD_8735 project of the Reggio Emilia PEG
    const text = doc(REGGIO).lines.slice(2292, 2331).join('\n');
    const dir = await mkdtemp(join(tmpdir(), 'pianobot-chunk-'));
    const file = join(dir, 'reggio-8735.pdf');
    await writeFile(file, await makePdf(text));
    const pdf = await loadDocument(file).finally(() => rm(dir, { recursive: true, force: true }));
    const chunks = chunkDocument(pdf, planWithoutRecords(pdf));
    const staff = chunks.filter((c) => c.internal);
    expect(staff).toHaveLength(1);
    expect(staff[0]!.text).toMatch(
      /^Nome Soggetto Relazione Personale Impegno Personale\nCorradini Germana Dirigente 2,00 %/,
    );
    expect(chunks.every((c) => c.page === 1)).toBe(true);
    expect(chunks.filter((c) => !c.internal).some((c) => c.text.includes('Corradini Germana'))).toBe(false);
  });
});
