import type { DateValue, Objective, SourceSpan } from '../plan/model.ts';
import type { PlanStore } from '../store/plan-store.ts';
import type { Finding, PlanCheck } from './plan-check.ts';

interface DatedRow {
  /** what the dates belong to: the objective, a phase, an indicator */
  what: string;
  /** which date of it: inizio, fine, valore intermedio… ('' for an indicator's only date) */
  which: string;
  date: DateValue;
  span: SourceSpan;
}

function datedRows(o: Objective): DatedRow[] {
  const rows: DatedRow[] = [];
  const add = (what: string, which: string, date: DateValue | undefined, span: SourceSpan) => {
    if (date) rows.push({ what, which, date, span });
  };
  add('obiettivo', 'inizio', o.start, o.span);
  add('obiettivo', 'fine', o.end, o.span);
  for (const p of o.phases) {
    add(`fase «${p.title}»`, 'inizio', p.start, p.span);
    add(`fase «${p.title}»`, 'fine', p.end, p.span);
  }
  for (const i of o.indicators) {
    const what = `indicatore «${i.description}»`;
    add(what, '', i.targetDate, i.span);
    add(what, 'valore intermedio', i.intermediateDate, i.span);
    if (!i.targetDate && i.target?.date) add(what, '', { text: i.target.text, iso: i.target.date }, i.span);
  }
  return rows;
}

/** "fase «X» (inizio 01/01/2021, fine 31/12/2021)": the dates of one record together. */
function describeRows(rows: DatedRow[]): string {
  const byRecord = new Map<string, DatedRow[]>();
  for (const r of rows) {
    const key = `${r.what}|${r.span.lineStart}`;
    byRecord.set(key, [...(byRecord.get(key) ?? []), r]);
  }
  return [...byRecord.values()]
    .map(
      (list) =>
        `${list[0]!.what} (${list.map((r) => (r.which ? `${r.which} ${r.date.text}` : r.date.text)).join(', ')})`,
    )
    .join('; ');
}

/** A date written so that it cannot be read as a day (`3112/2019`). */
export const checkUnreadableDates: PlanCheck = {
  kind: 'unreadable_date',
  run(store) {
    return store.objectives.flatMap((o) =>
      datedRows(o)
        .filter((r) => r.date.iso === null)
        .map((r) => ({
          kind: 'unreadable_date' as const,
          severity: 'error' as const,
          doc: o.doc,
          ref: o.code,
          message: `Obiettivo ${o.code}: la data «${r.date.text}» (${r.which ? `${r.which} ` : ''}${r.what}) non è una data leggibile.`,
          spans: [r.span],
        })),
    );
  },
};

/**
 * Dates outside the years the plan covers. An objective declared multi-year (pluriennale) may run past them, up to
 * its own years when it states them; one finding per objective lists every such date.
 */
export const checkDatesOutsideYears: PlanCheck = {
  kind: 'date_outside_years',
  run(store) {
    const out: Finding[] = [];
    for (const o of store.objectives) {
      const years = allowedYears(store, o);
      if (!years) continue;
      const outside = datedRows(o).filter((r) => r.date.iso && !years.has(Number(r.date.iso.slice(0, 4))));
      if (!outside.length) continue;
      const planYears = [...(store.documentOf(o.doc)?.years ?? [])].join(', ');
      out.push({
        kind: 'date_outside_years',
        severity: 'warning',
        doc: o.doc,
        ref: o.code,
        message:
          `Obiettivo ${o.code}: ${describeRows(outside)} — date fuori dagli anni ` +
          `del piano (${planYears})${o.multiYear ? '' : "; l'obiettivo non è indicato come pluriennale"}.`,
        spans: [...new Map(outside.map((r) => [`${r.span.lineStart}-${r.span.lineEnd}`, r.span])).values()],
      });
    }
    return out;
  },
};

function allowedYears(store: PlanStore, o: Objective): Set<number> | null {
  const planYears = store.documentOf(o.doc)?.years ?? [];
  if (!planYears.length) return null;
  if (!o.multiYear) return new Set(planYears);
  // a multi-year objective without stated years may run anywhere after the plan starts: nothing to check
  if (!o.years?.length) return null;
  return new Set([...planYears, ...o.years]);
}
