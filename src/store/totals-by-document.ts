/**
 * The totals a plan states, grouped by document once per store: a question about one centro di responsabilità reads
 * its own plan's totals, not the totals of a thousand plans.
 */
import type { Total } from '../plan/model.ts';
import type { PlanStore } from './plan-store.ts';

const cache = new WeakMap<PlanStore, Map<string, Total[]>>();

/** The totals of one document, in model order. */
export function totalsOf(store: PlanStore, doc: string): readonly Total[] {
  let byDoc = cache.get(store);
  if (!byDoc) {
    byDoc = new Map();
    for (const t of store.model.totals) {
      const list = byDoc.get(t.doc);
      if (list) list.push(t);
      else byDoc.set(t.doc, [t]);
    }
    cache.set(store, byDoc);
  }
  return byDoc.get(doc) ?? [];
}
