import type { ExtractedPlan } from '../../src/plan/model.ts';
import type { SourceDocument } from '../loaders/source-document.ts';

/**
 * One plan layout. `detect` looks at the content (never the file name) and returns a confidence in [0, 1];
 * the registry picks the most confident extractor, falling back to the generic one.
 */
export interface PlanExtractor {
  readonly layout: string;
  detect(doc: SourceDocument): number;
  extract(doc: SourceDocument): ExtractedPlan;
}
