import { join } from 'node:path';
import { z } from 'zod';

/** What `npm run ingest` writes into the index directory, and what the answering side reads back. */
export const indexPaths = (indexDir: string) => ({
  manifest: join(indexDir, 'manifest.json'),
  model: join(indexDir, 'model.json'),
  sources: join(indexDir, 'sources'),
  /** per document: where its part of the model is, to reuse it unchanged in the next ingest */
  segments: join(indexDir, 'segments.json'),
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
