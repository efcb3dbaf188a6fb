import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { PianobotError } from '../errors.ts';
import { type PlanModel, PlanModelSchema } from '../plan/model.ts';
import type { Embedder } from '../retrieval/embedder.ts';
import { openSearchIndex, type SearchIndex } from '../retrieval/search-index.ts';
import {
  type IndexManifest,
  IndexManifestSchema,
  indexPaths,
  type ModelLayout,
  ModelLayoutSchema,
} from './index-layout.ts';
import { lazyPlanModel, ModelFile } from './model-file.ts';
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

/** The layout the ingest wrote beside model.json, or null (an index written before it: the model is read whole). */
async function readLayout(file: string): Promise<ModelLayout | null> {
  try {
    return ModelLayoutSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  } catch {
    return null;
  }
}

/**
 * The store over model.json: by its layout, only the documents are parsed now and the rest when first used or
 * warmed (PlanStore.warm) — at a thousand plans, parsing the 112 MB whole and collecting its garbage was 2 s of CPU
 * before the first question could be taken. A layout that does not describe the file leaves the whole parse.
 */
async function openStore(modelFile: string, layout: ModelLayout | null): Promise<PlanStore> {
  if (layout) {
    try {
      const file = new ModelFile(modelFile, layout);
      return new PlanStore(lazyPlanModel(file), file);
    } catch {
      // the whole parse below says what is wrong with the model itself, if anything
    }
  }
  // one decode of the whole file: readFile's own utf8 decoding goes chunk by chunk and took twice as long
  return new PlanStore(parseModel((await readFile(modelFile)).toString('utf8')));
}

/**
 * Opens a finished index: the plan model (the documents validated at once; see openStore) and the passage search
 * index. The records of a lazily read model are parsed when first used, or ahead of it by `store.warm()`.
 */
export async function loadIndex(indexDir: string, embedder: Embedder): Promise<LoadedIndex> {
  const started = performance.now();
  const paths = indexPaths(indexDir);
  let manifest: IndexManifest;
  let store: PlanStore;
  try {
    manifest = IndexManifestSchema.parse(JSON.parse(await readFile(paths.manifest, 'utf8')));
    store = await openStore(paths.model, await readLayout(paths.modelLayout));
  } catch (cause) {
    throw new PianobotError('INDEX_MISSING', `No usable index in ${indexDir}: run \`npm run ingest\` first.`, {
      cause,
    });
  }
  try {
    const search = await openSearchIndex(paths.search, embedder);
    return { manifest, store, search, loadMs: performance.now() - started };
  } catch (error) {
    store.release();
    throw error;
  }
}
