/** Answers whose one record a chart shows better than a list: a budget by capitolo, an objective's phases over time. */
export const CHART_INTENTS: ReadonlySet<string> = new Set([
  'project_budget',
  'project_budget_detail',
  'objective_phases',
  'objective_dates',
]);
