/**
 * Builds the passage search index of a set of plans into `outDir`: chunk store, BM25 keyword index,
 * hnswlib vector index, the embedder's corpus statistics and, last, the manifest (embedder id + dimension,
 * per-document sha256). Vectors of unchanged documents (same sha256, same passage text) are copied from
 * `previousDir` instead of being embedded again. Never writes outside `outDir`: the caller builds into a
 * fresh directory and swaps it in, so a failed build leaves the serving index untouched.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExtractedPlan } from '../../src/plan/model.ts';
import { type Chunk, chunkIndexText } from '../../src/retrieval/chunk.ts';
import { type Embedder, isCorpusWeighted } from '../../src/retrieval/embedder.ts';
import {
  ChunkStoreSchema,
  INDEX_FILES,
  type IndexedDoc,
  type Manifest,
  ManifestSchema,
  SEARCH_INDEX_VERSION,
  type StoredChunk,
} from '../../src/retrieval/index-format.ts';
import { chunkDocument } from '../chunking/chunk-document.ts';
import type { SourceDocument } from '../loaders/source-document.ts';
import { buildKeywordIndex } from './keyword-index-builder.ts';
import { HNSW_PARAMS, readVectors, writeVectorIndex } from './vector-index.ts';

export interface BuildSearchIndexInput {
  docs: SourceDocument[];
  /** the extracted plan of each document (matched by file name) */
  plans: ExtractedPlan[];
  outDir: string;
  previousDir?: string;
  embedder: Embedder;
  onProgress?: (msg: string) => void;
}

export interface BuildSearchIndexResult {
  chunks: number;
  reusedEmbeddings: number;
  bytes: number;
}

const EMBED_BATCH = 64;

interface PreviousIndex {
  manifest: Manifest;
  chunks: StoredChunk[];
  stats: Uint8Array | null;
  vectorOf: (label: number) => number[];
}

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

/** The previous index when it can lend vectors: same embedder, readable files. Anything else means a full build. */
async function readPrevious(
  dir: string | undefined,
  embedder: Embedder,
  progress: (m: string) => void,
): Promise<PreviousIndex | null> {
  if (!dir || !existsSync(join(dir, INDEX_FILES.manifest))) return null;
  try {
    const manifest = ManifestSchema.parse(JSON.parse(await readFile(join(dir, INDEX_FILES.manifest), 'utf8')));
    if (
      manifest.embedder.id !== embedder.id ||
      (embedder.dimension > 0 && manifest.embedder.dimension !== embedder.dimension)
    ) {
      progress(`previous index was built with ${manifest.embedder.id}: embedding everything again`);
      return null;
    }
    const { chunks } = ChunkStoreSchema.parse(JSON.parse(await readFile(join(dir, INDEX_FILES.chunks), 'utf8')));
    const stats = manifest.embedderStats ? new Uint8Array(await readFile(join(dir, INDEX_FILES.embedderStats))) : null;
    const vectorOf = readVectors(join(dir, INDEX_FILES.vectors), manifest.embedder.dimension);
    return { manifest, chunks, stats, vectorOf };
  } catch (err) {
    progress(`previous index unreadable (${(err as Error).message}): embedding everything again`);
    return null;
  }
}

function planFor(doc: SourceDocument, plans: readonly ExtractedPlan[]): ExtractedPlan {
  const plan = plans.find((p) => p.document.file === doc.file);
  if (plan) return plan;
  // a document without a plan is still searchable as text
  return {
    document: {
      file: doc.file,
      entity: '',
      kind: 'unknown',
      title: doc.file,
      years: [],
      layout: 'none',
      format: doc.format,
      lineCount: doc.lines.length,
      sha256: doc.sha256,
    },
    structures: [],
    objectives: [],
    projects: [],
    totals: [],
    tables: [],
    warnings: [],
  };
}

export async function buildSearchIndex(input: BuildSearchIndexInput): Promise<BuildSearchIndexResult> {
  const progress = input.onProgress ?? (() => {});

  const chunks: Chunk[] = [];
  const docs: IndexedDoc[] = [];
  for (const doc of input.docs) {
    const plan = planFor(doc, input.plans);
    const own = chunkDocument(doc, plan);
    chunks.push(...own);
    docs.push({
      file: doc.file,
      sha256: doc.sha256,
      entity: plan.document.entity,
      kind: plan.document.kind,
      chunks: own.length,
    });
  }
  progress(`chunked ${input.docs.length} documents into ${chunks.length} passages`);

  const texts = chunks.map(chunkIndexText);
  const stored: StoredChunk[] = chunks.map((c, i) => ({ ...c, hash: sha1(texts[i]!) }));

  const previous = await readPrevious(input.previousDir, input.embedder, progress);
  const unchanged = new Set(
    (previous?.manifest.docs ?? [])
      .filter((d) => input.docs.some((x) => x.file === d.file && x.sha256 === d.sha256))
      .map((d) => d.file),
  );
  const reusable = previous && unchanged.size > 0 ? previous : null;

  // Corpus statistics (IDF) travel with the vectors they weighted: reusing vectors means keeping their statistics.
  let embedder = input.embedder;
  let stats: Uint8Array | null = null;
  if (isCorpusWeighted(input.embedder)) {
    stats = reusable?.stats ?? input.embedder.fit(texts);
    embedder = input.embedder.withStats(stats);
  }

  const vectors: (number[] | undefined)[] = Array.from({ length: chunks.length }, () => undefined);
  let reused = 0;
  if (reusable) {
    const byKey = new Map<string, number>();
    reusable.chunks.forEach((c, label) => {
      if (unchanged.has(c.doc)) byKey.set(`${c.doc}\n${c.hash}`, label);
    });
    stored.forEach((c, i) => {
      const label = byKey.get(`${c.doc}\n${c.hash}`);
      if (label === undefined) return;
      vectors[i] = reusable.vectorOf(label);
      reused++;
    });
    progress(`reusing ${reused} embeddings of ${unchanged.size} unchanged documents`);
  }

  const todo = vectors.flatMap((v, i) => (v ? [] : [i]));
  for (let b = 0; b < todo.length; b += EMBED_BATCH) {
    const batch = todo.slice(b, b + EMBED_BATCH);
    const out = await embedder.embed(batch.map((i) => texts[i]!));
    batch.forEach((i, j) => {
      vectors[i] = out[j];
    });
    progress(`embedded ${Math.min(b + EMBED_BATCH, todo.length)}/${todo.length} passages`);
  }

  const dimension = vectors[0]?.length ?? (input.embedder.dimension || previous?.manifest.embedder.dimension || 0);
  if (!dimension)
    throw new Error(`the embedder ${input.embedder.id} has no known dimension and there is nothing to embed`);
  const all = vectors.map((v, i) => {
    if (!v || v.length !== dimension)
      throw new Error(`passage ${chunks[i]?.id} has a vector of length ${v?.length ?? 0}, expected ${dimension}`);
    return v;
  });

  await mkdir(input.outDir, { recursive: true });
  const file = (name: string) => join(input.outDir, name);
  await writeFile(file(INDEX_FILES.chunks), JSON.stringify({ chunks: stored }));
  await writeFile(file(INDEX_FILES.keywords), JSON.stringify(buildKeywordIndex(chunks)));
  writeVectorIndex(file(INDEX_FILES.vectors), dimension, all);
  if (stats) await writeFile(file(INDEX_FILES.embedderStats), stats);
  const manifest: Manifest = {
    version: SEARCH_INDEX_VERSION,
    builtAt: new Date().toISOString(),
    embedder: { id: input.embedder.id, dimension },
    embedderStats: stats !== null,
    chunks: chunks.length,
    docs,
    hnsw: { space: HNSW_PARAMS.space, m: HNSW_PARAMS.m, efConstruction: HNSW_PARAMS.efConstruction },
  };
  await writeFile(file(INDEX_FILES.manifest), JSON.stringify(manifest, null, 2));
  progress(`search index written: ${chunks.length} passages`);

  let bytes = 0;
  for (const name of Object.values(INDEX_FILES)) {
    if (existsSync(file(name))) bytes += (await stat(file(name))).size;
  }
  return { chunks: chunks.length, reusedEmbeddings: reused, bytes };
}
