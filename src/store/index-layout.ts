import { join } from 'node:path';
import { z } from 'zod';

/** What `npm run ingest` writes into the index directory, and what the answering side reads back. */
export const indexPaths = (indexDir: string) => ({
  manifest: join(indexDir, 'manifest.json'),
  model: join(indexDir, 'model.json'),
  sources: join(indexDir, 'sources'),
  /** per document: where its part of the model is, to reuse it unchanged in the next ingest */
  segments: join(indexDir, 'segments.json'),
  /** where model.json's parts are, so that the server parses its records a slice at a time (ModelLayoutSchema) */
  modelLayout: join(indexDir, 'model-layout.json'),
  search: join(indexDir, 'search'),
});

export const IndexManifestSchema = z.object({
  version: z.literal(1),
  builtAt: z.string(),
  codeVersion: z.string(),
  embedder: z.object({ id: z.string(), dimension: z.number().int() }),
  documents: z.array(
    z.object({
      file: z.string(),
      sha256: z.string(),
      layout: z.string(),
      objectives: z.number().int(),
      projects: z.number().int(),
    }),
  ),
  /** files that could not be ingested; `kept`: their last good version, from an earlier index, still serves */
  errors: z.array(z.object({ file: z.string(), code: z.string(), message: z.string(), kept: z.boolean().optional() })),
  chunks: z.number().int(),
});
export type IndexManifest = z.infer<typeof IndexManifestSchema>;

/** The record lists of model.json, in the order the file has them (after `documents` and `people`). */
export const MODEL_RECORD_LISTS = ['structures', 'objectives', 'projects', 'totals', 'tables', 'warnings'] as const;
export type ModelRecordList = (typeof MODEL_RECORD_LISTS)[number];

const ByteRangeSchema = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);

/**
 * One JSON list of model.json: the byte range of its items (inside the brackets), and the offsets where an item
 * starts that a reader may cut the list at (ascending, within the range; each document's first record of the list).
 */
export const ModelListLayoutSchema = z.object({ items: ByteRangeSchema, cuts: z.array(z.number().int()) });

/**
 * `model-layout.json`, written by the ingest with model.json: the byte range of the documents, and of each list.
 * With it the server parses the documents at load and each list a slice at a time, when it is first used or in a
 * background warm-up, instead of one 100 MB `JSON.parse` before it can answer.
 */
export const ModelLayoutSchema = z.object({
  /** the size of the model.json it describes: a model of another size is not the one it describes */
  bytes: z.number().int(),
  documents: ByteRangeSchema,
  lists: z.object({
    people: ModelListLayoutSchema,
    structures: ModelListLayoutSchema,
    objectives: ModelListLayoutSchema,
    projects: ModelListLayoutSchema,
    totals: ModelListLayoutSchema,
    tables: ModelListLayoutSchema,
    warnings: ModelListLayoutSchema,
  }),
});
export type ModelLayout = z.infer<typeof ModelLayoutSchema>;
export type ModelListLayout = z.infer<typeof ModelListLayoutSchema>;
