import type { Logger } from '../logger.ts';
import type { Embedder } from '../retrieval/embedder.ts';
import { type LoadedIndex, loadIndex } from './load-index.ts';
import type { PlanStore } from './plan-store.ts';

export interface ReloadResult {
  changed: boolean;
  builtAt: string | null;
}

/**
 * The index a running server answers from, swappable while it runs. `current` is one object replaced in a single
 * assignment once the new index is fully loaded, so a question that took it keeps a whole index to the end.
 */
export interface LiveIndex {
  readonly current: LoadedIndex;
  /** loads the index on disk when it is newer than the current one; keeps the current one if it cannot be read */
  reload(): Promise<ReloadResult>;
}

/**
 * `prepare` builds what questions read from a store beyond the store itself (the answering side's per-store
 * indexes); it runs once the store is read whole.
 */
export async function openLiveIndex(
  indexDir: string,
  embedder: Embedder,
  log: Logger,
  prepare: (store: PlanStore) => void = () => {},
): Promise<LiveIndex> {
  const ready = async (index: LoadedIndex) => {
    await index.store.warm();
    prepare(index.store);
  };
  let current = await loadIndex(indexDir, embedder);
  // ready to take questions now; the rest of the model is read in the background (a question that needs it
  // before then reads what is left itself), so the server starts listening without waiting for it
  ready(current).catch((error: Error) => log.error('the index could not be read whole', { error: error.message }));
  let reloading: Promise<ReloadResult> | null = null;
  const load = async (): Promise<ReloadResult> => {
    let next: LoadedIndex | null = null;
    try {
      next = await loadIndex(indexDir, embedder);
      if (next.manifest.builtAt === current.manifest.builtAt) {
        next.store.release();
        return { changed: false, builtAt: current.manifest.builtAt };
      }
      // read whole before it serves: no question waits for it, and a damaged model is found while the last good
      // index still serves
      await ready(next);
      current = next;
      log.info('index reloaded', { builtAt: next.manifest.builtAt, documents: next.manifest.documents.length });
      return { changed: true, builtAt: next.manifest.builtAt };
    } catch (error) {
      next?.store.release();
      // mid-swap or half-written: the serving index stays, the next notification tries again
      log.warn('index reload failed, the serving index stays', { error: (error as Error).message });
      return { changed: false, builtAt: current.manifest.builtAt };
    } finally {
      reloading = null;
    }
  };
  return {
    get current() {
      return current;
    },
    reload() {
      // one reload at a time: a burst of change notifications loads the new index once
      reloading ??= load();
      return reloading;
    },
  };
}
