import type { PlanStore } from '../store/plan-store.ts';
import { checkStatedTotals, checkSummaryBudgets } from './check-budgets.ts';
import { checkDatesOutsideYears, checkUnreadableDates } from './check-dates.ts';
import { checkDuplicateCodes, checkMissing } from './check-records.ts';
import { checkWeights } from './check-weights.ts';
import type { CheckKind, Finding, PlanCheck, Severity } from './plan-check.ts';

/** Every check, in the order their findings are listed. */
export const PLAN_CHECKS: readonly PlanCheck[] = [
  checkWeights,
  checkStatedTotals,
  checkSummaryBudgets,
  checkUnreadableDates,
  checkDatesOutsideYears,
  checkDuplicateCodes,
  checkMissing,
];

/**
 * Which ingest warnings a check already reports better (with figures and lines): a warning naming the same record
 * and matching the pattern is left out, every other one is listed as it is.
 */
const COVERED_BY: Partial<Record<CheckKind, RegExp>> = {
  weights: /weights? sum/i,
  unreadable_date: /non leggibile|unreadable/i,
};

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, gap: 2 };

/** All findings over the loaded plans (only `docs` when given), errors first, then by document and line. */
export function runPlanChecks(store: PlanStore, docs?: string[]): Finding[] {
  const visible = (doc: string) => !docs || docs.includes(doc);
  const found = PLAN_CHECKS.flatMap((c) => c.run(store)).filter((f) => visible(f.doc));
  const fromIngest: Finding[] = store.model.warnings
    .filter((w) => visible(w.doc))
    .filter(
      (w) =>
        !found.some((f) => {
          const pattern = COVERED_BY[f.kind];
          return f.doc === w.doc && f.ref && pattern?.test(w.message) && w.message.includes(f.ref);
        }),
    )
    .map((w) => ({
      kind: 'ingest_warning',
      severity: 'warning',
      doc: w.doc,
      message: w.message,
      spans: w.span ? [w.span] : [],
    }));
  return [...found, ...fromIngest].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.doc.localeCompare(b.doc) ||
      (a.spans[0]?.lineStart ?? 0) - (b.spans[0]?.lineStart ?? 0),
  );
}
