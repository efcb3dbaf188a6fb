/**
 * The on-disk layout of a search index directory, shared by the builder (ingest/indexing) and the reader
 * (search-index.ts). The manifest is written last: a directory without one is not an index.
 *
 * Sized for a thousand plans on one machine: passages are JSON lines in compressed blocks in `passages.bin`, read
 * only when they are hits; everything a query scans (BM25 postings, per-passage filter fields, lengths) sits in
 * typed arrays in `postings.bin`, loaded with one read and no parsing; the local embedder's vectors are int8 rows
 * in `vectors.i8`, an endpoint model's vectors an hnswlib graph in `vectors.hnsw`.
 */
import { z } from 'zod';
import { DocumentKindSchema } from '../plan/model.ts';
import { ChunkSchema } from './chunk.ts';

export const SEARCH_INDEX_VERSION = 3;

export const INDEX_FILES = {
  manifest: 'manifest.json',
  passages: 'passages.bin',
  postings: 'postings.bin',
  vectorsInt8: 'vectors.i8',
  vectorsHnsw: 'vectors.hnsw',
} as const;

export const IndexedDocSchema = z.object({
  file: z.string(),
  sha256: z.string(),
  entity: z.string(),
  kind: DocumentKindSchema,
  /** the document's years (a passage without a year of its own matches a year filter through them) */
  years: z.array(z.number().int()),
  /** its passages are numbers first … first + chunks - 1 */
  first: z.number().int().nonnegative(),
  chunks: z.number().int().nonnegative(),
  /**
   * its passages' first compressed block: a document's passages start a block of their own, so an unchanged
   * document's blocks are copied byte for byte into the next build (incremental ingest)
   */
  block: z.number().int().nonnegative(),
});
export type IndexedDoc = z.infer<typeof IndexedDocSchema>;

export const ManifestSchema = z.object({
  version: z.literal(SEARCH_INDEX_VERSION),
  builtAt: z.string(),
  embedder: z.object({ id: z.string(), dimension: z.number().int().positive() }),
  /** int8: rows of `vectors.i8` rerank the keyword candidates; hnsw: an approximate nearest-neighbour graph */
  vectors: z.enum(['int8', 'hnsw']),
  chunks: z.number().int().nonnegative(),
  docs: z.array(IndexedDocSchema),
  hnsw: z.object({ space: z.literal('cosine'), m: z.number().int(), efConstruction: z.number().int() }).optional(),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** A chunk as stored, with the hash of the text it was embedded from (to reuse its vector on the next build). */
export const StoredChunkSchema = ChunkSchema.extend({ hash: z.string() });
export type StoredChunk = z.infer<typeof StoredChunkSchema>;

/**
 * Passages are stored as JSON lines, PASSAGE_BLOCK to a raw-deflate block: a hit inflates one block (about 30 KB),
 * and the passages take a quarter of their plain size on disk. Blocks never span two documents.
 */
export const PASSAGE_BLOCK = 32;

/** The compressed block holding passage `chunk` of `doc`, and the passage's line in it. */
export function blockOf(doc: Pick<IndexedDoc, 'first' | 'block'>, chunk: number): { block: number; line: number } {
  const local = chunk - doc.first;
  return { block: doc.block + Math.floor(local / PASSAGE_BLOCK), line: local % PASSAGE_BLOCK };
}

/** Prefix of the posting lists that list the passages of a record code (never produced by the text analyzer). */
export const CODE_TERM_PREFIX = '\u0001';

/**
 * What `postings.bin` holds. Terms are sorted by their UTF-8 bytes, so a term is found by binary search without
 * building a map of a million strings at load time.
 */
export interface PostingsData {
  /** passages with distinct wording (the N of the idf, counted as the document frequencies are) */
  distinctTexts: number;
  /** per passage: its document's number in the manifest's docs */
  chunkDoc: Uint32Array;
  /** per passage: its own year, 0 when it has none */
  chunkYear: Int32Array;
  /** per passage: 1 for staff-only passages */
  chunkInternal: Uint8Array;
  /** per passage: its term-weighted length (BM25) */
  lengths: Float32Array;
  /** per block of up to PASSAGE_BLOCK passages of one document: byte offset of its compressed bytes (blocks + 1) */
  blockOffsets: Float64Array;
  /** per term: byte offset in termBytes (terms + 1 entries) */
  termOffsets: Uint32Array;
  /** per term: where its postings start (terms + 1 entries) */
  postingStart: Uint32Array;
  postingChunk: Uint32Array;
  /** twice the term frequency of each posting (frequencies are multiples of 0.5: pairs and headings weigh 0.5 and 2) */
  postingTf2: Uint8Array;
  /** document frequency of each term: passages holding it, identical passages of several documents counted once */
  termDf: Float32Array;
  termBytes: Uint8Array;
}

const MAGIC = 0x50424958; // "PBIX"
const HEADER_WORDS = 8;

type Section = {
  key: Exclude<keyof PostingsData, 'distinctTexts'>;
  type: 'u32' | 'i32' | 'u8' | 'f32' | 'f64';
  length: (h: Header) => number;
};
interface Header {
  blocks: number;
  chunks: number;
  terms: number;
  postings: number;
  termBytes: number;
}

const SECTIONS: Section[] = [
  { key: 'blockOffsets', type: 'f64', length: (h) => h.blocks + 1 },
  { key: 'chunkDoc', type: 'u32', length: (h) => h.chunks },
  { key: 'chunkYear', type: 'i32', length: (h) => h.chunks },
  { key: 'lengths', type: 'f32', length: (h) => h.chunks },
  { key: 'termOffsets', type: 'u32', length: (h) => h.terms + 1 },
  { key: 'postingStart', type: 'u32', length: (h) => h.terms + 1 },
  { key: 'termDf', type: 'f32', length: (h) => h.terms },
  { key: 'postingChunk', type: 'u32', length: (h) => h.postings },
  { key: 'postingTf2', type: 'u8', length: (h) => h.postings },
  { key: 'chunkInternal', type: 'u8', length: (h) => h.chunks },
  { key: 'termBytes', type: 'u8', length: (h) => h.termBytes },
];
const BYTES = { u32: 4, i32: 4, u8: 1, f32: 4, f64: 8 } as const;
const align8 = (n: number) => Math.ceil(n / 8) * 8;

export function encodePostings(data: PostingsData): Buffer[] {
  const header = new Uint32Array(HEADER_WORDS);
  header.set([
    MAGIC,
    SEARCH_INDEX_VERSION,
    data.lengths.length,
    data.termDf.length,
    data.postingChunk.length,
    data.termBytes.length,
    data.distinctTexts,
    data.blockOffsets.length - 1,
  ]);
  const parts: Buffer[] = [Buffer.from(header.buffer)];
  for (const s of SECTIONS) {
    const a = data[s.key];
    parts.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    const pad = align8(a.byteLength) - a.byteLength;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  return parts;
}

/** Typed-array views over the file's bytes (no copy). Throws on a foreign, older or truncated file. */
export function decodePostings(bytes: Buffer): PostingsData {
  // typed arrays need an aligned start: a pooled Buffer may not have one
  const buf = bytes.byteOffset % 8 === 0 ? bytes : Buffer.from(bytes);
  if (buf.byteLength < HEADER_WORDS * 4) throw new Error('postings file is truncated');
  const header = new Uint32Array(buf.buffer, buf.byteOffset, HEADER_WORDS);
  if (header[0] !== MAGIC || header[1] !== SEARCH_INDEX_VERSION) throw new Error('postings file has another format');
  const h: Header = {
    blocks: header[7]!,
    chunks: header[2]!,
    terms: header[3]!,
    postings: header[4]!,
    termBytes: header[5]!,
  };
  let at = buf.byteOffset + HEADER_WORDS * 4;
  const out: Partial<Record<keyof PostingsData, unknown>> = { distinctTexts: header[6]! };
  for (const s of SECTIONS) {
    const n = s.length(h);
    const size = n * BYTES[s.type];
    if (at + size > buf.byteOffset + buf.byteLength) throw new Error('postings file is truncated');
    const ab = buf.buffer as ArrayBuffer;
    out[s.key] = {
      u32: () => new Uint32Array(ab, at, n),
      i32: () => new Int32Array(ab, at, n),
      u8: () => new Uint8Array(ab, at, n),
      f32: () => new Float32Array(ab, at, n),
      f64: () => new Float64Array(ab, at, n),
    }[s.type]();
    at += align8(size);
  }
  return out as PostingsData;
}
