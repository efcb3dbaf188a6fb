import type { SourceSpan } from '../plan/model.ts';
import type { PlanStore } from '../store/plan-store.ts';

export type CheckKind =
  | 'weights'
  | 'stated_total'
  | 'summary_budget'
  | 'missing_owner'
  | 'missing_indicators'
  | 'missing_dates'
  | 'date_outside_years'
  | 'unreadable_date'
  | 'duplicate_code'
  | 'ingest_warning';

/**
 * error: figures that do not add up, a code used twice, a date nobody can read;
 * warning: something to look at (a date outside the plan's years, a remark of the extraction);
 * gap: something the plan does not say (no owner, no indicators, no dates).
 */
export type Severity = 'error' | 'warning' | 'gap';

export interface Finding {
  kind: CheckKind;
  severity: Severity;
  doc: string;
  /** the objective / project / table the finding is about */
  ref?: string;
  /** one sentence, Italian; computed figures are said to be computed */
  message: string;
  /** where to look: every record the finding comes from */
  spans: SourceSpan[];
}

/** One check over the whole plan model. */
export interface PlanCheck {
  kind: CheckKind;
  run(store: PlanStore): Finding[];
}

/** 1.920.000,00 — how the plans write amounts, for figures the checks compute. */
export function italianAmount(value: number, decimals = 2): string {
  return new Intl.NumberFormat('it-IT', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: 'always',
  }).format(value);
}

/** 90 or 92,5 — a weight sum, without trailing zeros. */
export function italianNumber(value: number): string {
  return new Intl.NumberFormat('it-IT', { maximumFractionDigits: 2 }).format(value);
}

/** Equal to the cent: amounts are written with two decimals. */
export function sameAmount(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.005;
}
