import type { ExtractedPlan } from '../src/plan/model.ts';
import { type Understanding, understandingOf } from './extractors/understanding.ts';

/** What the ingest says about one document. */
export interface DocumentReport {
  file: string;
  layout: string;
  entity: string;
  objectives: number;
  projects: number;
  indicators: number;
  phases: number;
  /** what was understood, and whether it was little (see extractors/understanding.ts) */
  understood: Understanding;
  warnings: string[];
  ms: number;
  /**
   * where the text came from: read from the file, (an unchanged PDF) from the previous index's cache, `reused`: the
   * file is unchanged and its part of the previous index was copied as it was (nothing extracted or embedded
   * again), or `kept`: the file failed now and this is its last good version, carried over from the previous index
   */
  source: 'file' | 'cache' | 'reused' | 'kept';
}

export function reportOf(plan: ExtractedPlan, ms: number, source: DocumentReport['source']): DocumentReport {
  const objectives = plan.objectives;
  return {
    file: plan.document.file,
    layout: plan.document.layout,
    entity: plan.document.entity,
    objectives: objectives.length,
    projects: plan.projects.length,
    indicators: objectives.reduce((n, o) => n + o.indicators.length, 0),
    phases: objectives.reduce((n, o) => n + o.phases.length, 0),
    understood: understandingOf(plan),
    warnings: plan.warnings.map((w) => w.message),
    ms,
    source,
  };
}
