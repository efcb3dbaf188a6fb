import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { PianobotError } from '../errors.ts';
import { type PlanModel, PlanModelSchema } from '../plan/model.ts';
import type { Embedder } from '../retrieval/embedder.ts';
import { openSearchIndex, type SearchIndex } from '../retrieval/search-index.ts';
import { type IndexManifest, IndexManifestSchema, indexPaths } from './index-layout.ts';
import { PlanStore } from './plan-store.ts';

export interface LoadedIndex {
  manifest: IndexManifest;
  store: PlanStore;
  search: SearchIndex;
  loadMs: number;
}

/**
 * The envelope, documents and people are validated; the record lists are checked to be lists. Every record was
 * validated at ingest (each plan against ExtractedPlanSchema as it was extracted) before the manifest that names
 * this code version was written last; validating a thousand plans' records again took most of a 10 s load.
 */
const ModelEnvelopeSchema = PlanModelSchema.pick({
  version: true,
  builtAt: true,
  documents: true,
  people: true,
}).extend({
  structures: z.array(z.unknown()),
  objectives: z.array(z.unknown()),
  projects: z.array(z.unknown()),
  totals: z.array(z.unknown()),
  tables: z.array(z.unknown()),
  warnings: z.array(z.unknown()),
});

function parseModel(json: string): PlanModel {
  const raw = JSON.parse(json) as Record<string, unknown>;
  const envelope = ModelEnvelopeSchema.parse(raw);
  // the records as read (unknown to the envelope schema): they are the validated extractions written at ingest
  return { ...(raw as unknown as PlanModel), documents: envelope.documents, people: envelope.people };
}

/** Opens a finished index: the plan model (validated) and the passage search index. */
export async function loadIndex(indexDir: string, embedder: Embedder): Promise<LoadedIndex> {
  const started = performance.now();
  const paths = indexPaths(indexDir);
  let manifest: IndexManifest;
  let model: PlanModel;
  try {
    manifest = IndexManifestSchema.parse(JSON.parse(await readFile(paths.manifest, 'utf8')));
    // one decode of the whole file: readFile's own utf8 decoding goes chunk by chunk and took twice as long
    model = parseModel((await readFile(paths.model)).toString('utf8'));
  } catch (cause) {
    throw new PianobotError('INDEX_MISSING', `No usable index in ${indexDir}: run \`npm run ingest\` first.`, {
      cause,
    });
  }
  const search = await openSearchIndex(paths.search, embedder);
  return { manifest, store: new PlanStore(model), search, loadMs: performance.now() - started };
}
