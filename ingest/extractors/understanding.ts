/**
 * What the ingest understood of one document, for the administrator who must decide whether to trust the answers:
 * objectives with an owner or structure and without, indicators, phases, budgets — and a flag, with the reason,
 * when little was understood (answers will then quote the text rather than structured records).
 */
import type { ExtractedPlan } from '../../src/plan/model.ts';

export interface Understanding {
  objectives: number;
  /** objectives with an owner or a structure: those "who is responsible" can be answered for */
  withOwner: number;
  withoutOwner: number;
  indicators: number;
  phases: number;
  /** objectives with financial resources, projects with a budget, and budget rows */
  budgets: number;
  projects: number;
  /** why little was understood; absent when enough was */
  little?: string;
}

/** Below this share of objectives with an owner or structure, the document is flagged. */
const MIN_OWNED_SHARE = 0.5;

export function understandingOf(plan: ExtractedPlan): Understanding {
  const objectives = plan.objectives;
  const withOwner = objectives.filter((o) => o.owners.length > 0 || o.structure !== undefined).length;
  const budgets =
    objectives.filter((o) => o.financialResources !== undefined).length +
    plan.projects.filter((p) => p.budget !== null).length +
    plan.projects.reduce((n, p) => n + p.budgetRows.length, 0);
  const u: Understanding = {
    objectives: objectives.length,
    withOwner,
    withoutOwner: objectives.length - withOwner,
    indicators: objectives.reduce((n, o) => n + o.indicators.length, 0),
    phases: objectives.reduce((n, o) => n + o.phases.length, 0),
    budgets,
    projects: plan.projects.length,
  };
  if (objectives.length + plan.projects.length === 0) u.little = 'no objective or project read';
  else if (objectives.length > 0 && withOwner / objectives.length < MIN_OWNED_SHARE && plan.projects.length === 0)
    u.little = `only ${withOwner} of ${objectives.length} objectives have an owner or structure`;
  return u;
}
