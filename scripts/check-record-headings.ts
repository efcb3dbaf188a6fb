/**
 * Lists, per plan, the codes its text writes as a record heading that the extracted model does not hold as a
 * record (see test/ingest/support/record-headings.ts). With `--pdf`, each plan is also rendered as an office PDF
 * and read back. Exit code 1 when any is missing.
 * Usage: npx tsx scripts/check-record-headings.ts [--pdf] [files or folders…]   (default: data/plans)
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { extractPlan } from '../ingest/extractors/registry.ts';
import { loadDocument } from '../ingest/loaders/load-document.ts';
import { missingRecords, recordHeadings } from '../test/ingest/support/record-headings.ts';
import { makePdf } from '../test/support/make-pdf.ts';
import { PLANS_DIR } from '../test/support/plan-fixture.ts';

const pdf = process.argv.includes('--pdf');
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files: string[] = [];
for (const a of args.length ? args : [PLANS_DIR]) {
  if ((await stat(a)).isDirectory())
    files.push(
      ...(await readdir(a))
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => join(a, f)),
    );
  else files.push(a);
}
const tmp = await mkdtemp(join(tmpdir(), 'record-headings-'));
let lost = 0;
try {
  for (const file of files) {
    const paths = [file];
    if (pdf) {
      const p = join(tmp, basename(file).replace(/\.txt$/, '.pdf'));
      await writeFile(p, await makePdf(await readFile(file, 'utf8')));
      paths.push(p);
    }
    for (const path of paths) {
      const doc = await loadDocument(path);
      const plan = extractPlan(doc);
      const missing = missingRecords(doc, plan);
      lost += missing.length;
      console.log(
        `${basename(path)} [${plan.document.layout}]: ${recordHeadings(doc).length} record headings, ${missing.length} not in the model`,
      );
      for (const m of missing)
        console.log(`  line ${m.line}: ${m.code} — ${doc.lines[m.line - 1]!.trim().slice(0, 100)}`);
    }
  }
} finally {
  await rm(tmp, { recursive: true, force: true });
}
process.exit(lost ? 1 : 0);
