import { z } from 'zod';
import { addDays, isIsoDay } from '../clock.ts';
import type { DateValue, Objective, Person, SourceSpan } from '../plan/model.ts';
import { personKey } from '../plan/names.ts';
import type { PlanStore } from '../store/plan-store.ts';

export const DigestOptionsSchema = z.object({
  today: z.string().refine(isIsoDay, 'today must be a date written YYYY-MM-DD'),
  days: z.number().int().min(1).max(366),
  /** only this person (any spelling, surname first or last) */
  person: z.string().min(1).optional(),
  /** only these plan files (a channel's scope, the public plans); undefined = all */
  docs: z.array(z.string()).optional(),
});
export type DigestOptions = z.infer<typeof DigestOptionsSchema>;

/** What falls due: a phase's end, an indicator's target date (final or intermediate), an objective's end. */
export type DigestItemKind = 'phase' | 'indicator' | 'indicator_intermediate' | 'objective';

export interface DigestItem {
  kind: DigestItemKind;
  title: string;
  /** the date exactly as written, with its ISO form */
  date: { text: string; iso: string };
  span: SourceSpan;
}

export interface DigestObjective {
  doc: string;
  entity: string;
  code: string;
  title: string;
  items: DigestItem[];
}

export interface PersonDigest {
  person: string;
  objectives: DigestObjective[];
  items: number;
}

export interface Digest {
  /** first and last day of the window, both included */
  from: string;
  to: string;
  days: number;
  people: PersonDigest[];
}

/**
 * For every person of the plans who owns objectives (or is the named responsible of a phase), the dated items that
 * fall due between `today` and `today + days`, grouped by objective. The plans carry no progress data, so an item is
 * only ever "due", never late or done. Dates that cannot be read are left to the plan checks.
 */
export function buildDigest(store: PlanStore, options: DigestOptions): Digest {
  const o = DigestOptionsSchema.parse(options);
  const from = o.today;
  const to = addDays(o.today, o.days);
  // an unknown name yields an empty digest, never everyone's
  const onlyKey = o.person ? (matchPerson(store, o.person)?.key ?? `?${o.person}`) : undefined;
  const byPerson = new Map<string, Map<Objective, DigestItem[]>>();
  const add = (name: string, objective: Objective, item: DigestItem) => {
    const person = store.peopleByKey.get(personKey(name));
    // owners that are not people (a PIAO objective's STRUTTURA) have nobody to tell
    if (!person || (onlyKey !== undefined && person.key !== onlyKey)) return;
    const objectives = byPerson.get(person.key) ?? new Map<Objective, DigestItem[]>();
    byPerson.set(person.key, objectives);
    const items = objectives.get(objective) ?? [];
    objectives.set(objective, items);
    const duplicate = items.some(
      (i) => i.date.iso === item.date.iso && i.title.toLowerCase() === item.title.toLowerCase(),
    );
    if (!duplicate) items.push(item);
  };
  const due = (date: DateValue | undefined): date is { text: string; iso: string } =>
    !!date?.iso && date.iso >= from && date.iso <= to;

  for (const objective of store.objectives) {
    if (o.docs && !o.docs.includes(objective.doc)) continue;
    for (const phase of objective.phases) {
      if (!due(phase.end)) continue;
      const item: DigestItem = { kind: 'phase', title: phase.title, date: phase.end, span: phase.span };
      // a phase with its own named responsible goes to that person; otherwise to the objective's owners
      const who = phase.responsible && store.peopleByKey.has(personKey(phase.responsible)) ? [phase.responsible] : [];
      for (const name of who.length ? who : objective.owners) add(name, objective, item);
    }
    for (const indicator of objective.indicators) {
      const final =
        indicator.targetDate ??
        (indicator.target?.date ? { text: indicator.target.text, iso: indicator.target.date } : undefined);
      const dated: [DigestItemKind, DateValue | undefined][] = [
        ['indicator', final],
        ['indicator_intermediate', indicator.intermediateDate],
      ];
      for (const [kind, date] of dated) {
        if (!due(date)) continue;
        for (const name of objective.owners)
          add(name, objective, { kind, title: indicator.description, date, span: indicator.span });
      }
    }
    if (due(objective.end))
      for (const name of objective.owners)
        add(name, objective, { kind: 'objective', title: objective.title, date: objective.end, span: objective.span });
  }

  const people: PersonDigest[] = [];
  for (const [key, objectives] of byPerson) {
    const list: DigestObjective[] = [...objectives].map(([objective, items]) => ({
      doc: objective.doc,
      entity: store.entityOf(objective.doc),
      code: objective.code,
      title: objective.title,
      items: items.sort((a, b) => a.date.iso.localeCompare(b.date.iso) || a.span.lineStart - b.span.lineStart),
    }));
    list.sort((a, b) => firstDue(a).localeCompare(firstDue(b)) || a.code.localeCompare(b.code));
    people.push({
      person: store.peopleByKey.get(key)?.name ?? key,
      objectives: list,
      items: list.reduce((n, x) => n + x.items.length, 0),
    });
  }
  people.sort((a, b) => a.person.localeCompare(b.person, 'it'));
  return { from, to, days: o.days, people };
}

function firstDue(o: DigestObjective): string {
  return o.items[0]?.date.iso ?? '';
}

/** The one person of the plans `name` designates (exact key, or every token of it in one name only), or null. */
export function matchPerson(store: PlanStore, name: string): Person | null {
  const key = personKey(name);
  const exact = store.peopleByKey.get(key);
  if (exact) return exact;
  const tokens = key.split(' ').filter(Boolean);
  if (!tokens.length) return null;
  const partial = store.people.filter((p) => tokens.every((t) => p.key.split(' ').includes(t)));
  return partial.length === 1 ? partial[0]! : null;
}
