/**
 * Builds the passage search index of a set of plans into `outDir`, one document at a time: each document's
 * passages are analyzed once (keyword terms and local vector from the same analysis), appended to
 * `passages.jsonl`, their postings collected and their vectors written as they come, so the builder never holds
 * the corpus's texts or vectors. Vectors of unchanged documents (same sha256, same passage text) are copied from
 * `previousDir` instead of being embedded again. Never writes outside `outDir`: the caller builds into a fresh
 * directory and swaps it in, so a failed build leaves the serving index untouched.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import type { ExtractedPlan } from '../../src/plan/model.ts';
import { squash } from '../../src/plan/text.ts';
import { normalizeCode } from '../../src/retrieval/analyze.ts';
import { chunkIndexText } from '../../src/retrieval/chunk.ts';
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
  type StoredChunk,
} from '../../src/retrieval/index-format.ts';
import { analyzeChunk, documentTerms } from '../../src/retrieval/keyword-index.ts';
import { isLocalEmbedder, takesAnalyzed } from '../../src/retrieval/local-embedder.ts';
import { chunkDocument } from '../chunking/chunk-document.ts';
import type { SourceDocument } from '../loaders/source-document.ts';
import { AppendFile } from './append-file.ts';
import { PostingsBuilder } from './keyword-index-builder.ts';
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

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

/**
 * A passage's wording without what one plan's copy of a template changes in another's: names (capitalized
 * words), numbers, years and dates. Passages with the same wording count once in a term's document frequency.
 */
export function wordingOf(text: string): string {
  return squash(text.replace(/\p{Lu}[\p{L}'’]*|\d+/gu, ' '));
}

/** The key a passage's wording counts under in document frequencies (see wordingOf). */
export const wordingKey = (text: string) => sha1(wordingOf(text)).slice(0, 16);

interface PreviousIndex {
  manifest: Manifest;
  /**
   * `<doc>\n<hash>` of each passage of an unchanged document → its label in the previous index: built on first use,
   * by a document that is added rather than kept (a forced rebuild), to reuse its passages' vectors
   */
  labels: () => Map<string, number>;
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

/** A document without a plan is still searchable as text. */
function barePlan(doc: SourceDocument): ExtractedPlan {
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

/** The search index under construction: `add` each document, then `finish` once. */
export class SearchIndexWriter {
  private readonly postings = new PostingsBuilder();
  private readonly docs: IndexedDoc[] = [];
  private readonly blockOffsets: number[] = [0];
  private block: string[] = [];
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
    const plan = extracted ?? barePlan(doc);
    let t = performance.now();
    const chunks = chunkDocument(doc, plan);
    const now = () => {
      const ms = performance.now() - t;
      t = performance.now();
      return ms;
    };
    this.stages.chunk += now();
    const docNumber = this.docs.length;
    const first = this.postings.size;
    this.docs.push({
      file: doc.file,
      sha256: doc.sha256,
      entity: plan.document.entity,
      kind: plan.document.kind,
      years: plan.document.years,
      first,
      chunks: chunks.length,
      block: this.blockOffsets.length - 1,
    });

    const analyzed = chunks.map((c) => analyzeChunk(c));
    const hashes = chunks.map((c) => sha1(chunkIndexText(c)));
    const wordings = chunks.map((c) => wordingKey(c.text));
    chunks.forEach((c, i) => {
      this.postings.add({
        terms: documentTerms(analyzed[i]!),
        code: c.code ? normalizeCode(c.code) : undefined,
        doc: docNumber,
        year: c.year,
        internal: c.internal,
        textKey: wordings[i]!,
      });
    });
    this.stages.keywords += now();

    const vectors: (ArrayLike<number> | undefined)[] = chunks.map((c, i) => {
      const label = this.previous?.labels().get(`${c.doc}\n${hashes[i]}`);
      return label === undefined ? undefined : this.previous!.vectorOf(label);
    });
    this.reused += vectors.filter((v) => v !== undefined).length;
    const todo = vectors.flatMap((v, i) => (v ? [] : [i]));
    if (takesAnalyzed(this.embedder)) {
      const out = this.embedder.embedAnalyzed(
        todo.map((i) => {
          const a = analyzed[i]!;
          return [a.entity, a.section, a.text];
        }),
      );
      todo.forEach((i, j) => {
        vectors[i] = out[j];
      });
    } else {
      for (let b = 0; b < todo.length; b += EMBED_BATCH) {
        const batch = todo.slice(b, b + EMBED_BATCH);
        const out = await this.embedder.embed(batch.map((i) => chunkIndexText(chunks[i]!)));
        batch.forEach((i, j) => {
          vectors[i] = out[j];
        });
      }
    }
    this.stages.embed += now();

    for (const [i, c] of chunks.entries()) {
      const v = vectors[i];
      if (!this.vectors && v) this.openVectors(v.length);
      if (!v || v.length !== this.dimension)
        throw new Error(`passage ${c.id} has a vector of length ${v?.length ?? 0}, expected ${this.dimension}`);
      this.vectors!.add(first + i, v);
      const stored: StoredChunk = { ...c, hash: hashes[i]! };
      this.block.push(JSON.stringify(stored));
      if (this.block.length === PASSAGE_BLOCK) this.writeBlock();
      this.hashes.write(`${hashes[i]} ${wordings[i]}\n`);
    }
    // a document's passages end its last block: the next document starts a block of its own
    this.writeBlock();
    this.stages.write += now();
    return chunks.length;
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

  private writeBlock(): void {
    if (this.block.length === 0) return;
    this.passages.write(deflateRawSync(Buffer.from(this.block.join('\n'), 'utf8')));
    this.blockOffsets.push(this.passages.bytes);
    this.block = [];
  }

  async finish(): Promise<BuildSearchIndexResult> {
    const t = performance.now();
    this.writeBlock();
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
