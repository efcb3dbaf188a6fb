import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { z } from 'zod';
import { PianobotError } from '../src/errors.ts';
import { type ExtractedPlan, ExtractedPlanSchema } from '../src/plan/model.ts';
import type { Embedder } from '../src/retrieval/embedder.ts';
import { IndexManifestSchema, indexPaths } from '../src/store/index-layout.ts';
import { codeVersion } from './code-version.ts';
import { detectLayout } from './extractors/registry.ts';
import { SearchIndexWriter } from './indexing/build-search-index.ts';
import { ModelWriter } from './indexing/write-model.ts';
import { loadDocument } from './loaders/load-document.ts';
import { type SourceDocument, SourceDocumentSchema } from './loaders/source-document.ts';

export interface IngestOptions {
  /** plan files or folders; defaults to the plans folder */
  inputs: string[];
  indexDir: string;
  embedder: Embedder;
  /** rebuild even when nothing changed */
  force?: boolean;
  onProgress?: (message: string) => void;
}

export interface DocumentReport {
  file: string;
  layout: string;
  entity: string;
  objectives: number;
  projects: number;
  indicators: number;
  phases: number;
  warnings: string[];
  ms: number;
  /** where the text came from: read from the file, or (an unchanged PDF) from the previous index's cache */
  source: 'file' | 'cache';
}

/**
 * The manifest as the pipeline writes it: a skipped file also keeps the hash it had, so that replacing it with a
 * readable version triggers a rebuild (readers of the index parse it with IndexManifestSchema and ignore the hash).
 */
const PipelineManifestSchema = IndexManifestSchema.extend({
  errors: z.array(
    z.object({ file: z.string(), code: z.string(), message: z.string(), sha256: z.string().nullable().optional() }),
  ),
});
type PipelineManifest = z.infer<typeof PipelineManifestSchema>;

export interface IngestReport {
  upToDate: boolean;
  documents: DocumentReport[];
  errors: { file: string; code: string; message: string }[];
  chunks: number;
  indexBytes: number;
  ms: number;
  /** where the time of a build went (absent when the index was up to date) */
  stagesMs?: Record<string, number>;
}

/**
 * Loads, extracts and indexes every plan file, building the new index beside the old one and swapping it in only
 * when complete: a failed run leaves the previous index serving. Bad files are reported by name and skipped.
 */
export async function runIngest(options: IngestOptions): Promise<IngestReport> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  const files = await listInputs(options.inputs);
  const paths = indexPaths(options.indexDir);
  const version = codeVersion();
  const previous = await readManifest(paths.manifest);

  const hashed = await Promise.all(
    files.map(async (path) => ({ path, file: basename(path), sha256: await sha256Of(path).catch(() => null) })),
  );
  if (!options.force && previous && isUpToDate(previous, hashed, version, options.embedder)) {
    const errors = previous.errors.map(({ file, code, message }) => ({ file, code, message }));
    return {
      upToDate: true,
      documents: [],
      errors,
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
  const current = new Map(hashed.map((h) => [h.file, h.sha256]));
  let loadExtractMs = 0;
  let writer: SearchIndexWriter | null = null;
  let modelWriter: ModelWriter | null = null;
  try {
    await mkdir(tmp.sources, { recursive: true });
    modelWriter = new ModelWriter(tmp.model);
    writer = await SearchIndexWriter.open({
      outDir: tmp.search,
      embedder: options.embedder,
      ...(previous && existsSync(paths.search) ? { previousDir: paths.search } : {}),
      unchanged: (file, sha256) => current.get(file) === sha256,
      onProgress: progress,
    });
    progress(`indexing ${hashed.length} documents…`);
    for (const [i, { path, file, sha256 }] of hashed.entries()) {
      progress(`[${i + 1}/${hashed.length}] ${file}`);
      const t0 = performance.now();
      let loaded: { doc: SourceDocument; plan: ExtractedPlan; source: DocumentReport['source'] };
      try {
        const { doc, source } = await loadCached(path, sha256, options.indexDir);
        const extractor = detectLayout(doc);
        loaded = { doc, plan: ExtractedPlanSchema.parse(extractor.extract(doc)), source };
      } catch (error) {
        const code = error instanceof PianobotError ? error.code : 'PLAN_FILE_CORRUPT';
        const message = error instanceof PianobotError ? error.message : `${file}: ${(error as Error).message}`;
        errors.push({ file, code, message });
        skippedHashes.set(file, sha256);
        progress(`  skipped: ${message}`);
        continue;
      }
      loadExtractMs += performance.now() - t0;
      const { doc, plan, source } = loaded;
      if (doc.format === 'pdf') await writeFile(join(tmp.sources, `${doc.sha256}.json`), JSON.stringify(doc));
      await writer.add(doc, plan);
      modelWriter.add(plan);
      indexed.push({
        file: plan.document.file,
        sha256: doc.sha256,
        layout: plan.document.layout,
        objectives: plan.objectives.length,
        projects: plan.projects.length,
      });
      reports.push(reportOf(plan, performance.now() - t0, source));
    }
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
    modelWriter.finish(builtAt);
    modelWriter = null;
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
    writer?.abort();
    modelWriter?.removeParts();
    await rm(tmpDir, { recursive: true, force: true });
    throw error;
  }
}

async function listInputs(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (!info) throw new PianobotError('PLAN_FILE_UNREADABLE', `${input}: no such file or folder`);
    if (info.isDirectory()) {
      const names = (await readdir(input)).filter((n) => !n.startsWith('.') && !/^readme/i.test(n)).sort();
      for (const name of names) if ((await stat(join(input, name))).isFile()) out.push(join(input, name));
    } else out.push(input);
  }
  return out;
}

async function sha256Of(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

/** PDF text extraction is the slow step; an unchanged PDF is read back from the previous index instead. */
async function loadCached(
  path: string,
  sha256: string | null,
  indexDir: string,
): Promise<{ doc: SourceDocument; source: DocumentReport['source'] }> {
  if (sha256 && extname(path).toLowerCase() === '.pdf') {
    const cached = join(indexPaths(indexDir).sources, `${sha256}.json`);
    if (existsSync(cached)) {
      const parsed = SourceDocumentSchema.safeParse(JSON.parse(await readFile(cached, 'utf8')));
      if (parsed.success) return { doc: { ...parsed.data, path, file: basename(path) }, source: 'cache' };
    }
  }
  return { doc: await loadDocument(path), source: 'file' };
}

function isUpToDate(
  manifest: PipelineManifest,
  files: { file: string; sha256: string | null }[],
  version: string,
  embedder: Embedder,
): boolean {
  if (manifest.codeVersion !== version || manifest.embedder.id !== embedder.id) return false;
  const known = new Map(manifest.documents.map((d) => [d.file, d.sha256]));
  // a skipped file counts as unchanged only while its content is the one that failed (a fixed file is ingested)
  const failed = new Map(manifest.errors.map((e) => [e.file, e.sha256]));
  return (
    files.length === known.size + failed.size &&
    files.every(
      (f) =>
        (f.sha256 !== null && known.get(f.file) === f.sha256) ||
        (failed.has(f.file) && failed.get(f.file) === f.sha256),
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

function reportOf(plan: ExtractedPlan, ms: number, source: DocumentReport['source']): DocumentReport {
  const objectives = plan.objectives;
  return {
    file: plan.document.file,
    layout: plan.document.layout,
    entity: plan.document.entity,
    objectives: objectives.length,
    projects: plan.projects.length,
    indicators: objectives.reduce((n, o) => n + o.indicators.length, 0),
    phases: objectives.reduce((n, o) => n + o.phases.length, 0),
    warnings: plan.warnings.map((w) => w.message),
    ms,
    source,
  };
}
