import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { PianobotError } from '../src/errors.ts';
import type { ExtractedPlan } from '../src/plan/model.ts';
import type { Embedder } from '../src/retrieval/embedder.ts';
import { isLocalEmbedder, takesAnalyzed } from '../src/retrieval/local-embedder.ts';
import { IndexManifestSchema, indexPaths } from '../src/store/index-layout.ts';
import { cleanLeftovers } from './clean-leftovers.ts';
import { codeVersion } from './code-version.ts';
import { type DocumentReport, reportOf } from './document-report.ts';
import type { ModelExtractor } from './extractors/model-extractor.ts';
import type { PlanExtractor } from './extractors/plan-extractor.ts';
import { detectLayout } from './extractors/registry.ts';
import type { Understanding } from './extractors/understanding.ts';
import { SearchIndexWriter } from './indexing/build-search-index.ts';
import { ModelWriter, type PreviousModel } from './indexing/write-model.ts';
import { lastGoodVersions } from './keep-last-good.ts';
import { listPlanFiles } from './loaders/plan-files.ts';
import { carryCachedSource, writeCachedSource } from './loaders/source-cache.ts';
import type { SourceDocument } from './loaders/source-document.ts';
import type { DocumentJob, PrepareHooks } from './prepare-document.ts';
import { printable } from './printable.ts';
import {
  type CatalogEntry,
  readSegmentCatalog,
  type SegmentCatalog,
  segmentKey,
  writeSegmentCatalog,
} from './segment-catalog.ts';
import { type DocumentPreparer, inProcessPreparer, preparedInOrder, WorkerPool } from './workers/document-pool.ts';

export interface IngestOptions {
  /** plan files or folders; defaults to the plans folder */
  inputs: string[];
  indexDir: string;
  embedder: Embedder;
  /** rebuild even when nothing changed */
  force?: boolean;
  /** plan files larger than this are refused (default 20 MB) */
  maxFileBytes?: number;
  onProgress?: (message: string) => void;
  /** with a language model configured: fills documents the extractors understood little of */
  modelExtractor?: ModelExtractor;
  /** picks the extractor of a document (default: the layout registry); tests count extractions through it */
  detectLayout?: (doc: SourceDocument) => PlanExtractor;
  /**
   * worker threads preparing files (load, extract, chunk, analyze, embed) while the main thread writes the index in
   * file order. Default: one per available core, or none for fewer than MIN_FILES_FOR_WORKERS files to prepare (a
   * worker takes a few hundred milliseconds to start). With 0 or 1, or with a model extractor or an injected layout
   * registry (functions of this thread), files are prepared on the calling thread. The index is the same either way.
   */
  workers?: number;
}

/** Below this many files to prepare, starting worker threads costs more than it saves (unless asked for). */
export const MIN_FILES_FOR_WORKERS = 16;

/**
 * The manifest as the pipeline writes it: a skipped file also keeps the hash it had, so that replacing it with a
 * readable version triggers a rebuild (readers of the index parse it with IndexManifestSchema and ignore the hash).
 */
const PipelineManifestSchema = IndexManifestSchema.extend({
  errors: z.array(
    z.object({
      file: z.string(),
      code: z.string(),
      message: z.string(),
      sha256: z.string().nullable().optional(),
      kept: z.boolean().optional(),
    }),
  ),
});
type PipelineManifest = z.infer<typeof PipelineManifestSchema>;

export interface IngestReport {
  upToDate: boolean;
  documents: DocumentReport[];
  /** files that could not be ingested; `kept`: their last good version still serves */
  errors: { file: string; code: string; message: string; kept?: boolean }[];
  /** build folders of an interrupted earlier run, removed by this one */
  cleaned?: string[];
  chunks: number;
  indexBytes: number;
  ms: number;
  /** where the time of a build went (absent when the index was up to date) */
  stagesMs?: Record<string, number>;
}

/**
 * Loads, extracts and indexes every plan file, building the new index beside the old one and swapping it in only
 * when complete: a failed run leaves the previous index serving. Bad files are reported by name and skipped; a bad
 * file that was indexed before keeps its last good version in the new index (reported as kept).
 */
export async function runIngest(options: IngestOptions): Promise<IngestReport> {
  const started = performance.now();
  const progress = (m: string) => options.onProgress?.(printable(m));
  const cleaned = await cleanLeftovers(options.indexDir);
  const { files, refused } = await listPlanFiles(options.inputs, options.maxFileBytes);
  const paths = indexPaths(options.indexDir);
  const version = codeVersion();
  const previous = await readManifest(paths.manifest);

  const hashed = await Promise.all(
    files.map(async ({ path, file, position }) => ({
      path,
      file,
      position,
      sha256: await sha256Of(path).catch(() => null),
    })),
  );
  const current = [...hashed, ...refused.map((r) => ({ file: r.file, sha256: r.fingerprint }))];
  if (!options.force && previous && isUpToDate(previous, current, version, options.embedder)) {
    const errors = previous.errors.map(({ file, code, message, kept }) => ({ file, code, message, kept }));
    return {
      upToDate: true,
      documents: [],
      errors,
      cleaned,
      chunks: previous.chunks,
      indexBytes: 0,
      ms: performance.now() - started,
    };
  }

  // documents stream through: each is loaded, extracted and indexed, then only its extracted plan is kept
  const tmpDir = `${resolve(options.indexDir)}.tmp-${process.pid}-${Date.now()}`;
  const tmp = indexPaths(tmpDir);
  const indexed: PipelineManifest['documents'] = [];
  const reports: DocumentReport[] = [];
  const errors: IngestReport['errors'] = [];
  const skippedHashes = new Map<string, string | null>();
  const known = new Map(hashed.map((h) => [h.file, h.sha256]));
  const lastGood = lastGoodVersions(options.indexDir, previous);
  // unchanged documents of the previous index are copied as they are, unless a rebuild is forced
  const reusable = options.force ? null : await reusableSegments(options.indexDir, previous, version, options.embedder);
  /** per document in model order: its catalog entry but for its part of the model, known once the model is written */
  const catalog: Omit<CatalogEntry, 'model'>[] = [];
  let loadExtractMs = 0;
  let writer: SearchIndexWriter | null = null;
  let modelWriter: ModelWriter | null = null;
  let preparer: DocumentPreparer | null = null;
  try {
    await mkdir(tmp.sources, { recursive: true });
    modelWriter = new ModelWriter(tmp.model);
    writer = await SearchIndexWriter.open({
      outDir: tmp.search,
      embedder: options.embedder,
      ...(previous && existsSync(paths.search) ? { previousDir: paths.search } : {}),
      unchanged: (file, sha256) => known.get(file) === sha256,
      onProgress: progress,
    });
    const searchWriter = writer;
    const models = modelWriter;
    const record = (sha256: string, report: DocumentReport) => {
      indexed.push({
        file: report.file,
        sha256,
        layout: report.layout,
        objectives: report.objectives,
        projects: report.projects,
      });
      reports.push(report);
      const { file, ms: _ms, source: _source, understood, ...rest } = report;
      catalog.push({ file, sha256, report: { ...rest, understood: { ...understood } } });
    };
    /** indexes one document and lets go of it: only its manifest line, catalog entry and report stay */
    const add = async (doc: SourceDocument, plan: ExtractedPlan, report: DocumentReport) => {
      // every document's text is kept (not only the PDFs' slow extraction): it is what a later run falls back on
      // when this version of the file turns unreadable
      await writeCachedSource(tmp.sources, doc);
      await searchWriter.add(doc, plan);
      models.add(plan);
      record(doc.sha256, report);
    };
    /** an unchanged document: its passages, postings, vectors, records and text copied from the previous index */
    const reuse = async (file: string, sha256: string): Promise<boolean> => {
      const entry = reusable?.docs.get(segmentKey(file, sha256));
      if (!reusable || !entry || !searchWriter.keep(file, sha256)) return false;
      const t0 = performance.now();
      models.keep(entry.model, reusable.model);
      carryCachedSource(paths.sources, tmp.sources, sha256);
      const understood = entry.report.understood as unknown as Understanding;
      record(sha256, { ...entry.report, understood, file, ms: performance.now() - t0, source: 'reused' });
      return true;
    };
    /** a file that cannot be ingested now: reported, and its last good version taken when the old index had one */
    const fail = async (file: string, code: string, message: string, sha256: string | null) => {
      skippedHashes.set(file, sha256);
      const kept = await lastGood(file);
      if (kept) await add(kept.doc, kept.plan, reportOf(kept.plan, 0, 'kept'));
      errors.push({
        file,
        code,
        message: kept ? `${message} — its last good version is kept` : message,
        kept: !!kept,
      });
      progress(`  ${kept ? 'kept last good version' : 'skipped'}: ${message}`);
    };
    // one pass in the order the files were found, so the model lists documents the same way whichever files failed
    const entries = [
      ...hashed.map((h) => ({ ...h, refused: undefined })),
      ...refused.map((r) => ({ path: '', file: r.file, position: r.position, sha256: r.fingerprint, refused: r })),
    ].sort((a, b) => a.position - b.position);
    // the files to prepare (neither refused nor copied from the previous index), prepared ahead of the loop below on
    // worker threads or in turn on this one; the loop appends them in file order, so the index is the same
    const canReuse = (file: string, sha256: string | null) =>
      !!sha256 && !!reusable?.docs.get(segmentKey(file, sha256)) && searchWriter.has(file, sha256);
    const jobs: DocumentJob[] = entries
      .filter((e) => !e.refused && !canReuse(e.file, e.sha256))
      .map(({ path, file, sha256 }) => {
        const hashes = searchWriter.reusableHashes(file);
        return {
          path,
          file,
          sha256,
          indexDir: options.indexDir,
          sourcesDir: tmp.sources,
          ...(hashes ? { reusable: [...hashes] } : {}),
        };
      });
    preparer = preparerFor(options, jobs.length, progress);
    // two files per worker ahead keep each busy while this thread appends
    const prepared = preparedInOrder(jobs, preparer, 2 * preparer.threads);
    progress(`indexing ${entries.length} documents…`);
    for (const [i, { file, sha256, refused: refusal }] of entries.entries()) {
      progress(`[${i + 1}/${entries.length}] ${file}`);
      if (refusal) {
        await fail(file, refusal.code, refusal.message, sha256);
        continue;
      }
      if (sha256 && (await reuse(file, sha256))) continue;
      const result = await prepared.take();
      if (result.kind === 'failed') {
        if (result.file !== file) throw new Error(`prepared ${result.file} where ${file} was expected`);
        await fail(file, result.code, result.message, sha256);
        continue;
      }
      if (result.passages.file !== file) throw new Error(`prepared ${result.passages.file} where ${file} was expected`);
      loadExtractMs += result.loadExtractMs;
      await searchWriter.addPrepared(result.passages);
      models.addPrepared(result.model);
      record(result.sha256, result.report);
    }
    await preparer.close();
    preparer = null;
    if (indexed.length === 0) {
      const why = errors.length ? `: ${errors.map((e) => e.message).join('; ')}` : ' (no plan files found)';
      throw new PianobotError(
        'INDEX_MISSING',
        `No plan could be ingested from ${options.inputs.join(', ')}${why}. The previous index (if any) is unchanged.`,
      );
    }
    const search = await writer.finish();
    writer = null;
    let t = performance.now();
    const builtAt = new Date().toISOString();
    const { lists, segments, layout } = modelWriter.finish(builtAt);
    modelWriter = null;
    await writeFile(tmp.modelLayout, JSON.stringify(layout));
    await writeSegmentCatalog(tmp.segments, {
      version: 1,
      codeVersion: version,
      embedder: options.embedder.id,
      modelBytes: (await stat(tmp.model)).size,
      lists,
      docs: catalog.map((entry, i) => ({ ...entry, model: segments[i]! })),
    });
    const modelMs = performance.now() - t;
    const manifest: PipelineManifest = {
      version: 1,
      builtAt,
      codeVersion: version,
      embedder: { id: options.embedder.id, dimension: options.embedder.dimension },
      documents: indexed,
      errors: errors.map((e) => ({ ...e, sha256: skippedHashes.get(e.file) ?? null })),
      chunks: search.chunks,
    };
    // the manifest is written last: a directory without one is never mistaken for a finished index
    await writeFile(tmp.manifest, JSON.stringify(manifest, null, 2));
    t = performance.now();
    await swapInto(tmpDir, resolve(options.indexDir));
    const { chunk, keywords, embed, write } = search.stagesMs;
    return {
      upToDate: false,
      documents: reports,
      errors,
      cleaned,
      chunks: search.chunks,
      indexBytes: await dirSize(options.indexDir),
      ms: performance.now() - started,
      stagesMs: {
        load_extract: Math.round(loadExtractMs),
        chunk,
        keywords,
        embed,
        write_search: write,
        model: Math.round(modelMs + performance.now() - t),
      },
    };
  } catch (error) {
    // the workers stop before the build folder they write into is removed
    await preparer?.close();
    writer?.abort();
    modelWriter?.removeParts();
    await rm(tmpDir, { recursive: true, force: true });
    throw error;
  }
}

export async function sha256Of(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

interface ReusableSegments {
  docs: Map<string, CatalogEntry>;
  model: PreviousModel;
}

/**
 * The previous index's documents that can be copied into this build: only when it was built by this code with this
 * embedder, and its catalog describes the model.json that is there. (The search index checks its own files.)
 */
async function reusableSegments(
  indexDir: string,
  previous: PipelineManifest | null,
  version: string,
  embedder: Embedder,
): Promise<ReusableSegments | null> {
  if (!previous || previous.codeVersion !== version || previous.embedder.id !== embedder.id) return null;
  const paths = indexPaths(indexDir);
  const catalog: SegmentCatalog | null = await readSegmentCatalog(paths.segments);
  if (!catalog || catalog.codeVersion !== version || catalog.embedder !== embedder.id) return null;
  const modelBytes = await stat(paths.model).then(
    (s) => s.size,
    () => -1,
  );
  if (modelBytes !== catalog.modelBytes) return null;
  return {
    docs: new Map(catalog.docs.map((d) => [segmentKey(d.file, d.sha256), d])),
    model: { file: paths.model, lists: catalog.lists },
  };
}

function isUpToDate(
  manifest: PipelineManifest,
  files: { file: string; sha256: string | null }[],
  version: string,
  embedder: Embedder,
): boolean {
  if (manifest.codeVersion !== version || manifest.embedder.id !== embedder.id) return false;
  const known = new Map(manifest.documents.map((d) => [d.file, d.sha256]));
  // a skipped file counts as unchanged only while its content is the one that failed (a fixed file is ingested);
  // a file whose last good version is kept is in both lists, and the failed content is the one that counts
  const failed = new Map(manifest.errors.map((e) => [e.file, e.sha256]));
  const names = new Set([...known.keys(), ...failed.keys()]);
  return (
    files.length === names.size &&
    files.every((f) =>
      failed.has(f.file) ? failed.get(f.file) === f.sha256 : f.sha256 !== null && known.get(f.file) === f.sha256,
    )
  );
}

export async function readManifest(path: string): Promise<PipelineManifest | null> {
  try {
    return PipelineManifestSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  } catch {
    return null;
  }
}

async function swapInto(tmpDir: string, indexDir: string): Promise<void> {
  const old = `${indexDir}.old-${process.pid}-${Date.now()}`;
  const hadOld = existsSync(indexDir);
  if (hadOld) await rename(indexDir, old);
  try {
    await rename(tmpDir, indexDir);
  } catch (error) {
    if (hadOld) await rename(old, indexDir);
    throw error;
  }
  if (hadOld) await rm(old, { recursive: true, force: true });
}

async function dirSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? await dirSize(path) : (await stat(path)).size;
  }
  return total;
}

/**
 * Worker threads when they pay (see IngestOptions.workers), else this thread. Workers run the layout registry and, for
 * the local embedder, a local embedder of their own; another embedder embeds on this thread as the files are added.
 */
function preparerFor(options: IngestOptions, files: number, progress: (m: string) => void): DocumentPreparer {
  const embedder = options.embedder;
  const local = isLocalEmbedder(embedder) && takesAnalyzed(embedder) ? embedder : null;
  const hooks: PrepareHooks = {
    detect: options.detectLayout ?? detectLayout,
    ...(options.modelExtractor ? { modelExtractor: options.modelExtractor } : {}),
    local: local ? { dimension: local.dimension, embedder: local } : null,
  };
  const size = Math.min(files, options.workers ?? (files >= MIN_FILES_FOR_WORKERS ? availableParallelism() : 1));
  if (size <= 1 || options.detectLayout || options.modelExtractor) return inProcessPreparer(hooks);
  progress(`preparing documents on ${size} worker threads`);
  return new WorkerPool(size, { localDimension: local ? local.dimension : null });
}
