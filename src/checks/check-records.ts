import type { Objective } from '../plan/model.ts';
import { codeKey } from '../store/plan-store.ts';
import type { Finding, PlanCheck } from './plan-check.ts';

function hasDate(o: Objective): boolean {
  return Boolean(
    o.start ||
      o.end ||
      o.phases.some((p) => p.start || p.end) ||
      o.indicators.some((i) => i.targetDate || i.intermediateDate || i.target?.date),
  );
}

const gap = (o: Objective, kind: Finding['kind'], message: string): Finding => ({
  kind,
  severity: 'gap',
  doc: o.doc,
  ref: o.code,
  message,
  spans: [o.span],
});

/** Objectives the plan leaves without an owner, without indicators, or without any date. */
export const checkMissing: PlanCheck = {
  kind: 'missing_owner',
  run(store) {
    const out: Finding[] = [];
    for (const o of store.objectives) {
      if (!o.owners.length) out.push(gap(o, 'missing_owner', `Obiettivo ${o.code}: nessun responsabile indicato.`));
      if (!o.indicators.length)
        out.push(gap(o, 'missing_indicators', `Obiettivo ${o.code}: nessun indicatore nel documento.`));
      if (!hasDate(o))
        out.push(gap(o, 'missing_dates', `Obiettivo ${o.code}: nessuna data (né di fasi, né di indicatori).`));
    }
    return out;
  },
};

/** The same objective, project or indicator code twice in one document (per year sheet where there is one). */
export const checkDuplicateCodes: PlanCheck = {
  kind: 'duplicate_code',
  run(store) {
    const out: Finding[] = [];
    const records = [
      ...store.objectives.map((o) => ({ what: 'obiettivo', doc: o.doc, code: o.code, year: o.year, span: o.span })),
      ...store.projects.map((p) => ({ what: 'progetto', doc: p.doc, code: p.code, year: undefined, span: p.span })),
      ...store.objectives.flatMap((o) =>
        o.indicators
          .filter((i) => i.code)
          .map((i) => ({ what: 'indicatore', doc: o.doc, code: i.code!, year: i.year, span: i.span })),
      ),
    ];
    const seen = new Map<string, typeof records>();
    for (const r of records) {
      const key = `${r.what}|${r.doc}|${codeKey(r.code)}|${r.year ?? ''}`;
      seen.set(key, [...(seen.get(key) ?? []), r]);
    }
    for (const list of seen.values()) {
      if (list.length < 2) continue;
      const first = list[0]!;
      out.push({
        kind: 'duplicate_code',
        severity: 'error',
        doc: first.doc,
        ref: first.code,
        message: `Codice ${first.what} ${first.code} usato ${list.length} volte nello stesso documento.`,
        spans: list.map((r) => r.span),
      });
    }
    return out;
  },
};
