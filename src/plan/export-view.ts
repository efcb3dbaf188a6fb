import type { PlanModel } from './model.ts';

/**
 * The stable export shape other tools read: `owner` is a string, or an array when an objective has several (null
 * when the document names none); a project's `budget` is the text as written, or null when the document leaves it
 * blank. The stable fields are always present, null when unknown, so a reader never meets a missing key.
 */
export function exportView(model: PlanModel) {
  return {
    ...model,
    objectives: model.objectives.map((o) => ({
      ...o,
      owner: o.owners.length === 0 ? null : o.owners.length === 1 ? o.owners[0] : o.owners,
      structure: o.structure ?? null,
    })),
    projects: model.projects.map((p) => ({
      ...p,
      dirigente: p.dirigente ?? null,
      budget: p.budget?.text ?? null,
      budgetValue: p.budget?.value ?? null,
    })),
  };
}
