import { z } from 'zod';
import type { Project, Total } from '../plan/model.ts';
import { fold } from '../plan/text.ts';
import { type ToolContext, visible } from './tool-context.ts';

export const GetTotalsInput = z.object({
  cdr: z.string().optional().describe('centro di responsabilità code, e.g. 85, 87, A2'),
  level: z.enum(['azione', 'obiettivo', 'indirizzo', 'cdr']).optional(),
  label: z.string().optional().describe('words of the azione / obiettivo / indirizzo that is totalled'),
});
export type GetTotalsInput = z.infer<typeof GetTotalsInput>;

/** Totals exactly as the documents state them (Totale Azione / Obiettivo / Indirizzo / CDR). */
export function getTotals(ctx: ToolContext, input: GetTotalsInput): Total[] {
  const q = GetTotalsInput.parse(input);
  return ctx.store.model.totals.filter(
    (t) =>
      visible(ctx, t.doc) &&
      (!q.cdr || fold(t.cdr ?? '') === fold(q.cdr)) &&
      (!q.level || t.level === q.level) &&
      (!q.label || fold(t.label).includes(fold(q.label))),
  );
}

export const CountProjectsInput = z.object({
  cdr: z.string().optional().describe('centro di responsabilità code'),
  withBudget: z.boolean().optional().describe('only projects whose stated budget is greater than zero'),
});

/** Counts that follow from the model, with the list they were computed from. */
export function countProjects(
  ctx: ToolContext,
  input: z.infer<typeof CountProjectsInput>,
): { count: number; projects: Project[]; rule: string } {
  const q = CountProjectsInput.parse(input);
  const projects = ctx.store.projects.filter(
    (p) =>
      visible(ctx, p.doc) && (!q.cdr || fold(p.cdr) === fold(q.cdr)) && (!q.withBudget || (p.budget?.value ?? 0) > 0),
  );
  const rule = [
    q.cdr ? `CdR ${q.cdr}` : 'all centri di responsabilità',
    q.withBudget ? 'budget stated and > 0' : 'any budget',
  ].join(', ');
  return { count: projects.length, projects, rule };
}
