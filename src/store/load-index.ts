import { readFile } from 'node:fs/promises';
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

/** Opens a finished index: the plan model (validated) and the passage search index. */
export async function loadIndex(indexDir: string, embedder: Embedder): Promise<LoadedIndex> {
  const started = performance.now();
  const paths = indexPaths(indexDir);
  let manifest: IndexManifest;
  let model: PlanModel;
  try {
    manifest = IndexManifestSchema.parse(JSON.parse(await readFile(paths.manifest, 'utf8')));
    model = PlanModelSchema.parse(JSON.parse(await readFile(paths.model, 'utf8')));
  } catch (cause) {
    throw new PianobotError('INDEX_MISSING', `No usable index in ${indexDir}: run \`npm run ingest\` first.`, {
      cause,
    });
  }
  const search = await openSearchIndex(paths.search, embedder);
  return { manifest, store: new PlanStore(model), search, loadMs: performance.now() - started };
}
