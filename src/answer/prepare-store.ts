import { vocabularyOf } from '../linking/model-vocabulary.ts';
import { structureIndexOf } from '../linking/structure-index.ts';
import { distinctiveOwners, objectiveTitles } from '../linking/titled-records.ts';
import { typoVocabularyOf } from '../linking/typo-vocabulary.ts';
import { wordIndexOf } from '../query/word-index.ts';
import type { PlanStore } from '../store/plan-store.ts';
import { recordMatcher } from '../tools/find-records.ts';
import { objectiveMatcher } from '../tools/get-objective.ts';
import { codeGroupsOf } from '../tools/near-codes.ts';

/**
 * The per-store indexes every question reads, built once a store is read whole (in the background at start-up,
 * before the swap on a reload) instead of by the first person to ask: at a thousand plans the typo vocabulary alone
 * walks every string of the model, about 1.9 s of CPU, and the record matchers and the objectives' word index about
 * 1.7 s more.
 */
export function prepareStore(store: PlanStore): void {
  typoVocabularyOf(store);
  vocabularyOf(store);
  structureIndexOf(store);
  objectiveTitles(store);
  distinctiveOwners(store);
  objectiveMatcher({ store });
  recordMatcher({ store });
  wordIndexOf(store, 'objective', 'text');
  codeGroupsOf(store);
}
