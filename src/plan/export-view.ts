import type { PlanModel } from './model.ts';

/**
 * The stable export shape other tools read: `owner` is a string, or an array when an objective has several;
 * a project's `budget` is the text as written, or null when the document leaves it blank.
 */
export function exportView(model: PlanModel) {
  return {
    ...model,
    objectives: model.objectives.map((o) => ({ ...o, owner: o.owners.length === 1 ? o.owners[0] : o.owners })),
    projects: model.projects.map((p) => ({ ...p, budget: p.budget?.text ?? null, budgetValue: p.budget?.value ?? null })),
  };
}
