/**
 * Builds the passage search index of a set of plans into `outDir`, one document at a time: each document's
 * passages are analyzed once (keyword terms and local vector from the same analysis), appended to
 * `passages.jsonl`, their postings collected and their vectors written as they come, so the builder never holds
 * the corpus's texts or vectors. Vectors of unchanged documents (same sha256, same passage text) are copied from
 * `previousDir` instead of being embedded again. Never writes outside `outDir`: the caller builds into a fresh
 * directory and swaps it in, so a failed build leaves the serving index untouched.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExtractedPlan } from '../../src/plan/model.ts';
import type { Embedder } from '../../src/retrieval/embedder.ts';
import {
  decodePostings,
  encodePostings,
  INDEX_FILES,
  type IndexedDoc,
  type Manifest,
  ManifestSchema,
  PASSAGE_BLOCK,
  type PostingsData,
  SEARCH_INDEX_VERSION,
} from '../../src/retrieval/index-format.ts';
import { isLocalEmbedder, takesAnalyzed } from '../../src/retrieval/local-embedder.ts';
import type { SourceDocument } from '../loaders/source-document.ts';
import { AppendFile } from './append-file.ts';
import { PostingsBuilder } from './keyword-index-builder.ts';
import { type PreparedPassages, preparePassages } from './prepare-passages.ts';
import { HNSW_PARAMS, HnswSink, Int8Sink, readVectors, type VectorSink } from './vector-index.ts';

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
  /** where the time went: chunking, analysis + postings, embedding, writing the files */
  stagesMs: { chunk: number; keywords: number; embed: number; write: number };
}

/** The passage hashes of the previous index, one line per passage (to reuse vectors of unchanged passages). */
const HASHES_FILE = 'hashes.txt';
const EMBED_BATCH = 64;

interface PreviousIndex {
  manifest: Manifest;
  /**
   * `<doc>\n<hash>` of each passage of an unchanged document → its label in the previous index: built on first use,
   * by a document that is added rather than kept (a forced rebuild), to reuse its passages' vectors
   */
  labels: () => Map<string, number>;
  /** the passage hashes of an unchanged file (the keys `labels` has for it) */
  hashesOf: (file: string) => Set<string> | undefined;
  /** per passage: `<hash> <wording key>` (the lines of HASHES_FILE) */
  hashLines: string[];
  postings: PostingsData;
  /** `<file>\n<sha256>` → the document in the previous index */
  docs: Map<string, IndexedDoc>;
  passagesFd: number;
  /** the int8 vectors file, open (null for an hnswlib index) */
  vectorsFd: number | null;
  vectorOf: (label: number) => ArrayLike<number>;
  close: () => void;
}

/**
 * The previous index when it can lend work: same format, same embedder, readable files. Its unchanged documents are
 * copied as they are (`SearchIndexWriter.keep`); anything else means building them again.
 */
async function readPrevious(
  dir: string | undefined,
  embedder: Embedder,
  unchanged: (file: string, sha256: string) => boolean,
  progress: (m: string) => void,
): Promise<PreviousIndex | null> {
  if (!dir || !existsSync(join(dir, INDEX_FILES.manifest))) return null;
  try {
    const parsed = ManifestSchema.safeParse(JSON.parse(await readFile(join(dir, INDEX_FILES.manifest), 'utf8')));
    if (!parsed.success) return null; // an older format: nothing to reuse
    const manifest = parsed.data;
    if (
      manifest.embedder.id !== embedder.id ||
      (embedder.dimension > 0 && manifest.embedder.dimension !== embedder.dimension)
    ) {
      progress(`previous index was built with ${manifest.embedder.id}: embedding everything again`);
      return null;
    }
    const kept = manifest.docs.filter((d) => unchanged(d.file, d.sha256));
    if (kept.length === 0) return null;
    const hashLines = readFileSync(join(dir, HASHES_FILE), 'utf8').split('\n');
    const postings = decodePostings(readFileSync(join(dir, INDEX_FILES.postings)));
    if (hashLines.length < manifest.chunks || postings.lengths.length !== manifest.chunks)
      throw new Error('its files do not match its manifest');
    let labels: Map<string, number> | undefined;
    const labelsOf = () => {
      if (labels) return labels;
      labels = new Map<string, number>();
      for (const d of kept) {
        for (let label = d.first; label < d.first + d.chunks; label++)
          labels.set(`${d.file}\n${hashLines[label]!.split(' ')[0]}`, label);
      }
      return labels;
    };
    const vectorsFile = join(dir, manifest.vectors === 'int8' ? INDEX_FILES.vectorsInt8 : INDEX_FILES.vectorsHnsw);
    const vectors = readVectors(vectorsFile, manifest.vectors, manifest.embedder.dimension);
    const passagesFd = openSync(join(dir, INDEX_FILES.passages), 'r');
    const vectorsFd = manifest.vectors === 'int8' ? openSync(vectorsFile, 'r') : null;
    return {
      manifest,
      labels: labelsOf,
      hashesOf: (file) => {
        const d = kept.find((k) => k.file === file);
        if (!d) return undefined;
        return new Set(hashLines.slice(d.first, d.first + d.chunks).map((l) => l.split(' ')[0]!));
      },
      hashLines,
      postings,
      docs: new Map(kept.map((d) => [`${d.file}\n${d.sha256}`, d])),
      passagesFd,
      vectorsFd,
      vectorOf: vectors.vectorOf,
      close: () => {
        vectors.close();
        closeSync(passagesFd);
        if (vectorsFd !== null) closeSync(vectorsFd);
      },
    };
  } catch (err) {
    progress(`previous index unreadable (${(err as Error).message}): embedding everything again`);
    return null;
  }
}

/** `length` bytes of an open file from `position`. */
function readRange(fd: number, position: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  if (readSync(fd, bytes, 0, length, position) !== length) throw new Error('previous index file is truncated');
  return bytes;
}

/** Row `i` of int8 rows as the unit-scale vector they quantize (quantizing it again gives the same row). */
const rowVector = (rows: Int8Array, i: number, d: number) =>
  Array.from(rows.subarray(i * d, (i + 1) * d), (x) => x / 127);

/** The search index under construction: `add` each document, then `finish` once. */
export class SearchIndexWriter {
  private readonly postings = new PostingsBuilder();
  private readonly docs: IndexedDoc[] = [];
  private readonly blockOffsets: number[] = [0];
  private readonly passages: AppendFile;
  private readonly hashes: AppendFile;
  private vectors: VectorSink | null = null;
  private dimension = 0;
  private reused = 0;
  private keptDocs = 0;
  private readonly stages = { chunk: 0, keywords: 0, embed: 0, write: 0 };

  private constructor(
    private readonly outDir: string,
    private readonly embedder: Embedder,
    private readonly previous: PreviousIndex | null,
    private readonly progress: (m: string) => void,
  ) {
    this.passages = new AppendFile(join(outDir, INDEX_FILES.passages));
    this.hashes = new AppendFile(join(outDir, HASHES_FILE));
    this.local = isLocalEmbedder(embedder);
    if (this.local) this.openVectors(embedder.dimension);
  }
  private readonly local: boolean;

  static async open(options: {
    outDir: string;
    embedder: Embedder;
    previousDir?: string;
    /** whether a document of the previous index is unchanged in this build (same file, same sha256) */
    unchanged?: (file: string, sha256: string) => boolean;
    onProgress?: (msg: string) => void;
  }): Promise<SearchIndexWriter> {
    const progress = options.onProgress ?? (() => {});
    await mkdir(options.outDir, { recursive: true });
    const previous = await readPrevious(
      options.previousDir,
      options.embedder,
      options.unchanged ?? (() => false),
      progress,
    );
    return new SearchIndexWriter(options.outDir, options.embedder, previous, progress);
  }

  private openVectors(dimension: number): void {
    this.dimension = dimension;
    this.vectors = this.local
      ? new Int8Sink(join(this.outDir, INDEX_FILES.vectorsInt8), dimension)
      : new HnswSink(join(this.outDir, INDEX_FILES.vectorsHnsw), dimension);
  }

  get chunks(): number {
    return this.postings.size;
  }

  /** Chunks, analyzes, embeds and writes one document's passages; returns how many it has. */
  async add(doc: SourceDocument, extracted: ExtractedPlan | null): Promise<number> {
    const local = this.local && takesAnalyzed(this.embedder) ? this.embedder : null;
    const prepared = preparePassages(doc, extracted, {
      local: local ? { dimension: this.dimension, embedder: local } : null,
      reusable: this.reusableHashes(doc.file),
    });
    return this.addPrepared(prepared);
  }

  /**
   * The hashes of a file's passages whose vectors the previous index lends (the file is unchanged but built again:
   * a forced rebuild or a new code version): preparing the file need not embed them.
   */
  reusableHashes(file: string): Set<string> | undefined {
    return this.previous?.hashesOf(file);
  }

  /** Appends one document's prepared passages (see preparePassages) as the next document of the index. */
  async addPrepared(p: PreparedPassages): Promise<number> {
    let t = performance.now();
    for (const stage of ['chunk', 'keywords', 'embed', 'write'] as const) this.stages[stage] += p.ms[stage];
    const docNumber = this.docs.length;
    const first = this.postings.size;
    this.docs.push({
      file: p.file,
      sha256: p.sha256,
      entity: p.entity,
      kind: p.kind,
      years: p.years,
      first,
      chunks: p.count,
      block: this.blockOffsets.length - 1,
    });
    this.postings.addDocument(
      p.postings,
      p.wordings.map((textKey, i) => ({
        doc: docNumber,
        year: p.passageYears[i]!,
        internal: p.internal[i] === 1,
        textKey,
      })),
    );
    this.stages.keywords += performance.now() - t;
    t = performance.now();

    // vectors: the previous index's where it has the passage, else made by preparePassages, else embedded here
    const previous: (ArrayLike<number> | undefined)[] = p.hashes.map((hash, i) => {
      if (p.embedded[i]) return undefined;
      const label = this.previous?.labels().get(`${p.file}\n${hash}`);
      return label === undefined ? undefined : this.previous!.vectorOf(label);
    });
    this.reused += previous.filter((v) => v !== undefined).length;
    const embedded: (ArrayLike<number> | undefined)[] = [];
    const todo = p.indexTexts ? previous.flatMap((v, i) => (v || p.embedded[i] ? [] : [i])) : [];
    for (let b = 0; b < todo.length; b += EMBED_BATCH) {
      const batch = todo.slice(b, b + EMBED_BATCH);
      const out = await this.embedder.embed(batch.map((i) => p.indexTexts![i]!));
      batch.forEach((i, j) => {
        embedded[i] = out[j];
      });
    }
    this.stages.embed += performance.now() - t;
    t = performance.now();

    const d = this.dimension;
    for (let i = 0; i < p.count; i++) {
      if (p.embedded[i] && p.rows && this.vectors instanceof Int8Sink) {
        // a run of rows made by preparePassages is written at once
        let end = i + 1;
        while (end < p.count && p.embedded[end]) end++;
        this.vectors.addRows(first + i, p.rows.subarray(i * d, end * d));
        i = end - 1;
        continue;
      }
      const v = previous[i] ?? embedded[i] ?? (p.embedded[i] && p.rows ? rowVector(p.rows, i, d) : undefined);
      if (!this.vectors && v) this.openVectors(v.length);
      if (!v || v.length !== this.dimension)
        throw new Error(`passage ${p.ids[i]} has a vector of length ${v?.length ?? 0}, expected ${this.dimension}`);
      this.vectors!.add(first + i, v);
    }
    for (const block of p.blocks) {
      this.passages.write(block);
      this.blockOffsets.push(this.passages.bytes);
    }
    for (let i = 0; i < p.count; i++) this.hashes.write(`${p.hashes[i]} ${p.wordings[i]}\n`);
    this.stages.write += performance.now() - t;
    return p.count;
  }

  /** Whether the previous index has this file with this content, to be taken as it is (`keep`). */
  has(file: string, sha256: string): boolean {
    return this.previous?.docs.has(`${file}\n${sha256}`) ?? false;
  }

  /**
   * Takes an unchanged document (same file, same sha256) of the previous index as it is: its compressed passage
   * blocks, vectors, passage hashes and postings are copied, nothing is chunked, analyzed or embedded again.
   * Returns false when the previous index does not have it; the caller then adds it.
   */
  keep(file: string, sha256: string): boolean {
    const previous = this.previous;
    const old = previous?.docs.get(`${file}\n${sha256}`);
    if (!previous || !old) return false;
    const t = performance.now();
    const docNumber = this.docs.length;
    const first = this.postings.size;
    this.docs.push({ ...old, first, block: this.blockOffsets.length - 1 });
    const offsets = previous.postings.blockOffsets;
    const blocks = Math.ceil(old.chunks / PASSAGE_BLOCK);
    const start = offsets[old.block]!;
    const base = this.passages.bytes;
    this.passages.write(readRange(previous.passagesFd, start, offsets[old.block + blocks]! - start));
    for (let b = 1; b <= blocks; b++) this.blockOffsets.push(base + offsets[old.block + b]! - start);
    const lines = previous.hashLines.slice(old.first, old.first + old.chunks);
    this.postings.keep(
      previous.postings,
      old.first,
      old.chunks,
      docNumber,
      lines.map((l) => l.split(' ')[1] ?? ''),
    );
    if (lines.length) this.hashes.write(`${lines.join('\n')}\n`);
    if (!this.vectors) this.openVectors(previous.manifest.embedder.dimension);
    if (this.vectors instanceof Int8Sink && previous.vectorsFd !== null) {
      const d = this.dimension;
      this.vectors.addRows(first, readRange(previous.vectorsFd, old.first * d, old.chunks * d));
    } else {
      for (let i = 0; i < old.chunks; i++) this.vectors!.add(first + i, previous.vectorOf(old.first + i));
    }
    this.keptDocs++;
    this.stages.write += performance.now() - t;
    return true;
  }

  async finish(): Promise<BuildSearchIndexResult> {
    const t = performance.now();
    this.previous?.close();
    this.passages.close();
    this.hashes.close();
    const dimension = this.dimension || this.embedder.dimension;
    if (!dimension)
      throw new Error(`the embedder ${this.embedder.id} has no known dimension and there is nothing to embed`);
    if (!this.vectors) this.openVectors(dimension);
    this.vectors!.finish();
    const file = (name: string) => join(this.outDir, name);
    const postings = this.postings.finish(Float64Array.from(this.blockOffsets));
    await writeFile(file(INDEX_FILES.postings), encodePostings(postings));
    const manifest: Manifest = {
      version: SEARCH_INDEX_VERSION,
      builtAt: new Date().toISOString(),
      embedder: { id: this.embedder.id, dimension },
      vectors: this.local ? 'int8' : 'hnsw',
      chunks: this.postings.size,
      docs: this.docs,
      ...(this.local
        ? {}
        : { hnsw: { space: HNSW_PARAMS.space, m: HNSW_PARAMS.m, efConstruction: HNSW_PARAMS.efConstruction } }),
    };
    await writeFile(file(INDEX_FILES.manifest), JSON.stringify(manifest, null, 2));
    if (this.keptDocs) this.progress(`kept ${this.keptDocs} unchanged documents from the previous index`);
    if (this.reused) this.progress(`reused ${this.reused} embeddings of unchanged passages`);
    this.progress(`search index written: ${this.postings.size} passages`);
    this.stages.write += performance.now() - t;

    let bytes = 0;
    for (const name of [...Object.values(INDEX_FILES), HASHES_FILE]) {
      if (existsSync(file(name))) bytes += (await stat(file(name))).size;
    }
    const round = (ms: number) => Math.round(ms);
    return {
      chunks: this.postings.size,
      reusedEmbeddings: this.reused,
      bytes,
      stagesMs: {
        chunk: round(this.stages.chunk),
        keywords: round(this.stages.keywords),
        embed: round(this.stages.embed),
        write: round(this.stages.write),
      },
    };
  }

  /** Releases the files of a build that will not be finished (the caller removes the directory). */
  abort(): void {
    this.previous?.close();
    this.passages.close();
    this.hashes.close();
  }
}

/** The whole index of documents already in memory (tests, scripts): the same writer, fed in order. */
export async function buildSearchIndex(input: BuildSearchIndexInput): Promise<BuildSearchIndexResult> {
  const current = new Map(input.docs.map((d) => [d.file, d.sha256]));
  const writer = await SearchIndexWriter.open({
    outDir: input.outDir,
    embedder: input.embedder,
    ...(input.previousDir ? { previousDir: input.previousDir } : {}),
    unchanged: (file, sha256) => current.get(file) === sha256,
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  });
  try {
    for (const doc of input.docs) await writer.add(doc, input.plans.find((p) => p.document.file === doc.file) ?? null);
    return await writer.finish();
  } catch (error) {
    writer.abort();
    throw error;
  }
}
