/**
 * The fields a plan query can filter, sort, aggregate and show, per target, read from the plan model. Each value keeps
 * the text as the document writes it beside its parsed number or ISO date, so answers quote figures as written and
 * compute only from parsed values.
 */

import { PACKS } from '../lang/packs.ts';
import type {
  DateValue,
  Figure,
  Indicator,
  Objective,
  Phase,
  Project,
  SourceSpan,
  StrategicLink,
  Structure,
} from '../plan/model.ts';
import { personKey } from '../plan/names.ts';
import { type AreaLookup, areaLookup } from '../plan/structure-areas.ts';
import { fold } from '../plan/text.ts';
import type { PlanStore } from '../store/plan-store.ts';
import { formatAmount } from './format-number.ts';
import type { QueryTarget } from './plan-query.ts';
import { yearsRunning } from './record-years.ts';

export type FieldKind = 'text' | 'list' | 'amount' | 'weight' | 'count' | 'date' | 'year' | 'bool';

/** One field value: the text as written, its number or ISO date when it has one, the items of a list field. */
export interface Cell {
  text: string;
  num: number | null;
  date: string | null;
  parts?: string[];
  bool?: boolean;
}

export interface QueryRecord {
  target: QueryTarget;
  /** what the record is called in an answer: its code, or its title when it has none */
  key: string;
  title: string;
  doc: string;
  span: SourceSpan;
  /** the code of the record a sub-record belongs to (the objective of a phase, the project of a budget row) */
  parent?: string;
  internal?: boolean;
  cells: Record<string, Cell | null>;
}

export interface FieldSpec {
  kind: FieldKind;
  describe: string;
}

const text = (s: string | undefined | null): Cell | null => (s ? { text: s, num: null, date: null } : null);
const list = (items: string[]): Cell | null =>
  items.length ? { text: items.join('; '), num: null, date: null, parts: items } : null;
const figure = (f: Figure | null | undefined): Cell | null => (f ? { text: f.text, num: f.value, date: null } : null);
const date = (d: DateValue | undefined): Cell | null => (d ? { text: d.text, num: null, date: d.iso } : null);
const count = (n: number): Cell => ({ text: String(n), num: n, date: null });
const year = (y: number | undefined): Cell | null => (y === undefined ? null : count(y));
const bool = (b: boolean | undefined): Cell | null =>
  b === undefined ? null : { text: String(b), num: b ? 1 : 0, date: null, bool: b };

/** Field names and meanings per target: the LLM tool description and the executor's validation read this. */
export const FIELDS: Record<QueryTarget, Record<string, FieldSpec>> = {
  objective: {
    code: { kind: 'text', describe: 'objective code as written' },
    title: { kind: 'text', describe: 'title' },
    entity: { kind: 'text', describe: 'the entity whose plan it is (Comune di …, Provincia di …)' },
    owner: { kind: 'list', describe: 'owners (responsabili), names as written' },
    structure: { kind: 'text', describe: 'settore / servizio' },
    cdr: { kind: 'text', describe: 'centro di responsabilità code' },
    type: { kind: 'text', describe: 'type as written (sviluppo, individuale, strategico…)' },
    multiYear: { kind: 'bool', describe: 'true when the plan marks it multi-year (pluriennale)' },
    years: { kind: 'list', describe: 'years it covers' },
    start: { kind: 'date', describe: 'start date' },
    end: { kind: 'date', describe: 'end date (the objective’s, else its last phase’s)' },
    duration: { kind: 'count', describe: 'days from start to end, both included (computed from the dates)' },
    phases: { kind: 'count', describe: 'number of phases' },
    indicators: { kind: 'count', describe: 'number of indicators' },
    phaseWeight: { kind: 'weight', describe: 'sum of the phase weights (computed)' },
    financialAmount: { kind: 'amount', describe: 'financial resources, as an amount' },
    project: { kind: 'text', describe: 'code of the project it belongs to' },
    levels: {
      kind: 'list',
      describe:
        'the labels of the plan levels above it as written (valore pubblico, linea di mandato, indirizzo, obiettivo strategico, azione, obiettivo operativo)',
    },
    description: { kind: 'text', describe: 'description and expected result' },
    text: { kind: 'text', describe: 'title, description and expected result together (for topic searches)' },
  },
  project: {
    code: { kind: 'text', describe: 'project code as written' },
    title: { kind: 'text', describe: 'title' },
    entity: { kind: 'text', describe: 'entity' },
    cdr: { kind: 'text', describe: 'centro di responsabilità code' },
    structure: { kind: 'text', describe: 'centro di responsabilità name' },
    dirigente: { kind: 'text', describe: 'dirigente, name as written' },
    budget: { kind: 'amount', describe: 'budget from the summary table; missing when the cell is blank' },
    budgetShare: { kind: 'weight', describe: '% di assorbimento risorse finanziarie' },
    revenue: {
      kind: 'amount',
      describe: 'income side of the budget table (Entrate …): its stated total; several income columns added up',
    },
    staff: { kind: 'count', describe: 'number of people allocated' },
    objectives: { kind: 'count', describe: 'number of objectives' },
    levels: {
      kind: 'list',
      describe: 'the labels of the plan levels above it as written (indirizzo, obiettivo strategico, azione)',
    },
    description: { kind: 'text', describe: 'description' },
    text: { kind: 'text', describe: 'title and description together (for topic searches)' },
  },
  phase: {
    objective: { kind: 'text', describe: 'code of the objective' },
    title: { kind: 'text', describe: 'phase wording' },
    entity: { kind: 'text', describe: 'entity' },
    owner: { kind: 'list', describe: 'owners of the objective' },
    structure: { kind: 'text', describe: 'settore / servizio of the objective' },
    year: { kind: 'year', describe: 'sheet year, where the plan has one sheet per year' },
    years: {
      kind: 'list',
      describe: 'the years it belongs to: its sheet year, else every year from its start to its end date',
    },
    start: { kind: 'date', describe: 'start date' },
    end: { kind: 'date', describe: 'end date' },
    duration: { kind: 'count', describe: 'days from start to end, both included (computed from the dates)' },
    weight: { kind: 'weight', describe: 'weight (peso)' },
    levels: { kind: 'list', describe: 'the labels of the plan levels above its objective' },
  },
  indicator: {
    objective: { kind: 'text', describe: 'code of the objective' },
    title: { kind: 'text', describe: 'indicator wording' },
    entity: { kind: 'text', describe: 'entity' },
    owner: { kind: 'list', describe: 'owners of the objective' },
    structure: { kind: 'text', describe: 'settore / servizio of the objective' },
    year: { kind: 'year', describe: 'sheet year' },
    years: { kind: 'list', describe: 'the years it belongs to: its sheet year, else the year of its deadline' },
    target: { kind: 'amount', describe: 'expected value as written' },
    end: {
      kind: 'date',
      describe: 'the date the target is due ("alla data"), or the target itself when it is a date (its deadline)',
    },
    weight: { kind: 'weight', describe: 'weight (peso)' },
    levels: { kind: 'list', describe: 'the labels of the plan levels above its objective' },
  },
  person: {
    name: { kind: 'text', describe: 'name as written' },
    entity: { kind: 'list', describe: 'entities whose plans name the person' },
    objectives: { kind: 'count', describe: 'number of objectives owned' },
    projects: { kind: 'count', describe: 'number of projects directed' },
    allocations: { kind: 'count', describe: 'number of projects the person is allocated to' },
  },
  structure: {
    name: { kind: 'text', describe: 'name as written' },
    code: { kind: 'text', describe: 'centro di responsabilità code' },
    entity: { kind: 'text', describe: 'entity' },
    head: { kind: 'text', describe: 'dirigente / responsabile' },
    objectives: { kind: 'count', describe: 'number of objectives of the structure' },
    projects: { kind: 'count', describe: 'number of projects of the centro di responsabilità' },
  },
  budget_row: {
    project: { kind: 'text', describe: 'project code' },
    capitolo: { kind: 'text', describe: 'capitolo as written' },
    title: { kind: 'text', describe: 'capitolo description' },
    column: { kind: 'text', describe: 'Entrate Correnti, Spese Correnti, Spese Investimento…' },
    amount: { kind: 'amount', describe: 'amount' },
    entity: { kind: 'text', describe: 'entity' },
  },
  staff_allocation: {
    project: { kind: 'text', describe: 'project code' },
    name: { kind: 'text', describe: 'person, as written' },
    relation: { kind: 'text', describe: 'Dirigente, Posizione Organizzativa, Dipendente…' },
    commitment: { kind: 'weight', describe: 'impegno %' },
    cdr: { kind: 'text', describe: 'centro di responsabilità code of the project' },
    structure: { kind: 'text', describe: 'centro di responsabilità name of the project' },
    entity: { kind: 'text', describe: 'entity' },
  },
};

/** the strategic link fields that are levels of a plan's tree, from the top */
export const STRATEGIC_LEVELS = [
  'valorePubblico',
  'lineaMandato',
  'indirizzo',
  'obiettivoStrategico',
  'azione',
  'obiettivoOperativo',
] as const satisfies readonly (keyof StrategicLink)[];

/** The labels of the levels a record hangs from, top down: what "la linea di mandato 05" or "l'azione X" filters on. */
export function levelLabels(s: StrategicLink | undefined, area?: string): string[] {
  const out = STRATEGIC_LEVELS.map((f) => s?.[f]).filter((v): v is string => Boolean(v));
  // the area of the record's office is a level above it too ("gli obiettivi dell'area tecnica")
  const areaOfIt = area ?? s?.area;
  if (areaOfIt && !out.some((v) => fold(v) === fold(areaOfIt))) out.push(areaOfIt);
  return out;
}

const areaLookups = new WeakMap<PlanStore, AreaLookup>();
/** the area of each structure of the store, looked up once per store */
export function areasOf(store: PlanStore): AreaLookup {
  let lookup = areaLookups.get(store);
  if (!lookup) {
    lookup = areaLookup(store.structures);
    areaLookups.set(store, lookup);
  }
  return lookup;
}

/** the words that head an income column of a budget table ("Entrate Correnti"), from the language packs */
const REVENUE_LABELS = Object.values(PACKS).flatMap((p) =>
  (p.lexicon.columns ?? []).filter((c) => c.kind === 'revenue').flatMap((c) => c.labels),
);

/**
 * A project's income: the stated total of its budget table's income column, as written; with several income columns
 * (current and capital) their totals added, the columns named beside the computed sum.
 */
function revenueOf(totals: Record<string, Figure>): Cell | null {
  const columns = Object.entries(totals).filter(
    ([label, f]) =>
      f.value !== null &&
      fold(label)
        .split(/\s+/)
        .some((w) => REVENUE_LABELS.some((r) => w.startsWith(r))),
  );
  if (!columns.length) return null;
  if (columns.length === 1) return figure(columns[0]![1]);
  const sum = columns.reduce((a, [, f]) => a + f.value!, 0);
  return { text: `${formatAmount(sum)} (${columns.map(([l]) => l).join(' + ')})`, num: sum, date: null };
}

/** The last phase end, for objectives whose sheet gives dates only per phase. */
function lastEnd(phases: Phase[]): DateValue | undefined {
  let best: DateValue | undefined;
  for (const p of phases) if (p.end?.iso && (!best?.iso || p.end.iso > best.iso)) best = p.end;
  return best;
}

/** The first phase start, for objectives whose sheet gives dates only per phase. */
function firstStart(phases: Phase[]): DateValue | undefined {
  let best: DateValue | undefined;
  for (const p of phases) if (p.start?.iso && (!best?.iso || p.start.iso < best.iso)) best = p.start;
  return best;
}

/**
 * The years a phase or an indicator belongs to: the sheet it is written in, where the plan keeps one per year (a 2019
 * sheet's indicator due in 2020 is still the 2019 sheet's); else each year its dates run through ("fasi del 2022"
 * holds a phase running from December 2021 to June 2022); undated, the years of its plan.
 */
function yearsOf(
  sheet: number | undefined,
  start: DateValue | undefined,
  end: DateValue | undefined,
  planYears: number[],
): Cell | null {
  if (sheet !== undefined) return list([String(sheet)]);
  // undated: it is of the years its plan covers
  if (!start?.iso && !end?.iso) return list(planYears.map(String));
  const years = yearsRunning(start?.iso, end?.iso);
  return years.length ? list(years.map(String)) : null;
}

const DAY_MS = 86_400_000;
/** Days from start to end, both included, computed from the ISO dates; null when either is missing or out of order. */
function duration(start: DateValue | undefined, end: DateValue | undefined): Cell | null {
  if (!start?.iso || !end?.iso) return null;
  const days = Math.round((Date.parse(end.iso) - Date.parse(start.iso)) / DAY_MS) + 1;
  return Number.isFinite(days) && days > 0 ? count(days) : null;
}

function weightTotal(phases: Phase[]): Cell | null {
  const weighted = phases.filter((p) => p.weight?.value != null);
  if (!weighted.length) return null;
  const sum = weighted.reduce((a, p) => a + (p.weight!.value ?? 0), 0);
  const rounded = Math.round(sum * 100) / 100;
  // computed, so written the way the plans write weights: 100,00
  return { text: formatAmount(rounded), num: rounded, date: null };
}

function objectiveRecord(o: Objective, entity: string, area: string | undefined): QueryRecord {
  return {
    target: 'objective',
    key: o.code,
    title: o.title,
    doc: o.doc,
    span: o.span,
    cells: {
      code: text(o.code),
      title: text(o.title),
      entity: text(entity),
      owner: list(o.owners),
      structure: text(o.structure),
      cdr: text(o.cdr),
      type: text(o.type),
      multiYear: bool(o.multiYear),
      years: list((o.years ?? (o.year ? [o.year] : [])).map(String)),
      start: date(o.start),
      end: date(o.end ?? lastEnd(o.phases)),
      duration: duration(o.start ?? firstStart(o.phases), o.end ?? lastEnd(o.phases)),
      phases: count(o.phases.length),
      indicators: count(o.indicators.length),
      phaseWeight: weightTotal(o.phases),
      financialAmount: figure(o.financialAmount),
      project: text(o.projectCode),
      levels: list(levelLabels(o.strategic, area)),
      description: text([o.description, o.expectedResult].filter(Boolean).join(' ')),
      text: text([o.title, o.description, o.expectedResult].filter(Boolean).join(' ')),
    },
  };
}

function phaseRecord(
  o: Objective,
  p: Phase,
  entity: string,
  area: string | undefined,
  planYears: number[],
): QueryRecord {
  return {
    target: 'phase',
    key: o.code,
    title: p.title,
    doc: o.doc,
    span: p.span,
    parent: o.code,
    cells: {
      objective: text(o.code),
      title: text(p.title),
      entity: text(entity),
      owner: list(o.owners),
      structure: text(o.structure),
      year: year(p.year),
      years: yearsOf(p.year, p.start, p.end, planYears),
      start: date(p.start),
      end: date(p.end),
      duration: duration(p.start, p.end),
      weight: figure(p.weight),
      levels: list(levelLabels(o.strategic, area)),
    },
  };
}

/**
 * An indicator's deadline: the date its target is due, else its target when the target is itself a date ("entro il
 * 30/06/2021" written as the expected value), as written.
 */
function dueDate(i: Indicator): DateValue | undefined {
  return i.targetDate ?? (i.target?.date ? { text: i.target.text, iso: i.target.date } : undefined);
}

function indicatorRecord(
  o: Objective,
  i: Indicator,
  entity: string,
  area: string | undefined,
  planYears: number[],
): QueryRecord {
  return {
    target: 'indicator',
    key: i.code ?? o.code,
    title: i.description,
    doc: o.doc,
    span: i.span,
    parent: o.code,
    cells: {
      objective: text(o.code),
      title: text(i.description),
      entity: text(entity),
      owner: list(o.owners),
      structure: text(o.structure),
      year: year(i.year),
      years: yearsOf(i.year, undefined, dueDate(i), planYears),
      target: i.target ? { text: i.target.text, num: i.target.value, date: i.target.date } : null,
      end: date(dueDate(i)),
      weight: figure(i.weight),
      levels: list(levelLabels(o.strategic, area)),
    },
  };
}

function projectRecord(p: Project, entity: string, area: string | undefined): QueryRecord {
  return {
    target: 'project',
    key: p.code,
    title: p.title,
    doc: p.doc,
    span: p.span,
    cells: {
      code: text(p.code),
      title: text(p.title),
      entity: text(entity),
      cdr: text(p.cdr),
      structure: text(p.cdrName),
      dirigente: text(p.dirigente),
      budget: figure(p.budget),
      budgetShare: figure(p.budgetShare),
      revenue: revenueOf(p.budgetTotals),
      staff: count(p.staff.length),
      objectives: count(p.objectives.length),
      levels: list(levelLabels(p.strategic, area)),
      description: text(p.description),
      text: text([p.title, p.description].filter(Boolean).join(' ')),
    },
  };
}

function structureRecord(s: Structure, store: PlanStore, counts: StructureCounts): QueryRecord {
  const objectives = counts.objectives.get(`${s.doc}\u0000${s.name}`) ?? 0;
  const projects = s.code ? (counts.projects.get(`${s.doc}\u0000${s.code}`) ?? 0) : 0;
  return {
    target: 'structure',
    key: s.name,
    title: s.name,
    doc: s.doc,
    span: s.span,
    cells: {
      name: text(s.name),
      code: text(s.code),
      entity: text(store.entityOf(s.doc)),
      head: text(s.head),
      objectives: count(objectives),
      projects: count(projects),
    },
  };
}

/** How many objectives name each structure, and how many projects each centro di responsabilità has, per document. */
interface StructureCounts {
  objectives: Map<string, number>;
  projects: Map<string, number>;
}

function structureCounts(store: PlanStore): StructureCounts {
  const objectives = new Map<string, number>();
  const projects = new Map<string, number>();
  for (const o of store.objectives) {
    if (o.structure === undefined) continue;
    const key = `${o.doc}\u0000${o.structure}`;
    objectives.set(key, (objectives.get(key) ?? 0) + 1);
  }
  for (const p of store.projects) {
    if (p.cdr === undefined) continue;
    const key = `${p.doc}\u0000${p.cdr}`;
    projects.set(key, (projects.get(key) ?? 0) + 1);
  }
  return { objectives, projects };
}

/**
 * Every record of a target, in document order; with `docs`, only those documents' records (a scoped question at a
 * thousand plans must not build the records of every plan). Built per call: this keeps the store plain.
 */
/**
 * A model item's query record, built on its first query and kept with the item: a loaded model does not change (a
 * reload builds new items), and a question over a thousand plans then reads records instead of rebuilding them.
 * Records are read-only to the executor.
 */
const recordOf = new WeakMap<object, QueryRecord>();
function once(item: object, build: () => QueryRecord): QueryRecord {
  let record = recordOf.get(item);
  if (!record) {
    record = build();
    recordOf.set(item, record);
  }
  return record;
}

/**
 * The fields of each target's records whose cell is a text of the objective or project the record is (or belongs to),
 * with that text: an equality on one of them is a test of the parent (see `recordsOf`'s `keep`).
 */
export const PARENT_TEXT_FIELDS: Partial<
  Record<QueryTarget, Record<string, (parent: Objective | Project) => unknown>>
> = {
  objective: { code: (o) => o.code, cdr: (o) => o.cdr, structure: (o) => (o as Objective).structure },
  project: { code: (p) => p.code, cdr: (p) => p.cdr },
  phase: { objective: (o) => o.code },
  indicator: { objective: (o) => o.code },
  budget_row: { project: (p) => p.code },
};

export function recordsOf(
  store: PlanStore,
  target: QueryTarget,
  docs?: ReadonlySet<string>,
  /** only the records of the objectives or projects this keeps (the records they are, or belong to) */
  keep?: (parent: Objective | Project) => boolean,
): QueryRecord[] {
  const entity = (doc: string) => store.entityOf(doc);
  const inDocs = <T extends { doc: string }>(items: T[]): T[] => (docs ? items.filter((x) => docs.has(x.doc)) : items);
  const kept = <T extends Objective | Project>(items: T[]): T[] => {
    const inScope = inDocs(items);
    return keep ? inScope.filter(keep) : inScope;
  };
  const areaOf = areasOf(store);
  const area = (o: Objective) => areaOf(o.doc, o.structure);
  const yearsOfPlan = (doc: string) => store.documentOf(doc)?.years ?? [];
  switch (target) {
    case 'objective':
      return kept(store.objectives).map((o) => once(o, () => objectiveRecord(o, entity(o.doc), area(o))));
    case 'phase':
      return kept(store.objectives).flatMap((o) =>
        o.phases.map((p) => once(p, () => phaseRecord(o, p, entity(o.doc), area(o), yearsOfPlan(o.doc)))),
      );
    case 'indicator':
      return kept(store.objectives).flatMap((o) =>
        o.indicators.map((i) => once(i, () => indicatorRecord(o, i, entity(o.doc), area(o), yearsOfPlan(o.doc)))),
      );
    case 'project':
      return kept(store.projects).map((p) => once(p, () => projectRecord(p, entity(p.doc), areaOf(p.doc, p.cdr))));
    case 'structure': {
      const counts = structureCounts(store);
      return inDocs(store.structures).map((s) => structureRecord(s, store, counts));
    }
    case 'person':
      return store.people.map((person) => {
        const owned = store.objectivesOwnedBy(person);
        const directed = store.projectsDirectedBy(person);
        const allocations = store.staffAllocationsOf(person);
        const first =
          owned[0]?.span ?? directed[0]?.span ?? allocations[0]?.span ?? store.structuresHeadedBy(person)[0]?.span;
        const docs = [...new Set(person.roles.map((r) => entity(r.doc)))];
        return {
          target: 'person' as const,
          key: person.name,
          title: person.name,
          doc: first?.doc ?? person.roles[0]?.doc ?? '',
          span: first ?? { doc: person.roles[0]?.doc ?? '', lineStart: 1, lineEnd: 1 },
          // a person known only from staff tables is internal
          internal: person.roles.every((r) => r.role === 'staff'),
          cells: {
            name: text(person.name),
            entity: list(docs),
            objectives: count(owned.length),
            projects: count(directed.length),
            allocations: count(allocations.length),
          },
        };
      });
    case 'budget_row':
      return kept(store.projects).flatMap((p) =>
        p.budgetRows.flatMap((r) =>
          Object.entries(r.amounts).map(([column, amount]) => ({
            target: 'budget_row' as const,
            key: p.code,
            title: `${r.capitolo} ${r.description}`,
            doc: p.doc,
            span: r.span,
            parent: p.code,
            cells: {
              project: text(p.code),
              capitolo: text(r.capitolo),
              title: text(r.description),
              column: text(column),
              amount: figure(amount),
              entity: text(entity(p.doc)),
            },
          })),
        ),
      );
    case 'staff_allocation':
      return inDocs(store.projects).flatMap((p) =>
        p.staff.map((s) => ({
          target: 'staff_allocation' as const,
          key: p.code,
          title: s.name,
          doc: p.doc,
          span: s.span,
          parent: p.code,
          internal: true,
          cells: {
            project: text(p.code),
            name: { text: s.name, num: null, date: null, parts: [s.name] },
            relation: text(s.relation),
            commitment: figure(s.commitment),
            cdr: text(p.cdr),
            structure: text(p.cdrName),
            entity: text(entity(p.doc)),
          },
        })),
      );
  }
}

/** Person names compare by their folded, sorted tokens: "Sardi Valentina" equals "Valentina Sardi". */
export function samePerson(a: string, b: string): boolean {
  return personKey(a) === personKey(b);
}
