import type { Project, SourceSpan, Total } from '../plan/model.ts';
import type { PlanStore } from '../store/plan-store.ts';
import { type Finding, italianAmount, type PlanCheck, sameAmount } from './plan-check.ts';

/** A project's detail table: each stated column total against the sum of its rows. */
export const checkStatedTotals: PlanCheck = {
  kind: 'stated_total',
  run(store) {
    const out: Finding[] = [];
    for (const p of store.projects) {
      for (const [column, total] of Object.entries(p.budgetTotals)) {
        if (total.value === null) continue;
        const rows = p.budgetRows.filter((r) => r.amounts[column]?.value != null);
        if (!rows.length) continue;
        const sum = rows.reduce((s, r) => s + (r.amounts[column]?.value ?? 0), 0);
        if (sameAmount(sum, total.value)) continue;
        out.push({
          kind: 'stated_total',
          severity: 'error',
          doc: p.doc,
          ref: p.code,
          message:
            `Progetto ${p.code}, colonna «${column}»: il totale scritto è ${total.text}, la somma delle ` +
            `${rows.length} righe è ${italianAmount(sum)} (calcolata).`,
          spans: [p.span, ...rows.map((r) => r.span)],
        });
      }
    }
    return out;
  },
};

/**
 * The summary table's budget of a project against its detail table (the spending columns' totals), and the summary's
 * "Totale Azione / Obiettivo / Indirizzo / CDR" rows against the sum of the project budgets they total.
 */
export const checkSummaryBudgets: PlanCheck = {
  kind: 'summary_budget',
  run(store) {
    return [...projectAgainstDetail(store), ...totalsAgainstProjects(store)];
  },
};

function projectAgainstDetail(store: PlanStore): Finding[] {
  const out: Finding[] = [];
  for (const p of store.projects) {
    const spending = Object.entries(p.budgetTotals).filter(([column, t]) => /^spes/i.test(column) && t.value !== null);
    if (!spending.length) continue;
    const detail = spending.reduce((s, [, t]) => s + (t.value ?? 0), 0);
    const shown = spending.map(([c, t]) => `${c} ${t.text}`).join(' + ');
    if (p.budget?.value == null) {
      if (detail === 0) continue;
      out.push({
        kind: 'summary_budget',
        severity: 'error',
        doc: p.doc,
        ref: p.code,
        message: `Progetto ${p.code}: nel quadro riassuntivo il budget è vuoto, la tabella di dettaglio indica ${shown}.`,
        spans: [p.span],
      });
    } else if (!sameAmount(detail, p.budget.value)) {
      out.push({
        kind: 'summary_budget',
        severity: 'error',
        doc: p.doc,
        ref: p.code,
        message:
          `Progetto ${p.code}: budget ${p.budget.text} nel quadro riassuntivo, ma la tabella di dettaglio indica ` +
          `${shown}${spending.length > 1 ? ` = ${italianAmount(detail)} (somma calcolata)` : ''}.`,
        spans: [p.span],
      });
    }
  }
  return out;
}

/** Which projects a summary total adds up: same CDR and the same label at that level of the strategic tree. */
const MEMBERS: Record<Total['level'], ((p: Project, t: Total) => boolean) | null> = {
  azione: (p, t) => p.strategic?.azione === t.label,
  obiettivo: (p, t) => p.strategic?.obiettivoStrategico === t.label,
  indirizzo: (p, t) => p.strategic?.indirizzo === t.label,
  cdr: () => true,
  other: null,
};

function totalsAgainstProjects(store: PlanStore): Finding[] {
  const out: Finding[] = [];
  for (const t of store.model.totals) {
    const member = MEMBERS[t.level];
    if (!member || t.amount?.value == null || !t.cdr) continue;
    const projects = store.projects.filter((p) => p.doc === t.doc && p.cdr === t.cdr && member(p, t));
    if (!projects.length) continue;
    const sum = projects.reduce((s, p) => s + (p.budget?.value ?? 0), 0);
    if (sameAmount(sum, t.amount.value)) continue;
    const spans: SourceSpan[] = [t.span, ...projects.map((p) => p.span)];
    out.push({
      kind: 'summary_budget',
      severity: 'error',
      doc: t.doc,
      ref: t.label,
      message:
        `Totale ${t.level} «${t.label}» (CDR ${t.cdr}): scritto ${t.amount.text}, la somma dei budget dei ` +
        `${projects.length} progetti è ${italianAmount(sum)} (calcolata).`,
      spans,
    });
  }
  return out;
}
