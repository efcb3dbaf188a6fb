/**
 * The records of a structure: the objectives that name it (or whose centre code it carries) and the projects of its
 * centre code. Read through sets and a per-store index, not by comparing every record with every structure named: an
 * office named in a thousand plan copies is a thousand structures, each with the same few records per plan.
 */
import type { Objective, Project, Structure } from '../plan/model.ts';
import { fold } from '../plan/text.ts';
import type { PlanStore } from '../store/plan-store.ts';

interface StructureRecords {
  /** objectives by plan and folded structure name */
  byName: Map<string, Objective[]>;
  /** objectives by plan and centre code */
  objectivesByCode: Map<string, Objective[]>;
  /** projects by plan and centre code */
  projectsByCode: Map<string, Project[]>;
}

const indexes = new WeakMap<PlanStore, StructureRecords>();

const key = (doc: string, name: string) => `${doc}\u0000${name}`;

function push<T>(map: Map<string, T[]>, k: string, item: T): void {
  const list = map.get(k);
  if (list) list.push(item);
  else map.set(k, [item]);
}

function indexOf(store: PlanStore): StructureRecords {
  let index = indexes.get(store);
  if (index) return index;
  index = { byName: new Map(), objectivesByCode: new Map(), projectsByCode: new Map() };
  for (const o of store.objectives) {
    if (o.structure) push(index.byName, key(o.doc, fold(o.structure)), o);
    if (o.cdr) push(index.objectivesByCode, key(o.doc, o.cdr), o);
  }
  for (const p of store.projects) if (p.cdr) push(index.projectsByCode, key(p.doc, p.cdr), p);
  indexes.set(store, index);
  return index;
}

/** The structure's objectives (named on them, then those only of its centre code) and its centre's projects. */
export function recordsOfStructure(store: PlanStore, s: Structure): { objectives: Objective[]; projects: Project[] } {
  const index = indexOf(store);
  const named = index.byName.get(key(s.doc, fold(s.name))) ?? [];
  const coded = s.code ? (index.objectivesByCode.get(key(s.doc, s.code)) ?? []) : [];
  const objectives = coded.length ? [...new Set([...named, ...coded])] : named;
  return { objectives, projects: s.code ? (index.projectsByCode.get(key(s.doc, s.code)) ?? []) : [] };
}

/**
 * A test of an objective against structures, by name (in any plan) or by centre code, as the count of an office's
 * objectives reads them: one set lookup per objective instead of one comparison per structure.
 */
export function onStructures(structures: readonly Structure[]): (o: Objective) => boolean {
  const names = new Set(structures.map((s) => fold(s.name)));
  const codes = new Set(structures.flatMap((s) => (s.code ? [s.code] : [])));
  return (o) => names.has(fold(o.structure ?? '')) || (!!o.cdr && codes.has(o.cdr));
}
