/**
 * Where the answering side reads the plans from: the embedded index in INDEX_DIR (the default) or PostgreSQL
 * (DATABASE_URL). Both give the same snapshot — the plan model behind a PlanStore for the deterministic lookups,
 * passage search with citations, and what /api/health reports — and the same contract test runs on both
 * (test/store/plan-source.contract.test.ts).
 */
import type { SearchIndex } from '../retrieval/search-index.ts';
import type { IndexManifest } from './index-layout.ts';
import type { PlanStore } from './plan-store.ts';

export interface PlanSnapshot {
  store: PlanStore;
  search: SearchIndex;
  info: { documents: number; chunks: number; builtAt: string };
  /** the documents, their counts and the files that failed, as /api/health reports them */
  manifest: IndexManifest;
  loadMs: number;
}

export interface PlanSource {
  readonly kind: 'embedded' | 'postgres';
  /** the plans as they are now */
  open(): Promise<PlanSnapshot>;
  /**
   * Calls `onChange` when another process replaced or removed a plan, so a long-running server can open a fresh
   * snapshot without a restart. Returns how to stop watching.
   */
  watch(onChange: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
