/**
 * Real plans arrive as PDF. Each sample plan is rendered the way office PDFs are made (A4, long lines wrapped,
 * tabs lost) and ingested end to end; what comes out must be what the .txt gives — same objectives, owners and
 * figures — with every span also naming its page. Parsing the PDFs is slow, so the index is built once.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPlan } from '../../ingest/extractors/registry.ts';
import { loadDocument } from '../../ingest/loaders/load-document.ts';
import { readCachedSource } from '../../ingest/loaders/source-cache.ts';
import type { SourceDocument } from '../../ingest/loaders/source-document.ts';
import { type IngestReport, runIngest } from '../../ingest/run-pipeline.ts';
import type { ExtractedPlan, SourceSpan } from '../../src/plan/model.ts';
import { personKey } from '../../src/plan/names.ts';
import { createLocalEmbedder } from '../../src/retrieval/embedder.ts';
import { indexPaths } from '../../src/store/index-layout.ts';
import { type LoadedIndex, loadIndex } from '../../src/store/load-index.ts';
import type { PlanStore } from '../../src/store/plan-store.ts';
import { makePdf } from '../support/make-pdf.ts';
import { leftovers, PLANS_DIR, REGGIO, removeDir, SAMPLE_PLANS, tempRoot } from './support/sample-plans.ts';

const embedder = createLocalEmbedder();
const pdfName = (txt: string) => txt.replace(/\.txt$/, '.pdf');

let root: string;
let pdfDir: string;
let indexDir: string;
let report: IngestReport;
let index: LoadedIndex;
let store: PlanStore;
/** what the .txt of each plan gives, keyed by the plan's PDF name */
const fromText = new Map<string, ExtractedPlan>();

beforeAll(async () => {
  root = await tempRoot('pdf-ingest');
  pdfDir = join(root, 'plans');
  indexDir = join(root, 'index');
  await mkdir(pdfDir, { recursive: true });
  for (const { file } of SAMPLE_PLANS) {
    const text = await readFile(join(PLANS_DIR, file), 'utf8');
    await writeFile(join(pdfDir, pdfName(file)), await makePdf(text));
    fromText.set(pdfName(file), extractPlan(await loadDocument(join(PLANS_DIR, file))));
  }
  report = await runIngest({ inputs: [pdfDir], indexDir, embedder });
  index = await loadIndex(indexDir, embedder);
  store = index.store;
}, 240_000);
afterAll(() => removeDir(root));

const objectivesOf = (doc: string) => store.objectives.filter((o) => o.doc === doc);
const objective = (doc: string, code: string) => store.objectives.find((o) => o.doc === doc && o.code === code);
const project = (code: string) => store.projects.find((p) => p.doc === pdfName(REGGIO.file) && p.code === code);

describe('ingesting the sample plans as PDF', () => {
  it('ingests all five PDFs and skips none', async () => {
    expect(report.errors).toEqual([]);
    expect(report.documents.map((d) => d.file)).toEqual(SAMPLE_PLANS.map((p) => pdfName(p.file)));
    expect(await leftovers(root)).toEqual([]);
  });

  it.each(SAMPLE_PLANS.map((p) => [pdfName(p.file), p] as const))(
    'detects %s in the same layout as its text',
    (pdf, plan) => {
      const d = report.documents.find((x) => x.file === pdf);
      expect(d).toMatchObject({
        layout: plan.layout,
        entity: plan.entity,
        objectives: plan.objectives,
        projects: plan.projects,
      });
      const doc = store.documentOf(pdf);
      expect(doc?.format).toBe('pdf');
      expect(doc?.pageCount).toBeGreaterThan(1);
    },
  );

  it.each(SAMPLE_PLANS.map((p) => pdfName(p.file)))(
    'reads the objectives of %s with the codes, titles, owners and structures of the text',
    (pdf) => {
      const expected = fromText
        .get(pdf)!
        .objectives.map((o) => ({ code: o.code, title: o.title, owners: o.owners, structure: o.structure }));
      const actual = objectivesOf(pdf).map((o) => ({
        code: o.code,
        title: o.title,
        owners: o.owners,
        structure: o.structure,
      }));
      expect(actual).toEqual(expected);
    },
  );

  it('reads every Reggio Emilia project with the budget, dirigente and centro di responsabilità of the text', () => {
    const pdf = pdfName(REGGIO.file);
    const view = (p: ExtractedPlan['projects'][number]) => ({
      code: p.code,
      title: p.title,
      cdr: p.cdr,
      dirigente: p.dirigente,
      budget: p.budget?.text ?? null,
      budgetShare: p.budgetShare?.text ?? null,
      objectives: p.objectives,
    });
    const expected = fromText.get(pdf)!.projects.map(view);
    expect(expected).toHaveLength(REGGIO.projects);
    expect(store.projects.filter((p) => p.doc === pdf).map(view)).toEqual(expected);
  });

  it('keeps the key figures exactly as written', () => {
    expect(project('2021_PD_8735')?.budget).toEqual({ text: '1.920.000,00', value: 1_920_000 });
    expect(project('2021_PD_8735')?.budgetShare?.text).toBe('20,72 %');
    expect(project('2021_PD_8735')?.budgetTotals['Spese Correnti']?.text).toBe('1.920.000,00');
    expect(project('2021_PD_8734')?.budget).toBeNull();
    expect(project('2021_PD_8735')?.dirigente).toBe('Corradini Germana');
    expect(objective(pdfName(SAMPLE_PLANS[0]!.file), '2020-CP09')?.owners).toEqual(['Maccioni Marco']);
    expect(objective(pdfName(SAMPLE_PLANS[1]!.file), '1')?.financialResources).toBe('€ 5.000,00');
    const vi1 = objective(pdfName(SAMPLE_PLANS[4]!.file), 'VI - 1');
    expect(vi1?.owners).toEqual(['Maura Meschi']);
    expect(vi1?.phases.map((p) => p.end?.text)).toContain('30 settembre 2019');
  });

  it('finds the same people as the text does', () => {
    expect(store.peopleByKey.get('sardi valentina')?.name).toBe('Sardi Valentina');
    expect(store.peopleByKey.get(personKey('Marco Maccioni'))?.roles).toContainEqual({
      role: 'owner',
      doc: pdfName(SAMPLE_PLANS[0]!.file),
      ref: '2020-CP09',
    });
  });
});

describe('spans of a PDF', () => {
  /** the loaded text of each PDF, as the index keeps it to skip parsing unchanged PDFs again */
  const sources = new Map<string, SourceDocument>();
  beforeAll(async () => {
    for (const d of index.manifest.documents) {
      const doc = await readCachedSource(indexPaths(indexDir).sources, d.sha256);
      if (!doc) throw new Error(`no cached text for ${d.file}`);
      sources.set(d.file, doc);
    }
  });

  function spansOf(doc: string): SourceSpan[] {
    const records = [...store.objectives, ...store.projects].filter((r) => r.doc === doc);
    return [
      ...records.map((r) => r.span),
      ...store.objectives
        .filter((o) => o.doc === doc)
        .flatMap((o) => [...o.phases, ...o.indicators].map((x) => x.span)),
      ...store.projects.filter((p) => p.doc === doc).flatMap((p) => [...p.budgetRows, ...p.staff].map((x) => x.span)),
    ];
  }

  it.each(SAMPLE_PLANS.map((p) => pdfName(p.file)))('in %s name the page their first line is on', (pdf) => {
    const source = sources.get(pdf)!;
    const pageCount = store.documentOf(pdf)!.pageCount!;
    const spans = spansOf(pdf);
    expect(spans.length).toBeGreaterThan(0);
    for (const span of spans) {
      expect(span.page, `${pdf}:${span.lineStart}`).toBe(source.pageOfLine![span.lineStart - 1]);
      expect(span.page).toBeLessThanOrEqual(pageCount);
      expect(span.lineEnd).toBeLessThanOrEqual(source.lines.length);
    }
  });

  it('place a record on the page where the document writes it', () => {
    const cp09 = objective(pdfName(SAMPLE_PLANS[0]!.file), '2020-CP09')!;
    expect(cp09.span.page).toBe(1);
    const source = sources.get(pdfName(REGGIO.file))!;
    const pd8735 = project('2021_PD_8735')!;
    const lines = source.lines.slice(pd8735.span.lineStart - 1, pd8735.span.lineEnd).join('\n');
    expect(lines).toContain('2021_PD_8735');
    expect(pd8735.span.page).toBeGreaterThan(1);
  });
});

describe('re-ingesting the PDFs', () => {
  it('is up to date when nothing changed', async () => {
    expect((await runIngest({ inputs: [pdfDir], indexDir, embedder })).upToDate).toBe(true);
  });

  it('reads the PDF text back from the index on a forced rebuild instead of parsing again', async () => {
    const forced = await runIngest({ inputs: [pdfDir], indexDir, embedder, force: true });
    expect(forced.upToDate).toBe(false);
    expect(forced.documents.map((d) => [d.file, d.objectives])).toEqual(
      report.documents.map((d) => [d.file, d.objectives]),
    );
    expect(forced.documents.map((d) => d.source)).toEqual(forced.documents.map(() => 'cache'));
    expect(report.documents.map((d) => d.source)).toEqual(report.documents.map(() => 'file'));
    const reloaded = await loadIndex(indexDir, embedder);
    expect(reloaded.store.objectives.find((o) => o.code === '2020-CP09')?.span).toEqual(
      objective(pdfName(SAMPLE_PLANS[0]!.file), '2020-CP09')?.span,
    );
  }, 60_000);
});
