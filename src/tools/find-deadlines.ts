import { z } from 'zod';
import { findPeople } from '../answer/link-entities.ts';
import type { DateValue, Objective } from '../plan/model.ts';
import { personKey } from '../plan/names.ts';
import type { PlanStore } from '../store/plan-store.ts';
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
  const keys = q.owner ? new Set(findPeople(q.owner, ctx.store).matches.map((m) => m.person.key)) : null;
  // an objective's many dated phases and indicators ask the same: answered once per objective
  const asked = new Map<Objective, boolean>();
  const ofAsked = (o: Objective) => {
    let ok = asked.get(o);
    if (ok === undefined) {
      ok = visible(ctx, o.doc) && (!docs || docs.has(o.doc)) && (!keys || ownerKeysOf(o).some((k) => keys.has(k)));
      asked.set(o, ok);
    }
    return ok;
  };
  const inRange = (iso: string) =>
    (!q.from || iso >= q.from) && (!q.to || iso <= q.to) && (!q.month || Number(iso.slice(5, 7)) === q.month);
  // the dated entries between the bounds, back in model order (what a scan of every objective would list)
  const found = datedBetween(deadlineIndexOf(ctx.store), q.from, q.to)
    .filter((e) => inRange(e.iso) && ofAsked(e.deadline.objective))
    .sort((a, b) => a.order - b.order)
    .map((e) => e.deadline);
  // a phase and its indicator often carry the same wording and date: list it once
  const seen = new Set<string>();
  return found
    .filter((d) => {
      const key = `${d.objective.doc}|${d.objective.code}|${d.date.iso}|${d.title.toLowerCase()}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.date.iso ?? '').localeCompare(b.date.iso ?? ''));
}

const ownerKeys = new WeakMap<Objective, string[]>();

/** An objective's owners as person keys, worked out once while the objective lives (a deadline scan meets many). */
function ownerKeysOf(o: Objective): string[] {
  let keys = ownerKeys.get(o);
  if (!keys) {
    keys = o.owners.map(personKey);
    ownerKeys.set(o, keys);
  }
  return keys;
}

interface DatedEntry {
  iso: string;
  /** position in model order: objectives in order, each with its phases, then its indicators, then itself */
  order: number;
  deadline: Deadline;
}

const indexes = new WeakMap<PlanStore, DatedEntry[]>();

/**
 * Every dated phase, indicator and objective end of the model, sorted by ISO date once per store: a range is then
 * a slice found by binary search, not a walk through every phase of a thousand plans.
 */
function deadlineIndexOf(store: PlanStore): DatedEntry[] {
  let index = indexes.get(store);
  if (index) return index;
  const entries: DatedEntry[] = [];
  const add = (date: DateValue, what: Deadline['what'], title: string, objective: Objective) => {
    if (date.iso) entries.push({ iso: date.iso, order: entries.length, deadline: { date, what, title, objective } });
  };
  for (const o of store.objectives) {
    for (const p of o.phases) if (p.end) add(p.end, 'phase', p.title, o);
    for (const i of o.indicators) {
      const date = i.targetDate ?? (i.target?.date ? { text: i.target.text, iso: i.target.date } : undefined);
      if (date) add(date, 'indicator', i.description, o);
    }
    if (o.end && !o.phases.length) add(o.end, 'objective', o.title, o);
  }
  index = entries.sort((a, b) => (a.iso < b.iso ? -1 : a.iso > b.iso ? 1 : a.order - b.order));
  indexes.set(store, index);
  return index;
}

/** The entries whose ISO date lies between the bounds (each optional, both inclusive). */
function datedBetween(index: DatedEntry[], from: string | undefined, to: string | undefined): DatedEntry[] {
  const firstAbove = (bound: string, orEqual: boolean) => {
    let lo = 0;
    let hi = index.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const iso = index[mid]!.iso;
      if (iso < bound || (orEqual && iso === bound)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return index.slice(from ? firstAbove(from, false) : 0, to ? firstAbove(to, true) : index.length);
}
