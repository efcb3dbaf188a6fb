import { derivePeople } from './derive-people.ts';
import { type ExtractedPlan, type PlanModel, PlanModelSchema } from './model.ts';

/** Joins the per-document extractions into one validated plan model. */
export function buildModel(plans: ExtractedPlan[], builtAt = new Date().toISOString()): PlanModel {
  return PlanModelSchema.parse({
    version: 1,
    builtAt,
    documents: plans.map((p) => p.document),
    structures: plans.flatMap((p) => p.structures),
    people: derivePeople(plans),
    objectives: plans.flatMap((p) => p.objectives),
    projects: plans.flatMap((p) => p.projects),
    totals: plans.flatMap((p) => p.totals),
    tables: plans.flatMap((p) => p.tables),
    warnings: plans.flatMap((p) => p.warnings),
  });
}
