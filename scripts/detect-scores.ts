/**
 * Prints every layout's detection confidence on every plan of the given folders (default: the samples and the
 * layout fixtures), one line per document: what to compare before and after changing a layout's markers.
 * Usage: npx tsx scripts/detect-scores.ts [folders…]
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { genericExtractor } from '../ingest/extractors/generic.ts';
import { EXTRACTORS } from '../ingest/extractors/registry.ts';
import { loadDocument } from '../ingest/loaders/load-document.ts';
import { LAYOUTS_DIR } from '../test/ingest/support/layout-score.ts';
import { PLANS_DIR } from '../test/support/plan-fixture.ts';

const dirs = process.argv.slice(2);
for (const dir of dirs.length ? dirs : [PLANS_DIR, LAYOUTS_DIR]) {
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort()) {
    const doc = await loadDocument(join(dir, file));
    const scores = [...EXTRACTORS, genericExtractor].map((e) => `${e.layout}=${e.detect(doc).toFixed(2)}`);
    console.log(file, scores.join(' '));
  }
}
