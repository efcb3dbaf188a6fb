import type { Embedder } from '../retrieval/embedder.ts';
import { loadIndex } from './load-index.ts';
import type { PlanSource } from './plan-source.ts';

/** The index `npm run ingest` writes into INDEX_DIR, read by loadIndex. */
export function embeddedPlanSource(indexDir: string, embedder: Embedder): PlanSource {
  return {
    kind: 'embedded',
    async open() {
      const index = await loadIndex(indexDir, embedder);
      return {
        store: index.store,
        search: index.search,
        info: {
          documents: index.manifest.documents.length,
          chunks: index.manifest.chunks,
          builtAt: index.manifest.builtAt,
        },
        manifest: index.manifest,
        loadMs: index.loadMs,
      };
    },
    // the embedded index is rebuilt by this process at start (createEngine); nothing to watch
    async watch() {
      return async () => {};
    },
    async close() {},
  };
}
