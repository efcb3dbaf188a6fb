import type { ExtractedPlan, Person } from './model.ts';
import { personKey, splitTitle } from './names.ts';

/**
 * Builds the people index from every place a name appears (objective owners, structure heads, project dirigenti,
 * staff allocations). A person is identified by the order-free key of their name, so `Sardi Valentina` and
 * `Valentina Sardi` are one person while `Fedi Simona` and `Fedeli Simonetta` stay two.
 */
/** What deriving people reads of a plan: the ingest keeps only this much of each plan once it is written out. */
export interface PeopleSource {
  structures: Pick<ExtractedPlan['structures'][number], 'head' | 'headRole' | 'doc' | 'name'>[];
  objectives: Pick<ExtractedPlan['objectives'][number], 'owners' | 'doc' | 'code' | 'ownerTitles'>[];
  projects: (Pick<ExtractedPlan['projects'][number], 'dirigente' | 'doc' | 'code'> & { staff: { name: string }[] })[];
}

/** The part of a plan `derivePeople` reads, copied so that the rest of the plan can be released. */
export function peopleSourceOf(plan: PeopleSource): PeopleSource {
  return {
    structures: plan.structures.map(({ head, headRole, doc, name }) => ({ head, headRole, doc, name })),
    objectives: plan.objectives.map(({ owners, doc, code, ownerTitles }) => ({ owners, doc, code, ownerTitles })),
    projects: plan.projects.map(({ dirigente, doc, code, staff }) => ({
      dirigente,
      doc,
      code,
      staff: staff.map((s) => ({ name: s.name })),
    })),
  };
}

/** the order of `localeCompare` without its per-call set-up */
const collator = new Intl.Collator();

export function derivePeople(plans: readonly PeopleSource[]): Person[] {
  const byKey = new Map<
    string,
    { spellings: Map<string, number>; titles: Set<string>; roles: Person['roles']; seen: Set<string> }
  >();
  // the same spelling recurs in many records (and, at a thousand plans, in many plans): parsed once
  const parsed = new Map<string, { name: string; title: string | undefined; key: string } | null>();
  const parse = (raw: string) => {
    let got = parsed.get(raw);
    if (got === undefined) {
      const { title, name } = splitTitle(raw);
      got = looksLikePersonName(name) ? { name, title, key: personKey(name) } : null;
      parsed.set(raw, got);
    }
    return got;
  };
  const add = (raw: string | undefined, role: string, doc: string, ref?: string, title?: string) => {
    if (!raw) return;
    const person = parse(raw);
    if (!person) return;
    const { name, key } = person;
    let entry = byKey.get(key);
    if (!entry) {
      entry = { spellings: new Map(), titles: new Set(), roles: [], seen: new Set() };
      byKey.set(key, entry);
    }
    entry.spellings.set(name, (entry.spellings.get(name) ?? 0) + 1);
    const t = title ?? person.title;
    if (t) entry.titles.add(t);
    const roleKey = `${role}\u0000${doc}\u0000${ref ?? '\u0001'}`;
    if (!entry.seen.has(roleKey)) {
      entry.seen.add(roleKey);
      entry.roles.push(ref === undefined ? { role, doc } : { role, doc, ref });
    }
  };

  for (const plan of plans) {
    for (const s of plan.structures) add(s.head, (s.headRole ?? 'responsabile').toLowerCase(), s.doc, s.name);
    for (const o of plan.objectives) {
      for (const [i, owner] of o.owners.entries()) add(owner, 'owner', o.doc, o.code, o.ownerTitles?.[i]);
    }
    for (const p of plan.projects) {
      add(p.dirigente, 'dirigente', p.doc, p.code);
      for (const s of p.staff) add(s.name, 'staff', p.doc, p.code);
    }
  }

  return [...byKey.entries()]
    .map(([key, e]) => {
      const spellings = [...e.spellings.entries()].sort((a, b) => b[1] - a[1]).map(([s]) => s);
      return { key, name: spellings[0]!, spellings, titles: [...e.titles], roles: e.roles };
    })
    .sort((a, b) => collator.compare(a.key, b.key));
}

/** Structure names (`Servizio viabilità e ambiente`, `Dirigente`) also sit in owner fields; they are not people. */
export function looksLikePersonName(name: string): boolean {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length < 2 || words.length > 5) return false;
  if (/\d/.test(name)) return false;
  return !/\b(servizio|servizi|ufficio|uffici|settore|area|dirigente|staff|segreteria|polizia|corpo|direzione|comune|provincia|unit[aà]|gestione|presidente|protezione|risorse|programmazione|assistenti?|sociali|educator[ei]|operator[ei]|personale|amministrativ[oiae]|tecnic[oi]|dipendent[ei]|collaborator[ei]|volontari|esterni|vari|altri|tutti|squadra|gruppo|equipe|coordinator[ei]|istruttor[ei]|funzionari|figure)\b/i.test(
    name,
  );
}
