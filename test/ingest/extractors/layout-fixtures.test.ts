/**
 * The generic extractor over the layout fixtures (families a–h of test/fixtures/layouts, each with a gold JSON):
 * the issuing body of every fixture, and at least 95 % of the gold objectives read right in every field the gold
 * states — code or stable id, title, owner, structure, indicators with target / weight / result, phases with dates
 * and weights, budget — overall and in each family.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genericExtractor } from '../../../ingest/extractors/generic.ts';
import { loadDocument } from '../../../ingest/loaders/load-document.ts';
import { makePdf } from '../../support/make-pdf.ts';
import {
  asRenderedToPdf,
  type FixtureScore,
  LAYOUTS_DIR,
  layoutFixtures,
  scoreFixture,
} from '../support/layout-score.ts';

const fixtures = layoutFixtures();
const scores = new Map<string, FixtureScore>();

beforeAll(async () => {
  for (const f of fixtures) {
    const plan = genericExtractor.extract(await loadDocument(join(LAYOUTS_DIR, f.file)));
    scores.set(f.name, scoreFixture(f, plan));
  }
});

const families = [...new Set(fixtures.map((f) => f.family))];

describe('layout fixtures read by the generic extractor', () => {
  it('has at least two fixtures in each family a) to h), and documents mixing them', () => {
    expect(families).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'm']);
    for (const family of families) expect(fixtures.filter((f) => f.family === family).length).toBeGreaterThanOrEqual(2);
  });

  it.each(fixtures.map((f) => f.name))('names the issuing body of %s', (name) => {
    const s = scores.get(name)!;
    expect(s.entityRight, s.entity).toBe(true);
  });

  it.each(families)('reads ≥ 95 %% of the objectives of family %s) right', (family) => {
    const of = [...scores.values()].filter((s) => s.family === family);
    const right = of.reduce((n, s) => n + s.right, 0);
    const total = of.reduce((n, s) => n + s.objectives, 0);
    expect(right / total, JSON.stringify(of.flatMap((s) => s.faults))).toBeGreaterThanOrEqual(0.95);
  });

  it('reads ≥ 95 % of all fixture objectives right', () => {
    const all = [...scores.values()];
    const right = all.reduce((n, s) => n + s.right, 0);
    const total = all.reduce((n, s) => n + s.objectives, 0);
    expect(right / total).toBeGreaterThanOrEqual(0.95);
  });
});

/**
 * The office-suite PDF of a fixture, read back as text, loses its tabs, runs of spaces and blank lines, and wraps
 * long rows at the page width. Stacked and inline labels, label / value sheets whose columns ran together,
 * headings, numbered lists, matrices and tables with a code first and typed cells last still read right. Where a
 * title runs into its indicator, the reader cuts at an indicator word, a capital, a noun of the title written again
 * or the noun a closing participle agrees with; a line wrapped under a row goes to the cell it finishes. A matrix
 * whose marks lost their columns (e-3), and rows with no cue between title and indicator (g-2, x-c-3) stay
 * wrong (see scripts/score-layouts.ts --pdf).
 */
const PDF_READABLE = [
  'a-1',
  'a-2',
  'a-3',
  'a-4',
  'b-1',
  'b-2',
  'b-3',
  'b-4',
  'c-1',
  'c-2',
  'c-3',
  'c-4',
  'c-5',
  'd-1',
  'd-2',
  'd-3',
  'e-1',
  'e-2',
  'f-1',
  'f-2',
  'f-3',
  'g-1',
  'g-3',
  'h-1',
  'h-2',
  'h-3',
  'x-a-1',
  'x-a-2',
  'x-a-3',
  'x-b-1',
  'x-c-1',
  'x-c-2',
  'x-d-1',
  'x-e-1',
  'x-f-1',
  'x-g-1',
  'x-h-1',
  'x-m-1',
  'x-m-2',
  'x-m-3',
  'x-m-4',
];

describe('PDF renderings of the layout fixtures', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'layout-pdf-'));
  });
  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it.each(PDF_READABLE)('reads every objective of %s right from its PDF', async (name) => {
    const fixture = fixtures.find((f) => f.name === name)!;
    const pdf = join(tmp, `${name}.pdf`);
    await writeFile(pdf, await makePdf(await readFile(join(LAYOUTS_DIR, fixture.file), 'utf8')));
    const doc = await loadDocument(pdf);
    const s = scoreFixture(asRenderedToPdf(fixture), genericExtractor.extract({ ...doc, file: fixture.file }));
    expect(s.faults).toEqual([]);
    expect(s.entityRight).toBe(true);
  });
});

describe('the fixture scorer', () => {
  it('counts an objective wrong when one stated field is wrong', async () => {
    const fixture = fixtures.find((f) => f.name === 'c-1')!;
    const plan = genericExtractor.extract(await loadDocument(join(LAYOUTS_DIR, fixture.file)));
    const first = plan.objectives[0]!;
    first.indicators[0]!.weight = { text: '99', value: 99 };
    const s = scoreFixture(fixture, plan);
    expect(s.right).toBe(s.objectives - 1);
    expect(s.faults[0]?.faults).toEqual(['weight "99" for "Utenti presi in carico"']);
  });

  it('finds an objective with no code only by its stable id and title', async () => {
    const fixture = fixtures.find((f) => f.name === 'g-1')!;
    const plan = genericExtractor.extract(await loadDocument(join(LAYOUTS_DIR, fixture.file)));
    expect(plan.objectives.map((o) => [o.code, o.codeAssigned])).toEqual([
      ['g-1#1', true],
      ['g-1#2', true],
      ['g-1#3', true],
    ]);
    plan.objectives[1]!.title = 'altro';
    expect(scoreFixture(fixture, plan).faults.map((f) => f.objective)).toEqual(['#2']);
  });
});
