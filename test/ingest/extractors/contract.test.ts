/**
 * The contract every plan extractor honours, run over each layout in the registry on the real plan it recognises
 * (and over the generic fallback on all five): a valid model, spans that point into the document at the record
 * they describe, codes that are never empty and never repeated, and a detection that singles out its own layout.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { genericExtractor } from '../../../ingest/extractors/generic.ts';
import type { PlanExtractor } from '../../../ingest/extractors/plan-extractor.ts';
import { detectLayout, EXTRACTORS } from '../../../ingest/extractors/registry.ts';
import { loadDocument } from '../../../ingest/loaders/load-document.ts';
import type { SourceDocument } from '../../../ingest/loaders/source-document.ts';
import { type ExtractedPlan, ExtractedPlanSchema, type SourceSpan } from '../../../src/plan/model.ts';
import { fold } from '../../../src/plan/text.ts';
import { PLANS_DIR } from '../../support/plan-fixture.ts';
import { LAYOUTS_DIR } from '../support/layout-score.ts';

const FILES = [
  '000_dd772a8f217c4819.txt',
  '001_73b0fc146c050a42.txt',
  '002_51402a20550dfbf2.txt',
  '003_3c291b98105b86e1.txt',
  '004_57a0b84c466d2a35.txt',
];

/** The layout fixtures (test/fixtures/layouts): plans in no known layout, which only the generic extractor reads. */
const FIXTURES = readdirSync(LAYOUTS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

const docs = new Map<string, SourceDocument>();
beforeAll(async () => {
  for (const file of FILES) docs.set(file, await loadDocument(join(PLANS_DIR, file)));
  for (const file of FIXTURES) docs.set(file, await loadDocument(join(LAYOUTS_DIR, file)));
});
const docOf = (file: string): SourceDocument => docs.get(file)!;

/** The plan file each layout recognises, found by detection (never by file name). */
function ownPlanOf(extractor: PlanExtractor): string[] {
  return FILES.filter((f) => detectLayout(docOf(f)).layout === extractor.layout);
}

/** Every span anywhere in an extracted plan (records, phases, indicators, budget rows, staff, tables, warnings). */
function spansIn(value: unknown, out: SourceSpan[] = []): SourceSpan[] {
  if (Array.isArray(value)) for (const v of value) spansIn(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.lineStart === 'number' && typeof o.lineEnd === 'number' && typeof o.doc === 'string')
      out.push(o as SourceSpan);
    else for (const v of Object.values(o)) spansIn(v, out);
  }
  return out;
}

const tokens = (s: string): string[] =>
  fold(s)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

function holdsRun(line: string[], run: string[]): boolean {
  for (let i = 0; i + run.length <= line.length; i++) if (run.every((t, j) => line[i + j] === t)) return true;
  return false;
}

/**
 * Whether a line holds a record's code (token by token, so `1` is not found inside `2019`) or a distinctive
 * fragment of it: a run of its tokens that is longer than one token or mixes letters and digits (`A204`).
 */
function holdsCode(line: string, code: string): boolean {
  const lt = tokens(line);
  const ct = tokens(code);
  if (holdsRun(lt, ct)) return true;
  for (let from = 0; from < ct.length; from++) {
    for (let to = from + 1; to <= ct.length; to++) {
      const run = ct.slice(from, to);
      const distinctive = run.length > 1 || /[a-z]/.test(run[0]!) === /\d/.test(run[0]!);
      if (distinctive && holdsRun(lt, run)) return true;
    }
  }
  return false;
}

/**
 * The span of an objective with no code of its own (a stable id) opens on its title: one of its first three
 * non-blank lines (after a label such as "Obiettivo") holds the title's first words.
 */
function opensOnTitle(doc: SourceDocument, span: SourceSpan, title: string): boolean {
  const heading = doc.lines
    .slice(span.lineStart - 1, span.lineEnd)
    .filter((l) => l.trim() !== '')
    .slice(0, 3);
  return heading.some((line) => holdsRun(tokens(line), tokens(title).slice(0, 3)));
}

/**
 * The span opens on the record: its first line holds the code, or a short heading label comes first — the objective
 * type ("Obiettivo di miglioramento"), the sheet years ("ANNI 2019-2020"), "Codice obiettivo:" — and the code sits
 * on one of the next non-blank lines (three at most, as in the 004 sheets).
 */
function opensOnCode(doc: SourceDocument, span: SourceSpan, code: string): boolean {
  const heading = doc.lines
    .slice(span.lineStart - 1, span.lineEnd)
    .filter((l) => l.trim() !== '')
    .slice(0, 3);
  for (const line of heading) {
    if (holdsCode(line, code)) return true;
    if (line.trim().length > 60) return false;
  }
  return false;
}

/** The extractor's own output, not yet validated: the schema test below is the one place it is parsed. */
function checkContract(extractor: PlanExtractor, file: string): ExtractedPlan {
  const doc = docOf(file);
  const plan = extractor.extract(doc);
  expect(plan.document.file).toBe(file);
  expect(plan.document.layout).toBe(extractor.layout);
  return plan;
}

const cases = EXTRACTORS.map((extractor) => ({ layout: extractor.layout, extractor }));
const everyRun = [
  ...[...EXTRACTORS, genericExtractor].flatMap((extractor) =>
    FILES.map((file) => ({ layout: extractor.layout, file, extractor })),
  ),
  ...FIXTURES.map((file) => ({ layout: genericExtractor.layout, file, extractor: genericExtractor })),
];

describe('the layout registry', () => {
  it.each(cases)('recognises exactly one sample plan as $layout', ({ extractor }) => {
    expect(ownPlanOf(extractor)).toHaveLength(1);
  });

  it.each(FIXTURES)('leaves the layout fixture %s to the generic extractor', (file) => {
    expect(detectLayout(docOf(file)).layout).toBe(genericExtractor.layout);
  });

  it('falls back to the generic extractor on text in no known layout', async () => {
    const doc = {
      ...docOf(FILES[0]!),
      lines: ['Relazione annuale', 'Nessuna tabella.'],
      text: 'Relazione annuale\nNessuna tabella.',
    };
    expect(detectLayout(doc).layout).toBe(genericExtractor.layout);
  });
});

describe.each(cases)('extractor contract: $layout on its own plan', ({ extractor }) => {
  const own = () => ownPlanOf(extractor)[0]!;

  it('detects its own plan with confidence ≥ 0.8', () => {
    expect(extractor.detect(docOf(own()))).toBeGreaterThanOrEqual(0.8);
  });

  it('detects every other sample plan with confidence ≤ 0.2', () => {
    for (const file of FILES.filter((f) => f !== own())) {
      expect(extractor.detect(docOf(file)), file).toBeLessThanOrEqual(0.2);
    }
  });

  it('reads some objectives or projects from its own plan', () => {
    const plan = checkContract(extractor, own());
    expect(plan.objectives.length + plan.projects.length).toBeGreaterThan(0);
  });
});

describe.each(everyRun)('extractor contract: $layout reading $file', ({ extractor, file }) => {
  let plan: ExtractedPlan;
  let doc: SourceDocument;
  beforeAll(() => {
    doc = docOf(file);
    plan = checkContract(extractor, file);
  });

  it('returns a plan that validates against the plan model', () => {
    const parsed = ExtractedPlanSchema.safeParse(plan);
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 5)).toEqual([]);
  });

  it('gives every span inside the document, in order, without a page (the input is text)', () => {
    const spans = spansIn(plan);
    for (const s of spans) {
      expect(s.doc).toBe(file);
      expect(s.lineStart).toBeGreaterThanOrEqual(1);
      expect(s.lineEnd).toBeGreaterThanOrEqual(s.lineStart);
      expect(s.lineEnd).toBeLessThanOrEqual(doc.lines.length);
      expect(s.page).toBeUndefined();
    }
  });

  it('opens every objective and project span on the line holding its code', () => {
    const misplaced = [...plan.objectives, ...plan.projects]
      .filter((r) =>
        'codeAssigned' in r && r.codeAssigned ? !opensOnTitle(doc, r.span, r.title) : !opensOnCode(doc, r.span, r.code),
      )
      .map((r) => `${r.code} @ ${r.span.lineStart}: ${doc.lines[r.span.lineStart - 1]}`);
    expect(misplaced).toEqual([]);
  });

  it('never gives an empty code', () => {
    for (const r of [...plan.objectives, ...plan.projects]) expect(r.code.trim()).not.toBe('');
    for (const o of plan.objectives)
      for (const i of o.indicators) if (i.code !== undefined) expect(i.code.trim()).not.toBe('');
  });

  it('lists each objective code once, and each project code once', () => {
    const dupes = (codes: string[]) => codes.filter((c, i) => codes.indexOf(c) !== i);
    expect(dupes(plan.objectives.map((o) => o.code))).toEqual([]);
    expect(dupes(plan.projects.map((p) => p.code))).toEqual([]);
  });

  it('keeps every record in the document it was read from', () => {
    for (const r of [...plan.objectives, ...plan.projects, ...plan.structures, ...plan.totals, ...plan.tables])
      expect(r.doc).toBe(file);
  });
});

describe('the generic fallback', () => {
  it.each(FILES)('never claims %s: its layout wins, with more confidence than the fallback', (file) => {
    const doc = docOf(file);
    // the fallback competing like any layout: the plan still goes to the one that knows it
    const ranked = [...EXTRACTORS, genericExtractor].sort((a, b) => b.detect(doc) - a.detect(doc));
    expect(ranked[0]!.layout).not.toBe(genericExtractor.layout);
    expect(detectLayout(doc).layout).toBe(ranked[0]!.layout);
    expect(genericExtractor.detect(doc)).toBeLessThan(ranked[0]!.detect(doc));
  });
});
