import { z } from 'zod';
import { findPeople } from '../answer/link-entities.ts';
import type { DateValue, Objective } from '../plan/model.ts';
import { personKey } from '../plan/names.ts';
import { type ToolContext, visible } from './tool-context.ts';

export const FindDeadlinesInput = z.object({
  from: z.string().optional().describe('ISO date (YYYY-MM-DD), inclusive'),
  to: z.string().optional().describe('ISO date (YYYY-MM-DD), inclusive'),
  month: z.number().int().min(1).max(12).optional().describe('a month of any year, when no year is given'),
  owner: z.string().optional().describe('only objectives owned by this person'),
  docs: z.array(z.string()).optional().describe('restrict to these plan files'),
});
export type FindDeadlinesInput = z.infer<typeof FindDeadlinesInput>;

export interface Deadline {
  date: DateValue;
  what: 'phase' | 'indicator' | 'objective';
  title: string;
  objective: Objective;
}

/** Phases, indicators and objectives whose end / target date falls in a range ("scadenze di giugno"). */
export function findDeadlines(ctx: ToolContext, input: FindDeadlinesInput): Deadline[] {
  const q = FindDeadlinesInput.parse(input);
  const docs = q.docs ? new Set(q.docs) : null;
  let objectives = ctx.store.objectives.filter((o) => visible(ctx, o.doc) && (!docs || docs.has(o.doc)));
  if (q.owner) {
    const keys = new Set(findPeople(q.owner, ctx.store).matches.map((m) => m.person.key));
    objectives = objectives.filter((o) => o.owners.some((n) => keys.has(personKey(n))));
  }
  const inRange = (iso: string | null | undefined) =>
    !!iso && (!q.from || iso >= q.from) && (!q.to || iso <= q.to) && (!q.month || Number(iso.slice(5, 7)) === q.month);
  const out: Deadline[] = [];
  for (const o of objectives) {
    for (const p of o.phases)
      if (p.end && inRange(p.end.iso)) out.push({ date: p.end, what: 'phase', title: p.title, objective: o });
    for (const i of o.indicators) {
      const date = i.targetDate ?? (i.target?.date ? { text: i.target.text, iso: i.target.date } : undefined);
      if (date && inRange(date.iso)) out.push({ date, what: 'indicator', title: i.description, objective: o });
    }
    if (o.end && inRange(o.end.iso) && !o.phases.length)
      out.push({ date: o.end, what: 'objective', title: o.title, objective: o });
  }
  // a phase and its indicator often carry the same wording and date: list it once
  const seen = new Set<string>();
  return out
    .filter((d) => {
      const key = `${d.objective.doc}|${d.objective.code}|${d.date.iso}|${d.title.toLowerCase()}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.date.iso ?? '').localeCompare(b.date.iso ?? ''));
}
