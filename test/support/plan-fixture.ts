import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { PlanExtractor } from '../../ingest/extractors/plan-extractor.ts';
import { loadDocument } from '../../ingest/loaders/load-document.ts';
import type { SourceDocument } from '../../ingest/loaders/source-document.ts';
import type { ExtractedPlan } from '../../src/plan/model.ts';
import { makePdf } from './make-pdf.ts';

export const PLANS_DIR = join(import.meta.dirname, '../../data/plans');

export interface TxtAndPdf {
  doc: SourceDocument;
  plan: ExtractedPlan;
  pdfDoc: SourceDocument;
  pdfPlan: ExtractedPlan;
  dispose(): Promise<void>;
}

/**
 * A sample plan as its text file and as the PDF a real office would have made of it, both read by `extractor`:
 * what every extractor test compares. The PDF lives in a temp folder until `dispose()`.
 */
export async function loadTxtAndPdf(file: string, extractor: PlanExtractor): Promise<TxtAndPdf> {
  const path = join(PLANS_DIR, file);
  const doc = await loadDocument(path);
  const tmp = await mkdtemp(join(tmpdir(), `${extractor.layout}-`));
  const pdfPath = join(tmp, basename(file).replace(/\.\w+$/, '.pdf'));
  await writeFile(pdfPath, await makePdf(await readFile(path, 'utf8')));
  const pdfDoc = await loadDocument(pdfPath);
  return {
    doc,
    plan: extractor.extract(doc),
    pdfDoc,
    pdfPlan: extractor.extract(pdfDoc),
    dispose: () => rm(tmp, { recursive: true, force: true }),
  };
}
