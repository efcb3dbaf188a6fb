/**
 * Prints how well the generic extractor reads the layout fixtures (test/fixtures/layouts): per family, the share
 * of gold objectives read right in every stated field, and what went wrong. With `--pdf`, each fixture is first
 * rendered to PDF (as an office suite would) and read back from it; with `--cells`, rendered with every tabbed cell in
 * its own column, wrapped inside it and written cell by cell, as office suites export tables.
 * Fixtures come in two sets: `base` (`<family>-<n>`) and `x` (`x-<family>-<n>`, family `m` mixing several).
 * Usage: npx tsx scripts/score-layouts.ts [--pdf | --cells]
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { genericExtractor } from '../ingest/extractors/generic.ts';
import { loadDocument } from '../ingest/loaders/load-document.ts';
import { asRenderedToPdf, LAYOUTS_DIR, layoutFixtures, scoreFixture } from '../test/ingest/support/layout-score.ts';
import { makeCellPdf, makePdf } from '../test/support/make-pdf.ts';

const cells = process.argv.includes('--cells');
const pdf = cells || process.argv.includes('--pdf');
const tmp = await mkdtemp(join(tmpdir(), 'score-layouts-'));

const byFamily = new Map<string, { right: number; total: number; entities: number; docs: number }>();
const bySet = new Map<string, { right: number; total: number }>();
let right = 0;
let total = 0;
for (const fixture of layoutFixtures()) {
  let path = join(LAYOUTS_DIR, fixture.file);
  if (pdf) {
    path = join(tmp, fixture.file.replace(/\.txt$/, '.pdf'));
    const text = await readFile(join(LAYOUTS_DIR, fixture.file), 'utf8');
    await writeFile(path, await (cells ? makeCellPdf(text) : makePdf(text)));
  }
  // the fixture's own name, so that stable ids read the same from the PDF
  const plan = genericExtractor.extract({ ...(await loadDocument(path)), file: fixture.file });
  const s = scoreFixture(pdf ? asRenderedToPdf(fixture) : fixture, plan);
  const f = byFamily.get(s.family) ?? { right: 0, total: 0, entities: 0, docs: 0 };
  f.right += s.right;
  f.total += s.objectives;
  f.docs += 1;
  f.entities += s.entityRight ? 1 : 0;
  byFamily.set(s.family, f);
  const set = bySet.get(s.set) ?? { right: 0, total: 0 };
  set.right += s.right;
  set.total += s.objectives;
  bySet.set(s.set, set);
  right += s.right;
  total += s.objectives;
  console.log(
    `${s.name}: ${s.right}/${s.objectives} objectives right · entity ${s.entityRight ? 'right' : `WRONG (${s.entity})`}`,
  );
  for (const x of s.faults) console.log(`    ${x.objective}: ${x.faults.join('; ')}`);
}
console.log('');
for (const [family, f] of byFamily)
  console.log(
    `family ${family}): ${f.right}/${f.total} objectives (${((100 * f.right) / f.total).toFixed(1)} %), entity ${f.entities}/${f.docs}`,
  );
for (const [name, t] of bySet)
  console.log(`set ${name}: ${t.right}/${t.total} objectives right (${((100 * t.right) / t.total).toFixed(1)} %)`);
console.log(`all: ${right}/${total} objectives right (${((100 * right) / total).toFixed(1)} %)`);
await rm(tmp, { recursive: true, force: true });
