/**
 * Answers computed by the plan query: lists by condition, top-k, sums, comparisons. Each figure is the document's
 * own text, or — when pianobot computed it — said to be computed, with every record it came from listed and cited.
 */

import type { LanguagePack } from '../../lang/language-pack.ts';
import type { Computation, RecordGroup, StatedRef } from '../../linking/frame-to-query.ts';
import { personKey } from '../../plan/names.ts';
import { formatAmount, formatCount } from '../../query/format-number.ts';
import type { PlanQuery } from '../../query/plan-query.ts';
import { FIELDS, type QueryRecord } from '../../query/record-fields.ts';
import { totalsOf } from '../../store/totals-by-document.ts';
import { groupKeyOf, runPlanQuery } from '../../tools/run-plan-query.ts';
import { citationOf, type ToolContext, visible } from '../../tools/tool-context.ts';
import { clip } from '../format-records.ts';
import { emptyReply, type Reply } from './reply.ts';

const MAX_LISTED = 40;

export function answerComputation(ctx: ToolContext, c: Computation, pack: LanguagePack): Reply | null {
  switch (c.kind) {
    case 'list':
      return listReply(ctx, c.query, c.shown, pack, c.counted === true);
    case 'top': {
      if (c.query.per) return topPerGroupReply(ctx, c.query, c.field, c.dir, pack, c.shown, c.nth);
      const reply = topReply(ctx, c.query, c.field, c.dir, pack, {
        shown: c.shown,
        nth: c.nth,
        topTies: c.topTies === true,
      });
      const sub = c.query.target === 'indicator' ? 'indicator' : 'phase';
      return c.byParent ? withParentFirst(ctx, reply, pack, sub) : reply;
    }
    case 'sum':
      return sumReply(ctx, c.query, c.field, pack, c.stated ?? []);
    case 'extremes': {
      // the lowest, then the highest: two rankings of the same records, one answer
      const low = topReply(ctx, { ...c.query, sort: { field: c.field, dir: 'asc' }, limit: 1 }, c.field, 'asc', pack, {
        unranked: false,
      });
      const high = topReply(
        ctx,
        { ...c.query, sort: { field: c.field, dir: 'desc' }, limit: 1 },
        c.field,
        'desc',
        pack,
        { unranked: false },
      );
      if (!low.found) return low;
      const reply = emptyReply(`query_extremes_${c.query.target}`);
      reply.lines.push(...low.lines, ...high.lines);
      // the records left out for a blank figure are the same for both ends: said once, after both
      sayUnranked(ctx, reply, c.query, c.field, pack);
      // the spread between the two ends, computed
      const lo = runPlanQuery(ctx, { ...c.query, sort: { field: c.field, dir: 'asc' }, limit: 1 });
      const hi = runPlanQuery(ctx, { ...c.query, sort: { field: c.field, dir: 'desc' }, limit: 1 });
      const a = lo.ok ? lo.records[0]?.cells[c.field]?.num : null;
      const b = hi.ok ? hi.records[0]?.cells[c.field]?.num : null;
      if (a != null && b != null && hi.ok && b > a)
        reply.lines.push(pack.messages.difference(formatValue(c.field, c.query.target, b - a), hi.records[0]!.key));
      reply.citations.push(...low.citations, ...high.citations);
      reply.focus.push(...low.focus, ...high.focus);
      return reply;
    }
    case 'weights_total':
      return weightsReply(ctx, c.code, c.doc, pack, c.sub ?? 'phase', c.year);
    case 'stated_totals':
      return statedTotalsReply(ctx, c.cdrs, pack, c.compare === true);
    case 'stated_named':
      return c.ranked
        ? rankedTotalsReply(ctx, c.totals, pack, c.ranked)
        : statedNamedReply(ctx, c.totals, pack, c.compare === true);
    case 'compare_groups':
      return compareGroupsReply(ctx, c.target, c.groups, c.sumField, pack, c.dir === 'min', c.averaged === true);
    case 'group_rank':
      return groupRankReply(ctx, c.query, c.dir, c.k, pack, c.averaged === true, c.excluded);
    case 'compare_codes':
      return compareCodesReply(ctx, c.target, c.codes, c.field, pack, c.dir ?? 'max', c.ratio === true);
    case 'share':
      return shareReply(ctx, c.query, c.cdr, pack);
    case 'named_subs':
      return namedSubsReply(ctx, c.query, c.field, c.op, pack, c.ratio === true);
    case 'compare_people':
      return comparePeopleReply(ctx, c.people, c.target, pack, c.dir ?? 'max');
  }
}

function fieldName(field: string, pack: LanguagePack): string {
  return pack.messages.fieldNames[field] ?? field;
}

function valueText(r: QueryRecord, field: string, pack: LanguagePack): string | null {
  const cell = r.cells[field];
  if (!cell) return null;
  if (cell.bool !== undefined) return cell.bool ? pack.messages.yes : pack.messages.no;
  // a duration is a computed count of days, said with its unit
  if (field === 'duration' && cell.num !== null) return pack.messages.days(cell.num);
  return cell.text;
}

function bullet(r: QueryRecord, fields: string[], pack: LanguagePack, entity: boolean): string {
  const extras = fields
    .filter((f) => !['code', 'title', 'objective', 'cdr', 'structure', 'type', 'multiYear'].includes(f))
    .map((f) => {
      const v = valueText(r, f, pack);
      // a description beside each record of a list is its opening, the record's own answer quotes the rest
      return v === null ? null : `${fieldName(f, pack)}: ${FIELDS[r.target][f]?.kind === 'text' ? clip(v, 200) : v}`;
    })
    .filter(Boolean);
  const where = entity ? ` [${r.cells.entity?.text ?? ''}]` : '';
  // an indicator with a code of its own is named by it too ("M_12_1 — wording (objective)")
  const own = r.parent && r.key !== r.parent ? `${r.key} — ` : '';
  const head =
    r.target === 'phase' || r.target === 'indicator' || r.target === 'budget_row' || r.target === 'staff_allocation'
      ? `${own}${clip(r.title, 110)} (${r.parent})`
      : r.target === 'objective' || r.target === 'project'
        ? `${r.key} — ${clip(r.title, 100)}`
        : r.title;
  return `• ${head}${where}${extras.length ? ` — ${extras.join(' — ')}` : ''}`;
}

function cite(ctx: ToolContext, reply: Reply, records: QueryRecord[]): void {
  for (const r of records) {
    reply.citations.push(citationOf(ctx, r.span, r.parent ?? r.key, r.internal));
    reply.focus.push(r.parent ?? r.key);
  }
}

function several(records: QueryRecord[]): boolean {
  return new Set(records.map((r) => r.doc)).size > 1;
}

/**
 * "quante fasi in tutto tra gli obiettivi di A e quelli di B": a count over several people or offices named says each
 * one's part of it too, computed.
 */
function countsByValue(reply: Reply, query: PlanQuery, records: QueryRecord[], pack: LanguagePack): void {
  const by = query.filters?.find((f) => f.op === 'in' && f.field !== 'code' && f.field !== 'title' && f.values);
  if (!by?.values || by.values.length < 2) return;
  const parts = by.values.map((v) => {
    const n = records.filter((r) => {
      const cell = r.cells[by.field];
      return cell?.parts ? cell.parts.includes(String(v)) : cell?.text === String(v);
    }).length;
    return `${v} ${formatCount(n)}`;
  });
  reply.lines.push(pack.messages.countsBy(parts.join(', ')));
}

function listReply(
  ctx: ToolContext,
  query: PlanQuery,
  shown: string[],
  pack: LanguagePack,
  counted: boolean,
): Reply | null {
  const M = pack.messages;
  const reply = emptyReply(`query_${query.target}`);
  const result = runPlanQuery(ctx, query);
  const [, plural] = M.targetNames[query.target];
  if (!result.ok || !result.records.length) {
    // a topic no record's wording has: the passages may still speak of it
    if (query.filters?.some((f) => f.field === 'text')) return null;
    reply.found = false;
    reply.lines.push(noneOf(ctx, query, plural, pack));
    return reply;
  }
  const what = result.matched === 1 ? M.targetNames[query.target][0] : plural;
  reply.lines.push(counted ? M.countOf(result.matched, what) : M.recordsFound(result.matched, what));
  if (counted) countsByValue(reply, query, result.records, pack);
  const entity = several(result.records);
  for (const r of result.records.slice(0, MAX_LISTED)) reply.lines.push(bullet(r, shown, pack, entity));
  if (result.records.length > MAX_LISTED) reply.lines.push(M.more(result.records.length - MAX_LISTED));
  cite(ctx, reply, result.records);
  return reply;
}

/**
 * Why a filtered list is empty: the plans asked about hold no record of the kind at all (a plan without phases, without
 * staff tables), which is said with the entities, or none of theirs meets the conditions.
 */
function noneOf(ctx: ToolContext, query: PlanQuery, plural: string, pack: LanguagePack): string {
  const docs = query.documents;
  if (!docs?.length) return pack.messages.noneMatch(plural);
  const any = runPlanQuery(ctx, { target: query.target, documents: docs, filters: [], limit: 1 });
  if (any.ok && any.records.length) return pack.messages.noneMatch(plural);
  const entities = [...new Set(docs.map((d) => ctx.store.entityOf(d)))].join(', ');
  return pack.messages.noneInPlans(plural, entities);
}

function topReply(
  ctx: ToolContext,
  query: PlanQuery,
  field: string,
  dir: 'asc' | 'desc',
  pack: LanguagePack,
  {
    shown = [field],
    nth,
    topTies = false,
    unranked = true,
  }: { shown?: string[] | undefined; nth?: number | undefined; topTies?: boolean; unranked?: boolean } = {},
): Reply {
  const M = pack.messages;
  const reply = emptyReply(`query_top_${query.target}`);
  const result = runPlanQuery(ctx, query);
  const [, plural] = M.targetNames[query.target];
  if (!result.ok || !result.records.length) {
    reply.found = false;
    reply.lines.push(M.noneMatch(plural));
    if (unranked) sayUnranked(ctx, reply, query, field, pack);
    return reply;
  }
  // "the objective with the most indicators" when none has any: nothing to rank
  if (dir === 'desc' && FIELDS[query.target][field]?.kind === 'count' && result.records[0]!.cells[field]?.num === 0) {
    reply.found = false;
    reply.lines.push(M.noneMatch(plural));
    return reply;
  }
  const rankValue = (r: QueryRecord) => r.cells[field]?.num ?? r.cells[field]?.date ?? null;
  // "le fasi più pesanti" with no number, and several share the top value: those are the records asked for
  const first = rankValue(result.records[0]!);
  const atTop =
    topTies && first !== null && result.records.length > 1 && rankValue(result.records[1]!) === first
      ? result.records.filter((r) => rankValue(r) === first)
      : result.records;
  const k = atTop.length;
  if (nth && k < nth) {
    reply.found = false;
    reply.lines.push(M.noneMatch(plural));
    return reply;
  }
  // ties at the cut are shown too: "the project with the lowest budget" when two have 15.000,00; a date ranks by
  // its ISO day ("la scadenza più lontana")
  const last = rankValue(atTop.at(-1)!);
  const all = runPlanQuery(ctx, { ...query, limit: undefined });
  const ties = all.ok && last !== null ? all.records.slice(k).filter((r) => rankValue(r) === last) : [];
  // "il secondo più costoso": the record at that place, and any tied with it
  const records = nth
    ? [...atTop, ...ties].filter((r, i) => i >= nth - 1 || rankValue(r) === last)
    : [...atTop, ...ties];
  reply.lines.push(
    nth
      ? dir === 'asc' && FIELDS[query.target]?.[field]?.kind !== 'date'
        ? M.nthFromBottom(nth, fieldName(field, pack))
        : M.nth(nth, fieldName(field, pack))
      : FIELDS[query.target]?.[field]?.kind === 'date'
        ? M.byDate(k, plural, fieldName(field, pack), dir === 'desc')
        : dir === 'desc'
          ? M.topOf(k, plural, fieldName(field, pack))
          : M.bottomOf(k, plural, fieldName(field, pack)),
  );
  const entity = several(records);
  for (const r of records) reply.lines.push(bullet(r, shown, pack, entity));
  // records sharing the value at the cut are a tie: said, not left to the order of the list
  const tied = records.filter((r) => rankValue(r) === last);
  if (tied.length > 1 && last !== null)
    reply.lines.push(
      M.tie(
        tied.map((r) => tieName(r)).join(', '),
        valueText(tied[0]!, field, pack) ?? (typeof last === 'number' ? formatValue(field, query.target, last) : last),
      ),
    );
  if (unranked) sayUnranked(ctx, reply, query, field, pack);
  cite(ctx, reply, records);
  return reply;
}

/** how many records left out of a ranking are named by their codes; past it, only their number is said */
const MAX_UNRANKED_NAMED = 5;

/**
 * The records of the ranking's scope whose figure the plan leaves blank: said apart after the ranking ("non in
 * classifica: 12 progetti senza budget"), so a blank is never read as a zero nor silently dropped. Only for figures
 * (amounts, weights); a ranking that asks for figures above zero has already said what it leaves out.
 */
function sayUnranked(ctx: ToolContext, reply: Reply, query: PlanQuery, field: string, pack: LanguagePack): void {
  const kind = FIELDS[query.target]?.[field]?.kind;
  if (kind !== 'amount' && kind !== 'weight') return;
  const filters = query.filters ?? [];
  if (!filters.some((f) => f.field === field && f.op === 'exists')) return;
  const blank = runPlanQuery(ctx, {
    ...query,
    filters: [...filters.filter((f) => !(f.field === field && f.op === 'exists')), { field, op: 'missing' }],
    sort: undefined,
    limit: undefined,
    per: undefined,
  });
  if (!blank.ok || !blank.records.length) return;
  const n = blank.records.length;
  const [one, many] = pack.messages.targetNames[query.target];
  const keys =
    n <= MAX_UNRANKED_NAMED && (query.target === 'project' || query.target === 'objective')
      ? blank.records.map((r) => r.key).join(', ')
      : '';
  reply.lines.push(pack.messages.unranked(n, n === 1 ? one : many, fieldName(field, pack), keys));
}

/** the group names of the fields a ranking is split by: how the answer says "of each …" */
const PER_GROUP_NAMES: Record<string, 'structure' | 'person' | 'objective'> = {
  cdr: 'structure',
  structure: 'structure',
  dirigente: 'person',
  owner: 'person',
  objective: 'objective',
};

/**
 * A ranking cut within each group ("il progetto più costoso di ogni CdR", "the longest phase of each objective"): the
 * top k of every group, groups in the order of their best record, ties at each group's cut shown and said.
 */
function topPerGroupReply(
  ctx: ToolContext,
  query: PlanQuery,
  field: string,
  dir: 'asc' | 'desc',
  pack: LanguagePack,
  shown: string[] = [field],
  nth?: number,
): Reply {
  const M = pack.messages;
  const per = query.per!;
  const reply = emptyReply(`query_top_per_${query.target}`);
  const all = runPlanQuery(ctx, { ...query, limit: undefined, per: undefined });
  const [, plural] = M.targetNames[query.target];
  if (!all.ok || !all.records.length) {
    reply.found = false;
    reply.lines.push(M.noneMatch(plural));
    return reply;
  }
  const k = query.limit ?? 1;
  const rankValue = (r: QueryRecord) => r.cells[field]?.num ?? r.cells[field]?.date ?? null;
  const groups = new Map<string, QueryRecord[]>();
  for (const r of all.records) {
    const key = groupKeyOf(r, per);
    if (key) groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const [groupWord] = M.targetNames[PER_GROUP_NAMES[per] ?? 'structure'];
  reply.lines.push(
    nth
      ? M.nthPerGroup(
          nth,
          fieldName(field, pack),
          groupWord,
          dir === 'asc' && FIELDS[query.target]?.[field]?.kind !== 'date',
        )
      : M.topPerGroup(k, plural, fieldName(field, pack), dir === 'desc', groupWord),
  );
  const entity = several(all.records);
  const cited: QueryRecord[] = [];
  for (const [key, records] of groups) {
    // "il secondo più costoso di ogni CdR": the record at that place of each group (and any tied with it)
    if (nth && records.length < nth) continue;
    const last = rankValue(records[Math.min(k, records.length) - 1]!);
    const top = records.filter(
      (r, i) => (nth ? i >= nth - 1 && i < k : i < k) || (last !== null && rankValue(r) === last),
    );
    // a centre is named with its name beside its code
    const name = per === 'cdr' ? top[0]!.cells.structure?.text : undefined;
    reply.lines.push(`${name && name !== key ? `${key} ${name}` : key}:`);
    for (const r of top) reply.lines.push(`  ${bullet(r, shown, pack, entity)}`);
    const tied = top.filter((r) => rankValue(r) === last);
    if (tied.length > 1 && last !== null)
      reply.lines.push(
        `  ${M.tie(tied.map((r) => tieName(r)).join(', '), valueText(tied[0]!, field, pack) ?? String(last))}`,
      );
    cited.push(...top);
  }
  cite(ctx, reply, cited);
  return reply;
}

/** How a record is named in a tie: its code, or its wording and parent for a phase or an indicator. */
function tieName(r: QueryRecord): string {
  return r.parent ? `«${clip(r.title, 60)}» (${r.parent})` : r.key;
}

function formatValue(field: string, target: PlanQuery['target'], value: number): string {
  const kind = FIELDS[target][field]?.kind;
  return kind === 'count' ? formatCount(value) : formatAmount(value);
}

function sumReply(
  ctx: ToolContext,
  query: PlanQuery,
  field: string,
  pack: LanguagePack,
  stated: StatedRef[] = [],
): Reply {
  const M = pack.messages;
  const reply = emptyReply(`query_sum_${query.target}`);
  const result = runPlanQuery(ctx, query);
  const group = result.ok ? result.aggregate?.groups[0] : undefined;
  const [, plural] = M.targetNames[query.target];
  if (!result.ok || !group || group.value === null) {
    reply.found = false;
    reply.lines.push(M.noneMatch(plural));
    return reply;
  }
  const averaged = result.aggregate?.op === 'avg';
  // an average of counts is seldom whole: "2,80 indicatori per obiettivo", never rounded to 3
  const value =
    averaged && !Number.isInteger(group.value)
      ? formatAmount(group.value)
      : formatValue(field, query.target, group.value);
  reply.lines.push(
    averaged
      ? M.average(fieldName(field, pack), value, group.records.length)
      : M.total(fieldName(field, pack), value, group.records.length),
  );
  const entity = several(group.records);
  for (const r of group.records.slice(0, MAX_LISTED)) reply.lines.push(bullet(r, [field], pack, entity));
  if (group.records.length > MAX_LISTED) reply.lines.push(M.more(group.records.length - MAX_LISTED));
  if (group.blank.length)
    reply.lines.push(
      M.blanksSkipped(
        group.blank.length,
        group.blank
          .map((r) => r.key)
          .slice(0, 20)
          .join(', '),
      ),
    );
  cite(ctx, reply, group.records);
  if (!averaged) statedBeside(ctx, reply, stated, group.value, pack);
  return reply;
}

/** The totals the plan states for the records just summed, quoted as written, and whether the computed sum agrees. */
function statedBeside(ctx: ToolContext, reply: Reply, wanted: StatedRef[], computed: number, pack: LanguagePack): void {
  const M = pack.messages;
  const totals = ctx.store.model.totals.filter(
    (t) =>
      t.amount &&
      visible(ctx, t.doc) &&
      wanted.some((w) => w.label === t.label && w.doc === t.doc && w.cdr === (t.cdr ?? null)),
  );
  if (!totals.length) return;
  for (const t of totals) {
    reply.lines.push(M.totalStated(`${t.label}${t.cdr ? ` (CdR ${t.cdr})` : ''}`, t.amount!.text));
    reply.citations.push(citationOf(ctx, t.span, t.cdr ? `CdR ${t.cdr}` : t.label));
  }
  const statedSum = totals.reduce((a, t) => a + (t.amount!.value ?? 0), 0);
  const gap = Math.abs(statedSum - computed);
  reply.lines.push(M.statedVsComputed(gap < 0.005, formatAmount(gap)));
}

function weightsReply(
  ctx: ToolContext,
  code: string,
  doc: string,
  pack: LanguagePack,
  sub: 'phase' | 'indicator',
  year: number | undefined,
): Reply | null {
  const M = pack.messages;
  const ofCode = { target: sub, documents: [doc], filters: [{ field: 'objective', op: 'eq' as const, value: code }] };
  // the sheet of the year named, when the objective has one for that year
  const ofYear = year
    ? runPlanQuery(ctx, { ...ofCode, filters: [...ofCode.filters, { field: 'year', op: 'eq', value: year }] })
    : null;
  const result = ofYear?.ok && ofYear.records.length ? ofYear : runPlanQuery(ctx, ofCode);
  if (!result.ok || !result.records.length) return null;
  const reply = emptyReply('query_phase_weights');
  const weighted = result.records.filter((r) => r.cells.weight?.num != null);
  if (!weighted.length) {
    reply.found = false;
    reply.lines.push(M.comparisonMissing(code, fieldName('weight', pack)));
    return reply;
  }
  // plans with one sheet per year weigh each year's phases on their own
  const years = [...new Set(weighted.map((r) => r.cells.year?.num ?? null))];
  for (const y of years) {
    const ofYear = weighted.filter((r) => (r.cells.year?.num ?? null) === y);
    const sum = Math.round(ofYear.reduce((a, r) => a + r.cells.weight!.num!, 0) * 100) / 100;
    const total = sub === 'indicator' ? M.indicatorWeightsTotal : M.weightsTotal;
    reply.lines.push(`${y !== null ? `${y}: ` : ''}${total(code, formatAmount(sum), Math.abs(sum - 100) < 0.01)}`);
    for (const r of ofYear) reply.lines.push(bullet(r, ['weight'], pack, false));
  }
  cite(ctx, reply, weighted);
  return reply;
}

function statedTotalsReply(
  ctx: ToolContext,
  cdrs: { code: string; doc: string }[],
  pack: LanguagePack,
  compare: boolean,
): Reply | null {
  const M = pack.messages;
  const totals = cdrs
    .map((c) => totalsOf(ctx.store, c.doc).find((t) => t.level === 'cdr' && t.cdr === c.code && t.amount))
    .filter((t) => t !== undefined)
    .filter((t) => visible(ctx, t.doc));
  if (!totals.length) return null;
  const reply = emptyReply('total');
  for (const t of totals) {
    reply.lines.push(M.totalStated(`CdR ${t.cdr} ${t.label}`, t.amount!.text));
    reply.citations.push(citationOf(ctx, t.span, `CdR ${t.cdr}`));
  }
  if (compare && totals.length === 2) {
    const [a, b] = totals as [(typeof totals)[number], (typeof totals)[number]];
    const av = a.amount!.value ?? 0;
    const bv = b.amount!.value ?? 0;
    if (Math.abs(av - bv) < 0.005) reply.lines.push(M.tie(`CdR ${a.cdr}, CdR ${b.cdr}`, a.amount!.text));
    else reply.lines.push(M.difference(formatAmount(Math.abs(av - bv)), `CdR ${av > bv ? a.cdr : b.cdr}`));
  } else if (totals.length > 1) {
    const sum = totals.reduce((a, t) => a + (t.amount!.value ?? 0), 0);
    reply.lines.push(M.sumOfStated(formatAmount(sum)));
  }
  return reply;
}

/** Totals the plan states for a level named by its label, quoted as stated, one per centro that states one. */
function statedNamedReply(
  ctx: ToolContext,
  wanted: { label: string; cdr: string | null; doc: string }[],
  pack: LanguagePack,
  compare = false,
): Reply | null {
  const M = pack.messages;
  const totals = ctx.store.model.totals.filter(
    (t) =>
      t.amount &&
      visible(ctx, t.doc) &&
      wanted.some((w) => w.label === t.label && w.doc === t.doc && w.cdr === (t.cdr ?? null)),
  );
  if (!totals.length) return null;
  const reply = emptyReply('total');
  for (const t of totals) {
    const where = t.cdr ? ` (CdR ${t.cdr})` : '';
    reply.lines.push(M.totalStated(`${t.label}${where}`, t.amount!.text));
    reply.citations.push(citationOf(ctx, t.span, t.cdr ? `CdR ${t.cdr}` : t.label));
  }
  // the same level's stated totals in several centri, added up: the sum is computed, and said so
  if (!compare && totals.length > 1 && totals.every((t) => t.label === totals[0]!.label))
    reply.lines.push(M.sumOfStated(formatAmount(totals.reduce((a, t) => a + (t.amount!.value ?? 0), 0))));
  // two stated totals compared: their difference is computed, and said so
  if (compare && totals.length === 2) {
    const [a, b] = totals as [(typeof totals)[number], (typeof totals)[number]];
    const av = a.amount!.value ?? 0;
    const bv = b.amount!.value ?? 0;
    // two levels compared are told apart by their labels; one level in two centres by the centres
    const name = (t: typeof a) => (a.label !== b.label || !t.cdr ? t.label : `CdR ${t.cdr}`);
    if (Math.abs(av - bv) < 0.005) reply.lines.push(M.tie(`${name(a)}, ${name(b)}`, a.amount!.text));
    else reply.lines.push(M.difference(formatAmount(Math.abs(av - bv)), name(av > bv ? a : b)));
  }
  return reply;
}

/**
 * "quale azione ha il budget più alto?": the totals the plan states for a level, ranked, the top k shown (and any tied
 * with the last); the levels whose total the plan leaves blank are said apart, never ranked as zero.
 */
function rankedTotalsReply(
  ctx: ToolContext,
  wanted: StatedRef[],
  pack: LanguagePack,
  ranked: { dir: 'asc' | 'desc'; k: number },
): Reply | null {
  const M = pack.messages;
  const all = ctx.store.model.totals.filter(
    (t) =>
      visible(ctx, t.doc) && wanted.some((w) => w.label === t.label && w.doc === t.doc && w.cdr === (t.cdr ?? null)),
  );
  const stated = all
    .filter((t) => t.amount?.value != null)
    .sort((a, b) =>
      ranked.dir === 'desc' ? b.amount!.value! - a.amount!.value! : a.amount!.value! - b.amount!.value!,
    );
  if (!stated.length) return null;
  const cut = stated[Math.min(ranked.k, stated.length) - 1]!.amount!.value;
  const shown = stated.filter((t, i) => i < ranked.k || t.amount!.value === cut);
  const reply = emptyReply('total_ranked');
  reply.lines.push(M.rankedTotals(shown.length, ranked.dir === 'desc'));
  const name = (t: (typeof all)[number]) => `${t.label}${t.cdr ? ` (CdR ${t.cdr})` : ''}`;
  for (const t of shown) {
    reply.lines.push(`• ${M.totalStated(name(t), t.amount!.text)}`);
    reply.citations.push(citationOf(ctx, t.span, t.cdr ? `CdR ${t.cdr}` : t.label));
  }
  const tied = shown.filter((t) => t.amount!.value === cut);
  if (tied.length > 1) reply.lines.push(M.tie(tied.map(name).join(', '), tied[0]!.amount!.text));
  const blank = all.filter((t) => t.amount?.value == null);
  if (blank.length)
    reply.lines.push(M.blankTotals(blank.length, blank.length <= MAX_UNRANKED_NAMED ? blank.map(name).join(', ') : ''));
  return reply;
}

function recordByCode(
  ctx: ToolContext,
  target: 'project' | 'objective',
  code: string,
  doc: string,
): QueryRecord | null {
  const result = runPlanQuery(ctx, { target, documents: [doc], filters: [{ field: 'code', op: 'eq', value: code }] });
  return result.ok ? (result.records[0] ?? null) : null;
}

function compareCodesReply(
  ctx: ToolContext,
  target: 'project' | 'objective',
  codes: { code: string; doc: string }[],
  field: string,
  pack: LanguagePack,
  dir: 'max' | 'min',
  ratio = false,
): Reply | null {
  const M = pack.messages;
  const records = codes.map((c) => recordByCode(ctx, target, c.code, c.doc));
  if (records.some((r) => !r)) return null;
  const [a, b] = records as [QueryRecord, QueryRecord];
  const reply = emptyReply('query_compare');
  const name = fieldName(field, pack);
  const describe = (r: QueryRecord) => `${r.key} (${clip(r.title, 70)}) — ${name}: ${valueText(r, field, pack) ?? '—'}`;
  const av = a.cells[field]?.num;
  const bv = b.cells[field]?.num;
  // two dates ("quale finisce prima?"): which comes first and by how many days
  const ad = a.cells[field]?.date;
  const bd = b.cells[field]?.date;
  if (ad && bd) {
    const days = Math.round(Math.abs(Date.parse(ad) - Date.parse(bd)) / 86_400_000);
    if (days === 0) reply.lines.push(M.comparisonEqual(describe(a), describe(b)));
    else reply.lines.push(M.dateComparison(describe(a), describe(b), days, ad < bd ? a.key : b.key));
  } else if (av == null || bv == null) {
    reply.lines.push(`• ${describe(a)}`, `• ${describe(b)}`);
    for (const r of [a, b]) if (r.cells[field]?.num == null) reply.lines.push(M.comparisonMissing(r.key, name));
  } else if (Math.abs(av - bv) < 0.005) reply.lines.push(M.comparisonEqual(describe(a), describe(b)));
  else {
    const diff = formatValue(field, target, Math.abs(av - bv));
    reply.lines.push(M.comparison(describe(a), describe(b), diff, av > bv ? a.key : b.key));
    if (dir === 'min') reply.lines.push(M.lower(av < bv ? a.key : b.key));
    if (ratio) ratioLine(reply, av > bv ? [a.key, av, b.key, bv] : [b.key, bv, a.key, av], pack);
  }
  cite(ctx, reply, [a, b]);
  return reply;
}

/**
 * Projects as a share of their centre's stated total: each with its budget and the share the plan states, their sum
 * (computed, when more than one) and that sum as a percentage of the stated total, computed and said so.
 */
function shareReply(
  ctx: ToolContext,
  query: PlanQuery,
  cdr: { code: string; doc: string },
  pack: LanguagePack,
): Reply | null {
  const M = pack.messages;
  const total = ctx.store.model.totals.find((t) => t.level === 'cdr' && t.cdr === cdr.code && t.doc === cdr.doc);
  const result = runPlanQuery(ctx, query);
  if (!total?.amount?.value || !visible(ctx, cdr.doc) || !result.ok || !result.records.length) return null;
  const records = result.records;
  const withBudget = records.filter((r) => r.cells.budget?.num != null);
  const reply = emptyReply('query_share');
  const sum = withBudget.reduce((a, r) => a + r.cells.budget!.num!, 0);
  if (records.length > 1) reply.lines.push(M.total(fieldName('budget', pack), formatAmount(sum), withBudget.length));
  for (const r of records) reply.lines.push(bullet(r, ['budget', 'budgetShare'], pack, false));
  if (withBudget.length) {
    const value = records.length > 1 ? formatAmount(sum) : withBudget[0]!.cells.budget!.text;
    reply.lines.push(
      M.shareOfTotal(
        value,
        formatAmount((sum / total.amount.value) * 100),
        total.amount.text,
        `CdR ${cdr.code} ${total.label}`,
      ),
    );
  }
  for (const r of records)
    if (r.cells.budget?.num == null) reply.lines.push(M.comparisonMissing(r.key, fieldName('budget', pack)));
  cite(ctx, reply, records);
  reply.citations.push(citationOf(ctx, total.span, `CdR ${cdr.code}`));
  return reply;
}

/** "è il doppio?": the higher figure as a multiple of the lower, computed (none when the lower is zero) */
function ratioLine(reply: Reply, [hi, hv, lo, lv]: [string, number, string, number], pack: LanguagePack): void {
  if (lv > 0) reply.lines.push(pack.messages.ratio(hi, lo, formatAmount(hv / lv)));
}

/**
 * Phases or indicators of one objective named by their words: their figures summed, or the two compared with the
 * difference (and the ratio when asked) — each computed and said so, every sub-record listed and cited.
 */
function namedSubsReply(
  ctx: ToolContext,
  query: PlanQuery,
  field: string,
  op: 'sum' | 'compare',
  pack: LanguagePack,
  ratio: boolean,
): Reply | null {
  const M = pack.messages;
  const result = runPlanQuery(ctx, { ...query, sort: { field, dir: 'desc' } });
  if (!result.ok || result.records.length < 2) return null;
  const records = result.records;
  const reply = emptyReply(`query_named_${query.target}s`);
  const values = records.map((r) => r.cells[field]?.num ?? null);
  const name = fieldName(field, pack);
  const label = (r: QueryRecord) => `«${clip(r.title, 90)}»`;
  const describe = (r: QueryRecord) => `${label(r)} (${r.parent}) — ${name}: ${valueText(r, field, pack) ?? '—'}`;
  if (values.some((v) => v === null)) {
    for (const r of records) reply.lines.push(`• ${describe(r)}`);
    for (const r of records) if (r.cells[field]?.num == null) reply.lines.push(M.comparisonMissing(label(r), name));
  } else if (op === 'sum') {
    const total = (values as number[]).reduce((a, v) => a + v, 0);
    reply.lines.push(M.total(name, formatValue(field, query.target, total), records.length));
    for (const r of records) reply.lines.push(bullet(r, [field], pack, false));
  } else {
    const [a, b] = records as [QueryRecord, QueryRecord];
    const [av, bv] = values as [number, number];
    if (Math.abs(av - bv) < 0.005) reply.lines.push(M.comparisonEqual(describe(a), describe(b)));
    else {
      reply.lines.push(M.comparison(describe(a), describe(b), formatValue(field, query.target, av - bv), label(a)));
      if (ratio) ratioLine(reply, [label(a), av, label(b), bv], pack);
    }
  }
  cite(ctx, reply, records);
  return reply;
}

function comparePeopleReply(
  ctx: ToolContext,
  people: string[],
  target: 'objective' | 'project' | 'phase' | 'indicator',
  pack: LanguagePack,
  dir: 'max' | 'min',
): Reply {
  const M = pack.messages;
  const reply = emptyReply('query_compare_people');
  const field = target === 'project' ? 'dirigente' : 'owner';
  const results = people.map((name) => {
    const r = runPlanQuery(ctx, { target, filters: [{ field, op: 'eq', value: name }] });
    return { name, records: r.ok ? r.records : [] };
  });
  const [, plural] = M.targetNames[target];
  const counts = results.map((r) => `${r.name} ${r.records.length}`).join(', ');
  const sign = dir === 'min' ? -1 : 1;
  const sorted = [...results].sort((x, y) => sign * (y.records.length - x.records.length));
  if (sorted[0]!.records.length === sorted[1]!.records.length) reply.lines.push(M.peopleTie(counts, plural));
  else if (dir === 'min') reply.lines.push(M.peopleFewer(sorted[0]!.name, counts, plural));
  else reply.lines.push(M.peopleComparison(sorted[0]!.name, counts, plural));
  // "how many more": the gap said, computed from the two counts
  const gap = Math.abs(sorted[0]!.records.length - sorted[1]!.records.length);
  if (gap)
    reply.lines.push(M.countDifference(gap, [...results].sort((x, y) => y.records.length - x.records.length)[0]!.name));
  // phases and indicators are listed by the objective they belong to, once each
  for (const r of results)
    reply.lines.push(`• ${r.name}: ${[...new Set(r.records.map((x) => x.key))].join(', ') || '—'}`);
  cite(
    ctx,
    reply,
    results.flatMap((r) => r.records),
  );
  return reply;
}

interface GroupValue {
  label: string;
  value: number | null;
  records: QueryRecord[];
  blank: QueryRecord[];
}

/** Groups of records (two people's projects, two structures' objectives) compared by count or by a summed field. */
function compareGroupsReply(
  ctx: ToolContext,
  target: PlanQuery['target'],
  groups: RecordGroup[],
  sumField: string | null,
  pack: LanguagePack,
  lowerAsked = false,
  averaged = false,
): Reply | null {
  const M = pack.messages;
  // "costano in media di più": each group's average of the field, not its total
  const op = sumField ? (averaged ? 'avg' : 'sum') : 'count';
  const values: GroupValue[] = groups.map((g) => {
    const result = runPlanQuery(ctx, {
      target,
      filters: g.filters,
      ...(g.documents ? { documents: g.documents } : {}),
      aggregate: sumField ? { op, field: sumField } : { op: 'count' },
    });
    const group = result.ok ? result.aggregate?.groups[0] : undefined;
    return {
      label: g.label,
      value: group?.value ?? (sumField ? null : 0),
      records: group?.records ?? [],
      blank: group?.blank ?? [],
    };
  });
  if (values.every((v) => !v.records.length)) return null;
  const reply = emptyReply('query_compare_groups');
  const [, plural] = M.targetNames[target];
  const show = (v: number | null) => (v === null ? '—' : sumField ? formatValue(sumField, target, v) : formatCount(v));
  const measure = M.groupMeasure(op, plural, fieldName(sumField ?? '', pack));
  reply.lines.push(M.groupRank(measure));
  for (const v of values) {
    const keys = [...new Set(v.records.map((r) => r.key))];
    const listed = keys.slice(0, 12).join(', ') + (keys.length > 12 ? ` ${M.more(keys.length - 12)}` : '');
    reply.lines.push(`• ${v.label}: ${show(v.value)}${listed ? ` (${listed})` : ''}`);
  }
  const [a, b] = values as [GroupValue, GroupValue];
  if (a.value !== null && b.value !== null) {
    if (Math.abs(a.value - b.value) < 0.005) reply.lines.push(M.tie(`${a.label}, ${b.label}`, show(a.value)));
    else {
      reply.lines.push(M.difference(show(Math.abs(a.value - b.value)), a.value > b.value ? a.label : b.label));
      if (lowerAsked) reply.lines.push(M.lower(a.value < b.value ? a.label : b.label));
    }
  }
  cite(
    ctx,
    reply,
    values.flatMap((v) => v.records),
  );
  return reply;
}

const GROUPS_SHOWN_AFTER = 3;

/**
 * "chi lavora sull'azione X?": a person ranked by the records under a level is said with the offices they head in those
 * records' plans, so the answer names the offices too ("Rossi Anna (SERVIZIO CULTURA)"); nothing for a group that is no person.
 */
function headedBeside(ctx: ToolContext, key: string, records: readonly { doc: string }[]): string {
  const person = ctx.store.peopleByKey.get(personKey(key));
  if (!person) return '';
  const docs = new Set(records.map((r) => r.doc));
  const headed = [
    ...new Set(
      ctx.store
        .structuresHeadedBy(person)
        .filter((s) => docs.has(s.doc))
        .map((s) => s.name),
    ),
  ];
  return headed.length ? ` (${headed.join(', ')})` : '';
}

/** People or structures ranked by the count (or summed field) of their records; ties at the cut said. */
function groupRankReply(
  ctx: ToolContext,
  query: PlanQuery,
  dir: 'asc' | 'desc',
  k: number,
  pack: LanguagePack,
  averaged = false,
  excluded: string[] = [],
): Reply | null {
  const M = pack.messages;
  const result = runPlanQuery(ctx, query);
  if (!result.ok || !result.aggregate) return null;
  const apart = new Set(excluded.map(personKey));
  const groups = result.aggregate.groups
    .filter((g) => g.value !== null && g.key !== null && !apart.has(personKey(g.key)))
    .sort((x, y) => (dir === 'desc' ? y.value! - x.value! : x.value! - y.value!));
  if (!groups.length) return null;
  const op = result.aggregate.op === 'sum' ? 'sum' : 'count';
  const field = result.aggregate.field;
  const [, plural] = M.targetNames[query.target];
  const show = (v: number) => (field ? formatValue(field, query.target, v) : formatCount(v));
  const cut = groups[Math.min(k, groups.length) - 1]!.value;
  const first = groups.filter((g, i) => i < k || g.value === cut);
  const reply = emptyReply(`query_group_${query.target}`);
  const measure = M.groupMeasure(op, plural, fieldName(field ?? '', pack));
  // "quanti obiettivi ha in media ciascun responsabile": the groups' average first, then each group's own figure
  if (averaged) {
    const mean = groups.reduce((total, g) => total + g.value!, 0) / groups.length;
    reply.lines.push(
      M.average(measure, Number.isInteger(mean) ? formatCount(mean) : formatAmount(mean), groups.length),
    );
  }
  reply.lines.push(M.groupRank(measure));
  // "chi lavora sull'azione X?": who, under a level of the tree, is said with the office they head
  const underLevels = (query.filters ?? []).some((f) => f.field === 'levels');
  const line = (g: (typeof groups)[number]) => {
    const keys = [...new Set(g.records.map((r) => r.key))];
    return `• ${g.key}${underLevels ? headedBeside(ctx, g.key!, g.records) : ''}: ${show(g.value!)} (${keys.slice(0, 12).join(', ')}${keys.length > 12 ? ` ${M.more(keys.length - 12)}` : ''})`;
  };
  for (const g of first) reply.lines.push(line(g));
  // a tie matters at a cut: when every group is listed there is none
  const tied = k < groups.length ? first.filter((g) => g.value === cut) : [];
  if (tied.length > 1) reply.lines.push(M.tie(tied.map((g) => g.key).join(', '), show(cut!)));
  const rest = groups.slice(first.length, first.length + GROUPS_SHOWN_AFTER);
  if (rest.length) reply.lines.push(M.followedBy, ...rest.map((g) => `• ${g.key}: ${show(g.value!)}`));
  cite(
    ctx,
    reply,
    first.flatMap((g) => g.records),
  );
  return reply;
}

/**
 * "Quale obiettivo ha la fase più lunga?": the objective of the top-ranked phase (or indicator) is the answer, said
 * first; the ranked sub-records follow as the evidence.
 */
function withParentFirst(ctx: ToolContext, reply: Reply, pack: LanguagePack, sub: 'phase' | 'indicator'): Reply {
  if (!reply.found) return reply;
  const codes = [...new Set(reply.focus)];
  const parents = codes
    .map((code) => ctx.store.objectives.find((o) => o.code === code && visible(ctx, o.doc)))
    .filter((o) => o !== undefined);
  if (!parents.length) return reply;
  const first = pack.messages.objectiveOfTop(parents.map((o) => `${o.code} (${clip(o.title, 90)})`).join('; '), sub);
  return { ...reply, lines: [first, ...reply.lines] };
}
