import type { Config } from '../../config.ts';
import type { Logger } from '../../logger.ts';
import type { Embedder } from '../../retrieval/embedder.ts';
import type { LiveIndex, ReloadResult } from '../live-index.ts';
import type { LoadedIndex } from '../load-index.ts';
import { openPlanSource } from '../open-plan-source.ts';
import type { PlanSnapshot } from '../plan-source.ts';
import type { Pool } from './database.ts';

/** After a change notice, wait this long so that an ingest of many plans reloads once, not once per plan. */
const RELOAD_DEBOUNCE_MS = 250;

const loaded = (s: PlanSnapshot): LoadedIndex => ({
  manifest: s.manifest,
  store: s.store,
  search: s.search,
  loadMs: s.loadMs,
});

/**
 * The plans in PostgreSQL as a live index: the same swap-in-one-assignment contract as the embedded one, reloaded
 * when an ingest transaction announces a change (LISTEN/NOTIFY, with `watch`) or when asked (SIGHUP).
 */
export async function openDatabaseLiveIndex(
  config: Pick<Config, 'databaseUrl' | 'indexDir'>,
  embedder: Embedder,
  log: Logger,
  options: { pool?: Pool | undefined; watch?: boolean | undefined } = {},
): Promise<LiveIndex & { close(): Promise<void> }> {
  const source = await openPlanSource(config, embedder, log, options.pool);
  let current: LoadedIndex;
  try {
    current = loaded(await source.open());
  } catch (error) {
    await source.close();
    throw error;
  }
  let reloading: Promise<ReloadResult> | null = null;
  const load = async (): Promise<ReloadResult> => {
    try {
      const next = loaded(await source.open());
      current = next;
      log.info('plans reloaded', {
        documents: next.manifest.documents.length,
        chunks: next.manifest.chunks,
        ms: Math.round(next.loadMs),
      });
      return { changed: true, builtAt: next.manifest.builtAt };
    } catch (error) {
      log.warn('reload failed: still serving the previous plans', { error: (error as Error).message });
      return { changed: false, builtAt: current.manifest.builtAt };
    } finally {
      reloading = null;
    }
  };
  const reload = () => {
    reloading ??= load();
    return reloading;
  };
  let timer: NodeJS.Timeout | undefined;
  const stopWatching = options.watch
    ? await source.watch(() => {
        clearTimeout(timer);
        timer = setTimeout(() => void reload(), RELOAD_DEBOUNCE_MS);
      })
    : async () => {};
  return {
    get current() {
      return current;
    },
    reload,
    async close() {
      clearTimeout(timer);
      await stopWatching();
      await source.close();
    },
  };
}
