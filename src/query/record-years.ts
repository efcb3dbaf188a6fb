/**
 * The years a record speaks of: its plan's years, the years of its yearly sheets, and the years its phases' dates
 * reach (a 2020 plan's phase may run into 2022). A year asked of the record outside them is not found for it.
 */

import type { Objective, Project } from '../plan/model.ts';
import { codeKey, type PlanStore } from '../store/plan-store.ts';

type Phase = Objective['phases'][number];

const yearOf = (iso: string | null | undefined) => (iso ? Number(iso.slice(0, 4)) : null);

/**
 * Every year from a start date to an end date (either alone: its year); none when undated, out of order or spanning
 * more years than any plan does.
 */
export function yearsRunning(startIso: string | null | undefined, endIso: string | null | undefined): number[] {
  const from = yearOf(startIso) ?? yearOf(endIso);
  const to = yearOf(endIso) ?? from;
  if (from === null || to === null || to < from || to - from > 20) return [];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The years one phase is of: its sheet's year, or every year from its start to its end. */
function phaseYears(p: Phase): number[] {
  return p.year ? [p.year] : yearsRunning(p.start?.iso, p.end?.iso);
}

/** The objectives whose phases a record's plan gives: the objective itself, or a project's objectives. */
function objectivesOf(store: PlanStore, record: Objective | Project): Objective[] {
  if ('phases' in record) return [record];
  // through the store's index by code: a project's few objectives, never a walk over every plan's records
  return record.objectives.flatMap((code) =>
    (store.objectivesByCode.get(codeKey(code)) ?? []).filter((o) => o.doc === record.doc),
  );
}

/** Every year the record speaks of, sorted. */
export function recordYears(store: PlanStore, record: Objective | Project): number[] {
  const objectives = objectivesOf(store, record);
  // a record that states its own years ("ANNI 2019-2020") is of those, not of every year of its plan
  const own = objectives.flatMap((o) => o.years ?? []);
  const years = new Set<number>(own.length ? own : (store.documentOf(record.doc)?.years ?? []));
  for (const o of objectives) {
    for (const i of o.indicators) if (i.year) years.add(i.year);
    for (const p of o.phases) for (const y of phaseYears(p)) years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}

/** The record's years when the year asked is not among them (null when it is, or none is asked). */
export function yearMissingFrom(store: PlanStore, record: Objective | Project, year: number | null): number[] | null {
  if (year === null) return null;
  const years = recordYears(store, record);
  // "quanti in lista d'attesa a fine 2019?" of a 2020 record whose text states the 2019 figure: the year is there
  return years.length && !years.includes(year) && !writesYear(store, record, year) ? years : null;
}

/** Some phase of the record (or of a project's objectives) is of the year: its sheet's, or its dates reach it. */
export function phasesReachYear(store: PlanStore, record: Objective | Project, years: readonly number[]): boolean {
  return objectivesOf(store, record).some((o) => o.phases.some((p) => phaseYears(p).some((y) => years.includes(y))));
}

/**
 * The record's own texts (or its objectives', for a project) write the year, in any field, its indicators' and phases'
 * too: a figure of that year may be stated there ("a fine 2019 vi erano 70 persone in lista").
 */
function writesYear(store: PlanStore, record: Objective | Project, year: number): boolean {
  const written = new RegExp(`(?<!\\d)${year}(?!\\d)`);
  return [record, ...objectivesOf(store, record)].some((r) => textsOf(r).some((t) => written.test(t)));
}

/** Every text a record holds, nested ones too; its file name and source spans are no text of it. */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => (k === 'doc' || k === 'span' || k === 'iso' ? [] : textsOf(v)));
  return [];
}

const phaseDocs = new WeakMap<PlanStore, Map<number, Set<string>>>();

/** The plans some of whose phases are of the year (their sheet's, or their dates reach it), read once per store. */
export function docsWithPhasesIn(store: PlanStore, year: number): ReadonlySet<string> {
  let byYear = phaseDocs.get(store);
  if (!byYear) {
    byYear = new Map();
    for (const o of store.objectives)
      for (const p of o.phases)
        for (const y of phaseYears(p)) {
          const docs = byYear.get(y) ?? new Set<string>();
          docs.add(o.doc);
          byYear.set(y, docs);
        }
    phaseDocs.set(store, byYear);
  }
  return byYear.get(year) ?? NO_DOCS;
}
const NO_DOCS: ReadonlySet<string> = new Set();
