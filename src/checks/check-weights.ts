import type { Figure, Objective, SourceSpan } from '../plan/model.ts';
import { type Finding, italianNumber, type PlanCheck } from './plan-check.ts';

interface Weighted {
  year?: number | undefined;
  weight?: Figure | undefined;
  span: SourceSpan;
}

/**
 * Phase weights and indicator weights of an objective must sum to 100 — per year sheet where the plan has one sheet
 * per objective per year. Only weighted rows count: a later-year phase printed without a weight is not a weight.
 */
export const checkWeights: PlanCheck = {
  kind: 'weights',
  run(store) {
    const out: Finding[] = [];
    for (const o of store.objectives) {
      out.push(...weightFindings(o, 'phases', o.phases), ...weightFindings(o, 'indicators', o.indicators));
    }
    return out;
  },
};

function weightFindings(o: Objective, what: 'phases' | 'indicators', rows: Weighted[]): Finding[] {
  const byYear = new Map<number | undefined, Weighted[]>();
  for (const r of rows) {
    if (!r.weight) continue;
    const list = byYear.get(r.year) ?? [];
    list.push(r);
    byYear.set(r.year, list);
  }
  const out: Finding[] = [];
  for (const [year, weighted] of byYear) {
    if (weighted.some((r) => r.weight?.value === null || r.weight?.value === undefined)) continue;
    const sum = weighted.reduce((s, r) => s + (r.weight?.value ?? 0), 0);
    if (Math.abs(sum - 100) < 0.01) continue;
    const label = what === 'phases' ? 'delle fasi' : 'degli indicatori';
    const sheet = year !== undefined ? ` (scheda ${year})` : '';
    out.push({
      kind: 'weights',
      severity: 'error',
      doc: o.doc,
      ref: o.code,
      message:
        `Obiettivo ${o.code}${sheet}: i pesi ${label} (${weighted.map((r) => r.weight?.text).join(' + ')}) ` +
        `sommano a ${italianNumber(sum)} (somma calcolata), non a 100.`,
      spans: weighted.map((r) => r.span),
    });
  }
  return out;
}
