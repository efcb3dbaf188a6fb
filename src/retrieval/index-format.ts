/**
 * The on-disk layout of a search index directory, shared by the builder (ingest/indexing) and the reader
 * (search-index.ts). The manifest is written last: a directory without one is not an index.
 */
import { z } from 'zod';
import { DocumentKindSchema } from '../plan/model.ts';
import { ChunkSchema } from './chunk.ts';

export const SEARCH_INDEX_VERSION = 1;

export const INDEX_FILES = {
  manifest: 'manifest.json',
  chunks: 'chunks.json',
  keywords: 'keywords.json',
  vectors: 'vectors.hnsw',
  embedderStats: 'embedder-stats.bin',
} as const;

export const IndexedDocSchema = z.object({
  file: z.string(),
  sha256: z.string(),
  entity: z.string(),
  kind: DocumentKindSchema,
  chunks: z.number().int().nonnegative(),
});
export type IndexedDoc = z.infer<typeof IndexedDocSchema>;

export const ManifestSchema = z.object({
  version: z.literal(SEARCH_INDEX_VERSION),
  builtAt: z.string(),
  embedder: z.object({ id: z.string(), dimension: z.number().int().positive() }),
  /** true when the embedder's corpus statistics are stored in INDEX_FILES.embedderStats */
  embedderStats: z.boolean(),
  chunks: z.number().int().nonnegative(),
  docs: z.array(IndexedDocSchema),
  hnsw: z.object({ space: z.literal('cosine'), m: z.number().int(), efConstruction: z.number().int() }),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** A chunk as stored, with the hash of the text it was embedded from (to reuse its vector on the next build). */
export const StoredChunkSchema = ChunkSchema.extend({ hash: z.string() });
export type StoredChunk = z.infer<typeof StoredChunkSchema>;

export const ChunkStoreSchema = z.object({ chunks: z.array(StoredChunkSchema) });
