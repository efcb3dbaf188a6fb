import { z } from 'zod';
import type { Citation } from '../answer/answer.ts';
import type { SourceSpan } from '../plan/model.ts';
import { codeKey, type PlanStore } from '../store/plan-store.ts';

/** What to draw, as data: a Slack command, the web API and an answer's focus all produce one of these. */
export const ChartRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cdr_projects'), cdr: z.string().min(1).describe('centro di responsabilità code') }),
  z.object({ kind: z.literal('project_capitoli'), project: z.string().min(1).describe('project code') }),
  z.object({ kind: z.literal('area_totals') }),
  z.object({ kind: z.literal('objective_timeline'), objective: z.string().min(1).describe('objective code') }),
]);
export type ChartRequest = z.infer<typeof ChartRequestSchema>;

export interface BarRow {
  label: string;
  /** a longer name for tooltips and the text alternative */
  name: string;
  value: number;
  /** the amount as the document writes it */
  text: string;
  series?: string;
}

export interface TimelineRow {
  label: string;
  /** the phase's whole title (the axis label may be shortened) */
  name: string;
  start: string;
  end: string;
  startText: string;
  endText: string;
  series?: string;
}

export type ChartData =
  | { type: 'bar'; title: string; valueTitle: string; rows: BarRow[]; note?: string; citations: Citation[] }
  | { type: 'timeline'; title: string; rows: TimelineRow[]; note?: string; citations: Citation[] };

export type ChartResult = { ok: true; chart: ChartData } | { ok: false; reason: string };

const cite = (store: PlanStore, span: SourceSpan): Citation => ({
  doc: span.doc,
  entity: store.entityOf(span.doc),
  lines: span.lineStart === span.lineEnd ? String(span.lineStart) : `${span.lineStart}-${span.lineEnd}`,
  ...(span.page !== undefined ? { page: span.page } : {}),
});

/** The figures of a chart, straight from the plan model (amounts as written beside their values). */
export function chartData(store: PlanStore, request: ChartRequest, docs?: string[]): ChartResult {
  const visible = (doc: string) => !docs || docs.includes(doc);
  switch (request.kind) {
    case 'cdr_projects': {
      const projects = store.projects.filter((p) => visible(p.doc) && codeKey(p.cdr) === codeKey(request.cdr));
      if (!projects.length)
        return { ok: false, reason: `Nessun progetto del centro di responsabilità ${request.cdr}.` };
      const rows = projects
        .filter((p) => p.budget?.value != null && p.budget.value > 0)
        .map((p) => ({ label: p.code, name: `${p.code} — ${p.title}`, value: p.budget!.value!, text: p.budget!.text }))
        .sort((a, b) => b.value - a.value);
      const blank = projects.length - rows.length;
      if (!rows.length) return { ok: false, reason: `Nessun progetto del CDR ${request.cdr} ha un budget indicato.` };
      const first = projects[0]!;
      return {
        ok: true,
        chart: {
          type: 'bar',
          title: `Budget dei progetti del CDR ${first.cdr}${first.cdrName ? ` — ${first.cdrName}` : ''}`,
          valueTitle: 'Budget (€)',
          rows,
          ...(blank ? { note: `${blank} progetti senza budget indicato non sono nel grafico.` } : {}),
          citations: projects.map((p) => ({ ...cite(store, p.span), section: p.code })),
        },
      };
    }
    case 'project_capitoli': {
      const project = (store.projectsByCode.get(codeKey(request.project)) ?? []).find((p) => visible(p.doc));
      if (!project) return { ok: false, reason: `Nessun progetto con codice ${request.project}.` };
      const rows: BarRow[] = project.budgetRows.flatMap((r) =>
        Object.entries(r.amounts)
          .filter(([, f]) => f.value != null && f.value > 0)
          .map(([column, f]) => ({
            label: r.capitolo,
            name: `${r.capitolo} — ${r.description}`,
            value: f.value!,
            text: f.text,
            series: column,
          })),
      );
      if (!rows.length)
        return { ok: false, reason: `Il progetto ${project.code} non ha una tabella di budget per capitolo.` };
      return {
        ok: true,
        chart: {
          type: 'bar',
          title: `Budget per capitolo — progetto ${project.code}`,
          valueTitle: 'Importo (€)',
          rows,
          citations: [{ ...cite(store, project.span), section: project.code }],
        },
      };
    }
    case 'area_totals': {
      const totals = store.model.totals.filter((t) => t.level === 'cdr' && visible(t.doc) && t.amount?.value != null);
      if (!totals.length) return { ok: false, reason: 'Nessun totale per area o centro di responsabilità nei piani.' };
      return {
        ok: true,
        chart: {
          type: 'bar',
          title: 'Totali per area / centro di responsabilità',
          valueTitle: 'Totale (€)',
          rows: totals.map((t) => ({
            label: t.cdr ? `CDR ${t.cdr}` : t.label,
            name: t.label,
            value: t.amount!.value!,
            text: t.amount!.text,
          })),
          citations: totals.map((t) => cite(store, t.span)),
        },
      };
    }
    case 'objective_timeline': {
      const objective = (store.objectivesByCode.get(codeKey(request.objective)) ?? []).find((o) => visible(o.doc));
      if (!objective) return { ok: false, reason: `Nessun obiettivo con codice ${request.objective}.` };
      const rows: TimelineRow[] = [];
      for (const p of objective.phases) {
        const end = p.end?.iso;
        if (!end) continue;
        // a phase with only its deadline is drawn as that day
        const start = p.start?.iso ?? end;
        rows.push({
          label: p.title.length > 60 ? `${p.title.slice(0, 57)}…` : p.title,
          name: p.title,
          start,
          end,
          startText: p.start?.text ?? p.end!.text,
          endText: p.end!.text,
          ...(p.year !== undefined ? { series: String(p.year) } : {}),
        });
      }
      if (rows.length < 2)
        return {
          ok: false,
          reason: `L'obiettivo ${objective.code} non ha abbastanza fasi con date per una linea del tempo.`,
        };
      return {
        ok: true,
        chart: {
          type: 'timeline',
          title: `Fasi dell'obiettivo ${objective.code} — ${objective.title}`,
          rows,
          citations: [{ ...cite(store, objective.span), section: objective.code }],
        },
      };
    }
  }
}

/**
 * Which chart a short request names: "cdr 85", "aree", a project code (its budget by capitolo) or an objective code
 * (its phases as a timeline); null otherwise.
 */
export function chartRequestFor(store: PlanStore, text: string): ChartRequest | null {
  const q = text.trim();
  const cdr = q.match(/^(?:cdr|centro(?: di responsabilit[aà])?)\s+(\S+)$/i);
  if (cdr) return { kind: 'cdr_projects', cdr: cdr[1]! };
  if (/^(aree|area|totali)$/i.test(q)) return { kind: 'area_totals' };
  const key = codeKey(q);
  if (store.projectsByCode.has(key)) return { kind: 'project_capitoli', project: q };
  if (store.objectivesByCode.has(key)) return { kind: 'objective_timeline', objective: q };
  return null;
}
