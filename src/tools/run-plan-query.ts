/**
 * The one deterministic executor of plan queries: filters, sorts, limits and aggregates the records of the plan model
 * that the audience may see. Figures are computed from parsed values only; every aggregate names the records it was
 * computed from, so the answer can cite each of them.
 */

import type { Objective, Project } from '../plan/model.ts';
import { personKey } from '../plan/names.ts';
import { fold } from '../plan/text.ts';
import {
  type ParsedPlanQuery,
  type PlanQuery,
  PlanQuerySchema,
  type QueryAggregate,
  type QueryFilter,
} from '../query/plan-query.ts';
import {
  type Cell,
  FIELDS,
  PARENT_TEXT_FIELDS,
  type QueryRecord,
  recordsOf,
  samePerson,
} from '../query/record-fields.ts';
import { containsWordsOf, type WordIndex, wordIndexOf } from '../query/word-index.ts';
import type { PlanStore } from '../store/plan-store.ts';
import { type ToolContext, visible } from './tool-context.ts';

export const RunPlanQueryInput = PlanQuerySchema;

export interface AggregateGroup {
  /** the group-by value, null without groupBy */
  key: string | null;
  /** null when no record of the group has a value for the field */
  value: number | null;
  /** records the value was computed from */
  records: QueryRecord[];
  /** records of the group whose field is blank (not counted in sum / min / max / avg) */
  blank: QueryRecord[];
}

export type PlanQueryResult =
  | {
      ok: true;
      query: ParsedPlanQuery;
      /** the matching records after sort and limit */
      records: QueryRecord[];
      /** how many records matched before the limit */
      matched: number;
      aggregate?: { op: QueryAggregate['op']; field: string | null; groups: AggregateGroup[] };
    }
  | { ok: false; error: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function runPlanQuery(ctx: ToolContext, input: PlanQuery): PlanQueryResult {
  const parsed = PlanQuerySchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => i.message).join('; ') };
  const query = parsed.data;
  const fields = FIELDS[query.target];
  const named = [
    ...query.filters.map((f) => f.field),
    ...(query.sort ? [query.sort.field] : []),
    ...(query.aggregate?.field ? [query.aggregate.field] : []),
    ...(query.aggregate?.groupBy ? [query.aggregate.groupBy] : []),
    ...(query.per ? [query.per] : []),
    ...(query.fields ?? []),
  ];
  const unknown = named.filter((f) => !(f in fields));
  if (unknown.length)
    return {
      ok: false,
      error: `unknown field(s) for ${query.target}: ${unknown.join(', ')}; fields: ${Object.keys(fields).join(', ')}`,
    };

  const documents = query.documents ? new Set(query.documents) : undefined;
  let records = candidatesOf(ctx, query, documents).filter(
    (r) => visible(ctx, r.doc) && (ctx.includeInternal || !r.internal) && (!documents || documents.has(r.doc)),
  );
  for (const f of query.filters) {
    const test = testOf(f);
    records = records.filter((r) => test(r.cells[f.field] ?? null));
  }
  const matched = records.length;
  if (query.sort) {
    const { field, dir } = query.sort;
    const sign = dir === 'asc' ? 1 : -1;
    records = [...records].sort((a, b) => compareCells(a.cells[field] ?? null, b.cells[field] ?? null, sign));
  }
  const aggregate = query.aggregate ? aggregateOf(records, query.aggregate) : undefined;
  if (query.limit) records = query.per ? topPer(records, query.per, query.limit) : records.slice(0, query.limit);
  return { ok: true, query, records, matched, ...(aggregate ? { aggregate } : {}) };
}

/** The first `limit` records of each value of `per`, in the order given (sorted: the top of each group). */
export function topPer(records: readonly QueryRecord[], per: string, limit: number): QueryRecord[] {
  const taken = new Map<string, number>();
  return records.filter((r) => {
    const key = groupKeyOf(r, per);
    const n = taken.get(key) ?? 0;
    taken.set(key, n + 1);
    return n < limit;
  });
}

/** The group a record falls in by one field: its text as written (blank for none). */
export function groupKeyOf(r: QueryRecord, field: string): string {
  return r.cells[field]?.text ?? '';
}

/**
 * The records the query can select, in model order: those of its documents, or — when it filters text by words — the
 * records holding the words, read from the field's word index instead of testing every record in scope (the filters
 * still run on them, so the index only narrows).
 */
function candidatesOf(ctx: ToolContext, query: ParsedPlanQuery, documents: ReadonlySet<string> | undefined) {
  let narrowed: number[] | null = null;
  let index: WordIndex | null = null;
  for (const f of query.filters) {
    if (f.op !== 'contains' || f.value === undefined) continue;
    const words = containsWordsOf(String(f.value));
    if (words.length === 0) continue;
    index = wordIndexOf(ctx.store, query.target, f.field);
    const positions = index.positionsWith(words);
    narrowed = narrowed ? intersect(narrowed, positions) : positions;
  }
  if (!narrowed || !index) return recordsOf(ctx.store, query.target, documents, parentsAsked(ctx.store, query));
  const { records } = index;
  return narrowed.map((p) => records[p]!);
}

/**
 * What the equality filters ask of the objective or project each record is (or belongs to), as a test of that parent:
 * "le fasi di 2020-X" reads that objective's phases, "gli obiettivi di Rossi" Rossi's objectives, not every record of
 * a thousand plans. The test keeps every parent whose records can pass (the filters still run on them, comparing as
 * they do: folded and trimmed, a person also by name key).
 */
function parentsAsked(
  store: PlanStore,
  query: ParsedPlanQuery,
): ((parent: Objective | Project) => boolean) | undefined {
  const parentFields = PARENT_TEXT_FIELDS[query.target] ?? {};
  const ownerTarget = query.target === 'objective' || query.target === 'phase' || query.target === 'indicator';
  const tests: ((parent: Objective | Project) => boolean)[] = [];
  for (const f of query.filters) {
    if (f.op !== 'eq' && f.op !== 'in') continue;
    const values = f.op === 'eq' ? [f.value] : (f.values ?? []);
    // a value that is no plain text (a date, a number) compares otherwise: no narrowing from it
    if (!values.every((v): v is string => typeof v === 'string' && !ISO_DATE.test(v) && !/^--\d{2}-\d{2}$/.test(v)))
      continue;
    const textOf = parentFields[f.field];
    if (textOf) {
      const texts = new Set(values.map((v) => fold(v).trim()));
      tests.push((parent) => {
        const t = textOf(parent);
        return typeof t === 'string' && texts.has(foldedParentText(t));
      });
    } else if (f.field === 'owner' && ownerTarget) {
      const byOwner = ownerIndexOf(store);
      const owned = new Set(
        values.flatMap((v) => [...(byOwner.get(fold(v).trim()) ?? []), ...(byOwner.get(keyEntry(v)) ?? [])]),
      );
      tests.push((parent) => owned.has(parent as Objective));
    }
  }
  if (!tests.length) return undefined;
  return (parent) => tests.every((t) => t(parent));
}

/** Parents' codes and names folded and trimmed, kept: a narrowing reads every objective's at each question. */
const foldedTexts = new Map<string, string>();
function foldedParentText(t: string): string {
  let folded = foldedTexts.get(t);
  if (folded === undefined) {
    folded = fold(t).trim();
    // the model's codes and office names are a bounded set; anything past this is folded afresh
    if (foldedTexts.size < 500_000) foldedTexts.set(t, folded);
  }
  return folded;
}

const ownerIndexes = new WeakMap<PlanStore, Map<string, Objective[]>>();
const keyEntry = (name: string) => `key:${personKey(name)}`;

/** Each owner's name as written (folded, trimmed) and as a name key → the objectives naming them. Built once per store. */
function ownerIndexOf(store: PlanStore): Map<string, Objective[]> {
  let index = ownerIndexes.get(store);
  if (!index) {
    const built = new Map<string, Objective[]>();
    for (const o of store.objectives)
      for (const n of o.owners)
        for (const entry of [fold(n).trim(), keyEntry(n)]) {
          const list = built.get(entry);
          if (!list) built.set(entry, [o]);
          else if (list.at(-1) !== o) list.push(o);
        }
    index = built;
    ownerIndexes.set(store, index);
  }
  return index;
}

/** The numbers in both ascending lists. */
function intersect(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let j = 0;
  for (const x of a) {
    while (j < b.length && b[j]! < x) j++;
    if (j < b.length && b[j] === x) out.push(x);
  }
  return out;
}

/**
 * The filter as a test of one cell. An equality on text works out the value's folded form (and a name's key) once,
 * not once per record, and each cell's once while its record lives: a filter on an owner meets every record in scope.
 */
function testOf(f: QueryFilter): (cell: Cell | null) => boolean {
  const isPerson = PERSON_FIELDS.has(f.field);
  if (f.op === 'eq') {
    const eq = equalsTo(f.value, isPerson);
    return (cell) => cell !== null && eq(cell);
  }
  if (f.op === 'in') {
    const tests = (f.values ?? []).map((v) => equalsTo(v, isPerson));
    return (cell) => cell !== null && tests.some((eq) => eq(cell));
  }
  return (cell) => holds(cell, f);
}

/** `equals(cell, value, isPerson)` with what depends on the value alone worked out once. */
function equalsTo(value: string | number | boolean | undefined, isPerson: boolean): (cell: Cell) => boolean {
  if (typeof value !== 'string' || ISO_DATE.test(value) || /^--\d{2}-\d{2}$/.test(value))
    return (cell) => equals(cell, value, isPerson);
  const wanted = fold(value).trim();
  const key = isPerson ? personKey(value) : null;
  return (cell) => {
    const folded = foldedItemsOf(cell);
    if (folded.includes(wanted)) return true;
    return key !== null && personKeysOf(cell).includes(key);
  };
}

const foldedItems = new WeakMap<Cell, string[]>();
const personKeys = new WeakMap<Cell, string[]>();

/** A cell's items (its parts, or its text), folded and trimmed: kept while its record is. */
function foldedItemsOf(cell: Cell): string[] {
  let items = foldedItems.get(cell);
  if (!items) {
    items = (cell.parts ?? [cell.text]).map((item) => fold(item).trim());
    foldedItems.set(cell, items);
  }
  return items;
}

/** A cell's items as name keys ("Anna Rossi" and "Rossi Anna" alike): kept while its record is. */
function personKeysOf(cell: Cell): string[] {
  let keys = personKeys.get(cell);
  if (!keys) {
    keys = (cell.parts ?? [cell.text]).map((item) => personKey(item));
    personKeys.set(cell, keys);
  }
  return keys;
}

function holds(cell: Cell | null, f: QueryFilter): boolean {
  switch (f.op) {
    case 'exists':
      return cell !== null;
    case 'missing':
      return cell === null;
    case 'eq':
      return cell !== null && equals(cell, f.value, PERSON_FIELDS.has(f.field));
    case 'ne':
      return cell === null || !equals(cell, f.value, PERSON_FIELDS.has(f.field));
    case 'in':
      return cell !== null && (f.values ?? []).some((v) => equals(cell, v, PERSON_FIELDS.has(f.field)));
    case 'contains':
      return cell !== null && f.value !== undefined && containsWords(cell, String(f.value));
    case 'gt':
      return order(cell, f.value) > 0;
    case 'gte':
      return order(cell, f.value) >= 0;
    case 'lt':
      return order(cell, f.value) < 0 && order(cell, f.value) !== Number.NEGATIVE_INFINITY;
    case 'lte':
      return order(cell, f.value) <= 0 && order(cell, f.value) !== Number.NEGATIVE_INFINITY;
    case 'between':
      return (
        order(cell, f.value) >= 0 && order(cell, f.value2) <= 0 && order(cell, f.value2) !== Number.NEGATIVE_INFINITY
      );
  }
}

/** fields holding names: "Valentina Sardi" equals "Sardi Valentina" */
const PERSON_FIELDS = new Set(['owner', 'dirigente', 'name', 'head']);

function equals(cell: Cell, value: string | number | boolean | undefined, isPerson: boolean): boolean {
  if (value === undefined) return false;
  if (typeof value === 'boolean') return cell.bool === value;
  if (typeof value === 'number') return cell.num !== null && Math.abs(cell.num - value) < 0.005;
  if (ISO_DATE.test(value)) return cell.date === value;
  // ISO 8601 recurring date --MM-DD: that day of any year
  if (/^--\d{2}-\d{2}$/.test(value)) return cell.date?.endsWith(value.slice(1)) === true;
  const wanted = fold(value).trim();
  const items = cell.parts ?? [cell.text];
  return items.some((item) => fold(item).trim() === wanted || (isPerson && samePerson(item, value)));
}

/** Folded cell texts, kept while their records are (records are built once per model item). */
const foldedText = new WeakMap<Cell, string>();

function containsWords(cell: Cell, value: string): boolean {
  let haystack = foldedText.get(cell);
  if (haystack === undefined) {
    haystack = fold(cell.text);
    foldedText.set(cell, haystack);
  }
  return containsWordsOf(value).every((w) => haystack.includes(w));
}

/**
 * Compares a cell with a bound: positive when the cell is greater. A cell without a comparable value is
 * NEGATIVE_INFINITY, so it fails every comparison (a blank budget is neither above nor below a million).
 */
function order(cell: Cell | null, value: string | number | boolean | undefined): number {
  if (cell === null || value === undefined || typeof value === 'boolean') return Number.NEGATIVE_INFINITY;
  if (typeof value === 'string' && ISO_DATE.test(value)) {
    if (!cell.date) return Number.NEGATIVE_INFINITY;
    return cell.date === value ? 0 : cell.date > value ? 1 : -1;
  }
  const n = typeof value === 'number' ? value : Number(value);
  if (cell.num === null || !Number.isFinite(n)) return Number.NEGATIVE_INFINITY;
  return Math.abs(cell.num - n) < 0.005 ? 0 : cell.num - n;
}

function compareCells(a: Cell | null, b: Cell | null, sign: number): number {
  const av = a?.num ?? a?.date ?? null;
  const bv = b?.num ?? b?.date ?? null;
  if (av === null && bv === null) return 0;
  if (av === null) return 1;
  if (bv === null) return -1;
  // a field that holds figures for some records and dates for others (an indicator's expected value): the two do
  // not compare, so the figures rank first, in order, and the dates after them
  if (typeof av !== typeof bv) return typeof av === 'number' ? -1 : 1;
  if (typeof av === 'number' && typeof bv === 'number') return sign * (av - bv);
  return sign * String(av).localeCompare(String(bv));
}

function aggregateOf(
  records: QueryRecord[],
  agg: QueryAggregate,
): NonNullable<Extract<PlanQueryResult, { ok: true }>['aggregate']> {
  const groups = new Map<string | null, QueryRecord[]>();
  for (const r of records) {
    const keys = agg.groupBy ? (r.cells[agg.groupBy]?.parts ?? [r.cells[agg.groupBy]?.text ?? '—']) : [null];
    for (const k of keys) {
      const list = groups.get(k);
      if (list) list.push(r);
      else groups.set(k, [r]);
    }
  }
  const out: AggregateGroup[] = [];
  for (const [key, list] of groups) {
    if (agg.op === 'count') {
      out.push({ key, value: list.length, records: list, blank: [] });
      continue;
    }
    const field = agg.field ?? '';
    const valued = list.filter((r) => r.cells[field]?.num != null);
    const blank = list.filter((r) => r.cells[field]?.num == null);
    const nums = valued.map((r) => r.cells[field]!.num!);
    if (!nums.length) {
      out.push({ key, value: null, records: [], blank });
      continue;
    }
    const round = (n: number) => Math.round(n * 100) / 100;
    if (agg.op === 'sum') out.push({ key, value: round(nums.reduce((a, b) => a + b, 0)), records: valued, blank });
    else if (agg.op === 'avg')
      out.push({ key, value: round(nums.reduce((a, b) => a + b, 0) / nums.length), records: valued, blank });
    else {
      const extreme = agg.op === 'max' ? Math.max(...nums) : Math.min(...nums);
      out.push({ key, value: extreme, records: valued.filter((r) => r.cells[field]!.num === extreme), blank });
    }
  }
  if (agg.groupBy) out.sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
  return { op: agg.op, field: agg.field ?? null, groups: out };
}
