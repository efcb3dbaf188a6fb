import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { ListOffsetsSchema, ModelSegmentSchema } from './indexing/write-model.ts';

/**
 * `segments.json`: what the ingest needs to reuse a document of this index in the next build without reading its
 * file again — its part of the plan model (by byte ranges of model.json), and its report. The search index's own
 * manifest locates the document's passages, postings and vectors. A document is reused only when its file and
 * sha256, the code version and the embedder are all the same (incremental ingest).
 */
export const SegmentCatalogSchema = z.object({
  version: z.literal(1),
  codeVersion: z.string(),
  embedder: z.string(),
  /** the size of model.json the ranges point into: a model of another size is not the one they describe */
  modelBytes: z.number().int(),
  lists: ListOffsetsSchema,
  docs: z.array(
    z.object({
      file: z.string(),
      sha256: z.string(),
      model: ModelSegmentSchema,
      /** the document's report as its extraction made it (counts, what was understood, warnings) */
      report: z.object({
        layout: z.string(),
        entity: z.string(),
        objectives: z.number().int(),
        projects: z.number().int(),
        indicators: z.number().int(),
        phases: z.number().int(),
        understood: z.record(z.string(), z.unknown()),
        warnings: z.array(z.string()),
      }),
    }),
  ),
});
export type SegmentCatalog = z.infer<typeof SegmentCatalogSchema>;
export type CatalogEntry = SegmentCatalog['docs'][number];

export const segmentKey = (file: string, sha256: string) => `${file}\n${sha256}`;

export async function writeSegmentCatalog(file: string, catalog: SegmentCatalog): Promise<void> {
  await writeFile(file, JSON.stringify(catalog));
}

/** The catalog, or null when it is missing, unreadable or of another format (nothing is reused then). */
export async function readSegmentCatalog(file: string): Promise<SegmentCatalog | null> {
  try {
    const parsed = SegmentCatalogSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
