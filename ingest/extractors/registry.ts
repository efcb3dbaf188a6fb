import { type ExtractedPlan, ExtractedPlanSchema } from '../../src/plan/model.ts';
import type { SourceDocument } from '../loaders/source-document.ts';
import { genericExtractor } from './generic.ts';
import { piaoPerformanceExtractor } from './piao-performance.ts';
import type { PlanExtractor } from './plan-extractor.ts';
import { pratoObiettiviExtractor } from './prato-obiettivi.ts';
import { reggioPegExtractor } from './reggio-peg.ts';
import { schedeObiettivoExtractor } from './schede-obiettivo.ts';
import { serravallePegExtractor } from './serravalle-peg.ts';

/** Every layout pianobot knows, most specific first; the generic extractor is the fallback. */
export const EXTRACTORS: readonly PlanExtractor[] = [
  pratoObiettiviExtractor,
  reggioPegExtractor,
  serravallePegExtractor,
  schedeObiettivoExtractor,
  piaoPerformanceExtractor,
];

const MIN_CONFIDENCE = 0.5;

/** Picks the layout from the content (never the file name). */
export function detectLayout(doc: SourceDocument): PlanExtractor {
  let best: PlanExtractor = genericExtractor;
  let bestScore = MIN_CONFIDENCE;
  for (const extractor of EXTRACTORS) {
    const score = extractor.detect(doc);
    if (score > bestScore) {
      best = extractor;
      bestScore = score;
    }
  }
  return best;
}

/** Detects the layout and extracts the document; the result is validated against the plan model. */
export function extractPlan(doc: SourceDocument): ExtractedPlan {
  return ExtractedPlanSchema.parse(detectLayout(doc).extract(doc));
}
