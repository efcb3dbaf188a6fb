/**
 * The staff relations a question names ("posizioni organizzative", "incarichi professionali", "dipendenti"), read
 * against the relations the loaded plans' staff tables write: nothing here lists a relation, a new plan brings its own.
 */
import { fold } from '../plan/text.ts';
import type { PlanStore } from '../store/plan-store.ts';

export interface StaffRelationName {
  /** as the plans write it: "Posizione Organizzativa" */
  relation: string;
  /** the stems of its leading words ("posizi", "organi"): what a question writes in any number */
  stems: string[];
}

const STEM = 6;
const cache = new WeakMap<PlanStore, StaffRelationName[]>();

/**
 * Each relation's naming words: its leading words of four letters or more, up to the first short one ("Dipendente a
 * tempo indeterminato" is named by "dipendente"), at most two; cut to a stem so that plurals match.
 */
export function staffRelationsOf(store: PlanStore): StaffRelationName[] {
  const known = cache.get(store);
  if (known) return known;
  const relations = new Set<string>();
  for (const p of store.projects) for (const s of p.staff) if (s.relation) relations.add(s.relation);
  const out: StaffRelationName[] = [];
  for (const relation of relations) {
    const words = fold(relation)
      .split(/[^a-z]+/)
      .filter(Boolean);
    const lead: string[] = [];
    for (const w of words) {
      if (w.length < 4 || lead.length === 2) break;
      lead.push(w.slice(0, STEM));
    }
    if (lead.length) out.push({ relation, stems: lead });
  }
  cache.set(store, out);
  return out;
}

/**
 * The relations whose every naming word the question writes (`words`: folded, space-padded), with how many words
 * named it: a two-word relation is a clear request for staff, a one-word one ("dirigente") only beside a staff word.
 */
export function staffRelationsIn(words: string, store: PlanStore): { relation: string; words: number }[] {
  const relations = staffRelationsOf(store);
  if (!relations.length) return [];
  const tokens = words.trim().split(' ');
  return relations
    .filter((r) => r.stems.every((s) => tokens.some((t) => t.startsWith(s))))
    .map((r) => ({ relation: r.relation, words: r.stems.length }));
}
