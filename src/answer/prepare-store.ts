import { vocabularyOf } from '../linking/model-vocabulary.ts';
import { structureIndexOf } from '../linking/structure-index.ts';
import { typoVocabularyOf } from '../linking/typo-vocabulary.ts';
import type { PlanStore } from '../store/plan-store.ts';

/**
 * The per-store indexes every question reads, built once a store is read whole (in the background at start-up,
 * before the swap on a reload) instead of by the first person to ask: at a thousand plans the typo vocabulary alone
 * walks every string of the model, about 1.9 s of CPU.
 */
export function prepareStore(store: PlanStore): void {
  typoVocabularyOf(store);
  vocabularyOf(store);
  structureIndexOf(store);
}
