import { findDates } from '../linking/find-dates.ts';
import { fold } from '../plan/text.ts';

export interface DateRange {
  from?: string;
  to?: string;
  /** a month named without a year: that month of any year */
  month?: number;
  label: string;
}

/**
 * The period a deadline question is about, read by the one date reader of the linking layer: "entro il 30/09/2021" /
 * "by 30/09/2021" (up to that day), "a dicembre" / "in June 2020" (that month), "tra gennaio e marzo 2020", "nel
 * secondo semestre" (of `year`, the plan's year, when none is named). Null when the question names no period.
 */
export function parseDateRange(question: string, year: number | null): DateRange | null {
  const d = findDates(fold(question), { defaultYear: year }).dates[0];
  if (!d) return null;
  if (d.month !== undefined) return { month: d.month, label: d.label };
  // a day of any year ("il 31/12") is no period a deadline list can take
  if (d.iso.startsWith('--')) return null;
  switch (d.op) {
    case 'lt':
    case 'lte':
      return { to: d.iso, label: `≤ ${d.label}` };
    case 'gt':
    case 'gte':
      return { from: d.iso, label: `≥ ${d.label}` };
    default:
      return { from: d.from ?? d.iso, to: d.to ?? d.iso, label: d.label };
  }
}
