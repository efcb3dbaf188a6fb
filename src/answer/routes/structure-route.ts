/** Structures and figures that span records: heads of servizi, totals as stated, counts, deadlines, strategy. */
import { packFor } from '../../lang/packs.ts';
import type { Structure } from '../../plan/model.ts';
import { fold } from '../../plan/text.ts';
import { onStructures } from '../../query/structure-records.ts';
import type { PlanStore } from '../../store/plan-store.ts';
import { findDeadlines } from '../../tools/find-deadlines.ts';
import { profileOf } from '../../tools/get-person.ts';
import { countProjects, getTotals } from '../../tools/get-totals.ts';
import { objectivesUnderStrategy } from '../../tools/strategic-links.ts';
import { citationOf, type ToolContext, visible } from '../../tools/tool-context.ts';
import { cueSource } from '../cues.ts';
import type { DateRange } from '../date-range.ts';
import { clip, ownersOf } from '../format-records.ts';
import type { Intent } from '../intent.ts';
import { LABELS, type Lang } from '../labels.ts';
import { findStructures, type PersonMatch, type Scope } from '../link-entities.ts';
import { TextMatcher } from '../text-match.ts';
import { emptyReply, type Reply, uniqueBy } from './reply.ts';

/** "quanti progetti", "how many of the projects": a count word, at most one word, then the kind counted */
const countedKind = (kind: 'projects' | 'objectives') =>
  new RegExp(`${cueSource('countOf')}\\s+(?:\\w+\\s+)?${cueSource(kind)}`);
const COUNTED_PROJECTS = countedKind('projects');
const COUNTED_OBJECTIVES = countedKind('objectives');

export function answerForStructures(ctx: ToolContext, structures: Structure[], lang: Lang): Reply {
  const reply = emptyReply('structure_head');
  for (const s of structures) {
    const role = s.headRole ?? packFor(lang).messages.structures.head;
    reply.lines.push(packFor(lang).messages.structures.headOf(role, s.name, ctx.store.entityOf(s.doc), s.head ?? '—'));
    reply.citations.push(citationOf(ctx, s.span, s.name));
  }
  return reply;
}

export function objectivesOfStructures(ctx: ToolContext, structures: Structure[], lang: Lang): Reply | null {
  const names = new Set(structures.map((s) => `${s.doc}|${fold(s.name)}`));
  const codes = new Set(structures.filter((s) => s.code).map((s) => `${s.doc}|${s.code}`));
  const list = ctx.store.objectives.filter(
    (o) =>
      visible(ctx, o.doc) &&
      (names.has(`${o.doc}|${fold(o.structure ?? '')}`) || (o.cdr && codes.has(`${o.doc}|${o.cdr}`))),
  );
  if (!list.length) return null;
  const reply = emptyReply('objectives_of_structure');
  const label = [...new Set(structures.map((s) => s.name))].join(', ');
  reply.lines.push(
    packFor(lang).messages.structures.objectivesOf(label, list.length, list.map((o) => o.code).join(', ')),
  );
  for (const o of list.slice(0, 60))
    reply.lines.push(`• ${o.code} — ${clip(o.title, 120)} · ${LABELS[lang].owner}: ${ownersOf(o)}`);
  if (list.length > 60) reply.lines.push(LABELS[lang].andMore(list.length - 60));
  reply.citations.push(...list.slice(0, 6).map((o) => citationOf(ctx, o.span, o.code)));
  reply.focus.push(...list.map((o) => o.code));
  return reply;
}

function cdrIn(question: string): string | null {
  const m = fold(question).match(
    /\b(?:cdr|centro di responsabilita|servizio|service|settore)\s*(?:n\.?\s*)?([a-z]?\d{1,3})\b/,
  );
  return m ? m[1]!.toUpperCase() : null;
}

export function answerCountsAndTotals(
  ctx: ToolContext,
  question: string,
  intents: Intent[],
  scope: Scope,
  people: PersonMatch[],
  lang: Lang,
): Reply | null {
  const q = fold(question);
  const cdr = cdrIn(question);
  const reply = emptyReply('total');
  if (intents.includes('total') && /\btotal\w*\s+(cdr|azione|obiettivo|indirizzo)|\btotal\b/.test(q)) {
    const level = /\b(azione|action)\b/.test(q)
      ? 'azione'
      : /\b(indirizzo|address|policy area)\b/.test(q)
        ? 'indirizzo'
        : /\b(obiettivo|objective)\b/.test(q)
          ? 'obiettivo'
          : cdr || /\bcdr\b/.test(q)
            ? 'cdr'
            : undefined;
    const totals = getTotals(ctx, { ...(cdr ? { cdr } : {}), ...(level ? { level } : {}) });
    if (totals.length && (cdr || level)) {
      // "Totale Azione Politiche familiari": the totals whose label the question names, when it names one
      const named = new TextMatcher(totals, (x) => x.label)
        .rank(question, totals.length)
        .filter((r) => r.coverage >= 0.99);
      const shown = (named.length ? named.map((r) => r.item) : totals).slice(0, 12);
      reply.lines.push(
        shown.length === 1
          ? packFor(lang).messages.structures.totalStated(
              shown[0]!.level.toUpperCase(),
              shown[0]!.label,
              shown[0]!.amount?.text,
              shown[0]!.share?.text,
            )
          : packFor(lang).messages.structures.totalsStated,
      );
      if (shown.length > 1)
        for (const x of shown)
          reply.lines.push(
            `• Totale ${x.level} ${x.label}${x.cdr ? ` (CdR ${x.cdr})` : ''}: ${x.amount?.text ?? '—'}${x.share ? ` (${x.share.text})` : ''}`,
          );
      reply.lines.push(packFor(lang).messages.structures.amountsAsStated);
      reply.citations.push(...shown.map((x) => citationOf(ctx, x.span, `Totale ${x.level} ${x.label}`)));
      return reply;
    }
  }
  if (intents.includes('count') && COUNTED_PROJECTS.test(q)) {
    const withBudget =
      /\b(con (un )?budget|with (a )?budget|(have|has|hanno|ha) (a |un )?budget|budget non nullo|non-zero budget|with funding)\b/.test(
        q,
      );
    const { count, projects, rule } = countProjects(ctx, { ...(cdr ? { cdr } : {}), withBudget });
    reply.intent = 'count_projects';
    reply.lines.push(packFor(lang).messages.structures.projectsCount(count, rule));
    reply.lines.push(packFor(lang).messages.structures.countedOverProjects);
    for (const p of projects.slice(0, 60))
      reply.lines.push(`• ${p.code} ${p.title} — ${p.budget?.text ?? packFor(lang).messages.structures.noBudget}`);
    reply.citations.push(...projects.slice(0, 5).map((p) => citationOf(ctx, p.span, p.code)));
    return reply;
  }
  if (intents.includes('count') && COUNTED_OBJECTIVES.test(q)) {
    const docs = scope.docs ? new Set(scope.docs) : null;
    let list = ctx.store.objectives.filter((o) => visible(ctx, o.doc) && (!docs || docs.has(o.doc)));
    if (people.length === 1) list = profileOf(ctx, people[0]!.person).objectives;
    if (cdr) list = list.filter((o) => fold(o.cdr ?? '') === fold(cdr));
    const structures = findStructures(question, ctx.store, scope);
    // one set lookup per objective: an office named in many plans is many structures
    if (!cdr && structures.length && !people.length) list = list.filter(onStructures(structures));
    reply.intent = 'count_objectives';
    reply.lines.push(packFor(lang).messages.structures.objectivesCount(list.length));
    const perDoc = new Map<string, number>();
    for (const o of list) perDoc.set(o.doc, (perDoc.get(o.doc) ?? 0) + 1);
    reply.lines.push(packFor(lang).messages.structures.countedFromModel);
    for (const [doc, n] of perDoc) reply.lines.push(`• ${ctx.store.entityOf(doc)} (${doc}): ${n}`);
    if (list.length <= 40) for (const o of list) reply.lines.push(`• ${o.code} ${clip(o.title, 90)}`);
    return reply;
  }
  return null;
}

export function answerDeadlines(
  ctx: ToolContext,
  range: DateRange,
  scope: Scope,
  owner: string | null,
  lang: Lang,
): Reply {
  const reply = emptyReply('deadlines');
  const { label: _label, ...period } = range;
  const items = findDeadlines(ctx, {
    ...period,
    ...(owner ? { owner } : {}),
    ...(scope.docs ? { docs: scope.docs } : {}),
  });
  if (!items.length) {
    reply.found = false;
    reply.lines.push(packFor(lang).messages.structures.noDeadlines(range.label));
    return reply;
  }
  reply.lines.push(packFor(lang).messages.structures.deadlinesIn(items.length, range.label));
  for (const d of items.slice(0, 50))
    reply.lines.push(`• ${d.date.text} — ${d.objective.code} (${ownersOf(d.objective)}): ${clip(d.title, 110)}`);
  if (items.length > 50) reply.lines.push(LABELS[lang].andMore(items.length - 50));
  reply.citations.push(
    ...uniqueBy(
      items.map((d) => d.objective),
      (o) => `${o.doc}|${o.code}`,
    )
      .slice(0, 8)
      .map((o) => citationOf(ctx, o.span, o.code)),
  );
  return reply;
}

export function answerStrategicReverse(ctx: ToolContext, question: string, lang: Lang): Reply | null {
  const byName = underStrategyNamed(ctx, question, lang);
  if (byName) return byName;
  const code = question.match(/\b\d{2}(?:\.\d{2}){0,2}\b/)?.[0];
  const candidates = code ? [code] : [];
  for (const c of candidates) {
    const list = objectivesUnderStrategy(ctx, { text: c });
    if (list.length) {
      const reply = emptyReply('strategic_reverse');
      reply.lines.push(packFor(lang).messages.structures.objectivesUnder(list.length, c));
      for (const o of list) reply.lines.push(`• ${o.code} — ${o.title} (${o.structure ?? ownersOf(o)})`);
      reply.citations.push(...list.slice(0, 6).map((o) => citationOf(ctx, o.span, o.code)));
      return reply;
    }
  }
  return null;
}

type StrategicRecord = PlanStore['projects'][number] | PlanStore['objectives'][number];
const strategicIndexes = new WeakMap<
  PlanStore,
  { records: StrategicRecord[]; values: Map<string, { folded: string; holders: number[] }> }
>();

/**
 * The projects and objectives with strategic links (projects first), and each distinct link name of eight letters or
 * more, folded, with the positions of the records under it (each once, ascending): a thousand plans' records are read
 * once per store, not once per question.
 */
function strategicValuesOf(store: PlanStore) {
  let index = strategicIndexes.get(store);
  if (!index) {
    const records = [...store.projects, ...store.objectives].filter((r) => r.strategic);
    const values = new Map<string, { folded: string; holders: number[] }>();
    for (const [at, r] of records.entries())
      for (const v of new Set(Object.values(r.strategic ?? {}))) {
        if (!v || v.length < 8) continue;
        const known = values.get(v);
        if (known) known.holders.push(at);
        else values.set(v, { folded: fold(v), holders: [at] });
      }
    index = { records, values };
    strategicIndexes.set(store, index);
  }
  return index;
}

/**
 * "Which projects fall under the action 'Servizi e strutture senza ostacoli'?": the projects and objectives whose
 * indirizzo / obiettivo strategico / azione / linea di mandato the question names in full.
 */
function underStrategyNamed(ctx: ToolContext, question: string, lang: Lang): Reply | null {
  const q = fold(question);
  const { records, values } = strategicValuesOf(ctx.store);
  // each distinct name (eight letters or more) the question writes, at the first record the asker may see under it
  const named: { value: string; first: number }[] = [];
  for (const [value, { folded, holders }] of values) {
    if (!q.includes(folded)) continue;
    const first = holders.find((at) => visible(ctx, records[at]!.doc));
    if (first !== undefined) named.push({ value, first });
  }
  // the longest name wins: "Sanità e Welfare" inside a longer azione name is not what was asked
  const value = named.sort((a, b) => a.first - b.first).sort((a, b) => b.value.length - a.value.length)[0]?.value;
  if (!value) return null;
  const under = values
    .get(value)!
    .holders.map((at) => records[at]!)
    .filter((r) => visible(ctx, r.doc));
  const reply = emptyReply('strategic_reverse');
  reply.lines.push(
    packFor(lang).messages.structures.recordsUnder(under.length, value, under.map((r) => r.code).join(', ')),
  );
  for (const r of under.slice(0, 60)) reply.lines.push(`• ${r.code} — ${r.title} (${ctx.store.entityOf(r.doc)})`);
  reply.citations.push(...under.slice(0, 6).map((r) => citationOf(ctx, r.span, r.code)));
  reply.focus.push(...under.map((r) => r.code));
  return reply;
}
