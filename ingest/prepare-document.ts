/**
 * Everything the ingest does to one plan file that does not depend on the other files: load it (or read an unchanged
 * PDF's text back from the previous index), detect its layout, extract and validate its plan, cache its text in the
 * new index, and make its share of the model and of the search index. It runs in the ingest's main thread or in a
 * worker (ingest/workers/); what it returns is plain data, which the main thread appends in file order.
 */
import { extname } from 'node:path';
import { PianobotError } from '../src/errors.ts';
import { type ExtractedPlan, ExtractedPlanSchema } from '../src/plan/model.ts';
import { indexPaths } from '../src/store/index-layout.ts';
import { type DocumentReport, reportOf } from './document-report.ts';
import type { ModelExtractor } from './extractors/model-extractor.ts';
import type { PlanExtractor } from './extractors/plan-extractor.ts';
import { type PreparedPassages, type PrepareOptions, preparePassages } from './indexing/prepare-passages.ts';
import { type PreparedModelPart, prepareModelPart } from './indexing/write-model.ts';
import { loadDocument } from './loaders/load-document.ts';
import { readCachedSource, writeCachedSource } from './loaders/source-cache.ts';
import type { SourceDocument } from './loaders/source-document.ts';

/** One file to prepare: plain data, so it can be posted to a worker. */
export interface DocumentJob {
  path: string;
  file: string;
  sha256: string | null;
  /** the serving index, whose cache of PDF texts spares parsing an unchanged PDF again */
  indexDir: string;
  /** the build's cache of document texts, where this document's is written */
  sourcesDir: string;
  /** hashes of the file's passages whose vectors the previous index lends (see SearchIndexWriter.reusableHashes) */
  reusable?: string[];
}

export type PreparedDocument =
  | { kind: 'failed'; file: string; code: string; message: string }
  | {
      kind: 'prepared';
      sha256: string;
      report: DocumentReport;
      model: PreparedModelPart;
      passages: PreparedPassages;
      /** thread time of loading and extracting */
      loadExtractMs: number;
    };

/** What the thread preparing a document brings: the layout registry, the optional model pass, the local embedder. */
export interface PrepareHooks {
  detect: (doc: SourceDocument) => PlanExtractor;
  modelExtractor?: ModelExtractor;
  local: PrepareOptions['local'];
}

/**
 * Prepares one file. A file that cannot be read or understood is a value (`failed`, with the code and a message
 * naming it), as the ingest reports and skips it; a failure after extraction (chunking, indexing) is a broken
 * invariant and throws, which fails the whole ingest as before.
 */
export async function prepareDocument(job: DocumentJob, hooks: PrepareHooks): Promise<PreparedDocument> {
  const t0 = performance.now();
  let loaded: { doc: SourceDocument; plan: ExtractedPlan; source: DocumentReport['source'] };
  try {
    const { doc, source } = await loadCached(job);
    const extracted = ExtractedPlanSchema.parse(hooks.detect(doc).extract(doc));
    const plan = hooks.modelExtractor
      ? ExtractedPlanSchema.parse(await hooks.modelExtractor.refine(doc, extracted))
      : extracted;
    loaded = { doc, plan, source };
  } catch (error) {
    const code = error instanceof PianobotError ? error.code : 'PLAN_FILE_CORRUPT';
    const message = error instanceof PianobotError ? error.message : `${job.file}: ${(error as Error).message}`;
    return { kind: 'failed', file: job.file, code, message };
  }
  const loadExtractMs = performance.now() - t0;
  const { doc, plan, source } = loaded;
  // every document's text is kept (not only the PDFs' slow extraction): it is what a later run falls back on when
  // this version of the file turns unreadable
  await writeCachedSource(job.sourcesDir, doc);
  const passages = preparePassages(doc, plan, {
    local: hooks.local,
    ...(job.reusable ? { reusable: new Set(job.reusable) } : {}),
  });
  return {
    kind: 'prepared',
    sha256: doc.sha256,
    report: reportOf(plan, loadExtractMs, source),
    model: prepareModelPart(plan),
    passages,
    loadExtractMs,
  };
}

/** PDF text extraction is the slow step; an unchanged PDF is read back from the previous index instead. */
async function loadCached(job: DocumentJob): Promise<{ doc: SourceDocument; source: DocumentReport['source'] }> {
  if (job.sha256 && extname(job.path).toLowerCase() === '.pdf') {
    const cached = await readCachedSource(indexPaths(job.indexDir).sources, job.sha256);
    if (cached) return { doc: { ...cached, path: job.path, file: job.file }, source: 'cache' };
  }
  return { doc: await loadDocument(job.path), source: 'file' };
}
