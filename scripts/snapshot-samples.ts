/**
 * Writes the whole plan model that pianobot extracts from each sample plan — from its text and from the PDF an
 * office suite would make of it — as one JSON file per plan and format, so that a refactoring of the extractors can
 * be proved to change nothing: snapshot before, snapshot after, `diff -r` the two folders. Every field is kept
 * (codes, titles, owners, structures, budgets, dirigenti, indicators, phases, dates, spans, warnings).
 * Usage: npx tsx scripts/snapshot-samples.ts OUT_DIR [--no-pdf]
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractPlan } from '../ingest/extractors/registry.ts';
import { loadDocument } from '../ingest/loaders/load-document.ts';
import { makePdf } from '../test/support/make-pdf.ts';
import { PLANS_DIR } from '../test/support/plan-fixture.ts';

const [out] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!out) {
  console.error('usage: npx tsx scripts/snapshot-samples.ts OUT_DIR [--no-pdf]');
  process.exit(2);
}
const withPdf = !process.argv.includes('--no-pdf');
await mkdir(out, { recursive: true });
const tmp = await mkdtemp(join(tmpdir(), 'snapshot-samples-'));
try {
  for (const file of (await readdir(PLANS_DIR)).filter((f) => f.endsWith('.txt')).sort()) {
    const path = join(PLANS_DIR, file);
    const txt = extractPlan(await loadDocument(path));
    await writeFile(join(out, `${file}.json`), `${JSON.stringify(txt, null, 1)}\n`);
    if (!withPdf) continue;
    const pdfPath = join(tmp, file.replace(/\.txt$/, '.pdf'));
    await writeFile(pdfPath, await makePdf(await readFile(path, 'utf8')));
    const pdf = extractPlan(await loadDocument(pdfPath));
    // the PDF's bytes carry its creation time, so their hash changes on every rendering
    pdf.document.sha256 = '(varies)';
    await writeFile(join(out, `${file}.pdf.json`), `${JSON.stringify(pdf, null, 1)}\n`);
  }
} finally {
  await rm(tmp, { recursive: true, force: true });
}
